/**
 * The real search index in dist/pagefind/, queried with Pagefind's own browser code in Node.
 * Nothing here pins editorial counts: expectations come from the built pages and the content
 * files themselves, so they hold as editors add guides, news and terms.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SEARCH_TYPES, searchTypeFromPath } from '~/platform/search/search.ts';
import { loadPagefind, searchAll, type Fragment, type PagefindApi } from './pagefind-node.ts';
import { builtPages, DIST, type BuiltPage } from './site.ts';

const LANGS = ['id', 'en'] as const;
type Lang = (typeof LANGS)[number];

const pages = builtPages();
const langOf = (p: BuiltPage): Lang => (p.path.startsWith('/en/') ? 'en' : 'id');
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every indexed page of one language: each carries a type filter, so "any type" lists them all. */
const everything = { filters: { type: { any: [...SEARCH_TYPES] } } };

interface ContentFile {
  collection: string;
  locale: Lang;
  slug: string;
  data: Record<string, unknown>;
}

function contentFiles(collection: string): ContentFile[] {
  return LANGS.flatMap((locale) => {
    const dir = join('content', collection, locale);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => /\.mdx?$/.test(n));
    } catch {
      return [];
    }
    return names.map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
      const data = (parseYaml(front) ?? {}) as Record<string, unknown>;
      return { collection, locale, slug: name.replace(/\.mdx?$/, ''), data };
    });
  });
}

const entryUrl = (f: ContentFile) => `${f.locale === 'en' ? '/en' : ''}/${f.collection}/${f.slug}/`;
const isPublished = (f: ContentFile) =>
  f.data['draft'] !== true &&
  !(f.data['date'] !== undefined && new Date(String(f.data['date'])).getTime() > Date.now());

const api = {} as Record<Lang, PagefindApi>;
const indexed = {} as Record<Lang, Fragment[]>;

beforeAll(async () => {
  for (const lang of LANGS) {
    api[lang] = await loadPagefind(lang);
    indexed[lang] = await searchAll(api[lang], null, everything);
  }
});

describe('search index: what is indexed', () => {
  it('has one index per language, from <html lang>', () => {
    const entry = JSON.parse(readFileSync(`${DIST}/pagefind/pagefind-entry.json`, 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'id']);
  });

  it('stamps both search pages with a hash of this index (for a cacheable entry file)', () => {
    const entry = readFileSync(`${DIST}/pagefind/pagefind-entry.json`);
    const hash = createHash('sha256').update(entry).digest('hex').slice(0, 12);
    for (const path of ['/cari/', '/en/cari/']) {
      const page = pages.find((p) => p.path === path)!;
      expect(page.root.querySelector('[data-index-tag]')?.getAttribute('data-index-tag')).toBe(
        hash,
      );
    }
  });

  for (const lang of LANGS) {
    it(`${lang}: holds exactly the built ${lang} pages whose <main> carries data-pagefind-body`, () => {
      const expected = pages
        .filter((p) => langOf(p) === lang && p.root.querySelector('main[data-pagefind-body]'))
        .map((p) => p.path)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(indexed[lang].map((f) => f.url).sort()).toEqual(expected);
    });
  }

  it('leaves out 404, the search page and the CMS', () => {
    const urls = LANGS.flatMap((l) => indexed[l].map((f) => f.url));
    for (const url of urls) expect(url).not.toMatch(/^\/(en\/)?(404|cari|admin)\b/);
    expect(urls).toContain('/');
  });

  it('indexes the main content only: no header, navigation or footer text', () => {
    const home = pages.find((p) => p.path === '/')!;
    const chrome = [
      norm(home.root.querySelector('.site-name small')!.text),
      norm(home.root.querySelector('.skip-link')!.text),
      norm(home.root.querySelector('footer p.meta')!.text),
      norm(home.root.querySelector('.site-nav')!.text),
    ];
    for (const fragment of indexed.id) {
      for (const text of chrome) expect(norm(fragment.content), fragment.url).not.toContain(text);
    }
  });

  it('never indexes drafts', async () => {
    const drafts = ['panduan', 'program', 'berita']
      .flatMap(contentFiles)
      .filter((f) => f.data['draft'] === true);
    for (const draft of drafts) {
      const urls = indexed[draft.locale].map((f) => f.url);
      expect(urls).not.toContain(entryUrl(draft));
      const title = String(draft.data['title'] ?? draft.data['name']);
      const hits = await searchAll(api[draft.locale], title);
      expect(hits.map((f) => f.url)).not.toContain(entryUrl(draft));
    }
  });
});

describe('search index: language', () => {
  it('stems Indonesian: "melatih" finds the training catalogue ("Pelatihan …")', async () => {
    const hits = await searchAll(api.id, 'melatih');
    expect(hits.map((f) => f.url)).toContain('/pelatihan/');
  });

  it('stems Indonesian: "melindungi" finds every page about perlindungan / pelindungan', async () => {
    const about = indexed.id.filter((f) => /\bper?lindungan\b/i.test(f.content));
    expect(about.length, 'no indexed page mentions perlindungan or pelindungan').toBeGreaterThan(0);
    const found = (await searchAll(api.id, 'melindungi')).map((f) => f.url);
    for (const page of about) expect(found).toContain(page.url);
  });

  it('keeps the English index separate: English searches never return Indonesian pages', async () => {
    for (const fragment of indexed.en) expect(fragment.url).toMatch(/^\/en\//);
    for (const fragment of indexed.id) expect(fragment.url).not.toMatch(/^\/en\//);
    const title = norm(pages.find((p) => p.path === '/en/')!.root.querySelector('h1')!.text);
    const hits = await searchAll(api.en, title);
    expect(hits.map((f) => f.url)).toContain('/en/');
    for (const hit of hits) expect(hit.url).toMatch(/^\/en\//);
  });
});

describe('search index: filters, metadata and sorting', () => {
  for (const lang of LANGS) {
    it(`${lang}: every page has one content type, matching its address`, async () => {
      const types = await api[lang].filters();
      for (const value of Object.keys(types['type'] ?? {})) expect(SEARCH_TYPES).toContain(value);
      for (const fragment of indexed[lang]) {
        expect(fragment.filters['type'], fragment.url).toEqual([searchTypeFromPath(fragment.url)]);
      }
      for (const value of Object.keys(types['type'] ?? {})) {
        const hits = await searchAll(api[lang], null, { filters: { type: value } });
        for (const hit of hits) expect(searchTypeFromPath(hit.url)).toBe(value);
      }
    });
  }

  it('tags every guide with its stage, and the stage filter returns exactly those guides', async () => {
    const guides = contentFiles('panduan').filter(isPublished);
    expect(guides.length).toBeGreaterThan(0);
    for (const guide of guides) {
      const fragment = indexed[guide.locale].find((f) => f.url === entryUrl(guide));
      expect(fragment, entryUrl(guide)).toBeDefined();
      expect(fragment!.filters['stage']).toEqual([guide.data['stage']]);
      const hits = await searchAll(api[guide.locale], null, {
        filters: { stage: String(guide.data['stage']) },
      });
      expect(hits.map((f) => f.url)).toContain(entryUrl(guide));
      for (const hit of hits) expect(hit.filters['stage']).toEqual([guide.data['stage']]);
    }
  });

  it('gives news a date to show and sorts news newest first, undated news last', async () => {
    const undated = new Set(
      contentFiles('berita')
        .filter((f) => isPublished(f) && f.data['dateKnown'] === false)
        .map(entryUrl),
    );
    for (const lang of LANGS) {
      const news = await searchAll(api[lang], null, {
        filters: { type: 'berita' },
        sort: { date: 'desc' },
      });
      const articles = news.filter((f) => /\/berita\/[^/]+\/$/.test(f.url));
      const dated = articles.filter((f) => !undated.has(f.url));
      const dates = dated.map((f) => f.meta['date'] ?? '');
      for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(dates).toEqual([...dates].sort().reverse());
      // A news item whose source printed no date shows none and never ranks above a dated one.
      const isUndated = articles.map((f) => undated.has(f.url));
      expect(isUndated).toEqual([...isUndated].sort()); // every false (dated) before every true
      for (const f of articles.filter((a) => undated.has(a.url)))
        expect(f.meta['date']).toBeUndefined();
    }
  });
});

describe('search index: words readers use', () => {
  it('finds every published guide, programme and news item by each of its keywords', async () => {
    const tagged = ['panduan', 'program', 'berita']
      .flatMap(contentFiles)
      .filter((f) => isPublished(f) && Array.isArray(f.data['keywords']));
    for (const entry of tagged) {
      for (const keyword of entry.data['keywords'] as string[]) {
        const response = await api[entry.locale].search(keyword);
        const hits = await Promise.all(response.results.map((r) => r.data()));
        const at = hits.findIndex((f) => f.url === entryUrl(entry));
        expect(at, `"${keyword}" should find ${entryUrl(entry)}`).toBeGreaterThanOrEqual(0);
        // Found through the weighted keywords metadata, not by luck in the body text.
        expect(response.results[at]!.matchedMetaFields ?? []).toContain('keywords');
      }
    }
  });

  it('finds the glossary by a term alias (e.g. the old name TKI) even where the page never shows it', async () => {
    const terms = contentFiles('glosarium').filter(isPublished);
    for (const term of terms) {
      for (const alias of (term.data['aliases'] as string[] | undefined) ?? []) {
        const hits = await searchAll(api[term.locale], alias);
        expect(
          hits.map((f) => f.url),
          alias,
        ).toContain(term.locale === 'en' ? '/en/glosarium/' : '/glosarium/');
      }
    }
  });
});
