import { mkdir, mkdtemp, readdir, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '~/platform/content/content-check.ts';
import { checkCacheFile, openCheckCache } from '~/platform/content/check-cache.ts';
import { guide, mdx, site, write } from './content-fixtures.ts';

/** One run as scripts/check-content.ts makes it: open the cache, check, save. */
async function check(root: string, contentDir = join(root, 'content')) {
  const cache = await openCheckCache(root, contentDir);
  const result = await checkContent(root, contentDir, cache);
  await cache.save();
  return { ...result, counts: { ...cache.counts }, messages: result.problems.map(formatProblem) };
}

beforeEach(async () => {
  process.env['MIGRASI_CHECK_CACHE'] = await mkdtemp(join(tmpdir(), 'migrasi-check-cache-dir-'));
});

describe('content check cache', () => {
  it.each([
    ['the repository content', 'content'],
    ['the test fixtures', 'tests/fixtures/content'],
  ])('finds in %s the same entries from the cache as by checking every file', async (_, dir) => {
    const root = process.cwd();
    const contentDir = join(root, dir);
    const plain = await checkContent(root, contentDir);
    const first = await check(root, contentDir);
    const second = await check(root, contentDir);
    expect(plain.problems).toEqual([]);
    expect(first.counts.reused).toBe(0);
    expect(second.counts.checked).toBe(0);
    expect(second.counts.reused).toBe(first.counts.checked);
    expect(second.counts.reused).toBeGreaterThanOrEqual(plain.entries.length);
    // Dates stay dates, absent fields absent: the data is as the schemas made it.
    expect(first.entries).toStrictEqual(plain.entries);
    expect(second.entries).toStrictEqual(plain.entries);
    expect(second.problems).toEqual([]);
  });

  it('checks new, edited and moved files again, and a file with a problem on every run', async () => {
    const root = await site({
      'content/panduan/id/cek-izin.mdx': mdx(guide),
      'content/panduan/id/kontrak.mdx': mdx({ ...guide, title: 'Kontrak kerja' }),
      'content/panduan/id/visa.mdx': mdx({ ...guide, title: 'Visa kerja' }),
    });
    expect((await check(root)).counts).toEqual({ reused: 0, checked: 3 });

    await write(root, {
      'content/panduan/id/cek-izin.mdx': mdx(guide, 'Isi panduan yang diperbaiki.'),
      'content/panduan/id/kontrak.mdx': mdx({ ...guide, title: 'Kontrak kerja', order: -1 }),
      'content/panduan/id/biaya.mdx': mdx({ ...guide, title: 'Biaya' }),
    });
    await mkdir(join(root, 'content/panduan/en'));
    await rename(
      join(root, 'content/panduan/id/visa.mdx'),
      join(root, 'content/panduan/en/visa.mdx'),
    );
    const edited = await check(root);
    expect(edited.counts).toEqual({ reused: 0, checked: 4 });
    expect(edited.messages).toHaveLength(1);
    expect(edited.messages[0]).toMatch(/^content\/panduan\/id\/kontrak\.mdx: order: /);
    expect(edited.entries.find((e) => e.slug === 'visa')?.locale).toBe('en');
    expect(edited.entries.find((e) => e.slug === 'cek-izin')?.body).toContain('diperbaiki');

    const again = await check(root);
    expect(again.counts).toEqual({ reused: 3, checked: 1 });
    expect(again.messages).toEqual(edited.messages);
    expect(again.entries).toStrictEqual(edited.entries);
  });

  it('checks every file again when the code that checks them changes', async () => {
    const root = await site({ 'content/panduan/id/cek-izin.mdx': mdx(guide) });
    await write(root, { 'src/schemas/panduan.ts': 'export const version = 1;\n' });
    await check(root);
    expect((await check(root)).counts).toEqual({ reused: 1, checked: 0 });
    await write(root, { 'src/schemas/panduan.ts': 'export const version = 2;\n' });
    expect((await check(root)).counts).toEqual({ reused: 0, checked: 1 });
    await write(root, { 'package-lock.json': '{"lockfileVersion": 3}\n' });
    expect((await check(root)).counts).toEqual({ reused: 0, checked: 1 });
  });

  it('takes an unreadable cache as none and writes a good one over it', async () => {
    const root = await site({ 'content/panduan/id/cek-izin.mdx': mdx(guide) });
    const file = checkCacheFile(join(root, 'content'));
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, 'bukan cache');
    const first = await check(root);
    expect(first.counts).toEqual({ reused: 0, checked: 1 });
    expect(first.problems).toEqual([]);
    expect((await check(root)).counts).toEqual({ reused: 1, checked: 0 });
  });

  it('still checks, and reports, when the cache cannot be written', async () => {
    const root = await site({
      'content/panduan/id/cek-izin.mdx': mdx(guide),
      'content/panduan/id/kontrak.mdx': mdx({ ...guide, order: -1 }),
    });
    const notAFolder = join(root, 'bukan-folder');
    await writeFile(notAFolder, 'x');
    process.env['MIGRASI_CHECK_CACHE'] = join(notAFolder, 'cache');
    for (let run = 0; run < 2; run++) {
      const result = await check(root);
      expect(result.counts).toEqual({ reused: 0, checked: 2 });
      expect(result.messages).toHaveLength(1);
    }
  });

  it('removes the cache files of trees not checked for a month', async () => {
    const root = await site({ 'content/panduan/id/cek-izin.mdx': mdx(guide) });
    const folder = process.env['MIGRASI_CHECK_CACHE']!;
    const day = 24 * 60 * 60;
    const now = Date.now() / 1000;
    for (const [name, age] of [
      ['lama.bin', 40 * day],
      ['setengah.bin.123.tmp', 31 * day],
      ['baru.bin', 2 * day],
    ] as const) {
      await writeFile(join(folder, name), 'x');
      await utimes(join(folder, name), now - age, now - age);
    }
    await check(root);
    const left = await readdir(folder);
    expect(left.sort()).toEqual(
      ['baru.bin', checkCacheFile(join(root, 'content')).split('/').pop()!].sort(),
    );
    expect((await stat(join(folder, 'baru.bin'))).isFile()).toBe(true);
  });
});
