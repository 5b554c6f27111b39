/**
 * Builds over the previous output instead of emptying it first, then removes every file this
 * build did not make, before any other step reads the output.
 *
 * Astro's incremental build leaves a reused page alone when its file is already in the output
 * folder, and copies it from its cacheDir when it is not. Emptying the folder first (Astro's
 * default) threw the pages away only to copy them back: at 10,000 entries ~26,000 files deleted
 * and ~22,000 copied back in every publish (Astro's part 45-50 s, over the output 32-36 s).
 * Since the output holds the pages, Astro writes no copy of them in its cacheDir
 * (patches/astro+7.3.5.patch): the copies doubled a cold build's writes, and CI did not keep
 * them. A reused page that the output does not hold is therefore rendered again. Copies left by an
 * Astro without the patch are removed before and after the pages (ASTRO_COPIES): kept while
 * pages are rendered again without them, one could hold an older page than the record says.
 *
 * Trusted only when the output is the one the last finished build left with the same cacheDir,
 * and that build was the last one into the folder: a record in the cacheDir names the folder and
 * a hash of Astro's incremental-build record, one in node_modules/.cache/previous-output names
 * the cacheDir, both with the same token. A build into another folder with the same cacheDir, a
 * build into the folder with another cacheDir (the example courses, another content tree), or a
 * build that stopped before its pages were done leaves no matching pair, and the folder is then
 * emptied as Astro would. The records are written once the pages are done: the steps after
 * (cards, audio, offline list, search index) write their files again in every build.
 *
 * Stale is a file that was there when the build started, that Astro did not list as a page or
 * endpoint file of this build (its `assets`, rendered or reused) and whose status did not change
 * since (its ctime: writing, copying or touching a file changes it, and no tool can set it back,
 * unlike the modification time, which a copy keeps on macOS). That is the page of an entry that
 * was deleted or unpublished, an old script, an old card. They go in the first `astro:build:done`
 * hook, so the steps after it (cards, audio, offline list, search index) see only this build's
 * pages; the files those steps write come after and stay. Left to their own steps: the audio
 * (src/integrations/listen-audio.ts removes the files no page plays) and the search index when
 * scripts/search-index.ts makes it after the build (it replaces its folder whole).
 *
 * Must be the first integration in astro.config.mjs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listTree } from '../platform/output/tree.ts';
import { AUDIO_FOLDER } from './listen-audio.ts';
import { CARDS_FOLDER } from '../platform/cards/og.ts';
import { removeFiles } from '../platform/output/remove.ts';
import { indexFolderLeftToScript } from './pagefind.ts';

/** The files of the output folder when the build started, with their status change times. */
export type Snapshot = ReadonlyMap<string, number>;

/** Folders of the output that no build step owns: a git work tree's data (as Astro keeps it). */
const NEVER_REMOVED = ['.git'];

/** Status change times of `paths`, a batch at a time (at 10,000 entries ~26,000 files). */
async function changed(paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < paths.length; i += 256) {
    const batch = paths.slice(i, i + 256);
    times.push(...(await Promise.all(batch.map((path) => stat(path).then((s) => s.ctimeMs)))));
  }
  return times;
}

/** What `outDir` holds before the build: every file and its status change time. */
export async function snapshot(outDir: string): Promise<Snapshot> {
  const { files } = await listTree(resolve(outDir));
  const times = await changed(files);
  return new Map(files.map((path, at) => [path, times[at]!]));
}

/**
 * Removes the files under `outDir` that were there before the build (`before`), are not in
 * `made` (absolute paths) and did not change since. Comparing with a file's own earlier time, not
 * with the clock, keeps the rule right when a restored output carries times from another
 * machine's clock. Files under the folders in `leave` (relative to `outDir`) are left to the
 * step that owns them. Then removes the folders that the removal left empty. Returns the removed
 * files, relative to `outDir`, sorted.
 */
export async function removeStale(
  outDir: string,
  before: Snapshot,
  made: ReadonlySet<string>,
  leave: readonly string[] = [],
): Promise<string[]> {
  const root = resolve(outDir);
  const { files } = await listTree(root);
  const left = [...NEVER_REMOVED, ...leave].map((folder) => resolve(root, folder) + sep);
  const untouched = files.filter(
    (path) => before.has(path) && !made.has(path) && !left.some((f) => path.startsWith(f)),
  );
  const times = await changed(untouched);
  const stale = untouched.filter((path, at) => times[at] === before.get(path));
  await removeFiles(root, files, stale);
  return stale.map((path) => relative(root, path).split('\\').join('/')).sort();
}

/** Astro's incremental-build record in its cacheDir (astro/dist/core/build/incremental.js). */
const ASTRO_RECORD = 'incremental-build.json';
/** Where Astro without the patch keeps a copy of every page it rendered, in its cacheDir. */
export const ASTRO_COPIES = 'dist';
/** The record in a cacheDir: which output folder its last build wrote, and when. */
const CACHE_RECORD = 'previous-output.json';

/** Removes Astro's copies of the pages from `cacheDir`; whether there were any. */
async function removeAstroCopies(cacheDir: string): Promise<boolean> {
  const copies = join(cacheDir, ASTRO_COPIES);
  if (!existsSync(copies)) return false;
  await rm(copies, { recursive: true, force: true });
  return true;
}

/**
 * Where the records are: in the cacheDir, one naming the output folder of its last finished
 * build; in `folders`, one per output folder naming the cacheDir of the last finished build into
 * it. Both carry the same random token.
 */
export interface RecordPlaces {
  cacheDir: string;
  folders: string;
}

interface CacheRecord {
  outDir: string;
  astroRecord: string;
  token: string;
}

interface FolderRecord {
  cacheDir: string;
  token: string;
}

function astroRecordHash(cacheDir: string): string {
  const file = join(cacheDir, ASTRO_RECORD);
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : '';
}

function folderRecordFile(folders: string, outDir: string): string {
  return join(
    folders,
    `${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16)}.json`,
  );
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null; // none, or unreadable: not trusted
  }
}

/**
 * Whether `outDir` is the output of the last finished build with this cacheDir, and that build
 * the last one into `outDir`. Both records are removed either way, so that a build that stops
 * before it ends leaves none.
 */
export async function takeRecord(places: RecordPlaces, outDir: string): Promise<boolean> {
  const cacheFile = join(places.cacheDir, CACHE_RECORD);
  const folderFile = folderRecordFile(places.folders, outDir);
  const cache = readJson<CacheRecord>(cacheFile);
  const folder = readJson<FolderRecord>(folderFile);
  await rm(cacheFile, { force: true });
  await rm(folderFile, { force: true });
  return (
    cache !== null &&
    folder !== null &&
    cache.outDir === resolve(outDir) &&
    cache.astroRecord !== '' &&
    cache.astroRecord === astroRecordHash(places.cacheDir) &&
    folder.cacheDir === resolve(places.cacheDir) &&
    folder.token === cache.token
  );
}

/** Records that `outDir` now holds the output that Astro's record in the cacheDir describes. */
export async function writeRecord(places: RecordPlaces, outDir: string): Promise<void> {
  const token = randomUUID();
  const cache: CacheRecord = {
    outDir: resolve(outDir),
    astroRecord: astroRecordHash(places.cacheDir),
    token,
  };
  const folder: FolderRecord = { cacheDir: resolve(places.cacheDir), token };
  await mkdir(places.cacheDir, { recursive: true });
  await mkdir(places.folders, { recursive: true });
  await writeFile(join(places.cacheDir, CACHE_RECORD), `${JSON.stringify(cache, null, 2)}\n`);
  await writeFile(folderRecordFile(places.folders, outDir), `${JSON.stringify(folder, null, 2)}\n`);
}

/** Empties `outDir` as Astro would (its `.git` stays). */
async function emptyFolder(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => []);
  await Promise.all(
    names
      .filter((name) => !NEVER_REMOVED.includes(name))
      .map((name) => rm(join(outDir, name), { recursive: true, force: true })),
  );
}

export default function previousOutput(): AstroIntegration {
  let outDir = '';
  let places: RecordPlaces = { cacheDir: '', folders: '' };
  let before: Snapshot = new Map();
  return {
    name: 'migrasi-aman:previous-output',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        places = {
          cacheDir: fileURLToPath(config.cacheDir),
          folders: join(fileURLToPath(config.root), 'node_modules', '.cache', 'previous-output'),
        };
      },
      'astro:build:start': async ({ logger }) => {
        await removeAstroCopies(places.cacheDir);
        if (!(await takeRecord(places, outDir)) && existsSync(outDir)) {
          logger.info(
            'previous output: not the last build with this cache; emptied, every page is rendered again',
          );
          await emptyFolder(outDir);
        }
        before = await snapshot(outDir);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const made = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) made.add(fileURLToPath(url));
        const out = fileURLToPath(dir);
        const index = indexFolderLeftToScript(out);
        // The audio, card and search index steps keep their own folders up to date.
        const leave = [AUDIO_FOLDER, CARDS_FOLDER, ...(index ? [relative(out, index)] : [])];
        const removed = await removeStale(out, before, made, leave);
        if (await removeAstroCopies(places.cacheDir))
          logger.warn(
            `Astro copied the pages into its cacheDir: patches/astro+7.3.5.patch is not applied (run npm install); the copies were removed`,
          );
        await writeRecord(places, out);
        const shown = removed.slice(0, 5).join(', ');
        logger.info(
          removed.length === 0
            ? 'previous output: nothing to remove'
            : `previous output: ${removed.length} file(s) that Astro did not make again removed before the other steps write theirs (${shown}${removed.length > 5 ? ', …' : ''})`,
        );
      },
    },
  };
}
