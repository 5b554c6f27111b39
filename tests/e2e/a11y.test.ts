/** axe-core with the WCAG 2.2 AA rule set on one page of every page type, in Chromium. */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './browser.ts';
import { pageTypes, siteUrl, useBrowser } from './site.ts';

const browser = useBrowser();

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  for (const path of pageTypes()) {
    it(`${path} has no violations`, async () => {
      const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(siteUrl(path));
      const violations = await axeViolations(page);
      await page.close();
      expect(violations).toEqual([]);
    });
  }
});
