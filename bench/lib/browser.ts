/**
 * What Chromium downloads per page type (HTML, CSS, JS at start, gzip and raw), and how fast the
 * first search results arrive on a throttled connection (150 ms RTT, 1.6 Mbps down, 750 kbps up).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/e2e/browser.ts';
import { serveWithLog, type Served } from './serve-log.ts';

export interface Weight {
  gzip: number;
  raw: number;
}
export interface PageTypeResult {
  type: string;
  path: string;
  html: Weight;
  css: Weight;
  js: Weight;
  other: Weight;
  /** Everything fetched at start except images and fonts (gzip bodies). */
  transfer: number;
  requests: number;
}
export interface SearchResult {
  query: string;
  mode: 'ui' | 'api';
  /** Bytes downloaded from the start of the measurement until the first results show. */
  bytes: number;
  pagefindBytes: number;
  seconds: number;
  results: number;
  note?: string;
}

/** Page types and how to recognise each among the built pages (synthetic entries first). */
const PAGE_TYPES: [string, RegExp][] = [
  ['home', /^\/$/],
  ['guide', /^\/panduan\/bench-[^/]+\/$/],
  ['guide index', /^\/panduan\/$/],
  ['programme', /^\/program\/[^/]+\/$/],
  ['news item', /^\/berita\/bench-[^/]+\/$/],
  ['news index', /^\/berita\/$/],
  ['course', /^\/pelatihan\/bench-[^/]+\/$/],
  ['course index', /^\/pelatihan\/$/],
  ['schedule', /^\/jadwal\/$/],
  ['search', /^\/cari\/$/],
];

export const THROTTLE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1000) / 8,
};
const QUERY = 'paspor';

function sum(log: Served[], kind: Served['kind']): Weight {
  const items = log.filter((s) => s.kind === kind);
  return {
    gzip: items.reduce((n, s) => n + s.sent, 0),
    raw: items.reduce((n, s) => n + s.raw, 0),
  };
}

/**
 * A first visit as the page itself costs it: the service worker (src/integrations/reach.ts) would
 * start precaching the journey in the background, which is offline reading bought once, not what
 * the page loads at start; its size is reported by the build ("files precached").
 */
const FIRST_VISIT = { serviceWorkers: 'block' } as const;

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
}

async function weigh(browser: Browser, url: string, log: Served[]) {
  const context = await browser.newContext(FIRST_VISIT);
  const page = await context.newPage();
  log.length = 0;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const seen = [...log];
  await context.close();
  return seen;
}

async function searchUi(browser: Browser, base: string, outDir: string, log: Served[]) {
  // The UI counts as present when results link to generated entries that the static page lacks.
  const html = readFileSync(join(outDir, 'cari', 'index.html'), 'utf8');
  if (/\/bench-/.test(html)) return undefined;
  const context = await browser.newContext(FIRST_VISIT);
  const page = await context.newPage();
  await throttle(page);
  log.length = 0;
  const started = performance.now();
  await page.goto(`${base}/cari/?q=${QUERY}`, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => document.querySelectorAll('a[href*="/bench-"]').length > 0, {
      timeout: 30_000,
      polling: 50,
    });
  } catch {
    await context.close();
    return undefined;
  }
  const seconds = (performance.now() - started) / 1000;
  const results = await page.locator('a[href*="/bench-"]').count();
  const seen = [...log];
  await context.close();
  return result('ui', seen, seconds, results);
}

async function searchApi(browser: Browser, base: string, log: Served[]) {
  const context = await browser.newContext(FIRST_VISIT);
  const page = await context.newPage();
  await throttle(page);
  await page.goto(`${base}/cari/`, { waitUntil: 'load' });
  log.length = 0;
  const started = performance.now();
  const results = await page.evaluate(async (query) => {
    const url = '/pagefind/pagefind.js';
    const pagefind = await import(/* @vite-ignore */ url);
    const search = await pagefind.search(query);
    await Promise.all(
      search.results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data()),
    );
    return search.results.length as number;
  }, QUERY);
  const seconds = (performance.now() - started) / 1000;
  const seen = [...log];
  await context.close();
  return result('api', seen, seconds, results);
}

function result(
  mode: 'ui' | 'api',
  seen: Served[],
  seconds: number,
  results: number,
): SearchResult {
  return {
    query: QUERY,
    mode,
    bytes: seen.reduce((n, s) => n + s.sent, 0),
    pagefindBytes: seen
      .filter((s) => s.path.startsWith('/pagefind/'))
      .reduce((n, s) => n + s.sent, 0),
    seconds: Math.round(seconds * 100) / 100,
    results,
  };
}

export async function measureBrowser(outDir: string, paths: string[]) {
  const server = await serveWithLog(outDir);
  const browser = await launchChromium();
  try {
    const pageTypes: PageTypeResult[] = [];
    for (const [type, pattern] of PAGE_TYPES) {
      const path = paths.filter((p) => pattern.test(p)).sort()[0];
      if (!path) continue;
      const seen = await weigh(browser, `${server.url}${path}`, server.log);
      const [html, css, js, other] = (['html', 'css', 'js', 'other'] as const).map((k) =>
        sum(seen, k),
      ) as [Weight, Weight, Weight, Weight];
      pageTypes.push({
        type,
        path,
        html,
        css,
        js,
        other,
        transfer: html.gzip + css.gzip + js.gzip + other.gzip,
        requests: seen.length,
      });
    }
    const search: SearchResult[] = [];
    const ui = await searchUi(browser, server.url, outDir, server.log);
    if (ui) search.push(ui);
    search.push(await searchApi(browser, server.url, server.log));
    return { pageTypes, search };
  } finally {
    await browser.close();
    await server.close();
  }
}
