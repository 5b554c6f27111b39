/** Courses and sessions as the pages read them (Indonesian entries only: courses are written once). */
import { getCollection } from 'astro:content';
import { buildNow, getSettings, localeOf, published, slugOf } from '~/platform/content/content.ts';
import { filterOffer, itemsWith, type FacetChoice, type FilterOffer } from './facet-pages.ts';
import { localePath } from '~/platform/i18n/i18n.ts';
import type { Locale } from '~/schemas/shared.ts';
import {
  allSessions,
  courseFacets,
  facetsOf,
  pastSessions,
  upcomingSessions,
  type CourseRef,
  type SessionView,
} from './sessions.ts';
import { DEFAULT_LOCALE } from '~/model/languages.ts';

let cache:
  | Promise<{
      courses: CourseRef[];
      sessions: SessionView[];
      sessionsOf: Map<string, SessionView[]>;
    }>
  | undefined;

/**
 * Every Indonesian course entry: the office's, plus the fictional example courses of
 * examples/pelatihan/ when the build includes them (MIGRASI_EXAMPLES=1, see examples.ts).
 */
export async function courseEntries() {
  const examples = (await getCollection('pelatihanContoh')).filter(
    (e) => localeOf(e) === DEFAULT_LOCALE && !e.data.draft,
  );
  return [...(await published('pelatihan', DEFAULT_LOCALE)), ...examples];
}

async function load() {
  const settings = await getSettings();
  const courses: CourseRef[] = (await courseEntries())
    .map((entry) => ({ slug: slugOf(entry), data: entry.data }))
    .sort((a, b) => a.data.title.localeCompare(b.data.title, 'id'));
  const sessions = allSessions(courses, settings.timezone);
  // Per-course lists, so a course page does not scan every session of the catalogue.
  const sessionsOf = new Map<string, SessionView[]>(courses.map((c) => [c.slug, []]));
  for (const v of sessions) sessionsOf.get(v.course.slug)?.push(v);
  return { courses, sessions, sessionsOf };
}

/** Loaded once per build: every schedule page, feed and component reads the same lists. */
export function catalogue() {
  cache ??= load();
  return cache;
}

/** Programme names by slug, for filter labels and course facts. */
export async function programNames(): Promise<Map<string, string>> {
  return new Map((await published('program', DEFAULT_LOCALE)).map((p) => [slugOf(p), p.data.name]));
}

let lists:
  | Promise<{
      upcoming: SessionView[];
      past: SessionView[];
      /** Facet values of each upcoming session (aligned with `upcoming`). */
      records: Record<string, string[]>[];
      /** The filters of the upcoming sessions (pages under /jadwal/saring/). */
      filters: FilterOffer;
    }>
  | undefined;

/** Upcoming and past sessions at build time, and the filter options of the upcoming ones. */
export function scheduleLists() {
  lists ??= catalogue().then(({ sessions }) => {
    const now = buildNow();
    const upcoming = upcomingSessions(sessions, now);
    const records = upcoming.map(facetsOf);
    return { upcoming, past: pastSessions(sessions, now), records, filters: filterOffer(records) };
  });
  return lists;
}

const chosenSessions = new Map<string, Promise<SessionView[]>>();

/** Upcoming sessions with one filter value (memoised: every page of a choice reads it). */
export function upcomingWith(choice: FacetChoice): Promise<SessionView[]> {
  const key = `${choice.facet}\u0000${choice.value}`;
  let list = chosenSessions.get(key);
  if (!list) {
    list = scheduleLists().then(({ upcoming, records }) => itemsWith(upcoming, records, choice));
    chosenSessions.set(key, list);
  }
  return list;
}

export const SCHEDULE_PAGE_SIZE = 30;
export const CATALOGUE_PAGE_SIZE = 20;

let courseIndexCache:
  | Promise<{
      byCourse: Map<string, SessionView[]>;
      facets: Record<string, string[]>[];
      /** The filters of the catalogue (pages under /pelatihan/saring/). */
      filters: FilterOffer;
    }>
  | undefined;

/** Per course: its upcoming sessions and filter facets; computed once for all catalogue pages. */
export function courseIndex() {
  courseIndexCache ??= Promise.all([catalogue(), scheduleLists()]).then(
    ([{ courses }, { upcoming }]) => {
      const byCourse = new Map<string, SessionView[]>();
      for (const v of upcoming) {
        const list = byCourse.get(v.course.slug);
        if (list) list.push(v);
        else byCourse.set(v.course.slug, [v]);
      }
      const facets = courses.map((c) => courseFacets(c, byCourse.get(c.slug) ?? []));
      return { byCourse, facets, filters: filterOffer(facets) };
    },
  );
  return courseIndexCache;
}

/** Path of a programme page in a locale, or the Indonesian one when it has no translation. */
export async function programPath(slug: string, locale: Locale): Promise<string> {
  const translated = (await published('program', locale)).some((p) => slugOf(p) === slug);
  return translated ? localePath(locale, `/program/${slug}/`) : `/program/${slug}/`;
}
