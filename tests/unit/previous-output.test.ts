/**
 * The build runs over the previous output (src/integrations/previous-output.ts): what this build
 * did not make must go, what it made or reused must stay.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { removeStale } from '../../src/integrations/previous-output.ts';

/** Writes `files` under a new folder; each is dated `age` ms before now. */
async function output(files: Record<string, number>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'previous-output-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  for (const [file, age] of Object.entries(files)) {
    const path = join(dir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file);
    const at = new Date(Date.now() - age);
    await utimes(path, at, at);
  }
  return dir;
}

const HOUR = 3_600_000;

describe('removing what the build no longer makes', () => {
  it('removes old files Astro did not list, keeps listed and newly written ones', async () => {
    const dir = await output({
      'berita/tetap/index.html': HOUR, // reused by Astro: listed
      'berita/dihapus/index.html': HOUR, // the entry was deleted
      'og/berita/dihapus.png': HOUR, // its card
      'audio/lama.mp3': HOUR,
      '_astro/site.old.css': HOUR,
      '_astro/site.new.css': 0, // written by this build
      'sitemap-0.xml': 0,
    });
    const started = Date.now() - 60_000;
    const made = new Set([join(dir, 'berita/tetap/index.html')]);
    const removed = await removeStale(dir, made, started);
    expect(removed).toEqual([
      '_astro/site.old.css',
      'audio/lama.mp3',
      'berita/dihapus/index.html',
      'og/berita/dihapus.png',
    ]);
    for (const file of ['berita/tetap/index.html', '_astro/site.new.css', 'sitemap-0.xml'])
      expect(existsSync(join(dir, file)), file).toBe(true);
  });

  it('removes the folders it empties, however deep, and keeps the others', async () => {
    const dir = await output({
      'en/berita/dihapus/index.html': HOUR,
      'pelatihan/kursus/sesi-1.ics': HOUR,
      'pelatihan/kursus/index.html': 0,
    });
    await removeStale(dir, new Set(), Date.now() - 60_000);
    expect(existsSync(join(dir, 'en'))).toBe(false);
    expect(existsSync(join(dir, 'pelatihan/kursus/sesi-1.ics'))).toBe(false);
    expect(existsSync(join(dir, 'pelatihan/kursus/index.html'))).toBe(true);
  });

  it('keeps a file written just before the recorded start (coarse file times)', async () => {
    const dir = await output({ 'index.html': 500, 'lama.html': 10_000 });
    expect(await removeStale(dir, new Set(), Date.now())).toEqual(['lama.html']);
  });
});
