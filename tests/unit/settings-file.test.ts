/**
 * content/settings/site.yaml is read and validated by one function (settings-file.ts): the content
 * check, the build (astro.config.mjs and the settings collection) and the CMS's save check give
 * an editor the same words for the same mistake.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '~/platform/content/content-check.ts';
import {
  loadSettings,
  readSettings,
  SettingsError,
  settingsPath,
} from '~/platform/content/settings-file.ts';
import { validateEntry } from '../../cms/validate.ts';

const SETTINGS = 'content/settings/site.yaml';

/** A project root whose content/ holds only a settings file with `text`. */
async function tree(text: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'migrasi-aman-settings-'));
  await mkdir(join(root, 'content/settings'), { recursive: true });
  await writeFile(join(root, SETTINGS), text);
  return root;
}

/** The repository's settings with some fields replaced. */
async function settingsWith(changes: Record<string, unknown>): Promise<Record<string, unknown>> {
  const data = yaml.load(await readFile(SETTINGS, 'utf8')) as Record<string, unknown>;
  return { ...data, ...changes };
}

describe('the settings file', () => {
  it('is read once and read again only when it changes', async () => {
    const root = await tree(yaml.dump(await settingsWith({})));
    const dir = join(root, 'content');
    const first = loadSettings(dir);
    expect(loadSettings(dir)).toBe(first);

    await writeFile(settingsPath(dir), yaml.dump(await settingsWith({ siteName: 'Situs Lain' })));
    // A later modification time, as an editor's save gives, even on a coarse file-system clock.
    const later = new Date(Date.now() + 5_000);
    await utimes(settingsPath(dir), later, later);
    expect(loadSettings(dir).siteName).toBe('Situs Lain');
  });

  it('names the file and the field of every mistake, in Indonesian', async () => {
    const root = await tree(
      yaml.dump(await settingsWith({ timezone: 'Europe/Berlin', siteUrl: 'migrasi' })),
    );
    const result = readSettings(join(root, 'content'));
    expect(result.settings).toBeUndefined();
    expect(result.problems.map((p) => p.field).sort()).toEqual(['siteUrl', 'timezone']);
    for (const line of result.problems.map(formatProblem))
      expect(line).toMatch(
        /^content\/settings\/site\.yaml: (siteUrl|timezone): (Alamat situs|Zona waktu)/,
      );
  });

  it('reports a file that is not YAML instead of failing with a stack trace', async () => {
    const root = await tree('siteName: [tidak ditutup\n');
    expect(() => loadSettings(join(root, 'content'))).toThrow(
      /content\/settings\/site\.yaml: Pengaturan tidak bisa dibaca: /,
    );
  });

  it('gives the same message from the content check, the build and the CMS', async () => {
    const broken = await settingsWith({ regency: 'X', timezone: 'Europe/Berlin' });
    const root = await tree(yaml.dump(broken));
    const contentDir = join(root, 'content');

    const check = (await checkContent(root)).problems.map(formatProblem);
    expect(check).toHaveLength(2);

    let thrown: unknown;
    try {
      loadSettings(contentDir);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SettingsError);
    expect((thrown as SettingsError).problems.map(formatProblem)).toEqual(check);

    // The real build on that tree stops while reading its config, with the same lines.
    const build = spawnSync('npx', ['astro', 'build', '--outDir', join(root, 'dist')], {
      encoding: 'utf8',
      env: { ...process.env, MIGRASI_CONTENT_DIR: contentDir },
    });
    expect(build.status).not.toBe(0);
    for (const line of check) expect(`${build.stdout}${build.stderr}`).toContain(line);

    // The CMS checks the settings entry before saving it, in the same words (without the file,
    // which the editor has open).
    const cms = validateEntry('settings', broken, new Set());
    expect(cms.sort()).toEqual((await checkContent(root)).problems.map((p) => p.message).sort());
  }, 120_000);
});
