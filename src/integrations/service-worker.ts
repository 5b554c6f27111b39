/**
 * Writes dist/sw.js: the template in sw-template.js with a revisioned precache list computed by
 * Workbox's getManifest over the built files. Only the journey (guides), glossary, service points,
 * offline page, stylesheet and app icons are precached, so the download stays modest however many
 * news pages the site grows; everything else is cached as it is read.
 */
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { getManifest } from 'workbox-build';
import { LANGUAGES } from '../model/languages.ts';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionDescriptor } from '../model/collections.ts';

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

export async function precacheList(distDir: string): Promise<PrecacheEntry[]> {
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: distDir,
    // Only the kinds of file the groups above can hold: the CMS bundle (in _astro/, megabytes) and
    // other scripts are never precached, so they must not even be looked at.
    globPatterns: ['**/*.{html,css,webmanifest,png,svg}', 'sw-register.js'],
    globIgnores: ['admin/**', 'pagefind/**', 'og/**', 'sw.js'],
    maximumFileSizeToCacheInBytes: 512 * 1024,
  });
  // Workbox warns about every large file it looked at; only a file that belongs in the precache
  // (a guide, the glossary, a service page…) being left out is an error. The booklet of all guides
  // grows with the site and is cached when opened, like any other page.
  const missed = warnings.filter((w) => precacheGroup(w.split(' ')[0] ?? '') !== null);
  if (missed.length > 0) throw new Error(`Service worker precache: ${missed.join('; ')}`);
  const entries: PrecacheEntry[] = [];
  for (const entry of manifestEntries ?? []) {
    const group = precacheGroup(entry.url);
    if (group && entry.revision)
      entries.push({ url: urlOf(entry.url), revision: entry.revision, group });
  }
  entries.push(...(await scriptsOf(distDir, entries)));
  return entries.sort((a, b) => a.url.localeCompare(b.url));
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
async function scriptsOf(distDir: string, pages: PrecacheEntry[]): Promise<PrecacheEntry[]> {
  const found = new Map<string, PrecacheGroup>();
  const queue: [string, PrecacheGroup][] = [];
  for (const page of pages.filter((e) => e.url.endsWith('/'))) {
    const html = await readFile(`${distDir}${page.url}index.html`, 'utf8');
    for (const url of scriptUrls(html)) queue.push([url, page.group]);
  }
  const out: PrecacheEntry[] = [];
  while (queue.length > 0) {
    const [url, group] = queue.shift()!;
    if (found.get(url) === 'core' || found.get(url) === group) continue;
    found.set(url, group);
    const body = await readFile(`${distDir}${url}`, 'utf8');
    const revision = createHash('md5').update(body).digest('hex');
    const at = out.findIndex((e) => e.url === url);
    if (at >= 0) out.splice(at, 1);
    out.push({ url, revision, group });
    for (const next of scriptUrls(body)) queue.push([next, group]);
  }
  return out;
}

export async function writeServiceWorker(
  distDir: string,
): Promise<{ entries: number; bytes: number }> {
  const entries = await precacheList(distDir);
  if (!entries.some((e) => e.url === '/offline/')) {
    throw new Error(
      'Service worker: dist/offline/index.html is missing, the offline fallback needs it.',
    );
  }
  const template = await readFile(new URL('./sw-template.js', import.meta.url), 'utf8');
  const slot = 'const PRECACHE = __PRECACHE__;';
  if (!template.includes(slot)) throw new Error(`sw-template.js lost its "${slot}" line`);
  const source = template.replace(slot, `const PRECACHE = ${JSON.stringify(entries)};`);
  await writeFile(`${distDir}/sw.js`, source);
  let bytes = 0;
  for (const e of entries) {
    const file = e.url.endsWith('/') ? `${e.url}index.html` : e.url;
    bytes += (await stat(`${distDir}${file}`)).size;
  }
  return { entries: entries.length, bytes };
}
