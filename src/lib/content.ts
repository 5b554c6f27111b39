/**
 * Reading published content. Every page gets entries through these helpers, so drafts, entries of
 * the other language and news dated in the future never reach a page by accident.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { EntryCollectionName } from '../schemas/index.ts';
import type { Locale } from '../schemas/shared.ts';

/** Entry ids are "<locale>/<slug>", from the folder layout content/<collection>/<locale>/<slug>.mdx. */
export function splitId(id: string): { locale: Locale; slug: string } {
  const [locale, slug, ...rest] = id.split('/');
  if ((locale !== 'id' && locale !== 'en') || !slug || rest.length > 0) {
    throw new Error(
      `Entry "${id}" must be stored as content/<collection>/id/<slug>.mdx or content/<collection>/en/<slug>.mdx`,
    );
  }
  return { locale, slug };
}

export const slugOf = (entry: { id: string }) => splitId(entry.id).slug;
export const localeOf = (entry: { id: string }) => splitId(entry.id).locale;

/** The instant the build treats as "now"; BUILD_NOW lets tests and previews pin it. */
export function buildNow(): Date {
  const pinned = process.env['BUILD_NOW'];
  return pinned ? new Date(pinned) : new Date();
}

function isPublished(entry: { data: { draft: boolean; date?: Date } }, now: Date): boolean {
  if (entry.data.draft) return false;
  if (entry.data.date instanceof Date && entry.data.date.getTime() > now.getTime()) return false;
  return true;
}

/** Published entries of one collection in one locale (all locales when `locale` is omitted). */
export async function published<C extends EntryCollectionName>(
  collection: C,
  locale?: Locale,
): Promise<CollectionEntry<C>[]> {
  const now = buildNow();
  const all = await getCollection(collection);
  return all.filter(
    (entry) =>
      isPublished(entry as never, now) && (locale === undefined || localeOf(entry) === locale),
  ) as CollectionEntry<C>[];
}

/** The same entry in the other language, when it exists and is published. */
export async function translationOf<C extends EntryCollectionName>(
  collection: C,
  entry: CollectionEntry<C>,
  locale: Locale,
): Promise<CollectionEntry<C> | undefined> {
  const slug = slugOf(entry);
  return (await published(collection, locale)).find((other) => slugOf(other) === slug);
}

export async function getSettings() {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('content/settings/site.yaml is missing');
  return entry.data;
}
