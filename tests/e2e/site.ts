/**
 * The built site for the browser tests: its HTML pages, parsed, for tests that walk the whole
 * site; its address on the test server; and a Chromium to open it in.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.ts';

/**
 * The build the browser tests read and serve: the one with the example courses
 * (`npm run build:examples` → dist-examples/), so the schedule has sessions to test.
 * tests/e2e/default-build.test.ts checks the office's own build (`npm run build` → dist/).
 */
export const DIST = process.env['MIGRASI_E2E_DIST'] ?? 'dist-examples';
/** The office's build: no example anywhere. */
export const DEFAULT_DIST = 'dist';
/**
 * The build of the fictional content tree in tests/fixtures/content/ (`npm run build:fixtures`):
 * behaviour tests run on it, so they test the code, not whatever the office has published.
 */
export const FIXTURE_DIST = 'dist-fixtures';
/** The address of a path on the test server that serves DIST (tests/e2e/global-setup.ts). */
export const siteUrl = (path: string) => `${inject('baseUrl')}${path}`;
/** The address of a path on the test server that serves FIXTURE_DIST. */
export const fixtureUrl = (path: string) => `${inject('fixtureUrl')}${path}`;

/**
 * One Chromium for the test file (or the describe block) that calls this: launched before its
 * tests, closed after them. Returns the browser through a function, since it exists only then.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium starts before the tests: use the browser in a test');
    return browser;
  };
}

const FIXED_SEGMENTS = new Set(['cetak']);

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export interface BuiltPage {
  /** URL path, e.g. /panduan/dokumen-wajib/ */
  path: string;
  file: string;
  html: string;
  root: HTMLElement;
}

/** URL path of an HTML file in dist/. */
export function pathOf(file: string, dist: string = DIST): string {
  const rel = relative(dist, file).split('\\').join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** Every public HTML page (the CMS admin is a different application and is tested on its own). */
export function builtPages(dist: string = DIST): BuiltPage[] {
  return walk(dist)
    .filter((f) => f.endsWith('.html') && !f.includes(`${dist}/admin/`))
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      return { path: pathOf(file, dist), file, html, root: parse(html) };
    });
}

/** One page per page type (the first of each route pattern), for the slower browser checks. */
export function pageTypes(pages: BuiltPage[] = builtPages()): string[] {
  const seen = new Map<string, string>();
  for (const p of pages) {
    const type = p.path
      .replace(/^\/en\//, '/')
      .split('/')
      .filter(Boolean)
      // A fixed route beside a [slug] route (the printable booklet /panduan/cetak/) is its own type.
      .map((seg, i) => (i === 0 || FIXED_SEGMENTS.has(seg) ? seg : ':x'))
      .join('/');
    const key = `${p.path.startsWith('/en/') ? 'en' : 'id'}:${type}`;
    if (!seen.has(key)) seen.set(key, p.path);
  }
  return [...seen.values()].sort();
}
