/**
 * Builds over the previous output instead of emptying it first, then removes every file this
 * build did not make.
 *
 * Astro's incremental build leaves a reused page alone when its file is already in the output
 * folder, and copies it from its cacheDir when it is not. Emptying the folder first (Astro's
 * default) threw the pages away only to copy them back: at 10,000 entries, a publish spent 7 s
 * deleting ~26,000 files and 12 s copying ~22,000 of them back.
 *
 * What stays is exactly what this build made: Astro's pages and endpoint files (its `assets`,
 * rendered or reused) and every file written since the build started (scripts, styles, public
 * files, cards, audio, sitemap, icons, service worker). A file older than the build that Astro did
 * not list is stale: the page of a news item that was deleted or unpublished, an old card, an old
 * script. A step that keeps a file of the previous output without writing it again marks it as
 * made by touching it (the audio of reused pages, src/integrations/listen-audio.ts).
 *
 * Must be the last integration with an `astro:build:done` hook. The search index, when made
 * after the build (scripts/search-index.ts), replaces its whole folder.
 */
import { readdir, rmdir, stat, unlink } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listTree } from '../platform/output/tree.ts';

/**
 * How far before the build's start a file's time may be and still count as written by it: file
 * systems store times coarser than the clock. No file of an earlier build is that recent, since
 * starting a build (config, content sync) takes longer.
 */
const CLOCK_SLACK_MS = 2000;

/**
 * Removes the files under `outDir` that are neither in `made` (absolute paths) nor changed since
 * `since` (epoch ms), then the folders left empty. Returns the removed files, relative to `outDir`.
 */
export async function removeStale(
  outDir: string,
  made: ReadonlySet<string>,
  since: number,
): Promise<string[]> {
  const { files, folders } = await listTree(outDir);
  const others = files.filter((path) => !made.has(path));
  // A batch at a time: at 10,000 entries ~4,000 files are not Astro's pages.
  const stale: string[] = [];
  for (let i = 0; i < others.length; i += 256) {
    const batch = others.slice(i, i + 256);
    const times = await Promise.all(batch.map((path) => stat(path).then((s) => s.mtimeMs)));
    batch.forEach((path, at) => {
      if (times[at]! < since - CLOCK_SLACK_MS) stale.push(path);
    });
  }
  await Promise.all(stale.map((path) => unlink(path)));
  const removed = stale.map((path) => relative(outDir, path).split('\\').join('/'));
  // Deepest first, so that a folder whose sub-folders were all emptied goes too.
  folders.sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    if ((await readdir(folder)).length === 0) await rmdir(folder);
  }
  return removed.sort();
}

export default function previousOutput(): AstroIntegration {
  let started = Date.now();
  return {
    name: 'migrasi-aman:previous-output',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:start': () => {
        started = Date.now();
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const made = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) made.add(fileURLToPath(url));
        const removed = await removeStale(outDir, made, started);
        const shown = removed.slice(0, 5).join(', ');
        logger.info(
          removed.length === 0
            ? 'previous output: nothing stale to remove'
            : `previous output: ${removed.length} file(s) this build no longer makes removed (${shown}${removed.length > 5 ? ', …' : ''})`,
        );
      },
    },
  };
}
