/**
 * Reading with JavaScript off, and reaching the page's controls with the keyboard alone, on the
 * fixture content's build.
 */
import { describe, expect, it } from 'vitest';
import { builtPages, FIXTURE_DIST, fixtureUrl, useBrowser } from './site.ts';

const browser = useBrowser();

const guide = builtPages(FIXTURE_DIST).find((p) => /^\/panduan\/(?!cetak\/)[^/]+\/$/.test(p.path));

describe('without JavaScript', () => {
  it('a guide page shows its whole content', async () => {
    expect(guide, 'no guide page was built').toBeDefined();
    const expected = guide!.root.querySelector('main')!.text.replace(/\s+/g, ' ').trim();
    const context = await browser().newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    await page.goto(fixtureUrl(guide!.path));
    const shown = (await page.locator('main').innerText()).replace(/\s+/g, ' ').trim();
    expect(shown.length).toBeGreaterThan(200);
    const h1 = guide!.root.querySelector('h1')!.text.trim();
    expect(shown).toContain(h1);
    // Every paragraph of the served HTML is visible text, not hidden until a script runs.
    expect(shown.length).toBeGreaterThan(expected.length * 0.8);
    await context.close();
  });
});

describe('keyboard only', () => {
  it('reaches the skip link first, then the search box and the language switch', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(fixtureUrl('/panduan/'));
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(first).toBe('#isi');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#isi');

    await page.goto(fixtureUrl('/panduan/'));
    const reached = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const what = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        if (el.matches('input[type="search"]')) return 'search';
        if (el.classList.contains('lang-switch')) return 'lang';
        return '';
      });
      if (what) reached.add(what);
    }
    expect([...reached].sort()).toEqual(['lang', 'search']);
    await page.close();
  });

  it('submits a search from the header with Enter', async () => {
    const page = await browser().newPage();
    await page.goto(fixtureUrl('/'));
    await page.locator('header input[type="search"]').focus();
    await page.keyboard.type('paspor');
    await Promise.all([page.waitForURL(/\/cari\/\?q=paspor/), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/cari/');
    await page.close();
  });

  it('the language switch leads to the same page in English', async () => {
    const page = await browser().newPage();
    await page.goto(fixtureUrl('/panduan/'));
    await page.locator('a.lang-switch').click();
    expect(new URL(page.url()).pathname).toBe('/en/panduan/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  });
});
