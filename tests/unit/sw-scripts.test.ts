import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  OFFLINE_SIZE_SLOT,
  precacheList,
  scriptUrls,
  writeServiceWorker,
} from '~/platform/offline/service-worker.ts';

describe('scripts precached with the pages that run them', () => {
  it("finds a page's own module scripts, not other sites' or inline ones", () => {
    const html =
      '<script src="/sw-register.js" defer></script>' +
      '<script type="module" src="/_astro/Checklist.abc123.js"></script>' +
      '<script src="https://example.org/x.js"></script>';
    expect(scriptUrls(html)).toEqual(['/_astro/Checklist.abc123.js']);
  });

  it('follows the static imports of a bundled script, not its dynamic ones', () => {
    const js = 'import{a as b}from"./logic.D1.js";import"./side.E2.js";import("./lazy.F3.js")';
    expect(scriptUrls(js)).toEqual(['/_astro/logic.D1.js', '/_astro/side.E2.js']);
  });
});

describe('the precache list', () => {
  /** A small output folder: the files a reader keeps offline and some that stay online. */
  async function output(files: Record<string, string | Buffer>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'precache-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    for (const [file, body] of Object.entries(files)) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), body);
    }
    return dir;
  }

  it('lists the offline pages, assets and their scripts with their MD5, nothing else', async () => {
    const guide = '<p>Panduan</p><script type="module" src="/_astro/Checklist.a1.js"></script>';
    const dir = await output({
      'offline/index.html': '<p>Offline</p>',
      'panduan/dokumen/index.html': guide,
      '_astro/site.c1.css': 'body{}',
      '_astro/Checklist.a1.js': 'import"./logic.b2.js"',
      '_astro/logic.b2.js': 'export{}',
      'berita/kabar/index.html': '<p>Berita</p>',
      'admin/index.html': '<p>CMS</p>',
      'pagefind/pagefind.js': '',
    });
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    expect(await precacheList(dir)).toEqual([
      { url: '/_astro/Checklist.a1.js', revision: md5('import"./logic.b2.js"'), group: 'pages' },
      { url: '/_astro/logic.b2.js', revision: md5('export{}'), group: 'pages' },
      { url: '/_astro/site.c1.css', revision: md5('body{}'), group: 'core' },
      { url: '/offline/', revision: md5('<p>Offline</p>'), group: 'core' },
      { url: '/panduan/dokumen/', revision: md5(guide), group: 'pages' },
    ]);
  });

  it('writes the offline size into the pages and precaches them with the hash of what they say', async () => {
    const note = `<p>Simpan untuk dibaca tanpa internet: ${OFFLINE_SIZE_SLOT}</p>`;
    const dir = await output({
      'offline/index.html': '<p>Offline</p>',
      'panduan/dokumen/index.html': note,
      'en/panduan/dokumen/index.html': note,
      'glosarium/index.html': '<p>Tanpa catatan</p>',
    });
    const { sizeLabel } = await writeServiceWorker(dir);
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    const precache = JSON.parse(/const PRECACHE = (\[.*?\]);/s.exec(sw)![1]!) as {
      url: string;
      revision: string;
    }[];
    expect(precache.map((e) => e.url)).toEqual([
      '/en/panduan/dokumen/',
      '/glosarium/',
      '/offline/',
      '/panduan/dokumen/',
    ]);
    for (const { url, revision } of precache) {
      const html = await readFile(join(dir, url, 'index.html'), 'utf8');
      expect(html).not.toContain(OFFLINE_SIZE_SLOT);
      expect(revision, url).toBe(createHash('md5').update(html).digest('hex'));
    }
    expect(await readFile(join(dir, 'panduan/dokumen/index.html'), 'utf8')).toContain(
      `<span data-offline-size>${sizeLabel}</span>`,
    );
  });

  it('writes the size again into a page kept from the previous output, as into a fresh one', async () => {
    const note = (size: string) =>
      `<p>Simpan untuk dibaca tanpa internet: <span data-offline-size>${size}</span></p>`;
    const site = (guide: string) => ({
      'offline/index.html': '<p>Offline</p>',
      'panduan/dokumen/index.html': guide,
      'panduan/kontrak/index.html': note(''),
    });
    const fresh = await output(site(note('')));
    // The last build wrote another figure into this page, and this build kept the page as it was.
    const kept = await output(site(note('990 KB')));
    const freshResult = await writeServiceWorker(fresh);
    const keptResult = await writeServiceWorker(kept);
    expect(keptResult).toEqual(freshResult);
    for (const page of ['panduan/dokumen/index.html', 'panduan/kontrak/index.html']) {
      const html = await readFile(join(kept, page), 'utf8');
      expect(html).toBe(note(freshResult.sizeLabel));
      expect(html).toBe(await readFile(join(fresh, page), 'utf8'));
    }
    expect(await readFile(join(kept, 'sw.js'), 'utf8')).toBe(
      await readFile(join(fresh, 'sw.js'), 'utf8'),
    );
  });

  it('keeps the gzip sizes for the next build, looked up only by the bytes they were measured from', async () => {
    const note = `<p>Simpan untuk dibaca tanpa internet: ${OFFLINE_SIZE_SLOT}</p>`;
    const site = {
      'offline/index.html': '<p>Offline</p>',
      'panduan/dokumen/index.html': note + 'x'.repeat(20_000),
      'glosarium/index.html': '<p>Istilah</p>',
    };
    const fresh = await writeServiceWorker(await output(site));
    const dir = await output(site);
    const sizes = join(dir, '..', `${dir.split('/').at(-1)}-sizes.json`);
    onTestFinished(() => rm(sizes, { force: true }));
    // A build without kept sizes, then one with them: the same figure and files.
    expect(await writeServiceWorker(dir, sizes)).toEqual(fresh);
    const kept = JSON.parse(await readFile(sizes, 'utf8')) as {
      version: string;
      sizes: Record<string, number>;
    };
    expect(kept.version).toMatch(/^zlib /);
    expect(Object.keys(kept.sizes)).toHaveLength(3);
    expect(await writeServiceWorker(dir, sizes)).toEqual(fresh);
    // The kept size is what the next build counts for the same bytes (here a planted one)…
    const offline = createHash('md5').update('<p>Offline</p>').digest('hex');
    expect(kept.sizes[offline]).toBeGreaterThan(0);
    kept.sizes[offline] = 500 * 1024;
    await writeFile(sizes, JSON.stringify(kept));
    expect((await writeServiceWorker(dir, sizes)).sizeLabel).not.toBe(fresh.sizeLabel);
    // …and never for other bytes: a changed page is compressed again.
    await writeFile(sizes, JSON.stringify(kept));
    await writeFile(join(dir, 'offline/index.html'), '<p>Luring</p>');
    const changed = await writeServiceWorker(dir, sizes);
    expect(changed.compressed).toBeLessThan(100 * 1024);
    // Sizes from another zlib, or an unreadable file, are no sizes.
    const luring = createHash('md5').update('<p>Luring</p>').digest('hex');
    const planted = { ...kept.sizes, [luring]: 500 * 1024 };
    await writeFile(sizes, JSON.stringify({ version: 'zlib 0', sizes: planted }));
    expect(await writeServiceWorker(dir, sizes)).toEqual(changed);
    await writeFile(sizes, '{');
    expect(await writeServiceWorker(dir, sizes)).toEqual(changed);
  });

  it('refuses a page kept offline that is too large to download on a first visit, naming it', async () => {
    const big = Buffer.alloc(600 * 1024, 'a');
    // A large news page is read online only: no problem.
    await expect(precacheList(await output({ 'berita/besar/index.html': big }))).resolves.toEqual(
      [],
    );
    await expect(precacheList(await output({ 'panduan/besar/index.html': big }))).rejects.toThrow(
      /panduan\/besar\/index\.html/,
    );
  });
});
