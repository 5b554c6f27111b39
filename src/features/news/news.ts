/**
 * News: which items to show where, in what order, and in pages. The index pages, the RSS feed, the
 * home page and the programme pages share it. The choices take plain objects and a "now", so tests
 * can pass entries of their own; tests/content/ runs them over fixture entries too.
 */
import type { CollectionEntry } from 'astro:content';
import { pageCount as pageCountOf, pageItems } from '~/platform/content/pagination.ts';
import { buildNow, cached, published } from '~/platform/content/content.ts';
import type { Locale } from '~/schemas/shared.ts';

export const NEWS_PAGE_SIZE = 10;

/** The fields of a news entry that the selection logic reads. */
export interface NewsLike {
  data: {
    kind: 'berita' | 'pengumuman';
    date: Date;
    /** False when the source printed no date: `date` is then only when the item was added here. */
    dateKnown?: boolean | undefined;
    until?: Date | undefined;
    program?: string | undefined;
  };
}

/**
 * Newest first by the date the source printed. Items whose source printed no date come after all
 * dated ones: the day they were added to this site says nothing about when the event happened, so
 * it must not rank them above reports that are really recent. Among themselves they keep the order
 * in which they were added, newest first.
 */
export function sortNewestFirst<T extends NewsLike>(news: readonly T[]): T[] {
  const undated = (n: NewsLike) => (n.data.dateKnown === false ? 1 : 0);
  return [...news].sort(
    (a, b) => undated(a) - undated(b) || b.data.date.getTime() - a.data.date.getTime(),
  );
}

/** An announcement still runs until the end of its `until` instant; without `until` it never expires. */
export function isCurrentAnnouncement(item: NewsLike, now: Date): boolean {
  return (
    item.data.kind === 'pengumuman' &&
    item.data.date.getTime() <= now.getTime() &&
    (!item.data.until || item.data.until.getTime() >= now.getTime())
  );
}

/** Announcements still running at `now`, newest first. */
export function selectCurrentAnnouncements<T extends NewsLike>(news: readonly T[], now: Date): T[] {
  return sortNewestFirst(news.filter((n) => isCurrentAnnouncement(n, now)));
}

export interface Highlights<T> {
  /** Running announcements: shown before anything else. */
  announcements: T[];
  /** Reports (kind berita), newest first; announcements, running or expired, never appear here. */
  news: T[];
}

/**
 * What a page headlines: running announcements first, then the newest reports. Expired
 * announcements are left out entirely, so an old "registration open" never looks current.
 */
export function selectHighlights<T extends NewsLike>(
  news: readonly T[],
  now: Date,
  limits: { announcements?: number; news?: number } = {},
): Highlights<T> {
  const published = news.filter((n) => n.data.date.getTime() <= now.getTime());
  return {
    announcements: selectCurrentAnnouncements(published, now).slice(0, limits.announcements),
    news: sortNewestFirst(published.filter((n) => n.data.kind === 'berita')).slice(0, limits.news),
  };
}

/** Highlights of one programme: the news whose `program` field names its slug. */
export function selectForProgram<T extends NewsLike>(
  news: readonly T[],
  programSlug: string,
  now: Date,
  limits: { announcements?: number; news?: number } = {},
): Highlights<T> {
  return selectHighlights(
    news.filter((n) => n.data.program === programSlug),
    now,
    limits,
  );
}

export async function newsNewestFirst(locale: Locale): Promise<CollectionEntry<'berita'>[]> {
  // Sorted once per build: each page of the news list (a thousand at 10,000 entries) asks for it.
  const sorted = await cached(`newest:berita:${locale}`, async () =>
    sortNewestFirst(await published('berita', locale)),
  );
  return [...sorted];
}

/** Announcements still running at `now`: shown first on the home page and programme pages. */
export function currentAnnouncements(
  news: CollectionEntry<'berita'>[],
  now: Date = buildNow(),
): CollectionEntry<'berita'>[] {
  return selectCurrentAnnouncements(news, now);
}

export function pageCount(total: number): number {
  return pageCountOf(total, NEWS_PAGE_SIZE);
}

export function pageSlice<T>(items: T[], page: number): T[] {
  return pageItems(items, page, NEWS_PAGE_SIZE);
}
