/**
 * Reach: offline reading through the service worker, updates of its cache, printed leaflets with a
 * scannable QR code, the printable booklet, link-preview images, WhatsApp links and the manifest.
 * The offline tests run their own servers so they can stop them: the reader is really offline.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { precacheList, writeServiceWorker } from '~/platform/offline/service-worker.ts';
import { ogImagePath } from '~/platform/cards/og.ts';
import idStrings from '~/i18n/id.json';
import enStrings from '~/i18n/en.json';
import { builtPages, DIST, siteUrl, useBrowser } from './site.ts';

const browser = useBrowser();

const pages = builtPages();
const GUIDE = /^\/(en\/)?panduan\/(?!cetak\/)[^/]+\/$/;
const guides = pages.filter((p) => GUIDE.test(p.path));
const h1 = (path: string) =>
  pages
    .find((p) => p.path === path)
    ?.root.querySelector('h1')
    ?.text.trim();

/** A server we can stop, so that the browser really has no connection. */
async function serve(root: string, port = 0) {
  const s = await startServer({ root, port });
  return {
    url: s.url,
    port: Number(new URL(s.url).port),
    stop: async () => {
      s.server.closeAllConnections();
      await s.close();
    },
  };
}

/** Opens a page and waits until the service worker controls it (its precache is then complete). */
async function visitAndInstall(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('offline reading', () => {
  it('after one visit, every guide, the glossary and the service points read offline; the first page visited too', async () => {
    expect(guides.length).toBeGreaterThan(0);
    const server = await serve(DIST);
    const context = await browser().newContext();
    const first = '/program/';
    const page = await visitAndInstall(context, `${server.url}${first}`);
    // Activation saves the page that installed the worker; give it a moment.
    await waitFor(
      () =>
        page.evaluate(async (p) => Boolean(await (await caches.open('ma-pages')).match(p)), first),
      'the first page to be cached',
    );
    await server.stop();
    await context.setOffline(true);

    for (const path of [
      ...guides.map((g) => g.path),
      '/panduan/',
      '/en/panduan/',
      '/glosarium/',
      '/layanan/',
      '/en/layanan/',
      first,
    ]) {
      await page.goto(`${server.url}${path}`);
      expect(await page.locator('h1').innerText(), path).toBe(h1(path));
    }
    await context.close();
  });

  it('a page never saved shows the offline page in its language', async () => {
    const server = await serve(DIST);
    const context = await browser().newContext();
    const page = await visitAndInstall(context, `${server.url}/`);
    await server.stop();
    await context.setOffline(true);

    await page.goto(`${server.url}/berita/`);
    expect(await page.locator('h1').innerText()).toBe(idStrings['offline.title']);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.goto(`${server.url}/en/program/tidak-ada/`);
    expect(await page.locator('h1').innerText()).toBe(enStrings['offline.title']);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  it('online, a stored guide is fetched fresh even before the service worker changes', async () => {
    const guide = guides.find((g) => !g.path.startsWith('/en/'))!;
    const copy = join(mkdtempSync(join(tmpdir(), 'reach-')), 'dist');
    cpSync(DIST, copy, { recursive: true });
    const file = join(copy, guide.path, 'index.html');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('</h1>', '</h1><p id="koreksi">Koreksi</p>'),
    );
    const oldSite = await serve(DIST);
    const context = await browser().newContext();
    const page = await visitAndInstall(context, `${oldSite.url}${guide.path}`);
    expect(await page.locator('#koreksi').count()).toBe(0);
    await oldSite.stop();
    const newSite = await serve(copy, oldSite.port);
    await page.goto(`${newSite.url}${guide.path}`);
    expect(await page.locator('#koreksi').innerText()).toBe('Koreksi');
    await newSite.stop();
    await context.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('a new build replaces the cached guides', async () => {
    const guide = guides.find((g) => !g.path.startsWith('/en/'))!;
    const copy = join(mkdtempSync(join(tmpdir(), 'reach-')), 'dist');
    cpSync(DIST, copy, { recursive: true });
    const marker = `Revisi baru ${Date.now()}`;
    const file = join(copy, guide.path, 'index.html');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('</h1>', `</h1><p id="revisi-baru">${marker}</p>`),
    );
    await writeServiceWorker(copy);
    expect(readFileSync(join(copy, 'sw.js'), 'utf8')).not.toBe(
      readFileSync(join(DIST, 'sw.js'), 'utf8'),
    );
    const newEntry = (await precacheList(copy)).find((e) => e.url === guide.path)!;
    const oldEntry = (await precacheList(DIST)).find((e) => e.url === guide.path)!;
    expect(newEntry.revision).not.toBe(oldEntry.revision);

    const oldSite = await serve(DIST);
    const context = await browser().newContext();
    const page = await visitAndInstall(context, `${oldSite.url}/`);
    await oldSite.stop();
    const newSite = await serve(copy, oldSite.port);
    await page.goto(`${newSite.url}/`);
    const cachedRevisions = () =>
      page.evaluate(async (path) => {
        const keys = await (await caches.open('ma-precache')).keys();
        return keys
          .map((k) => new URL(k.url))
          .filter((u) => u.pathname === path)
          .map((u) => u.searchParams.get('__rev'));
      }, guide.path);
    await waitFor(async () => {
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const revs = await cachedRevisions();
      return revs.length === 1 && revs[0] === newEntry.revision;
    }, 'the new service worker to replace the cached guide');
    await newSite.stop();
    await context.setOffline(true);
    await page.goto(`${newSite.url}${guide.path}`);
    expect(await page.locator('#revisi-baru').innerText()).toBe(marker);
    await context.close();
    rmSync(copy, { recursive: true, force: true });
  });
});

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe('print', () => {
  it('a guide prints without navigation, with a QR code that scans to its live address', async () => {
    const guide = guides[0]!;
    const canonical = guide.root.querySelector('link[rel="canonical"]')!.getAttribute('href');
    const context = await browser().newContext({ deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(siteUrl(guide.path));
    expect(await page.locator('.print-footer').isVisible(), 'QR hidden on screen').toBe(false);

    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['header', '.site-nav', '.breadcrumbs', '.search-form', '.share-wa']) {
      expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
    }
    // The leaflet keeps what makes it trustworthy on paper: the checked date and the sources.
    expect(await page.locator('main .sources').isVisible()).toBe(true);
    expect(await page.locator('main p.meta time').first().isVisible()).toBe(true);
    const qr = page.locator('.print-footer svg');
    expect(await qr.isVisible()).toBe(true);
    expect(decodeQr(await qr.screenshot())).toBe(canonical);
    await expect(page.locator('main').innerText()).resolves.toContain(canonical);
    await context.close();
  });

  for (const locale of ['id', 'en'] as const) {
    it(`the ${locale} booklet holds every guide of its language once, each on a new page`, async () => {
      const path = locale === 'id' ? '/panduan/cetak/' : '/en/panduan/cetak/';
      const mine = guides.filter((g) => g.path.startsWith('/en/') === (locale === 'en'));
      // Every part of the booklet (a long one is split, with links between the parts).
      const parts = builtPages()
        .filter((p) => p.path.startsWith(path))
        .map((p) => p.path)
        .sort();
      expect(parts[0]).toBe(path);
      const titles: string[] = [];
      let qrCount = 0;
      const context = await browser().newContext();
      const page = await context.newPage();
      for (const part of parts) {
        await page.goto(siteUrl(part));
        titles.push(...(await page.locator('.booklet-guide > h2').allInnerTexts()));
        qrCount += await page.locator('.booklet-guide [data-qr-url]').count();
      }
      await page.goto(siteUrl(path));
      expect([...titles].sort()).toEqual(mine.map((g) => h1(g.path)).sort());
      expect(qrCount).toBe(mine.length);
      await page.emulateMedia({ media: 'print' });
      const breaks = await page
        .locator('.booklet-guide')
        .evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
      expect(new Set(breaks)).toEqual(new Set(['page']));
      await context.close();
    });
  }

  it('the booklet print button opens the dialog only when pressed, and needs no JavaScript to explain', async () => {
    const context = await browser().newContext();
    await context.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    const page = await context.newPage();
    await page.goto(siteUrl('/panduan/cetak/'));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
    await page.getByRole('button', { name: idStrings['print.button'] }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await context.close();

    const noJs = await browser().newContext({ javaScriptEnabled: false });
    const still = await noJs.newPage();
    await still.goto(siteUrl('/panduan/cetak/'));
    expect(await still.getByRole('button', { name: idStrings['print.button'] }).count()).toBe(0);
    await expect(still.locator('main').innerText()).resolves.toContain(idStrings['print.howTo']);
    await noJs.close();
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const head = readFileSync(file).subarray(0, 24);
  expect(head.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return [head.readUInt32BE(16), head.readUInt32BE(20)];
}

describe('sharing and installing', () => {
  const siteUrl = new URL(
    pages[0]!.root.querySelector('link[rel="canonical"]')!.getAttribute('href')!,
  ).origin;

  it('every page names a 1200×630 preview image by its absolute URL', () => {
    for (const page of pages) {
      const image = page.root.querySelector('meta[property="og:image"]')?.getAttribute('content');
      expect(image, `${page.path} og:image`).toMatch(/^https:\/\//);
      const url = new URL(image!);
      expect(url.origin, page.path).toBe(siteUrl);
      const file = join(DIST, url.pathname);
      expect(existsSync(file), `${page.path} → ${url.pathname}`).toBe(true);
      expect(pngSize(file), url.pathname).toEqual([1200, 630]);
      expect(page.root.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe(
        'summary_large_image',
      );
    }
  });

  it('guides and programmes have their own image, news items the news card; each shares itself on WhatsApp', () => {
    const shared = pages.filter((p) =>
      /^\/(en\/)?(panduan|program|berita)\/(?!cetak\/|halaman\/)[^/]+\/$/.test(p.path),
    );
    expect(shared.length).toBeGreaterThan(0);
    for (const page of shared) {
      const image = page.root.querySelector('meta[property="og:image"]')!.getAttribute('content')!;
      // News items share one card per language (see src/pages/og/[...path].png.ts).
      const news = /^(\/en)?\/berita\//.exec(page.path);
      expect(new URL(image).pathname, page.path).toBe(
        ogImagePath(news ? `${news[1] ?? ''}/berita/` : page.path),
      );
      const canonical = page.root.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
      // A page may also share its training sessions; one of its links must share the page itself.
      const links = page.root
        .querySelectorAll('a.share-wa')
        .map((a) => a.getAttribute('href') ?? '');
      expect(links.length, `${page.path} WhatsApp link`).toBeGreaterThan(0);
      for (const wa of links) expect(wa, page.path).toMatch(/^https:\/\/wa\.me\/\?text=/);
      const texts = links.map((wa) => decodeURIComponent(wa.split('text=')[1]!));
      expect(
        texts.some((text) => text.endsWith(`\n${canonical}`)),
        `${page.path} shares ${canonical}`,
      ).toBe(true);
    }
  });

  it("courses have their own image, one for every language, sessions their course's; each session page shares itself", () => {
    const courses = pages.filter((p) =>
      /^\/(en\/)?pelatihan\/(?!halaman\/)[^/]+\/([^/]+\/)?$/.test(p.path),
    );
    expect(courses.length).toBeGreaterThan(0);
    for (const page of courses) {
      const image = page.root.querySelector('meta[property="og:image"]')!.getAttribute('content')!;
      // /en/pelatihan/<course>/<session>/ → the image of /pelatihan/<course>/: courses are written
      // in Indonesian only, and so is their card.
      const course = page.path.replace(/^(?:\/en)?(\/pelatihan\/[^/]+\/)(?:[^/]+\/)?$/, '$1');
      expect(new URL(image).pathname, page.path).toBe(ogImagePath(course));
      expect(existsSync(join(DIST, new URL(image).pathname)), `${page.path} image file`).toBe(true);
    }
    // No second card of the same course in English.
    expect(existsSync(join(DIST, 'og/en/pelatihan'))).toBe(false);
    const sessions = courses.filter((p) => p.path.replace(/^\/en/, '').split('/').length === 5);
    expect(sessions.length).toBeGreaterThan(0);
    for (const page of sessions) {
      const canonical = page.root.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
      const texts = page.root
        .querySelectorAll('a.share-wa')
        .map((a) => decodeURIComponent((a.getAttribute('href') ?? '').split('text=')[1] ?? ''));
      expect(
        texts.some((text) => text.endsWith(`\n${canonical}`)),
        `${page.path} shares itself`,
      ).toBe(true);
    }
  });

  it('links a web app manifest in its language, with icons of the sizes it claims', () => {
    for (const page of pages.filter((p) => p.path !== '/404.html')) {
      const href = page.root.querySelector('link[rel="manifest"]')?.getAttribute('href');
      expect(href, page.path).toBe(
        page.path.startsWith('/en/') ? '/en/manifest.webmanifest' : '/manifest.webmanifest',
      );
    }
    for (const [file, lang] of [
      ['manifest.webmanifest', 'id'],
      ['en/manifest.webmanifest', 'en'],
    ] as const) {
      const manifest = JSON.parse(readFileSync(join(DIST, file), 'utf8'));
      expect(manifest.lang).toBe(lang);
      expect(manifest.name.length).toBeGreaterThan(3);
      expect(manifest.short_name.length).toBeGreaterThan(3);
      expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
      expect(existsSync(join(DIST, manifest.start_url, 'index.html'))).toBe(true);
      for (const icon of manifest.icons) {
        const [w, h] = icon.sizes.split('x').map(Number);
        expect(pngSize(join(DIST, icon.src)), icon.src).toEqual([w, h]);
      }
    }
  });

  it('images are lazy, sized, and never above the title of a guide', () => {
    for (const page of pages) {
      for (const img of page.root.querySelectorAll('main img')) {
        expect(img.getAttribute('loading'), `${page.path} ${img.getAttribute('src')}`).toBe('lazy');
        expect(img.getAttribute('width'), page.path).toBeTruthy();
        expect(img.getAttribute('height'), page.path).toBeTruthy();
      }
    }
    for (const guide of guides) {
      const firstImg = guide.html.indexOf('<img');
      if (firstImg >= 0) expect(firstImg, guide.path).toBeGreaterThan(guide.html.indexOf('<h1'));
    }
  });
});
