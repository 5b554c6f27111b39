/**
 * "Cek tawaran kerja" in Chromium: with JavaScript off, one static page per question reaches a
 * verdict and explains each warning with its source; with JavaScript, the same check runs in the
 * page without a single request, and its summary prints.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './browser.ts';
import { useBrowser, siteUrl } from './site.ts';
import { verdictKeys } from '../../src/features/offer-check/logic.ts';
import {
  OFFER_SOURCES,
  QUESTIONS,
  type Answer,
  type Level,
} from '../../src/features/offer-check/questions.ts';
import id from '../../src/i18n/id.json';
import en from '../../src/i18n/en.json';

const browser = useBrowser();

const verdictName = (level: Level, dict: Record<string, string> = id) =>
  dict[verdictKeys(level).name]!;

/** Picks, for each question, the first answer of the wanted level (or a harmless one). */
function plan(wanted: Record<string, Level>): Answer[] {
  return QUESTIONS.map(
    (q) =>
      q.answers.find((a) => a.level === (wanted[q.id] ?? 'aman')) ??
      q.answers.find((a) => a.level === 'aman')!,
  );
}

const firstWarning = QUESTIONS.flatMap((q) =>
  q.answers.filter((a) => a.level === 'hati-hati').map((a) => ({ q, a })),
)[0]!;
const firstDanger = QUESTIONS.flatMap((q) =>
  q.answers.filter((a) => a.level === 'bahaya').map((a) => ({ q, a })),
)[0]!;

async function answerAll(page: Page, answers: Answer[], onEach?: (i: number) => Promise<void>) {
  for (const [i, a] of answers.entries()) {
    const section = page.locator(`[data-offer-question="${QUESTIONS[i]!.id}"]`);
    await section.locator(`a[data-answer="${a.id}"]`).click();
    await onEach?.(i);
  }
}

describe('offer check without JavaScript', () => {
  it('reaches "Hati-hati" page by page, explaining the warning with its source', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl('/cek-tawaran/'));
    const answers = plan({ [firstWarning.q.id]: 'hati-hati' });
    await answerAll(page, answers, async (i) => {
      // Every answer opens a new static page whose address carries the state.
      expect(new URL(page.url()).pathname).toMatch(
        /^\/cek-tawaran\/(\d+|hasil)\/[a-z-]+\/[a-z-]+\/$/,
      );
      const why = page.locator('[data-why]').first();
      expect(await why.getAttribute('data-why')).toBe(`${QUESTIONS[i]!.id}:${answers[i]!.id}`);
      if (QUESTIONS[i] === firstWarning.q) {
        const hrefs = await why
          .locator('a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        const expected = firstWarning.a.sources!.map((s) => OFFER_SOURCES[s].url);
        expect(hrefs).toEqual(expected);
      }
    });
    expect(new URL(page.url()).pathname).toMatch(/^\/cek-tawaran\/hasil\/hati-hati\//);
    expect(await page.locator('[data-verdict] h2').innerText()).toContain(verdictName('hati-hati'));
    for (const path of ['/panduan/cek-izin-p3mi/', '/panduan/tempat-mengadu/']) {
      expect(await page.locator(`main a[href="${path}"]`).count(), path).toBeGreaterThan(0);
    }
    expect(await page.locator('main a[href^="/layanan/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href^="tel:"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('says "Bahaya" after one danger sign even when every other answer is harmless', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl('/cek-tawaran/'));
    await answerAll(page, plan({ [firstDanger.q.id]: 'bahaya' }));
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('bahaya');
    expect(await page.locator('[data-verdict] h2').innerText()).toContain(verdictName('bahaya'));
    await context.close();
  });

  it('says "Belum ada tanda bahaya" when no answer is a warning, in English under /en/', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl('/en/cek-tawaran/'));
    await answerAll(page, plan({}));
    expect(new URL(page.url()).pathname).toMatch(/^\/en\/cek-tawaran\/hasil\/aman\//);
    expect(await page.locator('[data-verdict] h2').innerText()).toContain(verdictName('aman', en));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});

describe('offer check with JavaScript', () => {
  it('runs in the page without sending anything, then shows and prints the summary', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(siteUrl('/cek-tawaran/'));
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const answers = plan({ [firstWarning.q.id]: 'hati-hati', [firstDanger.q.id]: 'bahaya' });
    await answerAll(page, answers, async (i) => {
      if (i < QUESTIONS.length - 1) {
        // Focus follows the reader to the next question.
        const next = QUESTIONS[i + 1]!.id;
        await page.waitForFunction(
          (q) => document.activeElement?.closest(`[data-offer-question="${q}"]`) !== null,
          next,
        );
      }
    });
    expect(new URL(page.url()).pathname).toBe('/cek-tawaran/');
    await page.locator('[data-offer-result]').waitFor({ state: 'visible' });
    expect(
      await page.locator('[data-offer-result] [data-verdict]').getAttribute('data-verdict'),
    ).toBe('bahaya');
    const found = await page
      .locator('[data-offer-found] [data-why]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-why')));
    expect(found).toEqual([
      `${firstWarning.q.id}:${firstWarning.a.id}`,
      `${firstDanger.q.id}:${firstDanger.a.id}`,
    ]);
    expect(await page.locator('[data-offer-answers] li').count()).toBe(QUESTIONS.length);
    expect(requests).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // On paper: the verdict, the signs and the answers, without the buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-offer-found]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-offer-restart]').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.locator('[data-offer-restart]').click();
    await expect(page.locator('[data-offer-result]').isVisible()).resolves.toBe(false);
    await expect(
      page.locator(`[data-offer-question="${QUESTIONS[0]!.id}"]`).isVisible(),
    ).resolves.toBe(true);
    await page.close();
  });

  it('is linked from the home page and the recruitment guides', async () => {
    const page = await browser().newPage();
    for (const path of ['/', '/panduan/tanda-perekrutan-ilegal/', '/panduan/cek-izin-p3mi/']) {
      await page.goto(siteUrl(path));
      expect(await page.locator('main a[href="/cek-tawaran/"]').count(), path).toBeGreaterThan(0);
    }
    await page.close();
  });
});
