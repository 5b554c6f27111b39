/**
 * Search that finds what people type: the cases a new user tried (issue 16), synonyms and
 * spellings from the reviewed list, guides before lists and news, a way on when nothing matches,
 * and a /cari/ that lists every guide and term when JavaScript is off. Expectations come from the
 * built pages, except the named cases of the issue.
 */
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPagefind, searchAll, type PagefindApi } from './pagefind-node.ts';
import { builtPages, siteUrl, useBrowser } from './site.ts';
import id from '../../src/i18n/id.json';

const pages = builtPages();
const indexed = (lang: 'id' | 'en') =>
  pages.filter(
    (p) =>
      p.path.startsWith('/en/') === (lang === 'en') &&
      p.root.querySelector('main[data-pagefind-body]'),
  );
/** The text of a page that the index reads: its <main> without ignored parts and templates. */
function mainText(path: string): string {
  const main = parse(pages.find((p) => p.path === path)!.root.querySelector('main')!.outerHTML);
  for (const node of main.querySelectorAll('template, [data-pagefind-ignore]')) node.remove();
  return main.text.replace(/\s+/g, ' ');
}

let api: PagefindApi;
beforeAll(async () => {
  api = await loadPagefind('id');
});
const browser = useBrowser();

const first = async (query: string) => (await searchAll(api, query))[0]?.url;

describe('search: the words people type', () => {
  it('"calo" gives the illegal-recruitment guide first, not "calon"', async () => {
    expect(await first('calo')).toBe('/panduan/tanda-perekrutan-ilegal/');
  });

  it('"kerja ke Hongkong" gives the Hong Kong guide first, before the list of service points', async () => {
    expect(await first('kerja ke Hongkong')).toBe('/panduan/negara-hongkong/');
  });

  it('"Hongkong" finds every page that writes "Hong Kong", and "pasport" every page that says "paspor"', async () => {
    for (const [typed, written] of [
      ['Hongkong', /\bHong Kong\b/],
      ['pasport', /\bpaspor\b/i],
      ['upah', /\bgaji\b/i],
      ['TKI', /\bPMI\b/],
    ] as const) {
      const expected = indexed('id')
        .filter((p) => written.test(mainText(p.path)))
        .map((p) => p.path);
      expect(expected.length, `no page uses ${written}`).toBeGreaterThan(0);
      const found = (await searchAll(api, typed)).map((f) => f.url);
      for (const path of expected) expect(found, `${typed} → ${path}`).toContain(path);
    }
  });

  it('ranks the guide about a topic above news and lists that mention it', async () => {
    const guides = indexed('id').filter((p) => /^\/panduan\/[^/]+\/$/.test(p.path));
    for (const guide of guides) {
      const title = guide.root.querySelector('h1')!.text.trim();
      const hits = await searchAll(api, title);
      const at = hits.findIndex((f) => f.url === guide.path);
      expect(at, title).toBeGreaterThanOrEqual(0);
      const aboveIt = hits.slice(0, at).map((f) => f.filters['type']?.[0]);
      expect(aboveIt, `${title}: above the guide`).not.toContain('berita');
      expect(aboveIt, `${title}: above the guide`).not.toContain('glosarium');
      expect(aboveIt, `${title}: above the guide`).not.toContain('layanan');
    }
  });
});

describe('search page: never a dead end', () => {
  it('"pelatihan menjahit" finds nothing as a whole, so it shows what "pelatihan" finds and the ways on', async () => {
    const page = await browser().newPage();
    await page.goto(siteUrl('/cari/?q=pelatihan%20menjahit'));
    await page.waitForSelector('[data-search-results][data-state="done"]');
    expect(await page.locator('[data-search-results]').getAttribute('data-partial')).toBe(
      'pelatihan',
    );
    const status = await page.locator('[data-search-status]').textContent();
    expect(status).toContain('pelatihan menjahit');
    expect(await page.locator('[data-search-list] li').count()).toBeGreaterThan(0);
    for (const path of ['/pelatihan/', '/panduan/#tahap-sebelum', '/glosarium/', '/layanan/']) {
      await expect(page.locator(`main a[href="${path}"]`).first().isVisible(), path).resolves.toBe(
        true,
      );
    }
    await page.close();
  });

  it('without JavaScript lists every guide and every glossary term', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl('/cari/?q=paspor'));
    expect(await page.locator('main').innerText()).toContain(id['search.needsJs']);
    const links = new Set(
      await page
        .locator('main a')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href'))),
    );
    const guides = pages.filter((p) => /^\/panduan\/(?!cetak\/)[^/]+\/$/.test(p.path));
    expect(guides.length).toBeGreaterThan(0);
    for (const g of guides) expect(links, g.path).toContain(g.path);
    const terms = pages
      .find((p) => p.path === '/glosarium/')!
      .root.querySelectorAll('main .term[id]')
      .map((t) => `/glosarium/#${t.getAttribute('id')}`);
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) expect(links, term).toContain(term);
    await context.close();
  });

  it('writes its script inside the page, not after </html>', () => {
    for (const path of ['/cari/', '/en/cari/']) {
      const html = pages.find((p) => p.path === path)!.html.trim();
      expect(html.endsWith('</html>'), path).toBe(true);
    }
  });
});
