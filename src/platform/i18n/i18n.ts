/** UI strings and locale-aware paths. Components get every visible word through `t()`. */
import idStrings from '../../i18n/id.json';
import enStrings from '../../i18n/en.json';
import { UiStringsSchema } from '../../schemas/i18n.ts';
import type { Locale } from '../../schemas/shared.ts';

export type UiKey = keyof typeof idStrings;

const dictionaries: Record<Locale, Record<string, string>> = {
  id: UiStringsSchema.parse(idStrings),
  en: UiStringsSchema.parse(enStrings),
};

export const DEFAULT_LOCALE: Locale = 'id';
export const HTML_LANG: Record<Locale, string> = { id: 'id', en: 'en' };
export const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** Returns a translator for one locale. `{name}` placeholders are filled from `vars`. */
export function useTranslations(locale: Locale) {
  const dict = dictionaries[locale];
  return function t(key: UiKey, vars: Record<string, string | number> = {}): string {
    const text = dict[key] ?? dictionaries.id[key];
    if (text === undefined) throw new Error(`Missing UI string "${key}" for locale "${locale}"`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
  };
}

export type Translator = ReturnType<typeof useTranslations>;

/** Prefixes a site path ("/panduan/") with the locale's root ("/en/panduan/"). */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return locale === DEFAULT_LOCALE ? clean : `/${locale}${clean}`;
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'id' ? 'en' : 'id';
}

/** The `[...lang]` route parameter for a locale: undefined for Indonesian, which lives at the root. */
export function langParam(locale: Locale): string | undefined {
  return locale === DEFAULT_LOCALE ? undefined : locale;
}

export function localeFromParam(param: string | undefined): Locale {
  if (param === undefined || param === DEFAULT_LOCALE) return 'id';
  if (param === 'en') return 'en';
  throw new Error(`Unknown locale "${param}"`);
}

/** getStaticPaths entries for a page that exists once per locale. */
export function localeStaticPaths() {
  return (['id', 'en'] as const).map((locale) => ({
    params: { lang: langParam(locale) },
    props: { locale },
  }));
}
