/**
 * UI strings and locale-aware paths. Components get every visible word through `t()`.
 * Languages come from the table in src/model/languages.ts; each has `src/i18n/<code>.json`.
 */
import defaultStrings from '../../i18n/id.json' with { type: 'json' };
import { UiStringsSchema } from '../../schemas/i18n.ts';
import {
  DEFAULT_LOCALE,
  LANGUAGES,
  LOCALES,
  language,
  localePath,
  type Locale,
} from '../../model/languages.ts';

export { DEFAULT_LOCALE, LOCALES, localePath, type Locale };

/** Every key the default language defines; other languages must define the same keys. */
export type UiKey = keyof typeof defaultStrings;

/**
 * Each language's strings file, by path. Vite (the site's build, the tests) collects them with
 * import.meta.glob. Node alone loads astro.config.mjs and its integrations, which use this module
 * too; there import.meta.glob is not a function, so the files are read from disk. (Testing for
 * Vite through the whole environment object instead would make Astro copy into the bundle every
 * environment variable whose name this file's text contains, `_` among them: the bundle, and so
 * every page's incremental build hash, would change with the shell it was built from.)
 */
function stringsFiles(): Record<string, Record<string, string> | undefined> {
  try {
    return import.meta.glob<Record<string, string>>('../../i18n/*.json', {
      eager: true,
      import: 'default',
    });
  } catch {
    // Not imported at the top: the CMS admin, bundled for the browser, uses this module too.
    const { readFileSync } = process.getBuiltinModule('node:fs');
    return Object.fromEntries(
      LANGUAGES.map(({ code }) => {
        const path = `../../i18n/${code}.json`;
        const text = readFileSync(new URL(path, import.meta.url), 'utf8');
        return [path, JSON.parse(text) as Record<string, string>];
      }),
    );
  }
}
const files = stringsFiles();

const dictionaries = Object.fromEntries(
  LANGUAGES.map(({ code }) => {
    const file = files[`../../i18n/${code}.json`];
    if (!file) throw new Error(`Language "${code}" has no strings file src/i18n/${code}.json`);
    return [code, UiStringsSchema.parse(file)];
  }),
) as Record<Locale, Record<string, string>>;

/** `<html lang>` / `hreflang` value of each language. */
export const HTML_LANG = Object.fromEntries(LANGUAGES.map((l) => [l.code, l.lang])) as Record<
  Locale,
  string
>;
/** Intl locale of each language. */
export const INTL_LOCALE = Object.fromEntries(LANGUAGES.map((l) => [l.code, l.intl])) as Record<
  Locale,
  string
>;

/** Returns a translator for one locale. `{name}` placeholders are filled from `vars`. */
export function useTranslations(locale: Locale) {
  const dict = dictionaries[locale];
  return function t(key: UiKey, vars: Record<string, string | number> = {}): string {
    const text = dict[key] ?? dictionaries[DEFAULT_LOCALE][key];
    if (text === undefined) throw new Error(`Missing UI string "${key}" for locale "${locale}"`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
  };
}

export type Translator = ReturnType<typeof useTranslations>;

/** Props of a component that writes in the reader's language. */
export interface LocaleProps {
  locale: Locale;
}

/**
 * A component's props with the translator of their language, computed once:
 * `const { locale, t } = withTranslator(Astro.props)`.
 */
export function withTranslator<P extends LocaleProps>(props: P): P & { t: Translator } {
  return { ...props, t: useTranslations(props.locale) };
}

/** The `[...lang]` route parameter for a locale: undefined for the default, which lives at the root. */
export function langParam(locale: Locale): string | undefined {
  const { prefix } = language(locale);
  return prefix === '' ? undefined : prefix;
}

/** getStaticPaths entries for a page that exists once per locale. */
export function localeStaticPaths() {
  return LOCALES.map((locale) => ({
    params: { lang: langParam(locale) },
    props: { locale },
  }));
}
