import { localeOfPath, type Locale } from '~/model/languages.ts';

/** Author components are used inside MDX without props for the language: read it from the URL. */
export function localeFromPath(pathname: string): Locale {
  return localeOfPath(pathname);
}
