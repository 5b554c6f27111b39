/** News ordering and pagination shared by the index pages, the RSS feed and the home page. */
import type { CollectionEntry } from 'astro:content';
import { buildNow, published } from './content.ts';
import type { Locale } from '../schemas/shared.ts';

export const NEWS_PAGE_SIZE = 10;

export async function newsNewestFirst(locale: Locale): Promise<CollectionEntry<'berita'>[]> {
  return (await published('berita', locale)).sort(
    (a, b) => b.data.date.getTime() - a.data.date.getTime(),
  );
}

/** Announcements still running at `now`: shown first on the home page and programme pages. */
export function currentAnnouncements(
  news: CollectionEntry<'berita'>[],
  now: Date = buildNow(),
): CollectionEntry<'berita'>[] {
  return news.filter(
    (n) =>
      n.data.kind === 'pengumuman' && (!n.data.until || n.data.until.getTime() >= now.getTime()),
  );
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE));
}

export function pageSlice<T>(items: T[], page: number): T[] {
  return items.slice((page - 1) * NEWS_PAGE_SIZE, page * NEWS_PAGE_SIZE);
}
