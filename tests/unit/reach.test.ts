/** Pure logic of the reach features: what is precached, the web app manifest, print helpers. */
import { describe, expect, it } from 'vitest';
import { precacheGroup, urlOf } from '~/platform/offline/service-worker.ts';
import { maskableSvg, webManifest } from '~/platform/offline/web-app.ts';
import { ogImagePath } from '~/platform/cards/og.ts';
import { prefixIds } from '~/features/guides/print.ts';

describe('precacheGroup', () => {
  it.each([
    {
      test: 'precaches every guide, the glossary and the service points in both languages',
      group: 'pages',
      files: [
        'panduan/index.html',
        'panduan/cek-izin-p3mi/index.html',
        'en/panduan/cek-izin-p3mi/index.html',
        'glosarium/index.html',
        'en/glosarium/index.html',
        'layanan/index.html',
        'en/layanan/bp3mi-jawa-timur/index.html',
      ],
    },
    {
      test: 'keeps the offline pages, the stylesheet and the small icon in the core group',
      group: 'core',
      files: [
        'offline/index.html',
        'en/offline/index.html',
        '_astro/BaseLayout.AbC123.css',
        'manifest.webmanifest',
        'icons/icon-192.png',
      ],
    },
    {
      test: 'leaves news, programmes, the booklet, images and search to be cached when read',
      group: null,
      files: [
        'index.html',
        'berita/inovasi/index.html',
        'berita/halaman/2/index.html',
        'program/pak-camat-pmi/index.html',
        'panduan/cetak/index.html',
        'en/panduan/cetak/index.html',
        'og/panduan/cek-izin-p3mi.png',
        'icons/icon-512.png',
        'pagefind/pagefind.js',
        'panduan/cek-izin-p3mi/foto.png',
      ],
    },
  ])('$test', ({ group, files }) => {
    for (const file of files) expect(precacheGroup(file), file).toBe(group);
  });

  it('maps directory indexes to their URL', () => {
    expect(urlOf('index.html')).toBe('/');
    expect(urlOf('en/panduan/x/index.html')).toBe('/en/panduan/x/');
    expect(urlOf('_astro/a.css')).toBe('/_astro/a.css');
  });
});

describe('webManifest', () => {
  const names = { name: 'Migrasi Aman – Kab', shortName: 'Migrasi Aman', description: 'Panduan' };

  it('starts the Indonesian app at / and the English one at /en/, both scoped to the site', () => {
    const id = webManifest('id', names);
    const en = webManifest('en', names);
    expect([id.start_url, id.lang, id.scope]).toEqual(['/', 'id', '/']);
    expect([en.start_url, en.lang, en.scope]).toEqual(['/en/', 'en', '/']);
    expect(id.id).not.toBe(en.id);
  });

  it('lists 192 and 512 pixel icons and a maskable one', () => {
    const icons = webManifest('id', names).icons;
    expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.some((i) => i.purpose === 'maskable')).toBe(true);
  });
});

describe('maskableSvg', () => {
  it('puts the source on a full-bleed square inside the 80 % safe zone', () => {
    const out = maskableSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle r="3"/></svg>',
    );
    expect(out).toContain('<rect width="64" height="64"');
    expect(out).toContain('translate(6.4 6.4) scale(0.8)');
    expect(out).toContain('<circle r="3"/>');
    expect(out.match(/<svg/g)).toHaveLength(1);
  });
});

describe('ogImagePath', () => {
  it.each([
    ['/panduan/cek-izin/', '/og/panduan/cek-izin.png'],
    ['/en/berita/x/', '/og/en/berita/x.png'],
    // The home pages have the site's images.
    ['/', '/og/site.png'],
    ['/en/', '/og/en.png'],
  ])('maps the page %s to its image %s', (path, image) => {
    expect(ogImagePath(path)).toBe(image);
  });
});

describe('prefixIds', () => {
  it('prefixes ids, label references and in-page links, and nothing else', () => {
    const html =
      '<section aria-labelledby="sumber a"><h2 id="sumber">S</h2><a href="#sumber">x</a>' +
      '<a href="/panduan/#top">y</a><label for="q">q</label><div data-id="keep">id="text"</div></section>';
    const out = prefixIds(html, 'g1');
    expect(out).toContain('aria-labelledby="g1-sumber g1-a"');
    expect(out).toContain('<h2 id="g1-sumber">');
    expect(out).toContain('href="#g1-sumber"');
    expect(out).toContain('href="/panduan/#top"');
    expect(out).toContain('for="g1-q"');
    expect(out).toContain('data-id="keep"');
    expect(out).toContain('>id="text"<');
  });
});

describe('phone links', () => {
  it('turn a local number into a wa.me link with the country code, and a tel: link', async () => {
    const { telUrl, whatsappUrl, unbroken } = await import('~/features/training/phone.ts');
    expect(whatsappUrl('0812-3456-7890')).toBe('https://wa.me/6281234567890');
    expect(whatsappUrl('+62 812 3456 7890')).toBe('https://wa.me/6281234567890');
    expect(telUrl('(0342) 801-234')).toBe('tel:0342801234');
    expect(unbroken('0812-3456 7890')).not.toMatch(/[- ]/);
  });
});
