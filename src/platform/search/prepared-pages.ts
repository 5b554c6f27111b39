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
 */
import { createHash } from 'node:crypto';
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
/** Only pages whose <main> carries this are indexed (BaseLayout sets it). */
const SEARCHABLE = 'data-pagefind-body';

/** The code a prepared copy comes from: a change to any of it prepares every page again. */
const PREPARATION_SOURCES = ['index-html.ts', 'synonyms.ts', 'search.ts', 'prepared-pages.ts'];

function preparationVersion(): string {
  const hash = createHash('sha256');
  for (const file of PREPARATION_SOURCES) {
    try {
      hash.update(readFileSync(new URL(`./${file}`, import.meta.url)));
    } catch {
      // Not readable (a bundled copy of this module): nothing is reused.
      return '';
    }
  }
  return hash.digest('hex');
}

/** Per page (its path in the site): [file signature, content hash, searchable]. */
type PageRecord = [signature: string, hash: string, searchable: boolean];

interface PreparedRecord {
  version: string;
  site: string;
  pages: { [page: string]: PageRecord };
}

export interface PreparedPages {
  /** The folder to index: one prepared copy per searchable page, at the page's path. */
  dir: string;
  /** How many searchable pages. */
  pages: number;
  /** How many of them were prepared in this run (the others were kept). */
  made: number;
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
    const copyThere = (searchable: boolean) => !searchable || existing.has(page);
    if (old && old[0] === signature && copyThere(old[2])) {
      pages[page] = old;
      return;
    }
    const content = await readFile(file);
    const hash = createHash('sha256').update(content).digest('base64url');
    if (old && old[1] === hash && copyThere(old[2])) {
      pages[page] = [signature, hash, old[2]];
      return;
    }
    const html = content.toString('utf8');
    const searchable = html.includes(SEARCHABLE);
    pages[page] = [signature, hash, searchable];
    if (!searchable) return;
    const target = join(pagesDir, page);
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
  // Copies of pages that are gone or no longer searchable go, before anything is indexed.
  const gone = [...existing].filter((page) => !pages[page]?.[2]);
  await Promise.all(gone.map((page) => rm(join(pagesDir, page), { force: true })));
  const count = Object.values(pages).filter((record) => record[2]).length;

  await mkdir(folder, { recursive: true });
  const record: PreparedRecord = { version, site, pages };
  await writeFile(join(folder, RECORD), JSON.stringify(record));
  return { dir: pagesDir, pages: count, made: prepared };
}
