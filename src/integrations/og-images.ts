/**
 * Writes the link-preview images into the build output once Astro has rendered the pages.
 *
 * The images are drawn in worker threads from the moment the OG route lists them
 * (src/pages/og/[...path].png.ts), so on two cores they are drawn while the main thread renders
 * the HTML pages, instead of the main thread waiting for each one as an ordinary route. Once the
 * pages are rendered, the cards still to draw get a worker on that core as well, and this
 * integration's last step comes after the sitemap and the offline list (astro.config.mjs), which
 * run while the last cards are drawn.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ogImagesToWrite, startMoreWorkers } from '../platform/cards/og-handoff.ts';

export default function ogImages(): AstroIntegration {
  return {
    name: 'migrasi-aman:og-images',
    hooks: {
      'astro:build:generated': ({ logger }) => {
        const started = startMoreWorkers();
        if (started > 0)
          logger.info(`pages rendered: ${started} more worker(s) draw the last cards`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const images = ogImagesToWrite();
        const started = performance.now();
        const out = fileURLToPath(dir);
        // Several files at a time: at 10,000 entries there are ~4,000, mostly copies from the cache.
        const queue = [...images];
        const folders = new Map<string, Promise<unknown>>();
        const writeNext = async (): Promise<void> => {
          for (let next = queue.pop(); next; next = queue.pop()) {
            const [file, source] = next;
            const path = join(out, file);
            const folder = dirname(path);
            if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
            await folders.get(folder);
            if ('cached' in source) await copyFile(source.cached, path);
            else await writeFile(path, await source.drawn);
          }
        };
        await Promise.all(Array.from({ length: 16 }, writeNext));
        const fromCache = [...images.values()].filter((source) => 'cached' in source).length;
        logger.info(
          `${images.size} link-preview images written, ${fromCache} of them copied from the cache (${Math.round(performance.now() - started)} ms after the pages, with the last drawings)`,
        );
        images.clear();
      },
    },
  };
}
