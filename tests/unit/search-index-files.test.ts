/**
 * Reading a Pagefind index's own files (src/platform/search/index-files.ts): what its metadata
 * names, and whether a file holds what its name says. Checked against an index that Pagefind's
 * program writes here, not against copies of its format.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindProgram } from '../../src/integrations/pagefind.ts';
import {
  bytesMatchName,
  collisions,
  decodeCbor,
  filesNamedBy,
  firstWordOf,
  hashOfName,
  SHORT_HASH,
  shortKey,
} from '../../src/platform/search/index-files.ts';

const root = mkdtempSync(join(tmpdir(), 'migrasi-index-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Some hundred words of letters, different for each page, spread over the alphabet. */
function words(seed: string): string {
  const letter = (k: number) => String.fromCharCode(97 + (k % 26));
  return Array.from({ length: 300 }, (_, i) => {
    const n = i * 7919 + seed.length * 104729 + seed.charCodeAt(seed.length - 12);
    return `${letter(n)}${letter(n >> 5)}${letter(n >> 10)}kata`;
  }).join(' ');
}

/** Pagefind's index of `pages` (path → text, with words of their own), two filters per page. */
function indexOf(pages: Record<string, string>): string {
  const site = mkdtempSync(join(root, 'site-'));
  for (const [path, text] of Object.entries(pages)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(
      join(site, path),
      `<html lang="id"><body><main data-pagefind-body><h1>${text}</h1><p>${text} ${words(path)}</p>` +
        `<span data-pagefind-filter="type">berita</span><span data-pagefind-filter="tahun">2026</span></main></body></html>`,
    );
  }
  const out = join(site, 'pagefind');
  const run = spawnSync(pagefindProgram(), ['--site', site, '--output-path', out]);
  expect(run.status, String(run.stderr)).toBe(0);
  return out;
}

/** The files of an index folder that Pagefind names by their bytes, relative. */
function hashedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split('\\').join('/'))
    .filter((name) => hashOfName(name) !== null)
    .sort();
}

describe("a Pagefind index's own files", () => {
  const pages = Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [`berita/${i}/index.html`, `Kabar ke-${i} dari desa`]),
  );
  const out = indexOf(pages);
  const meta = readdirSync(out).find((name) => name.endsWith('.pf_meta'))!;

  it('are all named by its metadata file: every fragment, word index chunk and filter index', async () => {
    const named = await filesNamedBy(join(out, meta));
    const files = [...named!.files];
    expect(files.sort()).toEqual(hashedFiles(out));
    expect(files.filter((name) => name.startsWith('fragment/'))).toHaveLength(40);
    expect(files.filter((name) => name.startsWith('filter/'))).toHaveLength(2);
    for (const name of files) expect(hashOfName(name)).toHaveLength(SHORT_HASH);
    // Each word index chunk starts with the start its metadata gives it.
    const chunks = files.filter((name) => name.startsWith('index/'));
    expect(chunks.length).toBeGreaterThan(1);
    expect([...named!.chunkStarts.keys()].sort()).toEqual(chunks.sort());
    for (const chunk of chunks) {
      const first = await firstWordOf(join(out, chunk));
      expect(first, chunk).toMatch(/^[a-z0-9]/);
      expect(first!.startsWith(named!.chunkStarts.get(chunk)!), chunk).toBe(true);
    }
    // Not a chunk: a fragment, no file.
    const fragment = files.find((name) => name.startsWith('fragment/'))!;
    expect(await firstWordOf(join(out, fragment))).toBeNull();
    expect(await firstWordOf(join(root, 'missing'))).toBeNull();
  });

  it('hold the bytes their names say, and a file changed in place does not', async () => {
    for (const name of hashedFiles(out)) {
      expect(await bytesMatchName(join(out, name), hashOfName(name)!), name).toBe(true);
    }
    const [first, second] = hashedFiles(out).filter((name) => name.startsWith('fragment/'));
    // Another fragment's bytes under this name, a byte changed, not gzip, no file at all.
    const spoilt = join(root, 'spoilt.pf_fragment');
    writeFileSync(spoilt, readFileSync(join(out, second!)));
    expect(await bytesMatchName(spoilt, hashOfName(first!)!)).toBe(false);
    const bytes = readFileSync(join(out, first!));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 12) ^ 0xff, bytes.length - 12);
    writeFileSync(spoilt, bytes);
    expect(await bytesMatchName(spoilt, hashOfName(first!)!)).toBe(false);
    writeFileSync(spoilt, 'pagefind_dcd{}');
    expect(await bytesMatchName(spoilt, hashOfName(first!)!)).toBe(false);
    writeFileSync(spoilt, gzipSync('other_magic{}'));
    expect(await bytesMatchName(spoilt, hashOfName(first!)!)).toBe(false);
    expect(await bytesMatchName(join(root, 'missing'), hashOfName(first!)!)).toBe(false);
  });

  it('give null for a metadata file that is not as Pagefind writes it', async () => {
    const bad = join(root, 'bad.pf_meta');
    const cases = [
      Buffer.from('not gzip'),
      gzipSync('pagefind_dcd'),
      gzipSync(Buffer.concat([Buffer.from('other_magic!'), Buffer.from([0x80])])),
      // A CBOR array cut short, and a map where the array of pages should be.
      gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x86, 0x65])])),
      gzipSync(
        Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x84, 0x60, 0xa0, 0x80, 0x80])]),
      ),
      // A page whose hash is not a string, and one bundled in a group.
      gzipSync(
        Buffer.concat([
          Buffer.from('pagefind_dcd'),
          Buffer.from([0x84, 0x60, 0x81, 0x83, 0x01, 0x01, 0x60, 0x80, 0x80]),
        ]),
      ),
      gzipSync(
        Buffer.concat([
          Buffer.from('pagefind_dcd'),
          Buffer.from([0x84, 0x60, 0x81, 0x83, 0x63, ...Buffer.from('a_1'), 0x01, 0x61, 0x67]),
          Buffer.from([0x80, 0x80]),
        ]),
      ),
    ];
    for (const bytes of cases) {
      writeFileSync(bad, bytes);
      expect(await filesNamedBy(bad), bytes.toString('hex')).toBeNull();
    }
    expect(await filesNamedBy(join(root, 'missing.pf_meta'))).toBeNull();
  });
});

describe('the names and the CBOR reader', () => {
  it('take only fragments, chunks and filters in their own folders as named by their bytes', () => {
    expect(hashOfName('fragment/id_1a2b3c4.pf_fragment')).toBe('1a2b3c4');
    expect(hashOfName('index/pt-br_1a2b3c4d.pf_index')).toBe('1a2b3c4d');
    expect(hashOfName('filter/en_abc.pf_filter')).toBe('abc');
    for (const name of [
      'fragment/id_1a2b3c4.pf_index',
      'index/id_1a2b3c4.pf_fragment',
      'pagefind-entry.json',
      'pagefind.id_1a2b3c4d5e.pf_meta',
      'wasm.id.pagefind',
      'fragment/deep/id_1a2b3c4.pf_fragment',
      'fragment/id_XYZ.pf_fragment',
    ]) {
      expect(hashOfName(name), name).toBeNull();
    }
  });

  it('find the files of one run that Pagefind told apart by a longer hash, by folder', () => {
    const names = [
      'fragment/id_1a2b3c4.pf_fragment',
      'fragment/id_1a2b3c4e.pf_fragment',
      'fragment/id_9a2b3c4.pf_fragment',
      'index/id_9a2b3c4.pf_index',
      'index/id_5555555f.pf_index',
    ];
    expect(names.map(shortKey)).toEqual([
      'fragment/1a2b3c4',
      'fragment/1a2b3c4',
      'fragment/9a2b3c4',
      'index/9a2b3c4',
      'index/5555555',
    ]);
    expect([...collisions(names)].sort()).toEqual(['fragment/1a2b3c4', 'index/5555555']);
    expect(collisions(names.slice(2, 4)).size).toBe(0);
  });

  it('reads the examples of RFC 8949, and refuses what it does not read', () => {
    const read = (hex: string) => decodeCbor(Buffer.from(hex, 'hex'));
    expect(read('00')).toBe(0);
    expect(read('17')).toBe(23);
    expect(read('1818')).toBe(24);
    expect(read('1903e8')).toBe(1000);
    expect(read('1a000f4240')).toBe(1000000);
    expect(read('1b000000e8d4a51000')).toBe(1000000000000);
    expect(read('20')).toBe(-1);
    expect(read('3903e7')).toBe(-1000);
    expect(read('6449455446')).toBe('IETF');
    expect(read('62c3bc')).toBe('ü');
    expect(Buffer.from(read('4401020304') as Uint8Array)).toEqual(Buffer.from([1, 2, 3, 4]));
    expect(read('83010203')).toEqual([1, 2, 3]);
    expect(read('8301820203820405')).toEqual([1, [2, 3], [4, 5]]);
    expect(read('a201020304')).toEqual(
      new Map([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(read('f4')).toBe(false);
    expect(read('f5')).toBe(true);
    expect(read('f6')).toBeNull();
    expect(read('c074323031332d30332d32315432303a30343a30305a')).toBe('2013-03-21T20:04:00Z');
    for (const hex of [
      '', // nothing
      '830102', // cut short
      '0000', // bytes after the value
      '9f0102ff', // indefinite length
      'f97c00', // a half-precision float
      '1bffffffffffffffff', // beyond a safe integer
      '62c328', // not UTF-8
    ]) {
      expect(() => read(hex), hex).toThrow();
    }
  });
});
