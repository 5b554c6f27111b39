/**
 * The settings file (content/settings/site.yaml) read and validated in one place. Everything that
 * needs the settings outside a page goes through `loadSettings`: astro.config.mjs (site address,
 * app names), the `settings` content collection (which pages read with getSettings()), the content
 * check and the tests. So a broken file gives the same message wherever it is read, naming the file
 * and the field in plain Indonesian, and is parsed once per change.
 *
 * Node only (it reads the file system); the CMS edits the same file in the browser and checks it
 * with the same schema and messages (cms/checked-widgets.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { SETTINGS_FILE, SettingsSchema } from '../../schemas/index.ts';
import type { Settings } from '../../schemas/settings.ts';
import { formatProblem, issuesToProblems, type ContentProblem } from './problems.ts';

/**
 * The content tree: MIGRASI_CONTENT_DIR (the benchmark's generated tree, the tests' fixture tree)
 * or content/ under `root`.
 */
export function contentDirectory(
  root: string = process.cwd(),
  env: Record<string, string | undefined> = process.env,
): string {
  return resolve(root, env['MIGRASI_CONTENT_DIR'] || 'content');
}

/** Where the settings file of a content tree is. */
export function settingsPath(contentDir: string = contentDirectory()): string {
  return join(contentDir, SETTINGS_FILE.replace(/^content\//, ''));
}

export type SettingsResult =
  | { settings: Settings; problems: [] }
  | { settings?: undefined; problems: ContentProblem[] };

/** Validates the text of a settings file. Problems name the file as the editor knows it. */
export function parseSettings(text: string): SettingsResult {
  let data: unknown;
  try {
    data = yaml.load(text);
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0];
    return { problems: [problem(`Pengaturan tidak bisa dibaca: ${reason}`)] };
  }
  const parsed = SettingsSchema.safeParse(data ?? {});
  if (!parsed.success)
    return { problems: issuesToProblems(SETTINGS_FILE, parsed.error, data, SettingsSchema) };
  return { settings: parsed.data, problems: [] };
}

const problem = (message: string): ContentProblem => ({ file: SETTINGS_FILE, field: '', message });

/** Read results by file, kept until the file changes (astro dev reloads it on save). */
const memo = new Map<string, { stamp: string; result: SettingsResult }>();

/** Reads and validates the settings of a content tree; parsed once per version of the file. */
export function readSettings(contentDir: string = contentDirectory()): SettingsResult {
  const path = settingsPath(contentDir);
  let stamp: string;
  try {
    const stat = statSync(path);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return { problems: [problem('Berkas pengaturan tidak ditemukan.')] };
  }
  const known = memo.get(path);
  if (known?.stamp === stamp) return known.result;
  const result = parseSettings(readFileSync(path, 'utf8'));
  memo.set(path, { stamp, result });
  return result;
}

/** Thrown when the settings are wrong: its message lists every problem, one line each. */
export class SettingsError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(
      `Pengaturan situs belum benar. Perbaiki lalu simpan lagi:\n${problems
        .map((p) => `  ✗ ${formatProblem(p)}`)
        .join('\n')}`,
    );
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

/** The settings of a content tree, validated; throws a SettingsError naming file and field. */
export function loadSettings(contentDir: string = contentDirectory()): Settings {
  const result = readSettings(contentDir);
  if (!result.settings) throw new SettingsError(result.problems);
  return result.settings;
}
