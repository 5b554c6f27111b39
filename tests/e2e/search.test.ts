/**
 * The search page in Chromium: keyboard only from the header box to the results and filters,
 * axe on a page full of results, reading without JavaScript, no results, and the bytes a reader
 * pays before the first results.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './browser.ts';
import { builtPages, siteUrl, useBrowser } from './site.ts';
import id from '~/i18n/id.json';

const FINISHED =
  '[data-search-results]:is([data-state="done"], [data-state="empty"], [data-state="error"])';

/** A word the structure guarantees a result for: the longest word of a built guide's title. */
const guide = builtPages().find((p) => /^\/panduan\/(?!cetak\/)[^/]+\/$/.test(p.path));
const guideWord = (guide?.root.querySelector('h1')?.text ?? '')
  .split(/[^\p{L}]+/u)
  .sort((a, b) => b.length - a.length)[0];

const browser = useBrowser();

/** Presses Tab until `selector` has focus; returns how many presses it took (or -1). */
async function tabTo(page: Page, selector: string, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  return -1;
}

describe('search with the keyboard only', () => {
  it('header box → Enter → results; Tab reaches them; a filter narrows them; the URL keeps ?q=', async () => {
    expect(guide, 'no guide page was built').toBeDefined();
    expect(guideWord!.length).toBeGreaterThan(3);
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(siteUrl('/'));
    expect(await tabTo(page, 'header input[type="search"]')).toBeGreaterThan(0);
    await page.keyboard.type(guideWord!);
    await Promise.all([page.waitForURL(/\/cari\/\?q=/), page.keyboard.press('Enter')]);
    await page.waitForSelector('[data-search-results][data-state="done"]');
    expect(new URL(page.url()).searchParams.get('q')).toBe(guideWord);
    expect(await page.locator('[data-search-status]').textContent()).toContain(guideWord);
    expect(await page.inputValue('#cari-halaman')).toBe(guideWord);

    expect(await tabTo(page, '[data-search-list] a')).toBeGreaterThan(0);
    const links = await page
      .locator('[data-search-list] a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toContain(guide!.path);

    // Back to the top, then forward to the type filter, and pick "Panduan" by typing.
    await page.locator('body').focus();
    expect(await tabTo(page, 'select[name="jenis"]')).toBeGreaterThan(0);
    await page.keyboard.type(id['search.typePanduan']);
    await page.waitForURL(/jenis=panduan/);
    await page.waitForSelector(FINISHED);
    const current = new URL(page.url());
    expect(current.searchParams.get('q')).toBe(guideWord);
    expect(current.searchParams.get('jenis')).toBe('panduan');
    const facts = await page.locator('[data-search-list] .meta').allTextContents();
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) expect(f.startsWith(id['search.typePanduan'])).toBe(true);
    // Focus stays on the filter the reader just used.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('jenis');

    // Reloading the address gives the same filtered list.
    await page.reload();
    await page.waitForSelector(FINISHED);
    expect(await page.inputValue('select[name="jenis"]')).toBe('panduan');
    await page.close();
  });

  it('searching again on the search page keeps focus in the box and adds to the history', async () => {
    const page = await browser().newPage();
    await page.goto(siteUrl(`/cari/?q=${encodeURIComponent(guideWord!)}`));
    await page.waitForSelector(FINISHED);
    await page.locator('#cari-halaman').fill('zzqxv');
    await page.locator('#cari-halaman').press('Enter');
    await page.waitForSelector('[data-search-results][data-state="empty"]');
    expect(new URL(page.url()).searchParams.get('q')).toBe('zzqxv');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cari-halaman');
    await page.goBack();
    await page.waitForSelector('[data-search-results][data-state="done"]');
    expect(await page.inputValue('#cari-halaman')).toBe(guideWord);
    await page.close();
  });
});

describe('search page states', () => {
  it('has no axe violations with results and filters on screen', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(siteUrl(`/cari/?q=${encodeURIComponent(guideWord!)}`));
    await page.waitForSelector('[data-search-results][data-state="done"]');
    await page.waitForSelector('[data-search-filters]:not([hidden])');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('says when nothing is found and offers the journey, the glossary and the contacts', async () => {
    const page = await browser().newPage();
    await page.goto(siteUrl('/cari/?q=zzqxvw'));
    await page.waitForSelector('[data-search-results][data-state="empty"]');
    const status = await page.locator('[data-search-status]').textContent();
    expect(status).toContain(id['search.noResults'].split('“')[0]!.trim());
    for (const path of ['/panduan/', '/glosarium/', '/layanan/']) {
      await expect(page.locator(`main a[href="${path}"]`).isVisible()).resolves.toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('says plainly when the index cannot be loaded (offline) and still offers the three ways on', async () => {
    const page = await browser().newPage();
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(siteUrl('/cari/?q=paspor'));
    await page.waitForSelector('[data-search-results][data-state="error"]');
    expect(await page.locator('[data-search-status]').textContent()).toBe(id['search.loadError']);
    await expect(page.locator('main a[href="/layanan/"]').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('without JavaScript says search needs it and offers the same three ways on', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl('/cari/?q=paspor'));
    const text = await page.locator('main').innerText();
    expect(text).toContain(id['search.needsJs']);
    for (const path of ['/panduan/', '/glosarium/', '/layanan/']) {
      await expect(page.locator(`main a[href="${path}"]`).isVisible()).resolves.toBe(true);
    }
    await context.close();
  });

  it('links a glossary match to the term itself, not just to the top of the glossary', async () => {
    const glossary = builtPages().find((p) => p.path === '/glosarium/')!;
    const entry = glossary.root.querySelector('main .term[id]');
    expect(entry, 'the glossary lists no term').not.toBeNull();
    const first = entry!.querySelector('dt')!;
    const term = first.querySelector('strong')?.text.trim() ?? first.text.trim();
    const page = await browser().newPage();
    await page.goto(siteUrl(`/cari/?q=${encodeURIComponent(term)}&jenis=glosarium`));
    await page.waitForSelector('[data-search-results][data-state="done"]');
    const hrefs = await page
      .locator('[data-search-list] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`/glosarium/#${entry!.id}`);
    await page.close();
  });

  it('searches only English pages from the English search page', async () => {
    const en = builtPages().find((p) => p.path === '/en/')!;
    const word = en.root
      .querySelector('h1')!
      .text.split(/[^\p{L}]+/u)
      .sort((a, b) => b.length - a.length)[0]!;
    const page = await browser().newPage();
    await page.goto(siteUrl(`/en/cari/?q=${encodeURIComponent(word)}`));
    await page.waitForSelector('[data-search-results][data-state="done"]');
    const links = await page
      .locator('[data-search-list] a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toContain('/en/');
    for (const link of links) expect(link).toMatch(/^\/en\//);
    await page.close();
  });
});

describe('search cost', () => {
  it('loads no search code on a content page, even when the header box is focused', async () => {
    const page = await browser().newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(siteUrl('/'));
    await page.locator('header input[type="search"]').focus();
    await page.keyboard.type('paspor');
    await page.waitForTimeout(300);
    expect(requested.filter((p) => p.startsWith('/pagefind/') || p.includes('search'))).toEqual([]);
    await page.close();
  });

  it('delivers the first results for ≤ 150 KB gzip in total (page, code and index)', async () => {
    const page = await browser().newPage();
    const sizes: Promise<number>[] = [];
    page.on('response', (response) => {
      sizes.push(
        response
          .body()
          .then((body) =>
            // Pagefind's index files are gzip already; count them as they travel.
            /\.(pagefind|pf_\w+)$/.test(response.url()) ? body.length : gzipSync(body).length,
          )
          .catch(() => 0),
      );
    });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(siteUrl(`/cari/?q=${encodeURIComponent(guideWord!)}`));
    await page.waitForSelector('[data-search-results][data-state="done"]');
    const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    // The index entry is asked for under the build's index hash, so an offline cache can keep it.
    const tag = await page.getAttribute('[data-search-results]', 'data-index-tag');
    expect(tag).toMatch(/^[0-9a-f]{12}$/);
    expect(requested).toContain(siteUrl(`/pagefind/pagefind-entry.json?ts=${tag}`));
    console.info(`bytes before first results: ${total} B (gzip)`);
    expect(total).toBeLessThanOrEqual(150 * 1024);
    await page.close();
  });
});
