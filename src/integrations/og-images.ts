/**
 * Writes the link-preview images into the build output once Astro has rendered the pages.
 *
 * The images are drawn in worker threads from the moment the OG route lists them
 * (src/pages/og/[...path].png.ts), so on two cores they are drawn while the main thread renders
 * the HTML pages, instead of the main thread waiting for each one as an ordinary route.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ogImagesToWrite } from '../platform/cards/og-handoff.ts';

export default function ogImages(): AstroIntegration {
  return {
    name: 'migrasi-aman:og-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const images = ogImagesToWrite();
        const started = performance.now();
        const out = fileURLToPath(dir);
        for (const [file, png] of images) {
          const path = join(out, file);
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, await png);
        }
        logger.info(
          `${images.size} link-preview images written (waited ${Math.round(performance.now() - started)} ms for the last drawings)`,
        );
        images.clear();
      },
    },
  };
}
