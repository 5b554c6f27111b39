/**
 * The training schedule in a real browser: reading without JavaScript, instant filters kept in
 * the URL, the status script under a mocked clock, and calendars / JSON-LD that agree with the
 * machine-readable attributes of the page. On the fixture content's build, whose courses are the
 * example courses (examples/pelatihan/).
 */
import { readFileSync } from 'node:fs';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { builtPages, FIXTURE_DIST, fixtureUrl, useBrowser } from './site.ts';

const STATUSES = [
  'dibuka',
  'segera-ditutup',
  'ditutup',
  'berlangsung',
  'selesai',
  'penuh',
  'ditunda',
  'dibatalkan',
];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

const browser = useBrowser();

const pages = builtPages(FIXTURE_DIST);
const schedule = pages.find((p) => p.path === '/jadwal/')!;
const sessionsOnSchedule = schedule.root.querySelectorAll('li[data-start]');

describe('schedule HTML', () => {
  it('lists upcoming sessions with instants, offsets and a known status', () => {
    expect(sessionsOnSchedule.length).toBeGreaterThan(0);
    for (const li of sessionsOnSchedule) {
      for (const attr of ['data-start', 'data-end', 'data-deadline'])
        expect(li.getAttribute(attr), attr).toMatch(ISO_WITH_OFFSET);
      expect(STATUSES).toContain(li.getAttribute('data-status'));
    }
    const starts = sessionsOnSchedule.map((li) => Date.parse(li.getAttribute('data-start')!));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('shows every time with its zone and the Indonesian weekday', () => {
    const text = schedule.root.querySelector('main')!.text;
    expect(text).toMatch(/(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}/);
    expect(text).toMatch(/\d{2}\.\d{2}(–\d{2}\.\d{2})? (WIB|WITA|WIT)/);
  });

  it('offers the same sessions in /jadwal.ics at the same instants', () => {
    const events = Object.values(
      ical.sync.parseICS(readFileSync(`${FIXTURE_DIST}/jadwal.ics`, 'utf8')),
    ).filter((c): c is VEvent => c?.type === 'VEVENT');
    const icsStarts = new Set(events.map((e) => new Date(e.start).getTime()));
    for (const li of sessionsOnSchedule)
      expect(icsStarts.has(Date.parse(li.getAttribute('data-start')!))).toBe(true);
  });

  it('offers no calendar file or share link for sessions that have ended (archive)', () => {
    const archive = pages.filter((p) => p.path.startsWith('/jadwal/arsip/'));
    expect(archive.length).toBeGreaterThan(0);
    for (const page of archive)
      for (const li of page.root.querySelectorAll('li[data-start]')) {
        expect(li.querySelector('a[download]'), page.path).toBeNull();
        expect(li.querySelector('a.share-wa'), page.path).toBeNull();
      }
    for (const li of sessionsOnSchedule) expect(li.querySelector('a[download]')).not.toBeNull();
  });
});

describe('filters', () => {
  it('without JavaScript: the whole list is visible, with links instead of a dead form', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(fixtureUrl('/jadwal/?kecamatan=tidak-ada'));
    expect(await page.locator('li[data-start]:visible').count()).toBe(sessionsOnSchedule.length);
    expect(await page.locator('form[data-filters]').isVisible()).toBe(false);
    // Each kecamatan link leads to a page with exactly the sessions held there.
    const links = page.locator('nav[data-browse] a[href*="/saring/kecamatan/"]');
    expect(await links.count()).toBeGreaterThan(1);
    const name = (await links.first().textContent())!.replace(/\s*\(\d+\)\s*$/, '').trim();
    const expected = sessionsOnSchedule.filter((li) =>
      (JSON.parse(li.getAttribute('data-facets')!) as { kecamatan: string[] }).kecamatan.includes(
        name,
      ),
    ).length;
    await page.goto(fixtureUrl((await links.first().getAttribute('href'))!));
    expect(await page.locator('main li[data-start]').count()).toBe(expected);
    for (const text of await page.locator('main li[data-start]').allInnerTexts())
      expect(text).toContain(name);
    await context.close();
  });

  it('with JavaScript: filters instantly and keeps the choice in the URL', async () => {
    const page = await browser().newPage();
    await page.goto(fixtureUrl('/jadwal/'));
    await expect.poll(() => page.locator('form[data-filters]').isVisible()).toBe(true);
    // The links for readers without JavaScript give way to the form.
    expect(await page.locator('nav[data-browse]').isVisible()).toBe(false);
    // The place filter is in view; the others are folded so the list fills a phone's first screen.
    const select = page.locator('select[name="kecamatan"]');
    expect(await select.isVisible()).toBe(true);
    expect(await page.locator('select[name="bulan"]').isVisible()).toBe(false);
    const value = (await select.locator('option').nth(1).getAttribute('value'))!;
    await select.selectOption(value);
    expect(new URL(page.url()).searchParams.get('kecamatan')).toBe(value);
    const visible = page.locator('li[data-start]:visible');
    const expected = sessionsOnSchedule.filter((li) =>
      (JSON.parse(li.getAttribute('data-facets')!) as { kecamatan: string[] }).kecamatan.includes(
        value,
      ),
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect(await visible.count()).toBe(expected);
    for (const text of await visible.allInnerTexts()) expect(text).toContain(value);

    // The shared URL opens with the same filter applied.
    const shared = await browser().newPage();
    await shared.goto(page.url());
    await expect.poll(() => shared.locator('li[data-start]:visible').count()).toBe(expected);
    expect(await shared.locator('select[name="kecamatan"]').inputValue()).toBe(value);
    await shared.close();
    await page.close();
  });

  it('filters the course catalogue by audience', async () => {
    const page = await browser().newPage();
    await page.goto(fixtureUrl('/pelatihan/?peserta=keluarga'));
    await expect.poll(() => page.locator('select[name="peserta"]').inputValue()).toBe('keluarga');
    const cards = page.locator('li[data-facets]');
    const total = await cards.count();
    const visible = await page.locator('li[data-facets]:visible').count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThanOrEqual(total);
    for (const facets of await page
      .locator('li[data-facets]:visible')
      .evaluateAll((els) =>
        els.map((el) => JSON.parse(el.getAttribute('data-facets')!) as { peserta: string[] }),
      ))
      expect(facets.peserta).toContain('keluarga');
    await page.close();
  });
});

describe('status script (mocked clock)', () => {
  // A session with no editor override and seats left (or an unknown count), so the clock alone
  // decides its status and each case below has exactly one right answer.
  const first = sessionsOnSchedule.find(
    (li) => !li.getAttribute('data-override') && li.getAttribute('data-seats-left') !== '0',
  )!;
  const end = Date.parse(first.getAttribute('data-end')!);
  const deadline = Date.parse(first.getAttribute('data-deadline')!);

  async function statusAt(time: number) {
    const context = await browser().newContext();
    await context.clock.setFixedTime(new Date(time));
    const page = await context.newPage();
    await page.goto(fixtureUrl('/jadwal/'));
    const li = page
      .locator(
        `li[data-start="${first.getAttribute('data-start')}"][data-end="${first.getAttribute('data-end')}"]`,
      )
      .first();
    const result = {
      status: await li.getAttribute('data-status'),
      label: (await li.locator('[data-status-label]').innerText()).trim(),
    };
    await context.close();
    return result;
  }

  it('marks a session finished when the page is read after it ended', async () => {
    expect(await statusAt(end + 60_000)).toEqual({ status: 'selesai', label: 'SELESAI' });
  });

  it('marks registration closing soon an hour before the deadline minute ends', async () => {
    const { status } = await statusAt(deadline - 60 * 60_000);
    expect(status).toBe('segera-ditutup');
  });

  it('closes registration right after the deadline minute', async () => {
    const { status } = await statusAt(deadline + 60_000);
    expect(status).toBe('ditutup');
  });
});

describe('poster', () => {
  it('prints date, zone, place and a QR code without the site chrome', async () => {
    const poster = pages.find((p) => /^\/pelatihan\/[^/]+\/[^/]+\/$/.test(p.path))!;
    const page = await browser().newPage();
    await page.goto(fixtureUrl(poster.path));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.poster svg[role="img"]').isVisible()).toBe(true);
    expect(await page.locator('.poster-when').innerText()).toMatch(/(WIB|WITA|WIT)/);
    await page.close();
  });
});
