/**
 * The pages as the search index reads them (prepareForIndex, index-html.ts), kept between builds
 * in a folder per site: node_modules/.cache/search-index/<hash of the site folder>/ (or under
 * MIGRASI_SEARCH_CACHE). A publish changes a few dozen of ~11,000 indexed pages at 10,000
 * entries; reading every page, preparing it and writing the copy again took 5 s of its search
 * index, so only the pages that changed are prepared again.
 *
 * What is kept always follows the site as it is now, never the last build:
 * - a page is taken as unchanged when its file has the same size, times and inode as when its copy
 *   was made, or (after CI restored the folder, which gives new times) the same content hash;
 * - a copy whose page is gone, or no longer searchable, is removed, so a deleted page cannot stay
 *   searchable;
 * - the record is taken at the start and written at the end: a run that stops midway leaves
 *   none, and the next run prepares every page again; so does a change to the preparation's code.
 *
 * The copies are kept in one folder per `<html lang>` of their page (pages/<group>/<path>), so
 * that the index can be made one language at a time and a language whose pages did not change
 * is not indexed again (src/integrations/pagefind.ts). Each group has a fingerprint of its pages'
 * contents and of the preparation's code.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { inBatches } from '../output/batches.ts';
import { listTree } from '../output/tree.ts';
import { prepareForIndex } from './index-html.ts';

/** Where the folders live unless MIGRASI_SEARCH_CACHE says otherwise. */
const DEFAULT_CACHE = 'node_modules/.cache/search-index';
const RECORD = 'record.json';
const PAGES = 'pages';
/**
 * Only pages with an element that carries data-pagefind-body are indexed (BaseLayout sets it on
 * <main>): the attribute inside a tag, as Pagefind looks for it, not the words in a page's text.
 */
const SEARCHABLE = /<[a-z][^<>]*\sdata-pagefind-body(?=[\s=/>])/i;

/** The code a prepared copy comes from: a change to any of it prepares every page again. */
const PREPARATION_SOURCES = [
  './index-html.ts',
  './synonyms.ts',
  './search.ts',
  './prepared-pages.ts',
  // search.ts reads the languages and the collections.
  '../../model/languages.ts',
  '../../model/collections.ts',
];

function preparationVersion(): string {
  const hash = createHash('sha256');
  for (const file of PREPARATION_SOURCES) {
    try {
      hash.update(readFileSync(new URL(file, import.meta.url)));
    } catch {
      // Not readable (a bundled copy of this module): nothing is reused.
      return '';
    }
  }
  return hash.digest('hex');
}

/** Per page (its path in the site): [file signature, content hash, searchable, group]. */
type PageRecord = [signature: string, hash: string, searchable: boolean, group: string];

interface PreparedRecord {
  version: string;
  site: string;
  pages: { [page: string]: PageRecord };
}

/** The prepared copies of the pages of one `<html lang>`. */
export interface PreparedGroup {
  /** The folder name: the page's `lang`, in lower case, `_` for anything else than a-z, 0-9, -. */
  name: string;
  /** The folder to index: one prepared copy per page of the group, at the page's path. */
  dir: string;
  /** How many pages. */
  pages: number;
  /** Changes when a page of the group is added, removed or changed, or the preparation's code. */
  fingerprint: string;
}

export interface PreparedPages {
  /** The groups, by name in code-point order. */
  groups: PreparedGroup[];
  /** How many searchable pages. */
  pages: number;
  /** How many of them were prepared in this run (the others were kept). */
  made: number;
}

/** The group of a page: the `lang` of its <html> element (`_` when it has none). */
export function groupOf(html: string): string {
  const m = /<html\b[^>]*?\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(html);
  const lang = m?.[1] ?? m?.[2] ?? m?.[3] ?? '';
  return lang.toLowerCase().replace(/[^a-z0-9-]/g, '_') || '_';
}

/** The cache folder of `siteDir`. */
export function preparedFolder(siteDir: string): string {
  const root = resolve(process.env['MIGRASI_SEARCH_CACHE'] ?? DEFAULT_CACHE);
  return join(root, createHash('sha256').update(resolve(siteDir)).digest('hex').slice(0, 16));
}

async function takeRecord(
  folder: string,
  site: string,
  version: string,
): Promise<PreparedRecord | null> {
  const file = join(folder, RECORD);
  let record: PreparedRecord | null = null;
  try {
    record = JSON.parse(await readFile(file, 'utf8')) as PreparedRecord;
  } catch {
    // none, or unreadable
  }
  await rm(file, { force: true });
  if (!record || version === '' || record.version !== version || record.site !== site) return null;
  return record;
}

/**
 * Brings the prepared copies of `files` (the site's HTML pages, under `siteDir`) up to date and
 * returns their folder.
 */
export async function preparePages(siteDir: string, files: string[]): Promise<PreparedPages> {
  const site = resolve(siteDir);
  const folder = preparedFolder(site);
  const pagesDir = join(folder, PAGES);
  const version = preparationVersion();
  const before = await takeRecord(folder, site, version);
  if (!before) await rm(pagesDir, { recursive: true, force: true });
  const existing = new Set(
    (await listTree(pagesDir).catch(() => ({ files: [] as string[] }))).files.map((file) =>
      relative(pagesDir, file),
    ),
  );

  const pages: PreparedRecord['pages'] = {};
  const made = new Map<string, Promise<unknown>>();
  let prepared = 0;
  // A batch of files at a time: reads and writes overlap, and their order changes nothing.
  await inBatches(files, async (file) => {
    const page = relative(site, file);
    const info = await stat(file, { bigint: true });
    const signature = `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
    const old = before?.pages[page];
    const copyThere = (searchable: boolean, group: string) =>
      !searchable || existing.has(join(group, page));
    if (old && old[0] === signature && copyThere(old[2], old[3])) {
      pages[page] = old;
      return;
    }
    const content = await readFile(file);
    const hash = createHash('sha256').update(content).digest('base64url');
    if (old && old[1] === hash && copyThere(old[2], old[3])) {
      pages[page] = [signature, hash, old[2], old[3]];
      return;
    }
    const html = content.toString('utf8');
    const searchable = SEARCHABLE.test(html);
    const group = searchable ? groupOf(html) : '';
    pages[page] = [signature, hash, searchable, group];
    if (!searchable) return;
    const target = join(pagesDir, group, page);
    const parent = dirname(target);
    let ready = made.get(parent);
    if (!ready) {
      ready = mkdir(parent, { recursive: true });
      made.set(parent, ready);
    }
    await ready;
    await writeFile(target, prepareForIndex(html));
    prepared++;
  });
  // Copies of pages that are gone, no longer searchable or now in another group go, before
  // anything is indexed.
  const wanted = new Set<string>();
  const members = new Map<string, string[]>();
  for (const page of Object.keys(pages).sort()) {
    const [, hash, searchable, group] = pages[page]!;
    if (!searchable) continue;
    wanted.add(join(group, page));
    let list = members.get(group);
    if (!list) members.set(group, (list = []));
    list.push(`${page}\0${hash}`);
  }
  const gone = [...existing].filter((copy) => !wanted.has(copy));
  await Promise.all(gone.map((copy) => rm(join(pagesDir, copy), { force: true })));
  const groups = [...members.keys()].sort().map((name) => {
    const list = members.get(name)!;
    // Without a version (the code could not be read) no fingerprint matches another.
    const fingerprint = createHash('sha256')
      .update(`${version || randomUUID()}\n${list.join('\n')}`)
      .digest('hex');
    return { name, dir: join(pagesDir, name), pages: list.length, fingerprint };
  });

  await mkdir(folder, { recursive: true });
  const record: PreparedRecord = { version, site, pages };
  await writeFile(join(folder, RECORD), JSON.stringify(record));
  return { groups, pages: wanted.size, made: prepared };
}
