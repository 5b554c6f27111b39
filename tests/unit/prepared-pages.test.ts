/**
 * The pages as the search index reads them, kept between builds (prepared-pages.ts): a page is
 * prepared again only when it changed, and the kept copies always match the site as it is now.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTree } from '../../src/platform/output/tree.ts';
import { prepareForIndex } from '../../src/platform/search/index-html.ts';
import { groupOf, preparePages, preparedFolder } from '../../src/platform/search/prepared-pages.ts';

const dirs: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
beforeEach(() => {
  process.env['MIGRASI_SEARCH_CACHE'] = temp('migrasi-search-cache-');
});
afterEach(() => {
  delete process.env['MIGRASI_SEARCH_CACHE'];
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const searchable = (title: string, text: string) =>
  `<!doctype html><html lang="id"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
const notSearchable = (title: string) =>
  `<!doctype html><html lang="id"><body><main><h1>${title}</h1></main></body></html>`;

function write(site: string, page: string, html: string): void {
  mkdirSync(dirname(join(site, page)), { recursive: true });
  writeFileSync(join(site, page), html);
}

function site(): string {
  const dir = temp('migrasi-search-site-');
  write(dir, 'index.html', searchable('Beranda', 'Migrasi aman untuk PMI.'));
  write(dir, 'panduan/paspor/index.html', searchable('Paspor', 'Cara membuat paspor.'));
  write(dir, 'berita/a/index.html', searchable('Berita A', 'Kabar dari desa.'));
  write(dir, 'cari/index.html', notSearchable('Cari'));
  return dir;
}

async function prepare(dir: string) {
  const { files } = await listTree(dir);
  return preparePages(dir, files);
}

/** The prepared copies, by group and page (`id/index.html`): what Pagefind will index. */
async function copies(dir: string): Promise<Record<string, string>> {
  const { files } = await listTree(join(preparedFolder(dir), 'pages'));
  const root = join(preparedFolder(dir), 'pages');
  return Object.fromEntries(files.map((f) => [relative(root, f), readFileSync(f, 'utf8')]));
}

/** What a first run over the site as it is now would give. */
async function expectCopiesOfSiteAsItIs(dir: string) {
  const expected: Record<string, string> = {};
  for (const file of (await listTree(dir)).files) {
    const html = readFileSync(file, 'utf8');
    if (html.includes('data-pagefind-body'))
      expected[join(groupOf(html), relative(dir, file))] = prepareForIndex(html);
  }
  expect(await copies(dir)).toEqual(expected);
}

describe('the pages prepared for the search index', () => {
  it('prepares every searchable page on the first run, and leaves the others out', async () => {
    const dir = site();
    const first = await prepare(dir);
    expect(first).toMatchObject({ pages: 3, made: 3 });
    await expectCopiesOfSiteAsItIs(dir);
    // The synonyms are added to the copy, never to the page that is served.
    expect((await copies(dir))['id/index.html']).toContain('TKI');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toContain('TKI');
  });

  it('prepares again only the pages that changed', async () => {
    const dir = site();
    await prepare(dir);
    expect(await prepare(dir)).toMatchObject({ pages: 3, made: 0 });
    write(dir, 'berita/a/index.html', searchable('Berita A', 'Kabar baru tentang paspor.'));
    write(dir, 'berita/b/index.html', searchable('Berita B', 'Lowongan dari agen resmi.'));
    expect(await prepare(dir)).toMatchObject({ pages: 4, made: 2 });
    await expectCopiesOfSiteAsItIs(dir);
  });

  it('drops the copy of a page that was deleted or is no longer searchable', async () => {
    const dir = site();
    await prepare(dir);
    rmSync(join(dir, 'berita'), { recursive: true });
    write(dir, 'panduan/paspor/index.html', notSearchable('Paspor'));
    expect(await prepare(dir)).toMatchObject({ pages: 1, made: 0 });
    await expectCopiesOfSiteAsItIs(dir);
  });

  it('keeps the copies of a site restored with new file times, by their content', async () => {
    const dir = site();
    await prepare(dir);
    // As CI restores the output from its cache: same bytes, new times and inodes.
    const restored = temp('migrasi-search-restored-');
    cpSync(dir, restored, { recursive: true });
    rmSync(dir, { recursive: true });
    cpSync(restored, dir, { recursive: true });
    const later = new Date(Date.now() + 60_000);
    for (const file of (await listTree(dir)).files) utimesSync(file, later, later);
    expect(await prepare(dir)).toMatchObject({ pages: 3, made: 0 });
    // A page rewritten with other bytes is prepared again even with its old time.
    write(dir, 'index.html', searchable('Beranda', 'Migrasi aman untuk TKW.'));
    utimesSync(join(dir, 'index.html'), later, later);
    expect(await prepare(dir)).toMatchObject({ made: 1 });
    await expectCopiesOfSiteAsItIs(dir);
  });

  it('prepares everything again after a run that stopped midway, removing what is not a page', async () => {
    const dir = site();
    await prepare(dir);
    rmSync(join(preparedFolder(dir), 'record.json'));
    write(join(preparedFolder(dir), 'pages'), 'berita/dihapus/index.html', searchable('X', 'Y'));
    expect(await prepare(dir)).toMatchObject({ pages: 3, made: 3 });
    await expectCopiesOfSiteAsItIs(dir);
  });

  it('makes a copy again when it went missing, and ignores a record of another site or code', async () => {
    const dir = site();
    await prepare(dir);
    rmSync(join(preparedFolder(dir), 'pages', 'id', 'index.html'));
    expect(await prepare(dir)).toMatchObject({ pages: 3, made: 1 });
    await expectCopiesOfSiteAsItIs(dir);

    const record = join(preparedFolder(dir), 'record.json');
    const other = JSON.parse(readFileSync(record, 'utf8')) as { site: string };
    writeFileSync(record, JSON.stringify({ ...other, site: '/somewhere/else' }));
    expect(await prepare(dir)).toMatchObject({ made: 3 });
    // Copies made by other code (another synonym list, another weight) are not reused either.
    const mine = JSON.parse(readFileSync(record, 'utf8')) as { version: string };
    expect(mine.version).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(record, JSON.stringify({ ...mine, version: 'f'.repeat(64) }));
    expect(await prepare(dir)).toMatchObject({ made: 3 });
  });

  it('keeps the copies by the lang of their page, each language with a fingerprint of its own', async () => {
    const dir = site();
    const english = (title: string, text: string) =>
      searchable(title, text).replace('lang="id"', 'lang="en"');
    write(dir, 'en/index.html', english('Home', 'Safe migration.'));
    const first = await prepare(dir);
    expect(first.groups.map(({ name, pages }) => [name, pages])).toEqual([
      ['en', 1],
      ['id', 3],
    ]);
    expect(first.groups[0]!.dir).toBe(join(preparedFolder(dir), 'pages', 'en'));
    await expectCopiesOfSiteAsItIs(dir);
    const print = async () =>
      Object.fromEntries((await prepare(dir)).groups.map((g) => [g.name, g.fingerprint]));
    const before = await print();
    expect(await print()).toEqual(before);

    // A changed Indonesian page changes the Indonesian fingerprint only.
    write(dir, 'berita/a/index.html', searchable('Berita A', 'Kabar baru.'));
    const changed = await print();
    expect(changed['en']).toBe(before['en']);
    expect(changed['id']).not.toBe(before['id']);

    // A page that turns English moves to the English copies; so does its fingerprint.
    write(dir, 'berita/a/index.html', english('News A', 'News from the village.'));
    const moved = await prepare(dir);
    expect(moved.groups.map(({ name, pages }) => [name, pages])).toEqual([
      ['en', 2],
      ['id', 2],
    ]);
    expect(moved.groups[0]!.fingerprint).not.toBe(changed['en']);
    await expectCopiesOfSiteAsItIs(dir);

    // The same pages restored with new times keep their fingerprints.
    const again = await print();
    const later = new Date(Date.now() + 60_000);
    for (const file of (await listTree(dir)).files) utimesSync(file, later, later);
    expect(await print()).toEqual(again);
  });

  it('takes a page as searchable by the attribute on an element, not by the words in its text', async () => {
    const dir = site();
    write(
      dir,
      'panduan/kode/index.html',
      `<!doctype html><html lang="en"><body><main><p>Write data-pagefind-body on main, as in <code>&lt;main data-pagefind-body&gt;</code>.</p></main></body></html>`,
    );
    write(
      dir,
      'panduan/atribut/index.html',
      `<!doctype html><html lang="en"><body><main class="x"\n  data-pagefind-body><h1>Body</h1></main></body></html>`,
    );
    const result = await prepare(dir);
    expect(result.groups.map(({ name, pages }) => [name, pages])).toEqual([
      ['en', 1],
      ['id', 3],
    ]);
    expect(Object.keys(await copies(dir))).toContain('en/panduan/atribut/index.html');
  });

  it('reads the lang of <html>, in lower case and safe as a folder name', () => {
    expect(groupOf('<!doctype html><html lang="id"><body>')).toBe('id');
    expect(groupOf("<HTML class='a' LANG='EN-us'>")).toBe('en-us');
    expect(groupOf('<html lang=pt_BR>')).toBe('pt_br');
    expect(groupOf('<html lang="../../x y">')).toBe('______x_y');
    expect(groupOf('<html data-lang="fr"><body lang="de">')).toBe('_');
    expect(groupOf('<html lang="">')).toBe('_');
  });
});
