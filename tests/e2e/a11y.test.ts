/** axe-core with the WCAG 2.2 AA rule set on one page of every page type, in Chromium. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium } from './browser.ts';
import { pageTypes } from './site.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  for (const path of pageTypes()) {
    it(`${path} has no violations`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${inject('baseUrl')}${path}`);
      const violations = await axeViolations(page);
      await page.close();
      expect(violations).toEqual([]);
    });
  }
});
