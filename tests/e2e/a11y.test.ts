/** axe-core with the WCAG 2.2 AA rule set on one page of every page type, in Chromium. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { pageTypes } from './site.ts';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

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
      // evaluate() runs through the DevTools protocol, so the page's CSP does not block axe.
      await page.evaluate(axeSource);
      const result = await page.evaluate(
        (tags) =>
          (
            window as unknown as {
              axe: {
                run: (
                  ctx: Document,
                  opts: object,
                ) => Promise<{
                  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
                }>;
              };
            }
          ).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
        WCAG_22_AA,
      );
      await page.close();
      const summary = result.violations.map(
        (v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      expect(summary).toEqual([]);
    });
  }
});
