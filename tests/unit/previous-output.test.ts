/**
 * The build runs over the previous output (src/integrations/previous-output.ts): what this build
 * did not make must go, what it made, wrote or reused must stay.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { indexFolderLeftToScript } from '../../src/integrations/pagefind.ts';
import { removeStale, snapshot } from '../../src/integrations/previous-output.ts';

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

  it('compares a file with its own earlier time, whatever the clock said', async () => {
    // A restored output whose times came from a clock an hour ahead: a stale file stays stale,
    // and a file written again with a time earlier than its old one still counts as written.
    const dir = await previousBuild({ 'berita/dihapus/index.html': -HOUR, 'sw.js': -HOUR });
    const before = await snapshot(dir);
    await write(dir, { 'sw.js': 0 });
    expect(await removeStale(dir, before, new Set())).toEqual(['berita/dihapus/index.html']);
    expect(existsSync(join(dir, 'sw.js'))).toBe(true);
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
    expect(await removeStale(dir, before, new Set(), [join(dir, 'pagefind')])).toEqual([
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
    onTestFinished(() => vi.unstubAllEnvs());
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
