/**
 * The build runs over the previous output (src/integrations/previous-output.ts): what this build
 * did not make must go, what it made, wrote or reused must stay.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { indexFolderLeftToScript } from '../../src/integrations/pagefind.ts';
import {
  ASTRO_COPIES,
  removeStale,
  snapshot,
  takeRecord,
  writeRecord,
} from '../../src/integrations/previous-output.ts';

const HOUR = 3_600_000;

/** Writes `files` under `dir`, each dated `age` ms before now (negative: in the future). */
async function write(dir: string, files: Record<string, number>): Promise<void> {
  for (const [file, age] of Object.entries(files)) {
    const path = join(dir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file);
    const at = new Date(Date.now() - age);
    await utimes(path, at, at);
  }
}

/**
 * Waits until a file written now gets a later status change time than every file in `before`: the
 * kernel stamps it from a clock that advances in ticks of a few milliseconds, and a real build
 * writes seconds after the build before it.
 */
async function laterThan(before: ReadonlyMap<string, number>): Promise<void> {
  const latest = Math.max(0, ...before.values());
  const probe = await mkdtemp(join(tmpdir(), 'previous-output-probe-'));
  try {
    for (;;) {
      await writeFile(join(probe, 'x'), '');
      if ((await stat(join(probe, 'x'))).ctimeMs > latest) return;
      await new Promise((next) => setImmediate(next));
    }
  } finally {
    await rm(probe, { recursive: true, force: true });
  }
}

/** A folder holding the output of an earlier build. */
async function previousBuild(files: Record<string, number>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'previous-output-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await write(dir, files);
  return dir;
}

describe('removing what the build no longer makes', () => {
  it('removes files of the previous output that nothing listed or wrote again', async () => {
    const dir = await previousBuild({
      'berita/tetap/index.html': HOUR, // reused by Astro: listed
      'berita/dihapus/index.html': HOUR, // the entry was deleted
      'og/berita/dihapus.png': HOUR, // its card
      'og/berita/tetap.png': HOUR, // written again below
      'audio/lama.mp3': HOUR,
      '_astro/site.old.css': HOUR,
    });
    const before = await snapshot(dir);
    await laterThan(before);
    // This build: writes a card again, a new stylesheet and the sitemap.
    await write(dir, { 'og/berita/tetap.png': 0, '_astro/site.new.css': 0, 'sitemap-0.xml': 0 });
    const made = new Set([join(dir, 'berita/tetap/index.html')]);
    expect(await removeStale(dir, before, made)).toEqual([
      '_astro/site.old.css',
      'audio/lama.mp3',
      'berita/dihapus/index.html',
      'og/berita/dihapus.png',
    ]);
    for (const file of [
      'berita/tetap/index.html',
      'og/berita/tetap.png',
      '_astro/site.new.css',
      'sitemap-0.xml',
    ])
      expect(existsSync(join(dir, file)), file).toBe(true);
  });

  it('compares a file with its own state when the build started, whatever the clock said', async () => {
    // A restored output whose times came from a clock an hour ahead: a stale file stays stale.
    // A file written again with an earlier modification time (a copy that keeps the source's
    // time, as on macOS) still counts as written.
    const dir = await previousBuild({ 'berita/dihapus/index.html': -HOUR, 'favicon.svg': -HOUR });
    const before = await snapshot(dir);
    await laterThan(before);
    await write(dir, { 'favicon.svg': 2 * HOUR });
    expect(await removeStale(dir, before, new Set())).toEqual(['berita/dihapus/index.html']);
    expect(existsSync(join(dir, 'favicon.svg'))).toBe(true);
  });

  it('never removes a git work tree kept in the output, nor the folders left to their steps', async () => {
    const dir = await previousBuild({
      '.git/HEAD': HOUR,
      'audio/lama.mp3': HOUR,
      'berita/lama/index.html': HOUR,
    });
    const before = await snapshot(dir);
    expect(await removeStale(dir, before, new Set(), ['audio'])).toEqual([
      'berita/lama/index.html',
    ]);
    expect(existsSync(join(dir, '.git/HEAD'))).toBe(true);
    expect(existsSync(join(dir, 'audio/lama.mp3'))).toBe(true);
  });

  it('removes the folders it empties, however deep, and no other', async () => {
    const dir = await previousBuild({
      'en/berita/dihapus/index.html': HOUR,
      'pelatihan/kursus/sesi-1.ics': HOUR,
      'pelatihan/kursus/index.html': HOUR,
    });
    const before = await snapshot(dir);
    await mkdir(join(dir, 'audio')); // made empty by this build
    const made = new Set([join(dir, 'pelatihan/kursus/index.html')]);
    await removeStale(dir, before, made);
    expect(existsSync(join(dir, 'en'))).toBe(false);
    expect(existsSync(join(dir, 'pelatihan/kursus/sesi-1.ics'))).toBe(false);
    expect(existsSync(join(dir, 'pelatihan/kursus/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'audio'))).toBe(true);
  });

  it('leaves a folder that a later step replaces whole (the search index made after the build)', async () => {
    const dir = await previousBuild({
      'pagefind/pagefind.js': HOUR,
      'berita/lama/index.html': HOUR,
    });
    const before = await snapshot(dir);
    expect(await removeStale(dir, before, new Set(), ['pagefind'])).toEqual([
      'berita/lama/index.html',
    ]);
    expect(existsSync(join(dir, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('removes nothing from a folder that was empty or missing when the build started', async () => {
    const dir = await previousBuild({});
    const before = await snapshot(join(dir, 'dist'));
    await write(join(dir, 'dist'), { 'index.html': HOUR });
    expect(await removeStale(join(dir, 'dist'), before, new Set())).toEqual([]);
  });
});

describe('the search index left to scripts/search-index.ts', () => {
  it("is the output's pagefind folder only when the build leaves the index to the script", () => {
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    vi.stubEnv('PAGEFIND_OUTPUT', undefined);
    vi.stubEnv('MIGRASI_SEARCH_INDEX', undefined);
    expect(indexFolderLeftToScript('/situs/dist')).toBeNull();
    vi.stubEnv('MIGRASI_SEARCH_INDEX', 'after');
    expect(indexFolderLeftToScript('/situs/dist')).toBe(join('/situs/dist', 'pagefind'));
    // A development index written elsewhere is not in the output.
    vi.stubEnv('PAGEFIND_OUTPUT', '/situs/public/pagefind');
    expect(indexFolderLeftToScript('/situs/dist')).toBeNull();
  });
});

describe('the records tying the output to the cache', () => {
  it('trust the output only after a finished build into the same folder with the same cache', async () => {
    const dir = await previousBuild({
      'cache/incremental-build.json': 0,
      'cache-contoh/incremental-build.json': 0,
      'dist/index.html': 0,
    });
    const places = { cacheDir: join(dir, 'cache'), folders: join(dir, 'records') };
    const examples = { cacheDir: join(dir, 'cache-contoh'), folders: join(dir, 'records') };
    const dist = join(dir, 'dist');
    expect(await takeRecord(places, dist)).toBe(false); // no build recorded yet
    await writeRecord(places, dist);
    expect(await takeRecord(places, dist)).toBe(true);
    // Taken: a build that stops before its pages are done leaves no record behind.
    expect(await takeRecord(places, dist)).toBe(false);

    // A build into another folder with the same cache.
    await writeRecord(places, dist);
    await writeRecord(places, join(dir, 'dist-lain'));
    expect(await takeRecord(places, dist)).toBe(false);

    // A build into the same folder with another cache (the example courses).
    await writeRecord(places, dist);
    await writeRecord(examples, dist);
    expect(await takeRecord(places, dist)).toBe(false);

    // Another build with the same cache changed Astro's record.
    await writeRecord(places, dist);
    await writeFile(join(dir, 'cache/incremental-build.json'), '{"lain":true}');
    expect(await takeRecord(places, dist)).toBe(false);
  });
});

describe("Astro's copies of the pages in its cacheDir", () => {
  it('are not written by the installed Astro (npm install applies patches/)', async () => {
    // The output holds the pages; without the patch Astro writes every page twice.
    const cacheDir = await mkdtemp(join(tmpdir(), 'previous-output-cache-'));
    onTestFinished(() => rm(cacheDir, { recursive: true, force: true }));
    const incremental = pathToFileURL(resolve('node_modules/astro/dist/core/build/incremental.js'));
    const { IncrementalBuildCache } = (await import(incremental.href)) as {
      IncrementalBuildCache: new (
        configHash: string,
        lockfileHash: string,
        keyDigest: string,
      ) => {
        writeOutputFile(settings: object, file: string, body: Buffer): Promise<void>;
      };
    };
    const settings = { config: { cacheDir: pathToFileURL(`${cacheDir}/`) } };
    await new IncrementalBuildCache('', '', '').writeOutputFile(
      settings,
      'berita/x/index.html',
      Buffer.from('<p>x</p>'),
    );
    expect(existsSync(join(cacheDir, ASTRO_COPIES))).toBe(false);
  });
});
