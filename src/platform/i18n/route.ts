/**
 * What a page route computes before it renders, once: its language, its translator and its
 * language-aware links. Routes stay thin: `const { locale, t, href } = pageRoute(Astro.props)`.
 */
import { localePath, localeStaticPaths, useTranslations, type Locale } from './i18n.ts';

export { localeStaticPaths };

/** Props of a page that exists once per language (from `localeStaticPaths`). */
export interface LocaleProps {
  locale: Locale;
}

export function pageRoute({ locale }: LocaleProps) {
  return {
    locale,
    t: useTranslations(locale),
    /** A site path in this page's language ("/panduan/" → "/en/panduan/"). */
    href: (path: string) => localePath(locale, path),
  };
}
