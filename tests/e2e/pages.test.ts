/** Whole-site checks on the built HTML: metadata, headings, links and HTML validity. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, FileSystemConfigLoader, formatterFactory } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtPages, DIST, walk } from './site.ts';

const pages = builtPages();

describe('every built page', () => {
  it('has at least the main routes', () => {
    const paths = new Set(pages.map((p) => p.path));
    for (const route of [
      '/',
      '/panduan/',
      '/program/',
      '/berita/',
      '/pelatihan/',
      '/jadwal/',
      '/layanan/',
      '/glosarium/',
      '/cari/',
      '/en/',
      '/en/panduan/',
    ]) {
      expect(paths, `missing route ${route}`).toContain(route);
    }
    expect(existsSync(join(DIST, '404.html'))).toBe(true);
    expect(existsSync(join(DIST, 'robots.txt'))).toBe(true);
    expect(existsSync(join(DIST, 'sitemap-index.xml'))).toBe(true);
    expect(existsSync(join(DIST, 'berita/rss.xml'))).toBe(true);
    expect(existsSync(join(DIST, 'admin/index.html'))).toBe(true);
  });

  it('has a lang, a meta description, a canonical URL and exactly one h1', () => {
    for (const page of pages) {
      const html = page.root.querySelector('html');
      expect(html?.getAttribute('lang'), `${page.path} lang`).toMatch(/^(id|en)$/);
      expect(html?.getAttribute('lang'), `${page.path} lang matches its path`).toBe(
        page.path.startsWith('/en/') ? 'en' : 'id',
      );
      const description =
        page.root.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
      expect(description.length, `${page.path} meta description`).toBeGreaterThan(20);
      const canonical =
        page.root.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      expect(canonical, `${page.path} canonical`).toMatch(/^https?:\/\//);
      if (page.path !== '/404.html')
        expect(new URL(canonical).pathname, `${page.path} canonical path`).toBe(page.path);
      expect(page.root.querySelectorAll('h1').length, `${page.path} h1 count`).toBe(1);
    }
  });

  it('has a unique <title>', () => {
    const byTitle = new Map<string, string[]>();
    for (const page of pages) {
      const title = page.root.querySelector('title')?.text.trim() ?? '';
      expect(title.length, `${page.path} title`).toBeGreaterThan(3);
      byTitle.set(title, [...(byTitle.get(title) ?? []), page.path]);
    }
    const duplicates = [...byTitle.entries()].filter(([, paths]) => paths.length > 1);
    expect(duplicates).toEqual([]);
  });

  it('links only to pages, anchors and assets that exist', () => {
    const broken: string[] = [];
    const ids = new Map(
      pages.map((p) => [
        p.path,
        new Set(p.root.querySelectorAll('[id]').map((e) => e.getAttribute('id'))),
      ]),
    );
    const existsPath = (path: string) => {
      const clean = decodeURIComponent(path);
      if (clean.endsWith('/')) return existsSync(join(DIST, clean, 'index.html'));
      return existsSync(join(DIST, clean));
    };
    for (const page of pages) {
      const refs = [
        ...page.root.querySelectorAll('a[href]').map((e) => e.getAttribute('href') ?? ''),
        ...page.root.querySelectorAll('link[href]').map((e) => e.getAttribute('href') ?? ''),
        ...page.root
          .querySelectorAll('script[src], img[src], source[src]')
          .map((e) => e.getAttribute('src') ?? ''),
      ];
      for (const ref of refs) {
        if (
          /^(https?:|mailto:|tel:|sms:|whatsapp:|webcal:)/.test(ref) &&
          !ref.startsWith('http://127.0.0.1')
        )
          continue;
        const url = new URL(ref, `http://site${page.path}`);
        if (!existsPath(url.pathname)) {
          broken.push(`${page.path} → ${ref}`);
          continue;
        }
        if (url.hash && url.pathname.endsWith('/')) {
          const targetIds = ids.get(url.pathname);
          if (targetIds && !targetIds.has(decodeURIComponent(url.hash.slice(1))))
            broken.push(`${page.path} → ${ref} (no such anchor)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('is valid HTML (html-validate)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files = walk(DIST).filter((f) => f.endsWith('.html') && !f.includes(`${DIST}/admin/`));
    const failures: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      if (!report.valid) failures.push(formatterFactory('text')(report.results));
    }
    expect(failures.join('\n')).toBe('');
  });

  it('is valid in the W3C Nu HTML checker (vnu), which also sees what html-validate lets pass', async () => {
    // vnu-jar ships the checker as a jar; it needs a Java runtime (present on the test machines).
    const { default: vnu } = await import('vnu-jar');
    const files = walk(DIST).filter((f) => f.endsWith('.html') && !f.includes(`${DIST}/admin/`));
    const { stderr } = await new Promise<{ stderr: string }>((resolve) => {
      execFile(
        'java',
        ['-Xss8m', '-jar', vnu, '--errors-only', '--format', 'gnu', ...files],
        { maxBuffer: 64 * 1024 * 1024 },
        (_error, _stdout, stderr) => resolve({ stderr }),
      );
    });
    expect(stderr.trim()).toBe('');
  }, 180_000);
});

describe('drafts', () => {
  it('are never built, listed in the sitemap or in a feed', async () => {
    const { checkContent } = await import('~/platform/content/content-check.ts');
    const { readFileSync } = await import('node:fs');
    const drafts = (await checkContent(process.cwd())).entries.filter(
      (e) => e.data['draft'] === true,
    );
    expect(drafts.length, 'the repository keeps one example draft').toBeGreaterThan(0);
    const sitemap = walk(DIST)
      .filter((f) => /sitemap.*\.xml$|rss\.xml$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const d of drafts) {
      const path = `${d.locale === 'en' ? '/en' : ''}/${d.collection}/${d.slug}/`;
      expect(existsSync(join(DIST, path, 'index.html')), path).toBe(false);
      expect(sitemap).not.toContain(path);
      expect(pages.some((p) => p.html.includes(String(d.data['title'])))).toBe(false);
    }
  });
});
