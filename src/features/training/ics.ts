/**
 * iCalendar (RFC 5545) files for sessions. Times go out in UTC: every calendar app converts them to
 * the reader's own zone, and no VTIMEZONE block is needed.
 *
 * The lines are written here, in the order and form of the `ics` library (which the tests keep as
 * the reference: the same events give the same bytes). The library validated every event with yup,
 * two to three milliseconds each: 8 of the ~70 seconds a 10,000-entry build spends on its pages
 * (2,478 sessions). What it checked is checked before, by the course schema; what is written here
 * is plain text, escaped and folded by the rules below.
 */
import { placeLine, statusAt, type SessionView } from './sessions.ts';
import { statusRow } from '../../model/session-statuses.ts';

export interface IcsOptions {
  /** Absolute site URL, e.g. https://migrasi.example.go.id */
  siteUrl: string;
  /** Calendar name shown by subscribing apps. */
  calName: string;
  /** DTSTAMP: the instant the file was generated. */
  now: Date;
  /** Prefix for the example badge in titles, e.g. "[Contoh]". */
  exampleLabel: string;
  /** Reminders (a day before the session, a day before registration closes) and labels. */
  texts?: { reminderSession: string; reminderDeadline: string; whatsapp: string; phone: string };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const PRODUCT_ID = 'migrasi-aman/jadwal';

/** A reminder: hours before the event's start, or at an instant (ms since 1970). */
export interface IcsAlarm {
  action: 'display';
  description: string;
  trigger: { hours: number; before: true } | number;
}

/** One session's event, as data (the fields and names of the `ics` library's events). */
export interface IcsEvent {
  uid: string;
  /** DTSTAMP, start and end: instants in ms since 1970, written in UTC. */
  timestamp: number;
  start: number;
  end: number;
  title: string;
  description: string;
  location: string;
  url: string;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Each already escaped as TEXT (escapeText). */
  categories: string[];
  alarms?: IcsAlarm[];
  geo?: { lat: number; lon: number };
}

/**
 * VALARMs: a day before the session starts, and a day before registration closes (an absolute
 * time, since the deadline is not the event's start). None for a cancelled or postponed session.
 */
function alarmsOf(v: SessionView, o: IcsOptions): IcsAlarm[] | undefined {
  const override = v.session.status;
  if (!o.texts || override === 'dibatalkan' || override === 'ditunda') return undefined;
  return [
    {
      action: 'display',
      description: o.texts.reminderSession,
      trigger: { hours: 24, before: true },
    },
    {
      action: 'display',
      description: o.texts.reminderDeadline,
      trigger: v.deadline.getTime() - DAY_MS,
    },
  ];
}

/** The UID never changes while the course file name and session code stay the same. */
export function sessionUid(v: SessionView, siteUrl: string): string {
  return `${v.course.slug}.${v.id}@${new URL(siteUrl).host}`;
}

/** The session's own page (details and printable poster). */
export function sessionPageUrl(v: SessionView, siteUrl: string): string {
  return new URL(`/pelatihan/${v.course.slug}/${v.id}/`, siteUrl).href;
}

/**
 * RFC 5545 §3.3.11 TEXT escaping, as the ics library escapes SUMMARY, DESCRIPTION and LOCATION.
 * It wrote CATEGORIES and X-WR-CALNAME as given, so a topic "a; b, c" would split into three:
 * they are escaped before they are joined.
 */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** One session's event. */
export function toEvent(v: SessionView, o: IcsOptions): IcsEvent {
  const status = statusAt(v, o.now);
  const s = v.session;
  const url = sessionPageUrl(v, o.siteUrl);
  const how = [
    s.registration.url,
    s.registration.inPerson,
    s.registration.whatsapp && `${o.texts?.whatsapp ?? 'WhatsApp'} ${s.registration.whatsapp}`,
    s.registration.phone && `${o.texts?.phone ?? 'Tel'} ${s.registration.phone}`,
  ]
    .filter(Boolean)
    .join(' — ');
  const event: IcsEvent = {
    uid: sessionUid(v, o.siteUrl),
    timestamp: o.now.getTime(),
    start: v.start.getTime(),
    end: v.end.getTime(),
    title: `${v.course.data.example ? `${o.exampleLabel} ` : ''}${v.course.data.title}`,
    description: [v.course.data.summary, how, url].filter(Boolean).join('\n\n'),
    location: placeLine(v) || s.onlineUrl || '',
    url,
    status: statusRow(status).ics,
    categories: v.course.data.topics.map(escapeText),
  };
  const alarms = alarmsOf(v, o);
  if (alarms) event.alarms = alarms;
  if (s.venue?.lat !== undefined && s.venue.lng !== undefined)
    event.geo = { lat: s.venue.lat, lon: s.venue.lng };
  return event;
}

/** A line break inside a value becomes the two characters \n, as the library writes them. */
function oneLine(value: string): string {
  return value.replace(/\r?\n/g, '\\n');
}

/** An instant as a UTC DATE-TIME: 20270411T000000Z. */
function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The VCALENDAR lines before the first event (calName already escaped). */
function header(calName: string): string[] {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `PRODID:${oneLine(PRODUCT_ID)}`,
    'METHOD:PUBLISH',
    ...(calName ? [`X-WR-CALNAME:${oneLine(calName)}`] : []),
    'X-PUBLISHED-TTL:PT1H',
  ];
}

/** A VALARM's lines. The reminder's text is escaped as TEXT, which the library left out. */
function alarmLines({ action, description, trigger }: IcsAlarm): string[] {
  const when =
    typeof trigger === 'number'
      ? `TRIGGER;VALUE=DATE-TIME:${utc(trigger)}`
      : `TRIGGER:${trigger.before ? '-' : ''}PT${trigger.hours ? `${trigger.hours}H` : ''}`;
  return [
    'BEGIN:VALARM',
    `ACTION:${action.toUpperCase()}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    when,
    'END:VALARM',
  ];
}

/** A VEVENT's lines, unfolded, in the library's order. */
function eventLines(e: IcsEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${oneLine(e.uid)}`,
    ...(e.title ? [`SUMMARY:${escapeText(e.title)}`] : []),
    `DTSTAMP:${utc(e.timestamp)}`,
    `DTSTART:${utc(e.start)}`,
    `DTEND:${utc(e.end)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.url ? [`URL:${oneLine(e.url)}`] : []),
    ...(e.geo ? [`GEO:${e.geo.lat};${e.geo.lon}`] : []),
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.status ? [`STATUS:${oneLine(e.status)}`] : []),
    `CATEGORIES:${oneLine(e.categories.join(','))}`,
    ...(e.alarms ?? []).flatMap(alarmLines),
    'END:VEVENT',
  ];
}

/** One VCALENDAR with a VEVENT per session. */
export function sessionsToIcs(list: SessionView[], o: IcsOptions): string {
  const lines = [
    ...header(escapeText(o.calName)),
    ...list.flatMap((v) => eventLines(toEvent(v, o))),
    'END:VCALENDAR',
  ];
  return refoldByOctets(`${lines.join('\r\n')}\r\n`);
}

/**
 * RFC 5545 §3.1 limits lines to 75 octets, but the library counts characters, so a line with
 * "–" or other non-ASCII text came out longer. Unfold and fold again by UTF-8 bytes, never
 * splitting a character.
 */
export function refoldByOctets(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const folded = lines.map((line) => {
    const parts: string[] = [];
    let current = '';
    let bytes = 0;
    let limit = 75;
    for (const char of line) {
      const size = Buffer.byteLength(char);
      if (bytes + size > limit) {
        parts.push(current);
        current = '';
        bytes = 0;
        limit = 74; // continuation lines start with one space
      }
      current += char;
      bytes += size;
    }
    parts.push(current);
    return parts.join('\r\n ');
  });
  return folded.join('\r\n');
}
