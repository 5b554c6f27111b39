/**
 * Builds the Pagefind search index after every `astro build`, with Pagefind's Node API, into
 * <outDir>/pagefind/ (served at /pagefind/). One index per `<html lang>` (id, en); only pages whose
 * <main> carries data-pagefind-body (set by BaseLayout) are indexed, so 404, /cari/ and /admin/
 * stay out.
 *
 * PAGEFIND_OUTPUT=<dir> writes the index somewhere else instead: `npm run dev` uses it to put a
 * development index into public/pagefind/ (see scripts/dev-search-index.ts).
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';

export interface PagefindResult {
  pages: number;
  outputPath: string;
}

/** Indexes the HTML files in `siteDir` and writes the bundle to `outputPath` (replacing it). */
export async function buildSearchIndex(
  siteDir: string,
  outputPath: string,
): Promise<PagefindResult> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // A development index copied in from public/ must not leave stale chunks next to the new ones.
    await rm(outputPath, { recursive: true, force: true });
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0)
      throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    if (added.page_count === 0) {
      throw new Error(
        `Pagefind found no page to index in ${siteDir}: is data-pagefind-body still on <main> in BaseLayout?`,
      );
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    }
    return { pages: added.page_count, outputPath };
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'migrasi-aman:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const custom = process.env['PAGEFIND_OUTPUT'];
        const outputPath = custom ? resolve(custom) : join(siteDir, 'pagefind');
        const started = performance.now();
        const result = await buildSearchIndex(siteDir, outputPath);
        const ms = Math.round(performance.now() - started);
        logger.info(`indexed ${result.pages} pages into ${result.outputPath} in ${ms} ms`);
      },
    },
  };
}
