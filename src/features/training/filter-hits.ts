/** Builds the filter indexes of the schedule and the course catalogue (see filter-index.ts). */
import { courseIndex, catalogue, scheduleLists } from './catalogue.ts';
import {
  encodeFacets,
  type CourseHit,
  type FilterIndex,
  type SessionHit,
  type StatusData,
} from './filter-index.ts';
import { INTL_LOCALE, localePath, useTranslations } from '~/platform/i18n/i18n.ts';
import { audienceLabel, placeShort, sessionWhen } from './session-format.ts';
import { FACETS, nextSession, type Facet, type SessionView } from './sessions.ts';
import { formatMonth } from '~/platform/i18n/time.ts';
import type { Locale } from '~/schemas/shared.ts';

function statusData(v: SessionView): StatusData {
  return {
    s: v.startIso,
    e: v.endIso,
    d: v.deadlineIso,
    o: v.session.status,
    l: v.session.seatsLeft,
  };
}

/** The facets a form offers (those with values, see facetOptions) and their values, in form order. */
function offered(options: Record<Facet, string[]>) {
  const facets = FACETS.filter((f) => options[f].length > 0);
  return { facets, values: facets.map((f) => options[f]) };
}

export async function scheduleFilterIndex(locale: Locale): Promise<FilterIndex<SessionHit>> {
  const t = useTranslations(locale);
  const { upcoming, records, filters } = await scheduleLists();
  const { facets, values } = offered(filters.options);
  const groups: Record<string, string> = {};
  const items = upcoming.map((v, i): SessionHit => {
    groups[v.month] ??= formatMonth(v.month, INTL_LOCALE[locale]);
    return {
      u: localePath(locale, `/pelatihan/${v.course.slug}/${v.id}/`),
      t: v.course.data.title,
      w: sessionWhen(v, locale, t).line,
      p: placeShort(v, t),
      ...statusData(v),
      x: v.course.data.example ? 1 : undefined,
      m: v.month,
      f: encodeFacets(records[i] ?? {}, facets, values),
    };
  });
  return { facets, values, groups, items };
}

export async function catalogueFilterIndex(locale: Locale): Promise<FilterIndex<CourseHit>> {
  const t = useTranslations(locale);
  const { courses } = await catalogue();
  const { byCourse, facets: records, filters } = await courseIndex();
  const { facets, values } = offered(filters.options);
  const items = courses.map((course, i): CourseHit => {
    const upcoming = byCourse.get(course.slug) ?? [];
    const next = nextSession(upcoming);
    return {
      u: localePath(locale, `/pelatihan/${course.slug}/`),
      t: course.data.title,
      sum: course.data.summary,
      a: course.data.audience.map((a) => audienceLabel(a, t)).join(', '),
      x: course.data.example ? 1 : undefined,
      n: next
        ? { w: sessionWhen(next, locale, t).line, p: placeShort(next, t), ...statusData(next) }
        : undefined,
      c: upcoming.length,
      f: encodeFacets(records[i] ?? {}, facets, values),
    };
  });
  return { facets, values, items };
}
