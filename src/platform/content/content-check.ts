/**
 * Validates every content file against its schema and checks references between entries, without
 * starting Astro. `npm run check` and `npm run build` use it, so an editor's mistake is reported as
 * "file: field: what is wrong" before anything is built or published.
 */
import { readFileSync } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { entryCollections, type EntryCollectionName } from '../../schemas/index.ts';
import { LANGUAGES, LOCALES } from '../../model/languages.ts';
import { COLLECTIONS, entryExtension } from '../../model/collections.ts';
import { describeIssue } from '../../schemas/messages.ts';
import { issuesToProblems, type ContentProblem } from './problems.ts';
import { readSettings } from './settings-file.ts';
import { blankFrontmatter, guardTree, type GuardProblem } from './mdx-guard.ts';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { checkExampleCourses, examplesInContent } from '../../features/training/example-check.ts';
import { entryKey, type CheckCache } from './check-cache.ts';

export { formatProblem, issuesToProblems, type ContentProblem } from './problems.ts';

export interface CheckedEntry {
  collection: EntryCollectionName;
  locale: string;
  slug: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
const FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(md|mdx)$/;

/** The frontmatter's text and the body of a Markdown/MDX file, or null when it has no frontmatter. */
function frontmatterParts(text: string): { raw: string; body: string } | null {
  const match = FRONTMATTER.exec(text);
  return match ? { raw: match[1] ?? '', body: text.slice(match[0].length) } : null;
}

/** Splits a Markdown/MDX file into frontmatter (parsed the way Astro parses it: js-yaml) and body. */
export function splitFrontmatter(text: string): { data: unknown; body: string; raw: string } {
  const parts = frontmatterParts(text);
  if (!parts)
    throw new Error('Berkas tidak diawali bagian data (frontmatter) di antara dua baris "---".');
  return { data: yaml.load(parts.raw) ?? {}, ...parts };
}

const SESSION_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

/**
 * Session times as written, before YAML turns "2027-01-05T12:00:00+07:00" into a Date and loses
 * the offset (it would read as 05:00) or "…T00:00:00" into a bare day. Only the forms the CMS
 * writes are accepted: "2027-01-05T12:00" and, for a deadline, "2027-01-05".
 */
function sessionTimeProblems(file: string, frontmatter: string): ContentProblem[] {
  let raw: unknown;
  try {
    raw = yaml.load(frontmatter, { schema: yaml.CORE_SCHEMA });
  } catch {
    return [];
  }
  const sessions = (raw as { sessions?: unknown } | null)?.sessions;
  if (!Array.isArray(sessions)) return [];
  const problems: ContentProblem[] = [];
  sessions.forEach((session: unknown, i) => {
    for (const key of ['start', 'end', 'deadline'] as const) {
      const value = (session as Record<string, unknown> | null)?.[key];
      if (typeof value !== 'string' || SESSION_TIME.test(value.trim())) continue;
      if (!/^\d{4}-\d{2}-\d{2}[T ]\d/.test(value.trim())) continue; // the schema explains the rest
      problems.push({
        file,
        field: `sessions.${i}.${key}`,
        message: describeIssue(
          entryCollections.pelatihan,
          {
            path: ['sessions', i, key],
            message: `ditulis tanpa detik dan tanpa zona waktu, seperti 2026-12-05T08:00, bukan "${value}" (zona waktu diisi di kolom Zona waktu)`,
          },
          raw,
        ),
      });
    }
  });
  return problems;
}

/** File names an entry cannot take: the site already has a page at that address. */
const RESERVED_SLUGS: Partial<Record<EntryCollectionName, string[]>> = {
  panduan: ['cetak', 'langkah'],
  berita: ['halaman'],
  pelatihan: ['halaman', 'saring'],
};

/** Why a file of a collection has the wrong extension, and what to rename it to. */
function wrongExtension(
  collection: EntryCollectionName,
  slug: string,
  extension: 'md' | 'mdx',
): string {
  const what = COLLECTIONS[collection].cms[0];
  return extension === 'md'
    ? `${what} ditulis dengan Markdown biasa: ganti nama berkas menjadi ${slug}.md. Komponen seperti <Callout> tidak bisa dipakai di sini.`
    : `${what} disimpan sebagai berkas .mdx: ganti nama berkas menjadi ${slug}.mdx.`;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/**
 * Validates one entry file; returns its parsed data or the problems found. With a `cache`
 * (check-cache.ts), a file that passed before with the same text, path and code is not checked
 * again, and one that passes now is kept for the next run.
 */
export async function checkEntryFile(
  root: string,
  collection: EntryCollectionName,
  path: string,
  cache?: CheckCache,
): Promise<{ entry?: CheckedEntry; problems: ContentProblem[] }> {
  const file = relative(root, path).split('\\').join('/');
  let text: string;
  try {
    // Read in one call: a tree of 10,000 small files spent most of its check waiting on the four
    // round trips (open, stat, read, close) of each asynchronous read.
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return {
      problems: [{ file, field: '', message: `Berkas tidak bisa dibaca: ${(e as Error).message}` }],
    };
  }
  const [locale = '', name = ''] = file.split('/').slice(-2);
  const checked = (data: Record<string, unknown>, body: string): CheckedEntry => ({
    collection,
    locale,
    slug: name.replace(/\.mdx?$/, ''),
    file,
    data,
    body,
  });
  const key = cache ? entryKey(collection, file, text) : '';
  const kept = cache?.get(key);
  const keptBody = kept && frontmatterParts(text)?.body;
  if (kept && keptBody !== undefined) return { entry: checked(kept, keptBody), problems: [] };
  let parts: { data: unknown; body: string; raw: string };
  try {
    parts = splitFrontmatter(text);
  } catch (e) {
    const message =
      e instanceof yaml.YAMLException
        ? `Data (frontmatter) tidak bisa dibaca: ${e.reason} (baris ${e.mark.line + 1})`
        : (e as Error).message;
    return { problems: [{ file, field: '', message }] };
  }
  const bodyProblems = [
    ...(collection === 'pelatihan' ? sessionTimeProblems(file, parts.raw) : []),
    ...checkBody(file, text),
  ];
  const result = entryCollections[collection].safeParse(parts.data);
  if (!result.success)
    return {
      problems: [
        ...issuesToProblems(file, result.error, parts.data, entryCollections[collection]),
        ...bodyProblems,
      ],
    };
  if (bodyProblems.length > 0) return { problems: bodyProblems };
  const data = result.data as Record<string, unknown>;
  cache?.set(key, data);
  return { entry: checked(data, parts.body), problems: [] };
}

/**
 * Checks the whole content/ tree under `root`, or the tree at `contentDir` when given (the benchmark
 * builds a generated tree named by MIGRASI_CONTENT_DIR); problems name files relative to `root`.
 */
export async function checkContent(
  root: string,
  contentDir: string = join(root, 'content'),
  cache?: CheckCache,
): Promise<{ entries: CheckedEntry[]; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const entries: CheckedEntry[] = [];

  // Settings: read the way the build reads them (settings-file.ts), so the words are the same.
  problems.push(...readSettings(contentDir).problems);

  for (const collection of Object.keys(entryCollections) as EntryCollectionName[]) {
    const base = join(contentDir, collection);
    for (const child of await listDir(base)) {
      if (!(LOCALES as readonly string[]).includes(child)) {
        problems.push({
          file: relative(root, join(base, child)).split('\\').join('/'),
          field: '',
          message: `Simpan berkas di folder bahasanya: ${LANGUAGES.map((l) => `content/${collection}/${l.code}/ (${l.label})`).join(', ')}.`,
        });
        continue;
      }
      for (const name of await listDir(join(base, child))) {
        // .gitkeep keeps an empty folder (content/pelatihan/id/ when every course is an example).
        if (name.startsWith('.')) continue;
        const file = relative(root, join(base, child, name))
          .split('\\')
          .join('/');
        const extension = entryExtension(collection);
        if (!FILE_NAME.test(name)) {
          problems.push({
            file,
            field: '',
            message: `Nama berkas harus huruf kecil, angka dan tanda hubung, diakhiri .${extension} (misalnya cek-izin-p3mi.${extension}).`,
          });
          continue;
        }
        // The build reads only files with the collection's extension: any other would vanish.
        const slug = name.replace(/\.mdx?$/, '');
        if (name !== `${slug}.${extension}`) {
          problems.push({
            file,
            field: '',
            message: wrongExtension(collection, slug, extension),
          });
          continue;
        }
        const reserved = RESERVED_SLUGS[collection]?.find((r) => slug === r);
        if (reserved) {
          problems.push({
            file,
            field: '',
            message: `Nama "${reserved}" sudah dipakai alamat halaman situs (/${collection}/${reserved}/). Pilih nama berkas lain.`,
          });
          continue;
        }
        const checked = await checkEntryFile(root, collection, join(base, child, name), cache);
        problems.push(...checked.problems);
        if (checked.entry) entries.push(checked.entry);
      }
    }
  }

  problems.push(...checkReferences(entries));
  problems.push(...(await checkMedia(root, entries)));
  problems.push(...examplesInContent(entries));
  problems.push(
    ...(await checkExampleCourses(root, entries, (at, collection, path) =>
      checkEntryFile(at, collection, path, cache),
    )),
  );
  return { entries, problems };
}

/** References between entries must point at entries that exist in the same language. */
export function checkReferences(entries: CheckedEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Looked up in sets: scanning every entry for every reference took 0.8 s at 10,000 entries.
  const published = entries.filter((e) => e.data['draft'] !== true);
  const inLocale = new Set(published.map((e) => `${e.collection}/${e.locale}/${e.slug}`));
  const inAnyLocale = new Set(published.map((e) => `${e.collection}/${e.slug}`));
  const exists = (collection: EntryCollectionName, locale: string, slug: string) =>
    inLocale.has(`${collection}/${locale}/${slug}`);
  const anyLocale = (collection: EntryCollectionName, slug: string) =>
    inAnyLocale.has(`${collection}/${slug}`);

  for (const e of entries) {
    if (e.data['draft'] === true) continue;
    const refs = (field: string, target: EntryCollectionName, sameLocale: boolean) => {
      const value = e.data[field];
      const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
      list.forEach((slug, i) => {
        const ok = sameLocale
          ? exists(target, e.locale, String(slug))
          : anyLocale(target, String(slug));
        if (!ok) {
          problems.push({
            file: e.file,
            field: Array.isArray(value) ? `${field}.${i}` : field,
            message: `"${String(slug)}" tidak ditemukan di ${target}. Periksa ejaan nama berkasnya.`,
          });
        }
      });
    };
    if (e.collection === 'panduan') refs('related', 'panduan', true);
    if (e.collection === 'glosarium') refs('related', 'glosarium', true);
    if (e.collection === 'berita' || e.collection === 'pelatihan')
      refs('program', 'program', false);
  }
  return problems;
}

/**
 * Runs the MDX guard (src/platform/content/mdx-guard.ts) over the text of an entry, exactly as the build's
 * Markdown pipeline does, so an editor sees "file:line: what is wrong" before anything is built.
 */
export function checkBody(file: string, text: string): ContentProblem[] {
  const source = blankFrontmatter(text);
  let problems: GuardProblem[];
  try {
    const tree = file.endsWith('.md') ? markdownToMdast(source) : mdxToMdast(source);
    problems = guardTree(tree as never);
  } catch (e) {
    // The MDX parser reports "line:column: reason", e.g. for a "{" that is never closed.
    const message = (e as Error).message;
    const at = /^(\d+):\d+(?:-\d+:\d+)?:\s*/.exec(message);
    problems = [
      {
        line: at ? Number(at[1]) : 1,
        message: `Teks tidak bisa dibaca: ${at ? message.slice(at[0].length) : message}. Bila maksudnya teks biasa, tulis \\{, \\} dan &lt; untuk {, } dan <.`,
      },
    ];
  }
  return problems.map((p) => ({ file, field: '', line: p.line, message: p.message }));
}

/** An uploaded news image must exist in src/assets/media/, where the build optimises it. */
export async function checkMedia(root: string, entries: CheckedEntry[]): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  for (const e of entries) {
    const image = e.data['image'] as { src?: string } | undefined;
    if (!image?.src) continue;
    const name = image.src.replace(/^\/media\//, '');
    try {
      await access(join(root, 'src/assets/media', name));
    } catch {
      problems.push({
        file: e.file,
        field: 'image.src',
        message: `Gambar "${image.src}" tidak ada di src/assets/media/. Unggah ulang gambarnya lewat CMS.`,
      });
    }
  }
  return problems;
}
