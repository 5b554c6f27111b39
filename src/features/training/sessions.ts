/**
 * Every session of every course as one flat, sorted list with its instants worked out: what the
 * schedule pages, calendars, open data and JSON-LD are all built from.
 */
import { sessionKey, type Course, type Session } from '~/schemas/pelatihan.ts';
import type { TimeZone } from '~/schemas/shared.ts';
import { sessionStatus, type SessionStatus } from './schedule-status.ts';
import { statusRow } from '../../model/session-statuses.ts';
import { localToInstant, localToIso, monthKey } from '~/platform/i18n/time.ts';

export interface CourseRef {
  slug: string;
  data: Course;
}

export interface SessionView {
  course: CourseRef;
  session: Session;
  /** Position in the course's `sessions` list (for error messages and anchors). */
  index: number;
  /** Stable code within the course. */
  id: string;
  zone: TimeZone;
  start: Date;
  end: Date;
  deadline: Date;
  startIso: string;
  endIso: string;
  deadlineIso: string;
  /** "2026-12", the month of the start in the session's zone. */
  month: string;
}

export function sessionsOf(course: CourseRef, defaultZone: TimeZone): SessionView[] {
  return course.data.sessions.map((session, index) => {
    const zone = session.timezone ?? defaultZone;
    const start = localToInstant(session.start, zone);
    return {
      course,
      session,
      index,
      id: sessionKey(session),
      zone,
      start,
      end: localToInstant(session.end, zone),
      deadline: localToInstant(session.deadline, zone),
      startIso: localToIso(session.start, zone),
      endIso: localToIso(session.end, zone),
      deadlineIso: localToIso(session.deadline, zone),
      month: monthKey(start, zone),
    };
  });
}

/** All sessions of all courses, earliest start first (ties broken by course and code). */
export function allSessions(courses: CourseRef[], defaultZone: TimeZone): SessionView[] {
  return courses
    .flatMap((c) => sessionsOf(c, defaultZone))
    .sort(
      (a, b) =>
        a.start.getTime() - b.start.getTime() ||
        a.course.slug.localeCompare(b.course.slug) ||
        a.id.localeCompare(b.id),
    );
}

export function statusAt(v: SessionView, now: Date): SessionStatus {
  return sessionStatus(
    {
      start: v.start.getTime(),
      end: v.end.getTime(),
      deadline: v.deadline.getTime(),
      override: v.session.status,
      seatsLeft: v.session.seatsLeft,
    },
    now.getTime(),
  );
}

/** Sessions that have not ended, in date order. */
export function upcomingSessions(list: SessionView[], now: Date): SessionView[] {
  return list.filter((v) => v.end.getTime() > now.getTime());
}

/** Sessions that have ended, most recent first. */
export function pastSessions(list: SessionView[], now: Date): SessionView[] {
  return list.filter((v) => v.end.getTime() <= now.getTime()).reverse();
}

/** Where a session happens, in one line: "Balai Desa, Kecamatan, Kabupaten". */
export function placeLine(v: SessionView): string {
  const venue = v.session.venue;
  if (!venue) return '';
  return [venue.name, venue.address, venue.desa, venue.kecamatan, venue.kabupaten]
    .filter((x): x is string => Boolean(x))
    .join(', ');
}

/** Facet values used by the filters: keys are the query-string names. */
export function facetsOf(v: SessionView): Record<string, string[]> {
  const venue = v.session.venue;
  return {
    kabupaten: venue ? [venue.kabupaten] : [],
    kecamatan: venue ? [venue.kecamatan] : [],
    bulan: [v.month],
    peserta: [...v.course.data.audience],
    cara: [v.session.mode],
    program: v.course.data.program ? [v.course.data.program] : [],
    topik: [...v.course.data.topics],
  };
}

export const FACETS = [
  'kabupaten',
  'kecamatan',
  'bulan',
  'peserta',
  'cara',
  'program',
  'topik',
] as const;
export type Facet = (typeof FACETS)[number];

/**
 * Distinct values of each facet over a list of facet records, sorted: every value, so each
 * kecamatan or topic stays reachable however many there are. A facet is left out (no values)
 * when it would filter nothing: no value at all, or one value that every record has.
 */
export function facetOptions(records: Record<string, string[]>[]): Record<Facet, string[]> {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    Facet,
    Map<string, number>
  >;
  for (const r of records)
    for (const f of FACETS)
      for (const v of new Set(r[f] ?? [])) counts[f].set(v, (counts[f].get(v) ?? 0) + 1);
  return Object.fromEntries(
    FACETS.map((f) => {
      const values = [...counts[f]];
      const filters =
        values.length > 1 || (values[0] !== undefined && values[0][1] < records.length);
      return [f, filters ? values.map(([v]) => v).sort((a, b) => a.localeCompare(b, 'id')) : []];
    }),
  ) as Record<Facet, string[]>;
}

/** A course's facets: its own audience, programme and topics plus where and when it meets. */
export function courseFacets(course: CourseRef, sessions: SessionView[]): Record<string, string[]> {
  const merged: Record<string, Set<string>> = {
    peserta: new Set(course.data.audience),
    program: new Set(course.data.program ? [course.data.program] : []),
    topik: new Set(course.data.topics),
  };
  for (const v of sessions) {
    for (const [facet, values] of Object.entries(facetsOf(v))) {
      merged[facet] ??= new Set();
      for (const value of values) merged[facet].add(value);
    }
  }
  return Object.fromEntries(Object.entries(merged).map(([f, set]) => [f, [...set]]));
}

/** The session a catalogue card calls "next": the first one whose override allows it (not
 * cancelled or postponed, see `next` in the statuses table), else the first. */
export function nextSession(upcoming: readonly SessionView[]): SessionView | undefined {
  return (
    upcoming.find((v) => v.session.status === undefined || statusRow(v.session.status).next) ??
    upcoming[0]
  );
}
