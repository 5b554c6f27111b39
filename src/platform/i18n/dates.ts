/** Dates as Indonesians read them: "26 Juli 2024", times as "08.00 WIB". */
import type { Locale, TimeZone } from '../../schemas/shared.ts';
import { INTL_LOCALE } from './i18n.ts';
import { dateTimeFormat } from './time.ts';

export const ZONE_ABBR: Record<TimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** "26 Juli 2024" (id) or "26 July 2024" (en), the calendar day in the given zone (settings.timezone for site dates). */
export function formatDay(date: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(INTL_LOCALE[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
}

/** ISO day (2024-07-26) of an instant in a zone, for <time datetime>. */
export function isoDay(date: Date, timeZone: string): string {
  return dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}
