/**
 * Builds over the previous output instead of emptying it first, then removes every file this
 * build did not make.
 *
 * Astro's incremental build leaves a reused page alone when its file is already in the output
 * folder, and copies it from its cacheDir when it is not. Emptying the folder first (Astro's
 * default) threw the pages away only to copy them back: at 10,000 entries ~26,000 files deleted
 * and ~22,000 copied back in every publish (Astro's part 45-50 s, over the output 32-36 s).
 *
 * What stays is exactly what this build made: Astro's pages and endpoint files (its `assets`,
 * rendered or reused) and every file written during the build (scripts, styles, public files,
 * cards, audio, sitemap, icons, service worker), that is every file that was not there when the
 * build started or whose modification time has changed since. A file that was there, that Astro
 * did not list and that nothing wrote again is stale: the page of a news item that was deleted or
 * unpublished, an old card, an old script. A step that keeps a file of the previous output
 * without writing it again marks it as made by touching it (the audio of reused pages,
 * src/integrations/listen-audio.ts).
 *
 * Must be the last integration with an `astro:build:done` hook. The search index, when made
 * after the build (scripts/search-index.ts), replaces its whole folder: it is left to it.
 */
import { rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listTree } from '../platform/output/tree.ts';
import { indexFolderLeftToScript } from './pagefind.ts';

/** The files of the output folder when the build started, with their modification times. */
export type Snapshot = ReadonlyMap<string, number>;

/** Modification times of `paths`, a batch at a time (at 10,000 entries ~26,000 files). */
async function modified(paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < paths.length; i += 256) {
    const batch = paths.slice(i, i + 256);
    times.push(...(await Promise.all(batch.map((path) => stat(path).then((s) => s.mtimeMs)))));
  }
  return times;
}

/** What `outDir` holds before the build: every file and its modification time. */
export async function snapshot(outDir: string): Promise<Snapshot> {
  const { files } = await listTree(resolve(outDir));
  const times = await modified(files);
  return new Map(files.map((path, at) => [path, times[at]!]));
}

/**
 * Removes the files under `outDir` that were there before the build (`before`), are not in
 * `made` (absolute paths) and were not written since: their modification time is the one they
 * had. Comparing with a file's own earlier time, not with the clock, keeps the rule right when a
 * restored output carries times from another machine's clock. Files under the folders in `leave`
 * are left to the step that replaces them. Then removes the folders that the removal left empty.
 * Returns the removed files, relative to `outDir`, sorted.
 */
export async function removeStale(
  outDir: string,
  before: Snapshot,
  made: ReadonlySet<string>,
  leave: readonly string[] = [],
): Promise<string[]> {
  const root = resolve(outDir);
  const { files } = await listTree(root);
  const left = leave.map((folder) => resolve(folder) + sep);
  const untouched = files.filter(
    (path) => before.has(path) && !made.has(path) && !left.some((f) => path.startsWith(f)),
  );
  const times = await modified(untouched);
  const stale = untouched.filter((path, at) => times[at] === before.get(path));
  await Promise.all(stale.map((path) => unlink(path)));
  // The folders of removed files that hold nothing else any more, deepest first.
  const gone = new Set(stale);
  const full = new Set<string>();
  for (const file of files) {
    if (gone.has(file)) continue;
    for (let d = dirname(file); d !== root && !full.has(d); d = dirname(d)) full.add(d);
  }
  const emptied = new Set<string>();
  for (const file of stale) {
    for (let d = dirname(file); d !== root && !full.has(d); d = dirname(d)) emptied.add(d);
  }
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
    await rmdir(folder).catch((error: NodeJS.ErrnoException) => {
      // An empty folder the build made inside it keeps it: nothing of the previous output is lost.
      if (error.code !== 'ENOTEMPTY') throw error;
    });
  }
  return stale.map((path) => relative(root, path).split('\\').join('/')).sort();
}

export default function previousOutput(): AstroIntegration {
  let outDir = '';
  let before: Snapshot = new Map();
  return {
    name: 'migrasi-aman:previous-output',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async () => {
        before = await snapshot(outDir);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const made = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) made.add(fileURLToPath(url));
        const out = fileURLToPath(dir);
        const index = indexFolderLeftToScript(out);
        const removed = await removeStale(out, before, made, index ? [index] : []);
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
