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
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  ogImagesToWrite,
  startMoreWorkers,
  type OgImageSource,
} from '../platform/cards/og-handoff.ts';
import { CARDS_FOLDER } from '../platform/cards/og.ts';
import { removeFiles } from '../platform/output/remove.ts';
import { listTree } from '../platform/output/tree.ts';

/** Whether the file at `there` exists and holds the same bytes as `source`. */
async function sameBytes(source: string, there: string): Promise<boolean> {
  const [a, b] = await Promise.all([stat(source), stat(there).catch(() => undefined)]);
  if (!b?.isFile() || a.size !== b.size) return false;
  const [x, y] = await Promise.all([readFile(source), readFile(there)]);
  return x.equals(y);
}

/**
 * Writes the cards into the output folder; returns how many it wrote. A card from the cache that
 * the output already holds byte for byte is left alone: in a publish at 10,000 entries that is
 * ~4,000 files not deleted and copied again (reading both is much cheaper than writing one).
 */
async function writeCards(out: string, images: Map<string, OgImageSource>): Promise<number> {
  // Several files at a time: at 10,000 entries there are ~4,000, mostly copies from the cache.
  const queue = [...images];
  const folders = new Map<string, Promise<unknown>>();
  let written = 0;
  const writeNext = async (): Promise<void> => {
    for (let next = queue.pop(); next; next = queue.pop()) {
      const [file, source] = next;
      const path = join(out, file);
      if ('cached' in source && (await sameBytes(source.cached, path))) continue;
      const folder = dirname(path);
      if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
      await folders.get(folder);
      if ('cached' in source) await copyFile(source.cached, path);
      else await writeFile(path, await source.drawn);
      written++;
    }
  };
  await Promise.all(Array.from({ length: 16 }, writeNext));
  return written;
}

/** Removes the cards of pages this build no longer has, and the folders left empty. */
async function removeOtherCards(out: string, images: Map<string, OgImageSource>): Promise<number> {
  const root = join(out, CARDS_FOLDER);
  const { files } = await listTree(root);
  const other = files.filter((path) => !images.has(relative(out, path).split(sep).join('/')));
  await removeFiles(root, files, other);
  return other.length;
}

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
        const written = await writeCards(out, images);
        const removed = await removeOtherCards(out, images);
        const fromCache = [...images.values()].filter((source) => 'cached' in source).length;
        logger.info(
          `${images.size} link-preview images, ${fromCache} of them from the cache: ${written} written, ${removed} of other pages removed (${Math.round(performance.now() - started)} ms after the pages, with the last drawings)`,
        );
        images.clear();
      },
    },
  };
}
