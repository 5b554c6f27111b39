/** News ordering and pagination shared by the index pages, the RSS feed and the home page. */
import type { CollectionEntry } from 'astro:content';
import { pageCount as pageCountOf, pageItems } from '~/platform/content/pagination.ts';
import { buildNow, published } from '~/platform/content/content.ts';
import { selectCurrentAnnouncements, sortNewestFirst } from './news-select.ts';
import type { Locale } from '~/schemas/shared.ts';

export {
  isCurrentAnnouncement,
  selectForProgram,
  selectHighlights,
  sortNewestFirst,
} from './news-select.ts';

export const NEWS_PAGE_SIZE = 10;

export async function newsNewestFirst(locale: Locale): Promise<CollectionEntry<'berita'>[]> {
  return sortNewestFirst(await published('berita', locale));
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
