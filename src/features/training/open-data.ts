/**
 * Upcoming sessions as open data (/jadwal.json, /jadwal.csv). One flat record per session; the
 * field list below is also what the /jadwal/data/ page documents, so the two cannot drift.
 */
import { sessionPageUrl, sessionUid } from './ics.ts';
import { statusAt, type SessionView } from './sessions.ts';

export const OPEN_DATA_FIELDS = [
  'uid',
  'course',
  'course_title',
  'program',
  'session',
  'status',
  'start',
  'end',
  'registration_deadline',
  'timezone',
  'mode',
  'venue',
  'address',
  'desa',
  'kecamatan',
  'kabupaten',
  'latitude',
  'longitude',
  'online_url',
  'capacity',
  'seats_left',
  'cost_idr',
  'audience',
  'topics',
  'registration_url',
  'registration_in_person',
  'registration_whatsapp',
  'page_url',
  'example',
] as const;
export type OpenDataField = (typeof OPEN_DATA_FIELDS)[number];
export type OpenDataRecord = Record<OpenDataField, string | number | boolean | null>;

export function openDataRecord(v: SessionView, siteUrl: string, now: Date): OpenDataRecord {
  const s = v.session;
  const c = v.course.data;
  return {
    uid: sessionUid(v, siteUrl),
    course: v.course.slug,
    course_title: c.title,
    program: c.program ?? null,
    session: v.id,
    status: statusAt(v, now),
    start: v.startIso,
    end: v.endIso,
    registration_deadline: v.deadlineIso,
    timezone: v.zone,
    mode: s.mode,
    venue: s.venue?.name ?? null,
    address: s.venue?.address ?? null,
    desa: s.venue?.desa ?? null,
    kecamatan: s.venue?.kecamatan ?? null,
    kabupaten: s.venue?.kabupaten ?? null,
    latitude: s.venue?.lat ?? null,
    longitude: s.venue?.lng ?? null,
    online_url: s.onlineUrl ?? null,
    capacity: s.capacity,
    seats_left: s.seatsLeft ?? null,
    cost_idr: c.cost === 'gratis' ? 0 : c.cost,
    audience: c.audience.join(';'),
    topics: c.topics.join(';'),
    registration_url: s.registration.url ?? null,
    registration_in_person: s.registration.inPerson ?? null,
    registration_whatsapp: s.registration.whatsapp ?? null,
    page_url: sessionPageUrl(v, siteUrl),
    example: c.example,
  };
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(records: OpenDataRecord[]): string {
  const lines = [OPEN_DATA_FIELDS.join(',')];
  for (const r of records) lines.push(OPEN_DATA_FIELDS.map((f) => csvField(r[f])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
