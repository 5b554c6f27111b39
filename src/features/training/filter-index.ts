/**
 * The compact index the filter script reads when a list spans several pages, so that a filter
 * finds every matching session or course, not only those on the page in view. Built at
 * /jadwal/saring.json and /pelatihan/saring.json; the same code matches in the browser (this
 * module must stay free of Node and Astro imports).
 */
import type { Facet } from './sessions.ts';
import type { Translator } from '~/platform/i18n/i18n.ts';

/** The status inputs of a session, with instants as ISO 8601 with offset. */
export interface StatusData {
  /** start, end, deadline */
  s: string;
  e: string;
  d: string;
  /** status override (penuh, ditunda, dibatalkan) */
  o?: string | undefined;
  /** seats left */
  l?: number | undefined;
}

export interface SessionHit extends StatusData {
  /** session page URL */
  u: string;
  /** course title */
  t: string;
  /** when, as the page shows it ("Sabtu, 5 Desember 2026, 08.00–15.00 WITA") */
  w: string;
  /** where, in one line */
  p: string;
  /** 1 for demo data (the "Contoh" badge) */
  x?: 1 | undefined;
  /** month key, for the month headings */
  m: string;
  /** value indices per facet, aligned with `FilterIndex.facets` */
  f: number[][];
}

export interface CourseHit {
  u: string;
  t: string;
  /** summary */
  sum: string;
  /** audience line */
  a: string;
  x?: 1 | undefined;
  /** the next session: when, where and its status data */
  n?: (StatusData & { w: string; p: string }) | undefined;
  /** number of upcoming sessions */
  c: number;
  f: number[][];
}

export interface FilterIndex<Hit> {
  facets: Facet[];
  /** Values per facet, aligned with `facets`; a hit refers to them by position. */
  values: string[][];
  /** Month headings by month key (schedule only). */
  groups?: Record<string, string>;
  items: Hit[];
}

/** Facet values of one record as positions in `values` (values not offered are left out). */
export function encodeFacets(
  record: Record<string, string[]>,
  facets: readonly Facet[],
  values: readonly (readonly string[])[],
): number[][] {
  return facets.map((facet, i) =>
    (record[facet] ?? []).map((v) => values[i]?.indexOf(v) ?? -1).filter((n) => n >= 0),
  );
}

/** The hits that have every chosen value; an unknown facet or value matches nothing. */
export function matchHits<Hit extends { f: number[][] }>(
  index: FilterIndex<Hit>,
  chosen: readonly (readonly [string, string])[],
): Hit[] {
  const wanted = chosen.map(([facet, value]) => {
    const fi = index.facets.indexOf(facet as Facet);
    return [fi, fi < 0 ? -1 : (index.values[fi]?.indexOf(value) ?? -1)] as const;
  });
  if (wanted.some(([fi, vi]) => fi < 0 || vi < 0)) return [];
  return index.items.filter((hit) => wanted.every(([fi, vi]) => hit.f[fi]?.includes(vi)));
}

/** The words the filter script and its worker write into the page, in the reader's language. */
export function filterTexts(t: Translator) {
  return {
    when: t('session.when'),
    place: t('session.place'),
    example: t('courses.example'),
    details: t('schedule.filter.details'),
    more: t('schedule.filter.more'),
    next: t('courses.nextSession'),
    upcoming: t('courses.upcomingCount'),
    offline: t('schedule.filter.offline'),
  };
}
