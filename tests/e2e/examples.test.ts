/**
 * A build with the example courses (`npm run build:examples`, MIGRASI_EXAMPLES=1): every page of
 * an example says so where it travels, search engines are told nothing about it, the home and
 * programme pages keep to real sessions. And, in Chromium, joining a session: one thumb-sized
 * button with the deadline beside it, words that never break in the middle on a 360 px phone,
 * and a poster that prints on one A4 sheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exampleCourseSlugs, isExamplePage } from '~/features/training/examples.ts';
import { useTranslations } from '~/platform/i18n/i18n.ts';
import { builtPages, DIST, siteUrl, useBrowser, walk } from './site.ts';

const slugs = exampleCourseSlugs();
const pages = builtPages();
const examplePages = pages.filter((p) => isExamplePage(p.path, slugs));
const sessionPages = examplePages.filter((p) => /^\/pelatihan\/[^/]+\/[^/]+\/$/.test(p.path));
const marks = { id: useTranslations('id'), en: useTranslations('en') };
const attr = (page: (typeof pages)[number], selector: string, name: string) =>
  page.root.querySelector(selector)?.getAttribute(name) ?? '';

describe('example pages', () => {
  it('exist for every example course, in both languages', () => {
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs)
      for (const path of [`/pelatihan/${slug}/`, `/en/pelatihan/${slug}/`])
        expect(
          pages.some((p) => p.path === path),
          path,
        ).toBe(true);
    expect(sessionPages.length).toBeGreaterThan(0);
  });

  it('say so in the title, description, link preview and share text, and are noindex', () => {
    for (const page of examplePages) {
      const t = page.path.startsWith('/en/') ? marks.en : marks.id;
      const label = t('session.exampleLabel');
      expect(page.root.querySelector('title')!.text.startsWith(label), page.path).toBe(true);
      expect(attr(page, 'meta[name="description"]', 'content'), page.path).toContain(
        t('examples.description'),
      );
      expect(attr(page, 'meta[property="og:title"]', 'content').startsWith(label), page.path).toBe(
        true,
      );
      expect(attr(page, 'meta[property="og:image:alt"]', 'content').startsWith(label)).toBe(true);
      expect(attr(page, 'meta[name="robots"]', 'content'), page.path).toBe('noindex');
      for (const share of page.root.querySelectorAll('a.share-wa'))
        expect(decodeURIComponent(share.getAttribute('href')!), page.path).toContain(
          `[${t('courses.example')}]`,
        );
      // Kept out of the site search as well.
      expect(page.root.querySelector('[data-pagefind-body]'), page.path).toBeNull();
    }
  });

  it('tell search engines nothing: no schema.org Course, CourseInstance or Event', () => {
    for (const page of examplePages)
      for (const script of page.root.querySelectorAll('script[type="application/ld+json"]'))
        expect(script.text, page.path).not.toMatch(/"(Course|CourseInstance|Event)"/);
  });

  it('are absent from the sitemap', () => {
    const sitemap = walk(DIST)
      .filter((f) => /sitemap.*\.xml$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(sitemap).toContain('<loc>');
    for (const slug of slugs) expect(sitemap).not.toContain(`/pelatihan/${slug}/`);
  });

  it('are marked in the open data and the calendars', () => {
    const data = JSON.parse(readFileSync(join(DIST, 'jadwal.json'), 'utf8')) as {
      sessions: { page_url: string; example: boolean }[];
    };
    const ofExamples = data.sessions.filter((s) => slugs.some((x) => s.page_url.includes(x)));
    expect(ofExamples.length).toBeGreaterThan(0);
    expect(ofExamples.every((s) => s.example === true)).toBe(true);
    const ics = readFileSync(join(DIST, 'jadwal.ics'), 'utf8').replace(/\r\n[ \t]/g, '');
    const summaries = ics.split('\r\n').filter((l) => l.startsWith('SUMMARY:'));
    expect(summaries.length).toBeGreaterThan(0);
    for (const line of summaries) expect(line.startsWith('SUMMARY:[Contoh] ')).toBe(true);
  });

  it('leave the home and programme pages to real sessions, and every page shows the banner', () => {
    const realOnly = pages.filter((p) => /^\/(en\/)?(program\/[^/]+\/)?$/.test(p.path));
    expect(realOnly.length).toBeGreaterThan(2);
    for (const page of realOnly)
      for (const slug of slugs) expect(page.html, page.path).not.toContain(`/pelatihan/${slug}/`);
    for (const page of pages)
      expect(page.root.querySelector('[data-example-banner]'), page.path).not.toBeNull();
  });
});

const browser = useBrowser();

async function phone(path: string, media: 'screen' | 'print' = 'screen'): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
  await page.emulateMedia({ media });
  await page.goto(siteUrl(path));
  return page;
}

/** A session page whose registration is open and has the given way to register. */
const openSessionWith = (needle: string) =>
  sessionPages.find((p) => p.html.includes('join-button') && p.html.includes(needle));

describe('joining a session', () => {
  it('offers one thumb-sized button with the deadline beside it, opening a prefilled chat', async () => {
    const target = openSessionWith('https://wa.me/44');
    expect(target, 'an open example session with a WhatsApp number').toBeDefined();
    const page = await phone(target!.path);
    const button = page.locator('.poster .join-button');
    expect(await button.count()).toBe(1);
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    // The deadline is the button's neighbour in the same row of actions.
    const deadline = page.locator('.poster .join-main > .join-button + .join-deadline');
    expect(await deadline.isVisible()).toBe(true);
    expect(await deadline.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const href = new URL((await button.getAttribute('href'))!);
    expect(href.origin + href.pathname).toMatch(/^https:\/\/wa\.me\/\d{8,15}$/);
    const title = (await page.locator('.poster h1').innerText()).trim();
    expect(href.searchParams.get('text')).toContain(title);
    await page.close();
  });

  it('hides the button when the page is read after registration has closed', async () => {
    const target = openSessionWith('https://wa.me/44')!;
    const deadline = Date.parse(
      target.root.querySelector('.poster')!.getAttribute('data-deadline')!,
    );
    const context = await browser().newContext();
    await context.clock.setFixedTime(new Date(deadline + 120_000));
    const page = await context.newPage();
    await page.goto(siteUrl(target.path));
    await expect.poll(() => page.locator('.poster [data-join]').isVisible()).toBe(false);
    await context.close();
  });

  it('offers a call and an SMS with the message where a phone number is given', async () => {
    const target = openSessionWith('href="tel:+');
    expect(target).toBeDefined();
    const page = await phone(target!.path);
    expect(await page.locator('.poster a[href^="tel:+"]').count()).toBeGreaterThan(0);
    const sms = (await page.locator('.poster a[href^="sms:+"]').first().getAttribute('href'))!;
    expect(decodeURIComponent(sms.split('body=')[1]!)).toMatch(/mendaftar/);
    await page.close();
  });
});

/** Words (letters and digits) whose text spreads over more than one line. */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, svg') || !parent.checkVisibility()) continue;
      for (const m of (node.textContent ?? '').matchAll(/[\p{L}\p{N}]{2,}/gu)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (lines.size > 1) found.push(`"${m[0]}" in <${parent.tagName.toLowerCase()}>`);
      }
    }
    return found;
  });
}

describe('on a 360 px phone', () => {
  it('breaks no word in the middle on the home page, the schedule and a session page', async () => {
    const paths = ['/', '/jadwal/', sessionPages[0]!.path, '/en/jadwal/'];
    for (const path of paths) {
      const page = await phone(path);
      expect(await brokenWords(page), path).toEqual([]);
      await page.close();
    }
  });
});

describe('the poster', () => {
  it('prints on one A4 sheet: big title, place, numbers, office, example mark and QR code', async () => {
    const target = openSessionWith('https://wa.me/44')!;
    const page = await browser().newPage();
    await page.goto(siteUrl(target.path));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    const size = await page.locator('.poster h1').evaluate((h) => getComputedStyle(h).fontSize);
    expect(parseFloat(size)).toBeGreaterThanOrEqual(48); // 36 pt = 48 CSS px
    expect(await page.locator('.poster-when').innerText()).toMatch(/(WIB|WITA|WIT)/);
    const text = await page.locator('.poster').innerText();
    expect(text).toMatch(/\+44\s7700\s900\d{3}/); // the number written out
    const settings = readFileSync('content/settings/site.yaml', 'utf8');
    const office = /^office:\s*(.+)$/m.exec(settings)![1]!.trim();
    expect(text).toContain(office);
    expect(await page.locator('.poster .badge--example').isVisible()).toBe(true);
    const qr = page.locator('.poster [data-qr-url]');
    expect(await qr.locator('svg[role="img"]').isVisible()).toBe(true);
    expect(await qr.getAttribute('data-qr-url')).toBe(
      await page.locator('link[rel="canonical"]').getAttribute('href'),
    );
    expect(await pdfPages(page)).toBe(1);
    await page.close();
  });

  it('of every session, the longest title and time included, prints on one A4 sheet', async () => {
    const page = await browser().newPage();
    await page.emulateMedia({ media: 'print' });
    const over: string[] = [];
    for (const { path } of sessionPages) {
      await page.goto(siteUrl(path));
      const pages = await pdfPages(page);
      if (pages !== 1) over.push(`${path}: ${pages} pages`);
    }
    expect(over).toEqual([]);
    await page.close();
  });
});

/** The number of pages Chromium prints the page on (A4, the page's own @page rules). */
async function pdfPages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  return pdf.match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}
