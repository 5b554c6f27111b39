/**
 * Byte budgets, measured by what Chromium actually downloads: deterministic, so they are tests.
 * A guide page must arrive in the first TCP round trip (≤ 14 KB gzip without images) and content
 * pages may start at most 2 KB gzip of JavaScript.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtPages, DIST, pageTypes, siteUrl, useBrowser } from './site.ts';

const KB = 1024;
const browser = useBrowser();

/** Loads a page and returns the gzip size of everything fetched at start, by kind. */
async function weigh(path: string) {
  const page = await browser().newPage();
  const sizes = { html: 0, css: 0, js: 0, other: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'image' || type === 'media' || type === 'font') return;
    pending.push(
      response
        .body()
        .then((body) => {
          const gz = gzipSync(body).length;
          if (type === 'document') sizes.html += gz;
          else if (type === 'stylesheet') sizes.css += gz;
          else if (type === 'script') sizes.js += gz;
          else sizes.other += gz;
        })
        .catch(() => undefined),
    );
  });
  await page.goto(siteUrl(path), { waitUntil: 'load' });
  await page.waitForTimeout(200);
  await Promise.all(pending);
  await page.close();
  return { ...sizes, total: sizes.html + sizes.css + sizes.js + sizes.other };
}

describe('byte budgets', () => {
  const guides = builtPages().filter((p) => /^\/(en\/)?panduan\/(?!cetak\/)[^/]+\/$/.test(p.path));

  // Every guide is weighed, so the time grows with the content: allow ~3 s per page.
  it(
    'every guide page loads in ≤ 14 KB gzip (HTML + CSS + JS, no images)',
    {
      timeout: 30_000 + guides.length * 3_000,
    },
    async () => {
      expect(guides.length).toBeGreaterThan(0);
      const over: string[] = [];
      for (const guide of guides) {
        const w = await weigh(guide.path);
        if (w.total > 14 * KB)
          over.push(`${guide.path}: ${w.total} B (html ${w.html}, css ${w.css}, js ${w.js})`);
      }
      expect(over).toEqual([]);
    },
  );

  it('no content page starts more than 2 KB gzip of JavaScript', async () => {
    const over: string[] = [];
    for (const path of pageTypes().filter((p) => !p.startsWith('/admin/'))) {
      const w = await weigh(path);
      if (w.js > 2 * KB) over.push(`${path}: ${w.js} B of JS`);
    }
    expect(over).toEqual([]);
    // One page load per page type: give a busy machine time (a budget is bytes, not seconds).
  }, 300_000);

  it("ships no table of the site's model to phones: the status script reads the rows the page writes", () => {
    // Each status row carries its schema.org event status: none of them may reach a script.
    const scripts = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const leaking = scripts.filter((f) =>
      readFileSync(join(DIST, '_astro', f), 'utf8').includes('EventScheduled'),
    );
    expect(leaking).toEqual([]);
  });

  it('the stylesheet stays ≤ 8 KB gzip', async () => {
    const w = await weigh('/');
    expect(w.css).toBeLessThanOrEqual(8 * KB);
  });
});
