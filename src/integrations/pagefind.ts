/**
 * Builds the Pagefind search index after every `astro build`, with Pagefind's Node API, into
 * <outDir>/pagefind/ (served at /pagefind/). One index per `<html lang>` (id, en); only pages whose
 * <main> carries data-pagefind-body (set by BaseLayout) are indexed, so 404, /cari/ and /admin/
 * stay out.
 *
 * `npm run build` indexes in a process of its own once Astro's has ended
 * (MIGRASI_SEARCH_INDEX=after, then scripts/search-index.ts): Pagefind holds every page while it
 * indexes, and inside the build hook that memory came on top of what Astro still held (at 10,000
 * entries 1.7 GB on top of 3.6 GB). A plain `astro build` still indexes in its last hook.
 *
 * PAGEFIND_OUTPUT=<dir> writes the index somewhere else instead: `npm run dev` uses it to put a
 * development index into public/pagefind/ (see scripts/dev-search-index.ts).
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
// Imported with the config: Astro's module runner that loaded it may be closed by the time the
// build is done, and an `import('pagefind')` then fails ("Vite module runner has been closed").
import * as pagefind from 'pagefind';
import { INDEX_TAG_PLACEHOLDER } from '../platform/search/search.ts';
import { preparePages } from '../platform/search/prepared-pages.ts';
import { listTree } from '../platform/output/tree.ts';

/** The search pages, which carry the index version for Pagefind's metaCacheTag. */
const SEARCH_PAGES = ['cari/index.html', 'en/cari/index.html'];

/** Writes a hash of the new index into the search pages; returns the hash. */
async function stampSearchPages(siteDir: string, outputPath: string): Promise<string> {
  const entry = await readFile(join(outputPath, 'pagefind-entry.json'));
  const tag = createHash('sha256').update(entry).digest('hex').slice(0, 12);
  for (const page of SEARCH_PAGES) {
    const file = join(siteDir, page);
    const html = await readFile(file, 'utf8').catch(() => null);
    if (html?.includes(INDEX_TAG_PLACEHOLDER)) {
      await writeFile(file, html.replaceAll(INDEX_TAG_PLACEHOLDER, tag));
    }
  }
  return tag;
}

/**
 * Pagefind's ready-made UIs, written with every index. The search page uses Pagefind's JS API
 * with its own small script instead, so these are removed from the output: nothing links to
 * them, and an offline cache of /pagefind/ should not carry ~430 KB of unused code. Their gzip
 * sizes are logged on every build, as the yardstick for the choice.
 */
export const UNUSED_UI_FILES: Record<string, string[]> = {
  'Component UI': ['pagefind-component-ui.js', 'pagefind-component-ui.css'],
  'Default UI': ['pagefind-ui.js', 'pagefind-ui.css'],
  'Modular UI': ['pagefind-modular-ui.js', 'pagefind-modular-ui.css'],
  'highlight script': ['pagefind-highlight.js'],
};

export interface PagefindResult {
  pages: number;
  /** How many of the pages' copies for the index were made again (the rest were unchanged). */
  prepared: number;
  outputPath: string;
  /** Gzip bytes of each removed ready-made UI (JS + CSS). */
  unusedUiBytes: Record<string, number>;
}

async function removeUnusedUi(outputPath: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const [name, files] of Object.entries(UNUSED_UI_FILES)) {
    sizes[name] = 0;
    for (const file of files) {
      const path = join(outputPath, file);
      const body = await readFile(path).catch(() => null);
      if (body) sizes[name] += gzipSync(body, { level: 9 }).length;
      await rm(path, { force: true });
    }
  }
  return sizes;
}

/** Every .html file under `dir`, except the CMS and an index written inside the site. */
async function htmlFiles(dir: string, skip: string): Promise<string[]> {
  const { files } = await listTree(dir);
  return files.filter(
    (f) =>
      f.endsWith('.html') &&
      !f.startsWith(join(dir, 'admin') + sep) &&
      !f.startsWith(resolve(skip) + sep),
  );
}

/** Indexes the HTML files in `siteDir` and writes the bundle to `outputPath` (replacing it). */
export async function buildSearchIndex(
  siteDir: string,
  outputPath: string,
): Promise<PagefindResult> {
  // Each page is indexed with the synonyms of its words and its type's weight (index-html.ts),
  // without changing the HTML that is served: Pagefind reads prepared copies of the pages from a
  // folder of their own, kept between builds (prepared-pages.ts: only changed pages are prepared
  // again). One addDirectory over that folder, rather than one addHTMLFile call per page, lets
  // Pagefind read and parse the pages itself, in parallel, and still in a fixed order (the index
  // comes out the same on every build).
  const prepared = await preparePages(siteDir, await htmlFiles(siteDir, outputPath));
  try {
    const { pages } = prepared;
    if (pages === 0) {
      throw new Error(
        `Pagefind found no page to index in ${siteDir}: is data-pagefind-body still on <main> in BaseLayout?`,
      );
    }
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: prepared.dir });
    if (added.errors.length > 0)
      throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    if (added.page_count !== pages)
      throw new Error(`Pagefind indexed ${added.page_count} of the ${pages} pages of ${siteDir}`);
    // A development index copied in from public/ must not leave stale chunks next to the new ones.
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    }
    return {
      pages,
      prepared: prepared.made,
      outputPath,
      unusedUiBytes: await removeUnusedUi(outputPath),
    };
  } finally {
    await pagefind.close();
  }
}

/** Where the index of `siteDir` goes: <siteDir>/pagefind, or PAGEFIND_OUTPUT. */
function outputFor(siteDir: string): { outputPath: string; custom: boolean } {
  const custom = process.env['PAGEFIND_OUTPUT'];
  return { outputPath: custom ? resolve(custom) : join(siteDir, 'pagefind'), custom: !!custom };
}

/** Indexes a built site and stamps its search pages; `log` gets what was done. */
export async function indexSite(siteDir: string, log: (message: string) => void): Promise<void> {
  const { outputPath, custom } = outputFor(siteDir);
  const started = performance.now();
  const result = await buildSearchIndex(siteDir, outputPath);
  if (!custom) await stampSearchPages(siteDir, outputPath);
  const ms = Math.round(performance.now() - started);
  log(
    `indexed ${result.pages} pages (${result.prepared} prepared again) into ${result.outputPath} in ${ms} ms`,
  );
  const ui = Object.entries(result.unusedUiBytes).map(([k, v]) => `${k} ${v} B`);
  log(`not shipped (gzip): ${ui.join(', ')}`);
}

/** MIGRASI_SEARCH_INDEX=after: the build leaves the index to scripts/search-index.ts. */
const SEARCH_INDEX_AFTER = 'after';

/**
 * The folder of `siteDir`'s search index when this build leaves it to scripts/search-index.ts,
 * which replaces it whole; otherwise null.
 */
export function indexFolderLeftToScript(siteDir: string): string | null {
  if (process.env['MIGRASI_SEARCH_INDEX'] !== SEARCH_INDEX_AFTER) return null;
  const { outputPath, custom } = outputFor(siteDir);
  return custom ? null : outputPath;
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'migrasi-aman:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env['MIGRASI_SEARCH_INDEX'] === SEARCH_INDEX_AFTER) {
          logger.info('search index: made after this build, by scripts/search-index.ts');
          return;
        }
        await indexSite(fileURLToPath(dir), (message) => logger.info(message));
      },
    },
  };
}
