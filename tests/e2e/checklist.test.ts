/**
 * Checklists in guides: tickable with JavaScript, ticks kept on the device across a reload and
 * cleared by "Hapus centang"; a plain list without JavaScript; boxes on paper either way.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './browser.ts';
import { startServer } from '../../scripts/serve.ts';
import { builtPages, FIXTURE_DIST, fixtureUrl, useBrowser } from './site.ts';
import id from '../../src/i18n/id.json';

const browser = useBrowser();

/** A guide that has a checklist, found in the built site rather than named here. */
const guide = builtPages(FIXTURE_DIST).find(
  (p) =>
    /^\/panduan\/(?!cetak\/)[^/]+\/$/.test(p.path) &&
    p.root.querySelectorAll('[data-checklist] li').length >= 2,
);
const LIST = '[data-checklist] >> nth=0';

describe('checklists', () => {
  it('keep their ticks after a reload, and "Hapus centang" clears them', async () => {
    expect(guide, 'no guide with a checklist of two items or more was built').toBeDefined();
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(fixtureUrl(guide!.path));
    const list = page.locator(LIST);
    const boxes = list.locator('input[type="checkbox"]');
    await boxes.first().waitFor();
    const count = await list.locator('li').count();
    expect(await boxes.count()).toBe(count);

    // Tick by tapping the item's words, the way a reader would.
    await list.locator('li label').first().click();
    await boxes.last().check();
    await page.reload();
    await boxes.first().waitFor();
    const ticked = async () =>
      boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked));
    const expected = Array.from({ length: count }, (_, i) => i === 0 || i === count - 1);
    expect(await ticked()).toEqual(expected);

    await list.getByRole('button', { name: id['checklist.reset'] }).click();
    expect((await ticked()).some(Boolean)).toBe(false);
    await page.reload();
    await boxes.first().waitFor();
    expect((await ticked()).some(Boolean)).toBe(false);
    expect(await axeViolations(page, '[data-checklist]')).toEqual([]);
    await context.close();
  });

  it('print with their boxes, ticked ones ticked', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(fixtureUrl(guide!.path));
    const box = page.locator(LIST).locator('input[type="checkbox"]').first();
    await box.check();
    await page.emulateMedia({ media: 'print' });
    await expect(box.isVisible()).resolves.toBe(true);
    await expect(box.isChecked()).resolves.toBe(true);
    await expect(
      page.getByRole('button', { name: id['checklist.reset'] }).first().isVisible(),
    ).resolves.toBe(false);
    await context.close();
  });

  it('are plain lists without JavaScript, with drawn boxes on paper', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(fixtureUrl(guide!.path));
    const list = page.locator(LIST);
    expect(await list.locator('input').count()).toBe(0);
    await expect(list.locator('[data-checklist-reset]').isVisible()).resolves.toBe(false);
    const marker = () =>
      list
        .locator('li')
        .first()
        .evaluate((li) => getComputedStyle(li, '::before').getPropertyValue('border-top-style'));
    expect(await marker()).not.toBe('solid');
    await page.emulateMedia({ media: 'print' });
    expect(await marker()).toBe('solid');
    await context.close();
  });

  it('work offline: a guide never opened online can be ticked, and keeps its ticks', async () => {
    const server = await startServer({ root: FIXTURE_DIST, port: 0 });
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    server.server.closeAllConnections();
    await server.close();
    await context.setOffline(true);

    await page.goto(`${server.url}${guide!.path}`);
    const box = page.locator(LIST).locator('input[type="checkbox"]').first();
    await box.check();
    await page.reload();
    await expect(box.isChecked()).resolves.toBe(true);
    await context.close();
  });
});
