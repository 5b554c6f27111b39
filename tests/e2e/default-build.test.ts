/**
 * The office's own build (`npm run build` → dist/), which has no example course: no example
 * page, mark, link, open-data row, calendar event, sitemap entry or search result. And while no
 * real session is announced, the schedule pages say so plainly and tell a trainee what to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCourseSlugs } from '~/features/training/examples.ts';
import { loadPagefind, searchAll } from './pagefind-node.ts';
import { builtPages, DEFAULT_DIST, walk } from './site.ts';

const slugs = exampleCourseSlugs();
const pages = builtPages(DEFAULT_DIST);
const read = (file: string) => readFileSync(join(DEFAULT_DIST, file), 'utf8');
/** What only example data or its marking puts on a page. */
const MARKS = [
  'data-example-banner',
  'badge--example',
  '[Contoh]',
  '[Example]',
  'Kecamatan Contoh',
  'Penyelenggara contoh',
  '447700900',
];

describe('the office build (npm run build, no MIGRASI_EXAMPLES)', () => {
  it('has no example page, mark or link', () => {
    expect(slugs.length, 'the repository keeps example courses in examples/').toBeGreaterThan(0);
    expect(pages.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const slug of slugs)
      if (existsSync(join(DEFAULT_DIST, 'pelatihan', slug))) found.push(`/pelatihan/${slug}/`);
    for (const page of pages)
      for (const needle of [...MARKS, ...slugs.map((s) => `/pelatihan/${s}/`)])
        if (page.html.includes(needle)) found.push(`${page.path}: ${needle}`);
    expect(found).toEqual([]);
  });

  it('has no example in the open data, the calendars or the sitemap', () => {
    const data = JSON.parse(read('jadwal.json')) as { sessions: { example: boolean }[] };
    expect(data.sessions.filter((s) => s.example)).toEqual([]);
    const files = [
      'jadwal.json',
      'jadwal.csv',
      'jadwal.ics',
      ...walk(DEFAULT_DIST)
        .filter((f) => /sitemap.*\.xml$|\.ics$/.test(f))
        .map((f) => f.slice(DEFAULT_DIST.length + 1)),
    ];
    for (const file of files) {
      const text = read(file);
      for (const needle of [...slugs, '[Contoh]', 'Kecamatan Contoh'])
        expect(text, `${file}: ${needle}`).not.toContain(needle);
    }
  });

  it('finds no example in the site search', async () => {
    for (const lang of ['id', 'en'] as const) {
      const api = await loadPagefind(lang, join(DEFAULT_DIST, 'pagefind'));
      for (const term of ['contoh', 'pelatihan', 'olahan pangan']) {
        const urls = (await searchAll(api, term)).map((r) => r.url);
        expect(
          urls.filter((u) => slugs.some((s) => u.includes(s))),
          `${lang}: ${term}`,
        ).toEqual([]);
      }
      await api.destroy();
    }
  });
});

describe('with no session announced', () => {
  const upcoming = (JSON.parse(read('jadwal.json')) as { sessions: unknown[] }).sessions;
  const programmes = pages.filter((p) => /^\/(en\/)?program\/[^/]+\/$/.test(p.path));
  const paths = ['/', '/en/', '/jadwal/', '/en/jadwal/', '/pelatihan/', '/en/pelatihan/'];

  it('says so plainly, links the programmes, the office and both feeds, and shows no empty list', () => {
    // Holds only while the office has announced nothing; with a real session the schedule lists it.
    if (upcoming.length > 0) return expect(pages.find((p) => p.path === '/jadwal/')).toBeDefined();
    for (const path of [...paths, ...programmes.map((p) => p.path)]) {
      const page = pages.find((p) => p.path === path)!;
      expect(page, path).toBeDefined();
      const notice = page.root.querySelector('[data-empty-schedule]');
      expect(notice, `${path}: notice`).not.toBeNull();
      const links = notice!.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '');
      expect(links, path).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/\/layanan\/#di-kabupaten$/),
          '/jadwal.ics',
          expect.stringMatching(/\/berita\/rss\.xml$/),
        ]),
      );
      const main = page.root.querySelector('main')!;
      expect(main.querySelector('form[data-filters]'), `${path}: filter form`).toBeNull();
      expect(main.querySelector('table'), `${path}: table`).toBeNull();
      expect(main.text, `${path}: a count of nothing`).not.toMatch(/\b0 (hasil|sesi|pelatihan)/i);
    }
    // The schedule and the catalogue also say what the programmes are.
    for (const path of ['/jadwal/', '/pelatihan/']) {
      const notice = pages
        .find((p) => p.path === path)!
        .root.querySelector('[data-empty-schedule]')!;
      expect(notice.querySelectorAll('a[href^="/program/"]').length, path).toBeGreaterThan(0);
    }
  });
});
