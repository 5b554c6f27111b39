/**
 * The card step (src/integrations/og-images.ts) owns the output's og/ folder: it writes this
 * build's cards, leaves alone those the output already holds byte for byte, and removes the cards
 * of pages the build no longer has.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import ogImages from '../../src/integrations/og-images.ts';
import { ogImagesToWrite } from '../../src/platform/cards/og-handoff.ts';

const dir = mkdtempSync(join(tmpdir(), 'og-step-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(path: string, bytes: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

type BuildDone = (options: { dir: URL; logger: unknown }) => Promise<void>;

describe('the card step', () => {
  it('writes changed cards, keeps identical ones, removes those of pages that are gone', async () => {
    const out = join(dir, 'dist');
    const cache = join(dir, 'cache');
    put(join(out, 'og/panduan/a.png'), 'kartu lama A');
    const kept = put(join(out, 'og/panduan/b.png'), 'kartu B');
    put(join(out, 'og/panduan/hapus.png'), 'kartu halaman yang dihapus');
    put(join(out, 'og/lama/x.png'), 'kartu di folder yang akan kosong');
    put(join(out, 'panduan/index.html'), '<p>halaman</p>');
    // An old time: a file written again would show the time of writing.
    utimesSync(kept, new Date('2026-01-01'), new Date('2026-01-01'));
    const keptBefore = statSync(kept);

    const images = ogImagesToWrite();
    images.set('og/panduan/a.png', { cached: put(join(cache, 'a.png'), 'kartu baru A') });
    images.set('og/panduan/b.png', { cached: put(join(cache, 'b.png'), 'kartu B') });
    images.set('og/c.png', { drawn: Promise.resolve(new TextEncoder().encode('kartu C')) });
    const said: string[] = [];
    const logger = { info: (message: string) => said.push(message) };
    await (ogImages().hooks['astro:build:done'] as unknown as BuildDone)({
      dir: pathToFileURL(`${out}/`),
      logger,
    });

    expect(readFileSync(join(out, 'og/panduan/a.png'), 'utf8')).toBe('kartu baru A');
    expect(readFileSync(join(out, 'og/c.png'), 'utf8')).toBe('kartu C');
    // The same bytes were there: the file was not written again.
    expect(statSync(kept).mtimeMs).toBe(keptBefore.mtimeMs);
    expect(existsSync(join(out, 'og/panduan/hapus.png'))).toBe(false);
    expect(existsSync(join(out, 'og/lama'))).toBe(false);
    // Nothing outside og/ is touched.
    expect(readFileSync(join(out, 'panduan/index.html'), 'utf8')).toBe('<p>halaman</p>');
    expect(said.join('\n')).toContain(
      '3 link-preview images, 2 of them from the cache: 2 written, 2 of other pages removed',
    );
    expect(images.size).toBe(0);
  });
});
