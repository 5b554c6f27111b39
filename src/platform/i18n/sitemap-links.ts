/**
 * The sitemap's language alternates (`<xhtml:link hreflang>`), found by lookup.
 *
 * @astrojs/sitemap's `i18n` option finds a page's alternates by scanning every address of the
 * site for each page without a translation (most news items): at 10,000 entries that is over
 * 300 million comparisons (1.4 s), at 30,000 about nine times as many. This gives the same links
 * in the same order: the addresses `filter` kept are remembered, and `serialize` looks each
 * page's counterparts up in the other languages' folders.
 */
import { DEFAULT_LOCALE, LANGUAGES } from '../../model/languages.ts';

export interface SitemapItem {
  url: string;
  links?: { url: string; lang: string }[];
}

/** Folder → hreflang, as the sitemap integration names languages (the default's code for the root). */
const FOLDERS: Record<string, string> = Object.fromEntries(
  LANGUAGES.map((l) => [l.prefix || l.code, l.lang]),
);

/** The integration's order of addresses: `localeCompare('en', { numeric: true })`. */
const byAddress = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The language folder and the path within it of an address of the site at `base`. */
function split(url: string, base: string): { folder: string; path: string } | undefined {
  if (!url.startsWith(base)) return undefined;
  let rest = url.slice(base.length);
  if (!rest || rest === '/') return { folder: DEFAULT_LOCALE, path: '/' };
  if (!rest.startsWith('/')) rest = `/${rest}`;
  const first = rest.split('/')[1] ?? '';
  if (first in FOLDERS) return { folder: first, path: rest.slice(1 + first.length) || '/' };
  return { folder: DEFAULT_LOCALE, path: rest };
}

/** The addresses `path` can have in a language's folder (the inverse of split). */
function addresses(base: string, folder: string, path: string): string[] {
  const root = base.endsWith('/') ? base.slice(0, -1) : base;
  // The default language lives at the root, or under its own code.
  return folder === DEFAULT_LOCALE
    ? [`${root}${path}`, `${root}/${folder}${path}`]
    : [`${root}/${folder}${path}`];
}

/**
 * `filter` and `serialize` for @astrojs/sitemap (used without its `i18n` option): `keep` decides
 * which addresses are listed, as `filter` would; `base` is the site's address.
 */
export function sitemapAlternates(base: string, keep: (url: string) => boolean) {
  const listed = new Set<string>();
  return {
    // The status pages the integration leaves out when it is told the languages.
    filter(url: string): boolean {
      const parts = split(url, base);
      const status = parts && /^\/(?:404|500)\/?$/.test(parts.path);
      if (status || !keep(url)) return false;
      listed.add(url);
      return true;
    },
    serialize<T extends SitemapItem>(item: T): T {
      const parts = split(item.url, base);
      if (!parts) return item;
      const links = Object.entries(FOLDERS)
        .flatMap(([folder, lang]) =>
          addresses(base, folder, parts.path).map((url) => ({ url, lang })),
        )
        .filter(({ url }) => listed.has(url))
        .sort((a, b) => byAddress(a.url, b.url));
      return links.length > 1 ? { ...item, links } : item;
    },
  };
}
