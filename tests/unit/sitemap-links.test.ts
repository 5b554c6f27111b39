import { describe, expect, it } from 'vitest';
// The integration's own generator, to compare with: its `i18n` option scans every address per page.
import { generateSitemap } from '../../node_modules/@astrojs/sitemap/dist/generate-sitemap.js';
import { sitemapAlternates, type SitemapItem } from '~/platform/i18n/sitemap-links.ts';
import { DEFAULT_LOCALE, LANGUAGES } from '~/model/languages.ts';

const BASE = 'https://migrasi-aman.example/';
const page = (path: string): SitemapItem => ({ url: BASE + path });
const PATHS = [
  '',
  'en/',
  'id/',
  'berita/',
  'en/berita/',
  'berita/kabar-desa/',
  'berita/halaman/2/',
  'berita/halaman/10/',
  'en/berita/halaman/2/',
  'panduan/cek-izin-p3mi/',
  'en/panduan/cek-izin-p3mi/',
  'en/panduan/only-in-english/',
  'glosarium/',
  'en/glosarium/',
  'english-lessons/',
  'en/english-lessons/',
  'pelatihan/saring/bulan/2026-12/',
  'en/pelatihan/saring/bulan/2026-12/',
  'zz/panduan/cek-izin-p3mi/',
];

describe('sitemap language alternates', () => {
  it('are the links @astrojs/sitemap finds with its i18n option, in its order', () => {
    const urls = PATHS.map((p) => BASE + p);
    const expected = generateSitemap(urls, BASE, {
      i18n: {
        defaultLocale: DEFAULT_LOCALE,
        locales: Object.fromEntries(LANGUAGES.map((l) => [l.prefix || l.code, l.lang])),
      },
    });
    const { filter, serialize } = sitemapAlternates(BASE, () => true);
    const kept = urls.filter(filter);
    const ours = generateSitemap(kept, BASE, {}).map((item) => serialize(item));
    expect(ours.map((i) => [i.url, i.links])).toEqual(expected.map((i) => [i.url, i.links]));
    // The comparison means something: pages with and without a translation.
    expect(ours.filter((i) => i.links).length).toBeGreaterThan(4);
    expect(ours.filter((i) => !i.links).length).toBeGreaterThan(3);
  });

  it('leave out what `keep` refuses, and the status pages, also from the links', () => {
    const { filter, serialize } = sitemapAlternates(BASE, (url) => !url.includes('/en/glosarium/'));
    const urls = [
      '404/',
      'en/404/',
      '500/',
      'glosarium/',
      'en/glosarium/',
      'panduan/',
      'en/panduan/',
    ];
    expect(urls.filter((p) => filter(BASE + p))).toEqual(['glosarium/', 'panduan/', 'en/panduan/']);
    expect(serialize(page('glosarium/')).links).toBeUndefined();
    expect(serialize(page('panduan/')).links).toEqual([
      { url: `${BASE}en/panduan/`, lang: 'en' },
      { url: `${BASE}panduan/`, lang: 'id' },
    ]);
  });
});
