/**
 * Security and privacy of the built site, served with the headers of dist/_headers as a static host
 * sends them: zero CSP violations and zero requests to other origins on every page type (the search
 * page with a query included), no inline code the CSP would block, the meta fallback equal to the
 * header, and security.txt.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { parse } from 'node-html-parser';
import { launchChromium } from './browser.ts';
import { builtPages, DIST, pageTypes, walk } from './site.ts';
import { headersForPath, parseHeadersFile } from '~/platform/security/headers-file.ts';
import {
  ADMIN_CSP_HEADER,
  ADMIN_CSP_META,
  PUBLIC_CSP_HEADER,
  PUBLIC_CSP_META,
} from '~/platform/security/security-headers.ts';

const pages = builtPages();
const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));

interface Seen {
  violations: string[];
  consoleErrors: string[];
  foreign: string[];
}

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  // One context for all pages (a new context costs seconds on this machine); each page is fresh.
  context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `path` in a fresh page that records CSP violations, CSP console errors and requests. */
async function visit(path: string) {
  const base = new URL(inject('baseUrl'));
  const seen: Seen = { violations: [], consoleErrors: [], foreign: [] };
  const page = await context.newPage();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
    if (url.origin !== base.origin) seen.foreign.push(`${request.resourceType()} ${request.url()}`);
  });
  page.on('console', (message) => {
    if (/content security policy|refused to/i.test(message.text()))
      seen.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/content security policy/i.test(error.message)) seen.consoleErrors.push(error.message);
  });
  const response = await page.goto(`${base.origin}${path}`, { waitUntil: 'load' });
  // Late violations (the search worker and its WebAssembly starting, a style inserted after load)
  // still have time to surface.
  await page.waitForTimeout(path.includes('?q=') ? 1500 : 300);
  seen.violations = await page.evaluate(() => window.__cspViolations);
  const headers = response?.headers() ?? {};
  await page.close();
  return { seen, headers, status: response?.status() };
}

describe('every page type in Chromium, with the host headers', () => {
  const paths = [...pageTypes(pages), '/cari/?q=paspor', '/en/cari/?q=passport', '/tidak-ada/'];

  it.each(paths)('%s: no CSP violation and no request to another origin', async (path) => {
    const { seen, headers } = await visit(path);
    expect(seen.violations, 'CSP violations').toEqual([]);
    expect(seen.consoleErrors, 'CSP errors in the console').toEqual([]);
    expect(seen.foreign, 'requests to other origins').toEqual([]);
    expect(headers['content-security-policy']).toBe(PUBLIC_CSP_HEADER);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBeTruthy();
    expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
  });

  it('the CMS admin gets its own policy and nothing else', async () => {
    const { headers, seen } = await visit('/admin/');
    expect(headers['content-security-policy']).toBe(ADMIN_CSP_HEADER);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(seen.violations).toEqual([]);
    // The same policy as a meta element, for hosts that cannot send headers.
    const html = parse(readFileSync(`${DIST}/admin/index.html`, 'utf8'));
    const metas = html.querySelectorAll('meta[http-equiv="Content-Security-Policy"]');
    expect(metas.map((m) => m.getAttribute('content'))).toEqual([ADMIN_CSP_META]);
  });
});

describe('the built HTML', () => {
  it('has no inline script, style, style attribute or event handler the policy would block', () => {
    const found: string[] = [];
    for (const page of pages) {
      for (const script of page.root.querySelectorAll('script')) {
        const type = script.getAttribute('type') ?? '';
        if (!script.getAttribute('src') && type !== 'application/ld+json')
          found.push(`${page.path}: inline <script> ${script.text.slice(0, 60)}`);
      }
      if (page.root.querySelector('style')) found.push(`${page.path}: inline <style>`);
      for (const el of page.root.querySelectorAll('*')) {
        for (const name of Object.keys(el.attributes)) {
          if (name.toLowerCase() === 'style')
            found.push(`${page.path}: style="" on <${el.tagName}>`);
          if (/^on/i.test(name)) found.push(`${page.path}: ${name}="" on <${el.tagName}>`);
        }
        const href = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        if (/^\s*(javascript|data|vbscript):/i.test(href))
          found.push(`${page.path}: ${href.slice(0, 40)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('carries the meta CSP first in <head>, equal to the header policy for its path', () => {
    for (const page of pages) {
      const metas = page.root.querySelectorAll('meta[http-equiv="Content-Security-Policy"]');
      expect(metas.length, page.path).toBe(1);
      const meta = metas[0]!.getAttribute('content');
      expect(meta, page.path).toBe(PUBLIC_CSP_META);
      const header = headersForPath(rules, page.path)['Content-Security-Policy'] ?? '';
      expect(header.replace(/;\s*frame-ancestors [^;]*/, ''), page.path).toBe(meta);
      // A meta policy covers only what comes after it.
      const head = page.html.slice(0, page.html.indexOf('</head>'));
      const at = head.indexOf('http-equiv="Content-Security-Policy"');
      for (const tag of ['<script', '<link', '<style']) {
        if (head.includes(tag))
          expect(at, `${page.path}: meta CSP before ${tag}`).toBeLessThan(head.indexOf(tag));
      }
    }
  });

  it('references no other origin for scripts, styles, images, fonts or frames', () => {
    const found: string[] = [];
    for (const page of pages) {
      const refs = [
        ...page.root
          .querySelectorAll('script[src], img[src], iframe, embed, object, source, video, audio')
          .map((e) => e.getAttribute('src') ?? e.getAttribute('data') ?? ''),
        ...page.root
          .querySelectorAll('link[href]')
          .filter((e) => !/\b(canonical|alternate)\b/.test(e.getAttribute('rel') ?? ''))
          .map((e) => e.getAttribute('href') ?? ''),
      ];
      for (const ref of refs) if (/^(https?:)?\/\//i.test(ref)) found.push(`${page.path}: ${ref}`);
    }
    for (const file of walk(DIST).filter((f) => /\.(css|js|mjs)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /@import\s+url\(\s*['"]?(https?:)?\/\/|url\(\s*['"]?(https?:)?\/\//gi,
      ))
        found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});

describe('/.well-known/security.txt', () => {
  it('names a contact, the languages, its canonical address and expires within a year', () => {
    const text = readFileSync(join(DIST, '.well-known/security.txt'), 'utf8');
    expect(text).toMatch(/^Contact: (mailto:\S+@\S+|https:\/\/\S+)$/m);
    expect(text).toMatch(/^Preferred-Languages: id, en$/m);
    expect(text).toMatch(/^Canonical: https:\/\/\S+\/\.well-known\/security\.txt$/m);
    const expires = new Date(/^Expires: (\S+)$/m.exec(text)?.[1] ?? '');
    const days = (expires.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(30);
    expect(days).toBeLessThan(366);
  });
});
