/**
 * The site's languages, declared once. Routes, alternates (`hreflang`), the language switch, the
 * sitemap, the search index, the service worker, link-preview cards, the CMS and the settings read
 * this table. Adding a language is one entry here, one strings file `src/i18n/<code>.json` and
 * its content under `content/<collection>/<code>/`.
 *
 * Plain data with relative imports only: Node-run scripts (content check, bench) import it too.
 */
export const LANGUAGES = [
  {
    /** The folder name under content/<collection>/ and the key of everything per language. */
    code: 'id',
    /** First path segment of the language's pages ('' = the site root). */
    prefix: '',
    /** The `<html lang>` and `hreflang` value; Pagefind builds one index per value. */
    lang: 'id',
    /** Locale for Intl date and number formatting. */
    intl: 'id-ID',
    /** Open Graph `og:locale`. */
    ogLocale: 'id_ID',
    /** The language's own name, shown in the language switch. */
    label: 'Bahasa Indonesia',
  },
  {
    code: 'en',
    prefix: 'en',
    lang: 'en',
    intl: 'en-GB',
    ogLocale: 'en_GB',
    label: 'English',
  },
] as const;

export type Language = (typeof LANGUAGES)[number];
export type Locale = Language['code'];

/** Every language code, the default first. */
export const LOCALES = LANGUAGES.map((l) => l.code) as [Locale, ...Locale[]];

/** The first language is the default: it lives at the site root and its text is the fallback. */
export const DEFAULT_LOCALE: Locale = LANGUAGES[0].code;

const byCode = new Map<string, Language>(LANGUAGES.map((l) => [l.code, l]));

export function isLocale(code: string): code is Locale {
  return byCode.has(code);
}

export function language(locale: Locale): Language {
  return byCode.get(locale) as Language;
}

/** Prefixes a site path ("/panduan/") with the language's root ("/en/panduan/"). */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  const { prefix } = language(locale);
  return prefix === '' ? clean : `/${prefix}${clean}`;
}

/** The language of a site path ("/en/panduan/x/" → en, "/panduan/x/" → the default). */
export function localeOfPath(pathname: string): Locale {
  const first = pathname.split('/')[1] ?? '';
  const found = LANGUAGES.find((l) => l.prefix !== '' && l.prefix === first);
  return found ? found.code : DEFAULT_LOCALE;
}

/** A site path without its language prefix ("/en/panduan/" → "/panduan/"). */
export function unlocalizedPath(pathname: string): string {
  const { prefix } = language(localeOfPath(pathname));
  return prefix === '' ? pathname : pathname.slice(prefix.length + 1) || '/';
}

/** Every language but `locale`, in table order. */
export function otherLanguages(locale: Locale): Locale[] {
  return LOCALES.filter((l) => l !== locale);
}

/** Paths of one page in each language, keyed by language. */
export type Alternates = Partial<Record<Locale, string>>;

/** The alternates of a page that exists at the same path in every language ("/panduan/"). */
export function everyLanguage(path: string): Alternates {
  return Object.fromEntries(LOCALES.map((l) => [l, localePath(l, path)])) as Alternates;
}
