/**
 * Filters on lists longer than one page, in real Chromium, on a site built for this test: the real
 * content plus a generated catalogue (tests/e2e/fixtures/many-sessions.ts) whose kecamatan the
 * real content never uses, so the expected matches are known independently of the build.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from './browser.ts';
import { buildContentCopy } from './content-copy-build.ts';
import {
  FIXTURE_KECAMATAN,
  FIXTURE_WITA_KECAMATAN,
  HOSTILE_TITLE,
  LONG_STEP_GUIDES,
  LONG_STEP_TITLE,
  PROGRAM_NEWS,
  PROGRAM_NEWS_TITLE,
  writeLongStep,
  writeProgramNews,
  writeManySessions,
  type FixtureSession,
} from './fixtures/many-sessions.ts';
import { headersFromFile, startServer } from '../../scripts/serve.ts';

const BUILD_TIMEOUT = 300_000;
const work = mkdtempSync(join(tmpdir(), 'migrasi-filters-'));
const contentDir = join(work, 'content');
const distDir = join(work, 'dist');
let sessions: FixtureSession[] = [];
let baseUrl = '';
let closeServer: (() => Promise<void>) | undefined;
let browser: Browser;

beforeAll(async () => {
  cpSync('content', contentDir, { recursive: true });
  sessions = writeManySessions(contentDir);
  writeLongStep(contentDir);
  writeProgramNews(contentDir, 'go-tki');
  await buildContentCopy(distDir, join(work, 'cache'), {
    ...process.env,
    MIGRASI_CONTENT_DIR: contentDir,
  });
  const headersFor = headersFromFile(distDir);
  if (!headersFor) throw new Error('The fixture build wrote no _headers file.');
  const server = await startServer({ root: distDir, headersFor });
  baseUrl = server.url;
  closeServer = server.close;
  browser = await launchChromium();
}, BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await closeServer?.();
  rmSync(work, { recursive: true, force: true });
});

const inKecamatan = (k: string) => sessions.filter((s) => s.kecamatan === k);
/** The fixture kecamatan with the most sessions: it spans several schedule pages. */
const busiest = () =>
  [...FIXTURE_KECAMATAN].sort((a, b) => inKecamatan(b).length - inKecamatan(a).length)[0]!;
const cards = (page: Page) => page.locator('main li[data-start]:visible');

async function open(path: string, js = true): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: js });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  return { context, page };
}

describe('the fixture', () => {
  it('is longer than one page of the schedule and of the catalogue', async () => {
    const { context, page } = await open('/jadwal/', false);
    expect(await page.locator('nav.pagination').count()).toBe(1);
    await page.goto(`${baseUrl}/pelatihan/`);
    expect(await page.locator('nav.pagination').count()).toBe(1);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('reaches the next session in a kecamatan in two taps from the schedule', async () => {
    const kecamatan = busiest();
    const { context, page } = await open('/jadwal/', false);
    expect(await page.locator('form[data-filters]').isVisible()).toBe(false);
    const browse = page.locator('nav[data-browse]');
    await browse.locator('summary', { hasText: /^Kecamatan$/ }).click(); // tap 1
    await browse.getByRole('link', { name: new RegExp(`^${kecamatan} \\(\\d+\\)$`) }).click(); // tap 2
    expect(new URL(page.url()).pathname).toBe(
      `/jadwal/saring/kecamatan/${kecamatan.toLowerCase()}/`,
    );
    expect(await page.locator('h1').innerText()).toContain(kecamatan);
    // The first card is the earliest session there, and every card is in that kecamatan.
    const first = inKecamatan(kecamatan)
      .map((s) => s.start)
      .sort()[0]!;
    expect(await cards(page).first().locator('time').first().getAttribute('datetime')).toMatch(
      new RegExp(`^${first}T08:00:00\\+0[78]:00$`),
    );
    await context.close();
  });

  it('lists every session of a kecamatan across the pages of its own list', async () => {
    const kecamatan = busiest();
    const { context, page } = await open(
      `/jadwal/saring/kecamatan/${kecamatan.toLowerCase()}/`,
      false,
    );
    let seen = 0;
    for (;;) {
      for (const text of await cards(page).allInnerTexts()) expect(text).toContain(kecamatan);
      seen += await cards(page).count();
      const next = page.locator('nav.pagination a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.click();
    }
    expect(seen).toBe(inKecamatan(kecamatan).length);
    await context.close();
  });

  it('keeps every upcoming session reachable through the pages of the schedule', async () => {
    const { context, page } = await open('/jadwal/', false);
    const starts: string[] = [];
    for (;;) {
      starts.push(
        ...(await cards(page).evaluateAll((els) => els.map((el) => el.dataset['start']!))),
      );
      const next = page.locator('nav.pagination a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.click();
    }
    for (const s of sessions)
      expect(starts.some((start) => start.startsWith(`${s.start}T08:00`))).toBe(true);
    expect([...starts].sort((a, b) => Date.parse(a) - Date.parse(b))).toEqual(starts);
    await context.close();
  });

  it('filters the catalogue by audience on a static page', async () => {
    const { context, page } = await open('/pelatihan/', false);
    await page.locator('nav[data-browse] summary', { hasText: 'Untuk siapa' }).click();
    await page.locator('nav[data-browse] a[href$="/saring/peserta/cpmi/"]').click();
    const links: string[] = [];
    for (;;) {
      links.push(
        ...(await page
          .locator('main li.card h2 a')
          .evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).pathname))),
      );
      const next = page.locator('nav.pagination a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.click();
    }
    const expected = new Set(
      sessions.filter((s) => s.audience.includes('cpmi')).map((s) => s.course),
    );
    expect(expected.size).toBeGreaterThan(0);
    for (const course of expected) expect(links).toContain(`/pelatihan/${course}/`);
    // Nothing for another audience only.
    const others = sessions.filter((s) => !s.audience.includes('cpmi')).map((s) => s.course);
    for (const course of others) expect(links).not.toContain(`/pelatihan/${course}/`);
    await context.close();
  });
});

describe('with JavaScript', () => {
  it('finds matches on every page of the schedule, not only the first', async () => {
    const kecamatan = busiest();
    const expected = inKecamatan(kecamatan).length;
    expect(expected).toBeGreaterThan(0);
    const { context, page } = await open(`/jadwal/?kecamatan=${kecamatan}`);
    await expect
      .poll(() => page.locator('[data-filter-count]').innerText())
      .toMatch(new RegExp(`^${expected} dari \\d+ cocok`));
    // The count line can be written a moment before the cards: wait for what is checked.
    await expect.poll(() => cards(page).count()).toBe(Math.min(expected, 30));
    await expect.poll(() => page.locator('[data-list]').isVisible()).toBe(false);
    // The latest of them is far beyond the first page of the unfiltered schedule.
    const last = inKecamatan(kecamatan)
      .map((s) => s.start)
      .sort()
      .at(-1)!;
    if (expected <= 30)
      expect(await page.locator(`main li[data-start^="${last}T08:00"]`).count()).toBe(1);
    for (const text of await cards(page).allInnerTexts()) expect(text).toContain(kecamatan);
    // Statuses are filled in by the status script, as on the server-rendered list.
    await expect
      .poll(async () =>
        (await page.locator('[data-results] [data-status-label]').allInnerTexts()).filter(
          (label) => label.trim() === '',
        ),
      )
      .toEqual([]);
    await context.close();
  });

  it('combines filters, keeps them in the URL and opens a shared URL the same way', async () => {
    const { context, page } = await open('/jadwal/');
    await page.locator('select[name="kecamatan"]').selectOption(FIXTURE_WITA_KECAMATAN);
    await page.locator('form[data-filters] summary').click();
    await page.locator('select[name="cara"]').selectOption('campuran');
    const expected = inKecamatan(FIXTURE_WITA_KECAMATAN).filter((s) => s.mode === 'campuran');
    await expect
      .poll(() => new URL(page.url()).search)
      .toBe(`?kecamatan=${FIXTURE_WITA_KECAMATAN}&cara=campuran`);
    await expect.poll(() => cards(page).count()).toBe(expected.length);
    for (const text of await cards(page).allInnerTexts()) expect(text).toMatch(/WITA/);
    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect.poll(() => cards(shared).count()).toBe(expected.length);
    expect(await shared.locator('select[name="cara"]').inputValue()).toBe('campuran');
    // Clearing the filters brings the page's own list back.
    await page.locator('button[type="reset"]').click();
    await expect.poll(() => page.locator('[data-list]').isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });

  it('passes axe (WCAG 2.2 AA) with the filtered results shown, on a phone', async () => {
    for (const path of ['/jadwal/?cara=tatap-muka', '/en/pelatihan/?peserta=cpmi']) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}${path}`);
      await expect.poll(() => page.locator('[data-results] li').count()).toBeGreaterThan(0);
      expect(await axeViolations(page), path).toEqual([]);
      await context.close();
    }
    // As without JavaScript (axe itself needs it): the site's scripts are not delivered.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.route('**/_astro/*.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jadwal/`);
    await page.locator('nav[data-browse] summary').first().click();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows many matches thirty at a time and keeps the reader’s place', async () => {
    const expected = sessions.filter((s) => s.mode === 'tatap-muka').length;
    expect(expected).toBeGreaterThan(30);
    const { context, page } = await open('/jadwal/?cara=tatap-muka');
    await expect.poll(() => cards(page).count()).toBe(30);
    const more = page.getByRole('button', { name: 'Tampilkan lebih banyak' });
    await more.click();
    await expect.poll(() => cards(page).count()).toBe(Math.min(60, expected));
    // Focus moved to the first added card's link, so keyboard users continue there.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.dataset['start'])).toBe(
      await cards(page).nth(30).getAttribute('data-start'),
    );
    await context.close();
  });

  it('shows markup in titles as text, never as HTML', async () => {
    const { context, page } = await open('/pelatihan/?topik=uji+jadwal');
    await expect.poll(() => page.locator('[data-results] li').count()).toBeGreaterThan(20);
    expect(await page.locator('[data-results]').innerText()).toContain(HOSTILE_TITLE);
    expect(await page.locator('[data-results] img, [data-results] b').count()).toBe(0);
    await context.close();
  });

  it('filters the whole catalogue, beyond its first page', async () => {
    const audience = 'cpmi';
    const expected = new Set(
      sessions.filter((s) => s.audience.includes(audience)).map((s) => s.course),
    );
    const { context, page } = await open(`/pelatihan/?peserta=${audience}`);
    await expect.poll(() => page.locator('[data-results]').isVisible()).toBe(true);
    const links = await page
      .locator('[data-results] li h2 a')
      .evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).pathname));
    for (const course of expected) expect(links).toContain(`/pelatihan/${course}/`);
    await context.close();
  });

  it('falls back to filtering the page in view when the index cannot be loaded', async () => {
    const kecamatan = busiest();
    const context = await browser.newContext();
    await context.route('**/saring.json', (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jadwal/?kecamatan=${kecamatan}`);
    await expect
      .poll(() => page.locator('[data-filter-count]').innerText())
      .toContain('hanya halaman ini');
    expect(await page.locator('[data-list]').isVisible()).toBe(true);
    for (const text of await cards(page).allInnerTexts()) expect(text).toContain(kecamatan);
    await context.close();
  });

  it('marks a listed session finished when the reader’s clock is past its end', async () => {
    const kecamatan = busiest();
    const first = inKecamatan(kecamatan)
      .map((s) => s.start)
      .sort()[0]!;
    const context = await browser.newContext();
    await context.clock.setFixedTime(new Date(`${first}T23:00:00+07:00`));
    const page = await context.newPage();
    await page.goto(`${baseUrl}/jadwal/?kecamatan=${kecamatan}`);
    const card = page.locator(`[data-results] li[data-start^="${first}T08:00"]`);
    await expect.poll(() => card.getAttribute('data-status')).toBe('selesai');
    expect((await card.locator('[data-status-label]').innerText()).trim()).toBe('SELESAI');
    await context.close();
  });
});

describe('a real course (the fixture courses are not examples)', () => {
  it('tells search engines about itself: Course data matching its sessions, in the sitemap', async () => {
    const { context, page } = await open('/pelatihan/uji-jadwal-panjang/', false);
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);
    const data = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    ) as { '@type': string; hasCourseInstance: { startDate: string }[] };
    expect(data['@type']).toBe('Course');
    const starts = await page
      .locator('li[data-start]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-start')));
    expect(starts.length).toBeGreaterThan(0);
    for (const start of starts)
      expect(data.hasCourseInstance.map((i) => i.startDate)).toContain(start);
    const sitemap = await (await fetch(`${baseUrl}/sitemap-0.xml`)).text();
    expect(sitemap).toContain('/pelatihan/uji-jadwal-panjang/</loc>');
    await context.close();
  });

  it('is listed on the home page under the nearest sessions', async () => {
    const { context, page } = await open('/', false);
    expect(await page.locator('.upcoming-sessions li[data-start]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-empty-schedule]').count()).toBe(0);
    await context.close();
  });
});

describe('a long journey (more guides than a step or a booklet part lists)', () => {
  it('lists five guides of a long step and links its own page, which has them all', async () => {
    const { context, page } = await open('/panduan/', false);
    const step = page.locator('li.step', { hasText: LONG_STEP_TITLE });
    expect(await step.locator('.step-links a', { hasText: LONG_STEP_TITLE }).count()).toBe(5);
    await step.getByRole('link', { name: `Lihat ${LONG_STEP_GUIDES - 5} panduan lain` }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/panduan\/langkah\/\d+\/$/);
    expect(await page.locator('main a', { hasText: LONG_STEP_TITLE }).count()).toBe(
      LONG_STEP_GUIDES,
    );
    // A guide of that step lists some of the others, and the same link.
    await page.locator('main a', { hasText: `${LONG_STEP_TITLE} 10` }).click();
    const siblings = page.locator('.step-siblings a');
    expect(await siblings.count()).toBe(6);
    expect(await siblings.last().innerText()).toBe(
      `Lihat ${LONG_STEP_GUIDES - 1 - 5} panduan lain untuk langkah ini`,
    );
    await context.close();
  });

  it('splits the booklet into parts that hold every guide once, in journey order', async () => {
    const { context, page } = await open('/panduan/cetak/', false);
    const parts = page.locator('nav[aria-labelledby="bagian-buku"] li');
    expect(await parts.count()).toBeGreaterThan(1);
    const titles: string[] = [];
    for (let n = 1; n <= (await parts.count()); n++) {
      await page.goto(`${baseUrl}/panduan/cetak/${n > 1 ? `${n}/` : ''}`);
      expect(await page.locator('h1').innerText()).toContain(`bagian ${n} dari`);
      titles.push(...(await page.locator('.booklet-guide > h2').allInnerTexts()));
    }
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.filter((t) => t.startsWith(LONG_STEP_TITLE))).toHaveLength(LONG_STEP_GUIDES);
    // The long step is the last of the journey, so its guides close the last part.
    expect(titles.at(-1)).toBe(`${LONG_STEP_TITLE} 10`);
    await context.close();
  });
});

describe('a programme with many news items', () => {
  it('lists the latest ten and finds all of them through the search, filtered', async () => {
    const { context, page } = await open('/program/go-tki/');
    const listed = page.locator('section[aria-labelledby="program-berita"] li h3 a');
    expect(await listed.count()).toBe(10);
    await page.getByRole('link', { name: /Lihat semua \d+ berita tentang program ini/ }).click();
    expect(new URL(page.url()).pathname).toBe('/cari/');
    const results = page.locator('[data-search-list] a', { hasText: PROGRAM_NEWS_TITLE });
    await expect
      .poll(() => results.count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(Math.min(PROGRAM_NEWS, 10));
    await context.close();
  });
});
