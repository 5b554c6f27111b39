/** How a session's time and place read on a page: "Sabtu, 5 Desember 2026, 08.00–15.00 WITA". */
import type { Locale } from '~/schemas/shared.ts';
import { ZONE_ABBR } from '~/platform/i18n/dates.ts';
import { INTL_LOCALE, type Translator, type UiKey } from '~/platform/i18n/i18n.ts';
import type { SessionStatus } from './schedule-status.ts';
import { SESSION_STATUSES } from '~/model/session-statuses.ts';
import type { SessionView } from './sessions.ts';
import { formatClock, formatLongDay, formatMonth } from '~/platform/i18n/time.ts';

export interface SessionWhen {
  /** "Sabtu, 5 Desember 2026" */
  startDay: string;
  /** "08.00 WITA" */
  startTime: string;
  /** Present when the session ends on another day. */
  endDay?: string;
  /** "15.00 WITA" */
  endTime: string;
  /** The whole thing on one line. */
  line: string;
}

export function sessionWhen(v: SessionView, locale: Locale, t: Translator): SessionWhen {
  const intl = INTL_LOCALE[locale];
  const zone = ZONE_ABBR[v.zone];
  const startDay = formatLongDay(v.start, intl, v.zone);
  const endDay = formatLongDay(v.end, intl, v.zone);
  const startTime = `${formatClock(v.start, intl, v.zone)} ${zone}`;
  const endTime = `${formatClock(v.end, intl, v.zone)} ${zone}`;
  const sameDay = startDay === endDay;
  const line = sameDay
    ? `${startDay}, ${formatClock(v.start, intl, v.zone)}–${endTime}`
    : `${startDay}, ${startTime} ${t('session.until')} ${endDay}, ${endTime}`;
  return sameDay
    ? { startDay, startTime, endTime, line }
    : { startDay, startTime, endDay, endTime, line };
}

/** "Sabtu, 28 November 2026, 23.59 WIB" */
export function deadlineLine(v: SessionView, locale: Locale): string {
  const intl = INTL_LOCALE[locale];
  return `${formatLongDay(v.deadline, intl, v.zone)}, ${formatClock(v.deadline, intl, v.zone)} ${ZONE_ABBR[v.zone]}`;
}

export function statusLabel(status: SessionStatus, t: Translator): string {
  return t(SESSION_STATUSES[status].label);
}

/** Every status label, for the browser script that corrects the status when the page is read. */
export function statusLabels(t: Translator): Record<SessionStatus, string> {
  return Object.fromEntries(
    Object.entries(SESSION_STATUSES).map(([status, row]) => [status, t(row.label)]),
  ) as Record<SessionStatus, string>;
}

const MODE_KEYS: Record<string, UiKey> = {
  'tatap-muka': 'session.mode.tatapMuka',
  daring: 'session.mode.daring',
  campuran: 'session.mode.campuran',
};
export function modeLabel(mode: string, t: Translator): string {
  const key = MODE_KEYS[mode];
  return key ? t(key) : mode;
}

const AUDIENCE_KEYS: Record<string, UiKey> = {
  cpmi: 'courses.audience.cpmi',
  pmi: 'courses.audience.pmi',
  purna: 'courses.audience.purna',
  keluarga: 'courses.audience.keluarga',
};
export function audienceLabel(audience: string, t: Translator): string {
  const key = AUDIENCE_KEYS[audience];
  return key ? t(key) : audience;
}

/** Where, in one line: venue and area, or "Daring". */
export function placeShort(v: SessionView, t: Translator): string {
  const venue = v.session.venue;
  if (!venue) return t('session.online');
  return `${venue.name}, ${venue.kecamatan}, ${venue.kabupaten}`;
}

/** Readable labels for filter values: month names, audiences, modes, programme names. */
export function facetLabeler(locale: Locale, t: Translator, programs: Map<string, string>) {
  return (facet: string, value: string): string => {
    if (facet === 'bulan') return formatMonth(value, INTL_LOCALE[locale]);
    if (facet === 'peserta') return audienceLabel(value, t);
    if (facet === 'cara') return modeLabel(value, t);
    if (facet === 'program') return programs.get(value) ?? value;
    return value;
  };
}

/** The WhatsApp message for a session: title, day and time with zone, place; demo data says so. */
export function shareText(v: SessionView, locale: Locale, t: Translator): string {
  const title = v.course.data.example
    ? `[${t('courses.example')}] ${v.course.data.title}`
    : v.course.data.title;
  return t('session.shareText', {
    title,
    date: sessionWhen(v, locale, t).line,
    place: placeShort(v, t),
  });
}
