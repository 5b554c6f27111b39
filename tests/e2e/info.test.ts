/**
 * Programmes, news, service points and the home page in the built site: the RSS feeds, phone
 * links, programme news lists and the order of the home page.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { checkContent, type CheckedEntry } from '~/platform/content/content-check.ts';
import { DIST } from './site.ts';

const { entries } = await checkContent(process.cwd());
// The build's "now": news dated later, or announcements expired by then, must not be shown.
const builtAt = statSync(join(DIST, 'index.html')).mtime;
const prefix = (locale: string) => (locale === 'en' ? '/en' : '');
const page = (path: string) =>
  parse(readFileSync(join(DIST, path.replace(/^\//, ''), 'index.html'), 'utf8'));
const publishedNews = entries.filter(
  (e) =>
    e.collection === 'berita' &&
    e.data['draft'] !== true &&
    (e.data['date'] as Date).getTime() <= builtAt.getTime(),
);
const newsPath = (e: CheckedEntry) => `${prefix(e.locale)}/berita/${e.slug}/`;

describe.each(['id', 'en'])('RSS feed (%s)', (locale) => {
  const xml = readFileSync(join(DIST, prefix(locale).slice(1), 'berita/rss.xml'), 'utf8');
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(
    xml,
  ) as {
    rss: {
      '@_version': string;
      channel: {
        title: string;
        link: string;
        description: string;
        'atom:link'?: { '@_href': string };
        item?: { title: string; link: string; guid: unknown; pubDate: string }[];
      };
    };
  };

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has the required RSS 2.0 channel elements with absolute links', () => {
    expect(feed.rss['@_version']).toBe('2.0');
    const { channel } = feed.rss;
    expect(channel.title).toBeTruthy();
    expect(channel.description).toBeTruthy();
    expect(new URL(channel.link).protocol).toMatch(/^https?:$/);
    expect(channel['atom:link']?.['@_href']).toMatch(/^https?:\/\/.+\/berita\/rss\.xml$/);
  });

  it('lists every published news item with an absolute link and an RFC 822 date', () => {
    const items = feed.rss.channel.item ?? [];
    const expected = publishedNews.filter((e) => e.locale === locale);
    expect(items.length).toBe(Math.min(expected.length, 30));
    for (const item of items) {
      expect(item.title).toBeTruthy();
      const link = new URL(item.link);
      expect(link.protocol).toMatch(/^https?:$/);
      expect(link.pathname).toMatch(new RegExp(`^${prefix(locale)}/berita/[a-z0-9-]+/$`));
      expect(item.pubDate).toMatch(
        /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      );
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
  });
});

describe('service points page', () => {
  it('renders every sourced phone number as a tel: link', () => {
    for (const locale of ['id', 'en']) {
      const points = entries.filter(
        (e) => e.collection === 'layanan' && e.locale === locale && e.data['draft'] !== true,
      );
      if (points.length === 0) continue;
      const root = page(`${prefix(locale)}/layanan/`);
      for (const p of points) {
        const section = root.getElementById(p.slug);
        expect(section, `${p.file} has an anchor`).not.toBeNull();
        for (const c of p.data['contacts'] as { phone?: string }[]) {
          if (!c.phone) continue;
          const href = `tel:${c.phone.replace(/[^0-9+]/g, '')}`;
          expect(
            section?.querySelector(`a[href="${href}"]`),
            `${p.file}: ${c.phone} as ${href}`,
          ).not.toBeNull();
        }
      }
    }
  });

  it('groups the points under anchors the home page links to', () => {
    const home = page('/');
    const services = page('/layanan/');
    const anchors = home
      .querySelectorAll('a[href^="/layanan/#"]')
      .map((a) => (a.getAttribute('href') ?? '').split('#')[1] ?? '');
    expect(anchors.length).toBeGreaterThan(0);
    for (const id of anchors) expect(services.getElementById(id), `#${id}`).not.toBeNull();
  });
});

describe('programme pages', () => {
  it('list the published news that reference them', () => {
    const linked = publishedNews.filter((e) => e.data['program']);
    expect(linked.length, 'some news names a programme').toBeGreaterThan(0);
    const programIn = (locale: string, slug: string) =>
      entries.some((e) => e.collection === 'program' && e.locale === locale && e.slug === slug);
    let checked = 0;
    for (const n of linked) {
      // A news item in a language its programme has no page in is listed nowhere in that
      // language (the news page then shows no programme link; see berita/[slug].astro).
      if (!programIn(n.locale, String(n.data['program']))) continue;
      checked++;
      const programPath = `${prefix(n.locale)}/program/${String(n.data['program'])}/`;
      const root = page(programPath);
      expect(
        root.querySelector(`a[href="${newsPath(n)}"]`),
        `${programPath} links ${newsPath(n)}`,
      ).not.toBeNull();
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('home page', () => {
  const root = page('/');
  const announcements = root.getElementById('pengumuman')?.parentNode;
  const latest = root.getElementById('berita-terbaru')?.parentNode;

  it('shows the announcements section before the news section', () => {
    expect(announcements).toBeTruthy();
    expect(latest).toBeTruthy();
    const html = root.toString();
    expect(html.indexOf('id="pengumuman"')).toBeLessThan(html.indexOf('id="berita-terbaru"'));
  });

  it('never links an expired announcement, and only running ones under announcements', () => {
    const links = (section: typeof announcements) =>
      new Set(section?.querySelectorAll('a[href^="/berita/"]').map((a) => a.getAttribute('href')));
    const inAnnouncements = links(announcements);
    const inLatest = links(latest);
    for (const n of publishedNews.filter((e) => e.locale === 'id')) {
      const until = n.data['until'] as Date | undefined;
      const running = n.data['kind'] === 'pengumuman' && (!until || until >= builtAt);
      if (n.data['kind'] === 'pengumuman') expect(inLatest.has(newsPath(n))).toBe(false);
      if (!running) expect(inAnnouncements.has(newsPath(n)), newsPath(n)).toBe(false);
    }
  });

  it('starts the journey and offers help on the first screen, before any news', () => {
    // Only the page's own content counts: the header menu links to both pages on every page.
    const html = root.querySelector('main')?.toString() ?? '';
    const journey = html.indexOf('href="/panduan/"');
    const help = html.indexOf('href="/layanan/#');
    expect(journey).toBeGreaterThan(-1);
    expect(help).toBeGreaterThan(-1);
    expect(Math.max(journey, help)).toBeLessThan(html.indexOf('id="pengumuman"'));
  });
});

describe('honest dates and doubts in the built pages', () => {
  it('shows a news item without a printed date as "date unknown" and lists it after dated news', () => {
    for (const locale of ['id', 'en']) {
      const list = page(`${prefix(locale)}/berita/`);
      const links = list
        .querySelectorAll('main li h2 a, main li h3 a')
        .map((a) => a.getAttribute('href'));
      const undated = publishedNews.filter(
        (e) => e.locale === locale && e.data['dateKnown'] === false,
      );
      if (publishedNews.some((e) => e.locale === locale)) expect(links.length).toBeGreaterThan(0);
      const isUndated = links.map((href) => undated.some((e) => newsPath(e) === href));
      expect(isUndated).toEqual([...isUndated].sort()); // every dated item before every undated one
      for (const e of undated) {
        const text = page(newsPath(e)).querySelector('main .meta')?.textContent ?? '';
        expect(text, newsPath(e)).toMatch(
          /Tanggal terbit tidak diketahui|Publication date unknown/,
        );
      }
    }
  });

  it('shows every glossary note that needs checking under its term, on screen and in print', () => {
    for (const term of entries.filter(
      (e) => e.collection === 'glosarium' && e.data['draft'] !== true,
    )) {
      const notes = term.data['needsCheck'] as string[];
      const item = page(`${prefix(term.locale)}/glosarium/`).getElementById(term.slug);
      const warn = item?.querySelector('.note--warn');
      if (notes.length === 0) {
        expect(warn, term.file).toBeFalsy();
        continue;
      }
      expect(warn?.classList.contains('no-print'), term.file).toBe(false);
      for (const note of notes) expect(warn?.textContent, term.file).toContain(note);
    }
  });

  it('puts a guide answer before its doubts: one pointer line on top, the notes after the text', () => {
    for (const guide of entries.filter(
      (e) => e.collection === 'panduan' && e.data['draft'] !== true,
    )) {
      if ((guide.data['needsCheck'] as string[]).length === 0) continue;
      const article = page(`${prefix(guide.locale)}/panduan/${guide.slug}/`).querySelector(
        'article',
      )!;
      const html = article.innerHTML;
      const pointer = html.indexOf('href="#perlu-dicek"');
      const notes = html.indexOf('id="perlu-dicek"');
      const sources = html.indexOf('id="sumber"');
      expect(pointer, guide.file).toBeGreaterThan(-1);
      // The whole text (every heading of the guide's own) lies between the pointer and the notes,
      // and nothing but the notes stands between the text and its sources.
      const headings = article.querySelectorAll('h2[id]').map((h) => html.indexOf(`id="${h.id}"`));
      const textHeadings = headings.filter((at) => at < sources);
      expect(
        textHeadings.every((at) => at > pointer && at < notes),
        guide.file,
      ).toBe(true);
      expect(notes, guide.file).toBeLessThan(sources);
    }
  });
});
