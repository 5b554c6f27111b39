import type { Locale } from '~/schemas/shared.ts';

/** Author components are used inside MDX without props for the language: read it from the URL. */
export function localeFromPath(pathname: string): Locale {
  return pathname.startsWith('/en/') ? 'en' : 'id';
}
