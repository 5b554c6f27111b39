/**
 * iCalendar (RFC 5545) files for sessions, written by the `ics` library so escaping, line folding
 * and DTSTAMP follow the standard. Times go out in UTC: every calendar app converts them to the
 * reader's own zone, and no VTIMEZONE block is needed.
 */
import { createEvents, type EventAttributes } from 'ics';
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

/**
 * VALARMs: a day before the session starts, and a day before registration closes (an absolute
 * time, since the deadline is not the event's start). None for a cancelled or postponed session.
 */
function alarmsOf(v: SessionView, o: IcsOptions): EventAttributes['alarms'] {
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
 * RFC 5545 §3.3.11 TEXT escaping. The ics library escapes SUMMARY, DESCRIPTION and LOCATION but
 * writes CATEGORIES and X-WR-CALNAME as given, so a topic "a; b, c" would split into three.
 */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** The library's description of one session's event. */
export function toEvent(v: SessionView, o: IcsOptions): EventAttributes & { timestamp: number } {
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
  const event: EventAttributes & { timestamp: number } = {
    uid: sessionUid(v, o.siteUrl),
    timestamp: o.now.getTime(),
    start: v.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: v.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${v.course.data.example ? `${o.exampleLabel} ` : ''}${v.course.data.title}`,
    description: [v.course.data.summary, how, url].filter(Boolean).join('\n\n'),
    location: placeLine(v) || s.onlineUrl || '',
    url,
    status: statusRow(status).ics,
    categories: v.course.data.topics.map(escapeText),
    productId: 'migrasi-aman/jadwal',
    calName: escapeText(o.calName),
  };
  const alarms = alarmsOf(v, o);
  if (alarms) event.alarms = alarms;
  if (s.venue?.lat !== undefined && s.venue.lng !== undefined)
    event.geo = { lat: s.venue.lat, lon: s.venue.lng };
  return event;
}

const HEADER = { productId: 'migrasi-aman/jadwal', method: 'PUBLISH' } as const;
const FOOTER = 'END:VCALENDAR\r\n';

function library(events: EventAttributes[], calName: string): string {
  const { error, value } = createEvents(events, { ...HEADER, calName: escapeText(calName) });
  if (error || !value) throw error ?? new Error('ics produced no output');
  return value;
}

const headers = new Map<string, string>();
/** The VCALENDAR lines before the first event, as the library writes them. */
function header(calName: string): string {
  let text = headers.get(calName);
  if (text === undefined) {
    text = library([], calName).slice(0, -FOOTER.length);
    headers.set(calName, text);
  }
  return text;
}

/**
 * The library validates every event with yup, which takes milliseconds per event (and validates
 * the first event of a call twice), and a session is in three files (its own, its course's and
 * the schedule's): the VEVENTs a file needs that are not written yet are written (and validated)
 * in one call, once per build and options, and every file is put together from them.
 */
const vevents = new WeakMap<SessionView, Map<string, string>>();
function veventsOf(list: SessionView[], o: IcsOptions): string[] {
  // Everything toEvent reads but the calendar's name, which belongs to the header.
  const key = JSON.stringify([o.siteUrl, o.now.getTime(), o.exampleLabel, o.texts ?? null]);
  const written = (v: SessionView) => {
    let byOptions = vevents.get(v);
    if (!byOptions) {
      byOptions = new Map();
      vevents.set(v, byOptions);
    }
    return byOptions;
  };
  const missing = [...new Set(list.filter((v) => !written(v).has(key)))];
  if (missing.length > 0) {
    const whole = library(
      missing.map((v) => toEvent(v, o)),
      o.calName,
    );
    const body = whole.slice(whole.indexOf('\r\nBEGIN:VEVENT\r\n') + 2, -FOOTER.length);
    // Each block ends with an END:VEVENT line; text of the same words inside a folded line
    // follows a folding space, never a bare line break.
    const blocks = body.split(/(?<=\r\nEND:VEVENT\r\n)/).filter(Boolean);
    if (blocks.length !== missing.length)
      throw new Error(`ics wrote ${blocks.length} events for ${missing.length} sessions`);
    missing.forEach((v, i) => written(v).set(key, blocks[i] as string));
  }
  return list.map((v) => written(v).get(key) as string);
}

/** One VCALENDAR with a VEVENT per session; throws when the library refuses an event. */
export function sessionsToIcs(list: SessionView[], o: IcsOptions): string {
  return refoldByOctets(`${header(o.calName)}${veventsOf(list, o).join('')}${FOOTER}`);
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
