/**
 * Writes dist/sw.js: the template in sw-template.js with a revisioned precache list (an MD5 of
 * each built file that belongs to a precache group). Only the journey (guides), glossary, service
 * points, offline page, stylesheet and app icons are precached, so the download stays modest
 * however many news pages the site grows; everything else is cached as it is read.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { LANGUAGES } from '../../model/languages.ts';
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionDescriptor,
} from '../../model/collections.ts';
import { inBatches } from '../output/batches.ts';
import { listTree } from '../output/tree.ts';

const gzipAsync = promisify(gzip);

/** `(en/)?`: the optional language folder in front of a built file's path, from the languages table. */
const LANG = `(${LANGUAGES.filter((l) => l.prefix !== '')
  .map((l) => `${l.prefix}\\/`)
  .join('|')})?`;

export type PrecacheGroup = 'core' | 'pages';

export interface PrecacheEntry {
  url: string;
  revision: string;
  group: PrecacheGroup;
}

/** What a reader needs even with Save-Data on: the offline page, the stylesheet, the app icons. */
const CORE = [
  new RegExp(`^${LANG}offline\\/index\\.html$`),
  /^_astro\/[^/]+\.css$/,
  new RegExp(`^${LANG}manifest\\.webmanifest$`),
  /^icons\/icon-192\.png$/,
  /^favicon\.svg$/,
  /^sw-register\.js$/,
];
/**
 * The journey and the help a reader looks up without signal: what each collection's `precache`
 * says in src/model/collections.ts (its list page, or the list and every entry page).
 */
const PAGES = COLLECTION_NAMES.flatMap((name) => {
  const {
    routes,
    precache,
    precacheExclude: exclude = [],
  }: CollectionDescriptor = COLLECTIONS[name];
  const home = routes[0];
  if (precache === 'none') return [];
  if (precache === 'list') return [new RegExp(`^${LANG}${home}\\/index\\.html$`)];
  const skip = exclude.map((folder) => `(?!${folder}\\/)`).join('');
  return [new RegExp(`^${LANG}${home}\\/${skip}([^/]+\\/)?index\\.html$`)];
});

/** Which precache group a dist-relative file belongs to, or null when it is not precached. */
export function precacheGroup(file: string): PrecacheGroup | null {
  if (CORE.some((re) => re.test(file))) return 'core';
  if (PAGES.some((re) => re.test(file))) return 'pages';
  return null;
}

/** The URL a dist-relative file is served at: directory indexes become "/path/". */
export function urlOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** Folders and files of the output that never hold a precached file, so they are not even listed. */
const NEVER = /^(?:admin|pagefind|og)(?:\/|$)|^sw\.js$/;

/** A precached file larger than this is an error: the first visit would download too much. */
const MAX_PRECACHED_BYTES = 512 * 1024;

/** The precache list, and the bytes of each listed file by URL (read once, used by every step). */
async function readPrecache(
  distDir: string,
): Promise<{ entries: PrecacheEntry[]; bodies: Map<string, Buffer> }> {
  // Only the files a group holds are read and hashed: a site of 10,000 news pages lists them, and
  // reads the few hundred pages and assets the reader keeps offline.
  const root = distDir.replace(/\/+$/, '');
  const listed = (await listTree(root)).files
    .map((path) => relative(root, path).split('\\').join('/'))
    .filter((file) => !NEVER.test(file))
    .map((file) => ({ file, group: precacheGroup(file) }));
  const files = listed.filter((f): f is { file: string; group: PrecacheGroup } => f.group !== null);
  const read = await inBatches(files, ({ file }) => readFile(`${root}/${file}`));
  const entries: PrecacheEntry[] = [];
  const bodies = new Map<string, Buffer>();
  const missed: string[] = [];
  files.forEach(({ file, group }, i) => {
    const body = read[i]!;
    if (body.length > MAX_PRECACHED_BYTES) {
      missed.push(`${file} is ${body.length} bytes, over the ${MAX_PRECACHED_BYTES}-byte limit`);
      return;
    }
    entries.push({ url: urlOf(file), revision: md5(body), group });
    bodies.set(urlOf(file), body);
  });
  // A file that belongs in the precache (a guide, the glossary, a service page…) being too large
  // is an error. The booklet of all guides grows with the site and is cached when opened.
  if (missed.length > 0) throw new Error(`Service worker precache: ${missed.join('; ')}`);
  entries.push(...(await scriptsOf(distDir, entries, bodies)));
  return { entries: entries.sort((a, b) => a.url.localeCompare(b.url)), bodies };
}

export async function precacheList(distDir: string): Promise<PrecacheEntry[]> {
  return (await readPrecache(distDir)).entries;
}

function md5(body: Buffer | string): string {
  return createHash('md5').update(body).digest('hex');
}

/** The site's own module scripts in a page, and the chunks a script imports statically. */
export function scriptUrls(source: string): string[] {
  const urls = new Set<string>();
  for (const m of source.matchAll(/<script\b[^>]*\bsrc="(\/_astro\/[^"]+\.js)"/g)) urls.add(m[1]!);
  for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g))
    urls.add(`/_astro/${m[1]}`);
  return [...urls];
}

/**
 * The scripts the precached pages run (a checklist's ticks, the job-offer check), in the group of
 * the pages that use them: without them a guide read offline would lose what its script adds.
 * Astro names them by content hash, so the revision is that content's hash too.
 */
async function scriptsOf(
  distDir: string,
  pages: PrecacheEntry[],
  bodies: Map<string, Buffer>,
): Promise<PrecacheEntry[]> {
  const found = new Map<string, PrecacheGroup>();
  const queue: [string, PrecacheGroup][] = [];
  for (const page of pages.filter((e) => e.url.endsWith('/'))) {
    const html = bodies.get(page.url)!.toString('utf8');
    for (const url of scriptUrls(html)) queue.push([url, page.group]);
  }
  const out: PrecacheEntry[] = [];
  while (queue.length > 0) {
    const [url, group] = queue.shift()!;
    if (found.get(url) === 'core' || found.get(url) === group) continue;
    found.set(url, group);
    const read = bodies.get(url) ?? (await readFile(`${distDir}${url}`));
    bodies.set(url, read);
    const body = read.toString('utf8');
    const revision = md5(body);
    const at = out.findIndex((e) => e.url === url);
    if (at >= 0) out.splice(at, 1);
    out.push({ url, revision, group });
    for (const next of scriptUrls(body)) queue.push([next, group]);
  }
  return out;
}

/** Where a precached URL's file is in the build output. */
function fileOf(distDir: string, url: string): string {
  return `${distDir}${url.endsWith('/') ? `${url}index.html` : url}`;
}

/** The marker OfflineNote.astro leaves for the measured size. */
export const OFFLINE_SIZE_SLOT = '<span data-offline-size></span>';

/**
 * The marker, empty or filled: a page kept from the previous output (src/integrations/
 * previous-output.ts) carries the size that build wrote, which is written again.
 */
const OFFLINE_SIZE = /<span data-offline-size>[^<]*<\/span>/g;

/** Gzip sizes of the measured files, by the md5 of their bytes. */
export type GzipSizes = Map<string, number>;

/**
 * What kept sizes are valid for: the compression library and its settings (Node's defaults). A
 * size is only ever looked up by the hash of the very bytes it was measured from.
 */
const GZIP_SIZES_VERSION = `zlib ${process.versions.zlib} default level`;

/**
 * The gzip sizes the last build kept in `file` (Astro's cacheDir, which CI keeps): a publish then
 * compresses only the precached files that changed, not all of them (~2,100 files at 10,000
 * entries). A missing or unreadable file, or one from another zlib, is no sizes.
 */
export async function readGzipSizes(file: string): Promise<GzipSizes> {
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as {
      version?: string;
      sizes?: Record<string, number>;
    };
    if (kept.version !== GZIP_SIZES_VERSION || !kept.sizes) return new Map();
    return new Map(Object.entries(kept.sizes).filter(([, n]) => Number.isInteger(n) && n > 0));
  } catch {
    return new Map();
  }
}

/** Keeps `sizes` in `file` for the next build, whole or not at all. */
export async function writeGzipSizes(file: string, sizes: GzipSizes): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const body = { version: GZIP_SIZES_VERSION, sizes: Object.fromEntries(sizes) };
  await writeFile(temporary, JSON.stringify(body));
  await rename(temporary, file);
}

/**
 * What the first visit downloads for offline reading, as the reader pays for it: the precached
 * files gzip-compressed (hosts compress HTML, CSS and the manifest; PNG is already compressed),
 * rounded up to 10 KB so that writing the figure into a page does not change it. `known`: sizes
 * kept by the last build, by the md5 of the bytes measured; the returned `sizes` are this build's.
 */
export async function offlineCost(
  distDir: string,
  entries: PrecacheEntry[],
  bodies = new Map<string, Buffer>(),
  known: ReadonlyMap<string, number> = new Map(),
) {
  let raw = 0;
  let compressed = 0;
  // The sizes of this build's files, to keep for the next one.
  const measuredSizes: GzipSizes = new Map();
  const measured = entries.filter((e) => e.group === 'pages' || e.group === 'core');
  // Compressed in libuv's thread pool, a batch at a time: at 10,000 entries ~2,100 files.
  const sizes = await inBatches(measured, async (e) => {
    const read = bodies.get(e.url) ?? (await readFile(fileOf(distDir, e.url)));
    if (/\.png$/.test(e.url)) return [read.length, read.length];
    // Measured with the marker empty, as a freshly rendered page has it: the figure must not
    // depend on whether the page was rendered or kept from the previous output.
    const text = read.toString('latin1');
    const body = text.includes('<span data-offline-size>')
      ? Buffer.from(text.replaceAll(OFFLINE_SIZE, OFFLINE_SIZE_SLOT), 'latin1')
      : read;
    const hash = md5(body);
    const size = known.get(hash) ?? (await gzipAsync(body)).length;
    measuredSizes.set(hash, size);
    return [body.length, size];
  });
  for (const [bytes, gzipped] of sizes) {
    raw += bytes!;
    compressed += gzipped!;
  }
  return {
    raw,
    compressed,
    roundedKB: Math.ceil(compressed / 1024 / 10) * 10,
    sizes: measuredSizes,
  };
}

/**
 * Writes sw.js into `distDir` with the precache list, and the offline size into the pages that
 * show it. `sizesFile`: where the measured files' gzip sizes are kept between builds.
 */
export async function writeServiceWorker(
  distDir: string,
  sizesFile?: string,
): Promise<{ entries: number; bytes: number; compressed: number; sizeLabel: string }> {
  const { entries, bodies } = await readPrecache(distDir);
  if (!entries.some((e) => e.url === '/offline/')) {
    throw new Error(
      'Service worker: dist/offline/index.html is missing, the offline fallback needs it.',
    );
  }
  // Tell readers what offline reading costs before it happens: the figure goes into the pages
  // that carry OfflineNote.astro, whose revisions are then those of the final files.
  const kept = sizesFile ? await readGzipSizes(sizesFile) : undefined;
  const cost = await offlineCost(distDir, entries, bodies, kept);
  // Only this build's files' sizes are kept, so the file does not grow with every edit; one that
  // cannot be written costs the next build the compression.
  if (sizesFile) await writeGzipSizes(sizesFile, cost.sizes).catch(() => undefined);
  const sizeLabel = `${cost.roundedKB} KB`;
  const changed: [string, Buffer][] = [];
  for (const e of entries) {
    if (!e.url.endsWith('/')) continue;
    const html = bodies.get(e.url)!.toString('utf8');
    if (!html.includes('<span data-offline-size>')) continue;
    const filled = html.replaceAll(OFFLINE_SIZE, `<span data-offline-size>${sizeLabel}</span>`);
    if (filled === html) continue;
    const body = Buffer.from(filled);
    if (body.length > MAX_PRECACHED_BYTES) {
      throw new Error(
        `Service worker precache: ${e.url} is over the ${MAX_PRECACHED_BYTES}-byte limit`,
      );
    }
    changed.push([fileOf(distDir, e.url), body]);
    bodies.set(e.url, body);
    e.revision = md5(body);
  }
  await inBatches(changed, ([file, body]) => writeFile(file, body));
  const template = await readFile(new URL('./sw-template.js', import.meta.url), 'utf8');
  const slot = 'const PRECACHE = __PRECACHE__;';
  if (!template.includes(slot)) throw new Error(`sw-template.js lost its "${slot}" line`);
  const source = template.replace(slot, `const PRECACHE = ${JSON.stringify(entries)};`);
  await writeFile(`${distDir}/sw.js`, source);
  let bytes = 0;
  for (const e of entries) bytes += bodies.get(e.url)!.length;
  return { entries: entries.length, bytes, compressed: cost.compressed, sizeLabel };
}
