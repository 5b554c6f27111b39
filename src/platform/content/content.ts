/**
 * Reading published content. Every page gets entries through these helpers, so drafts, entries of
 * the other language and news dated in the future never reach a page by accident.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { EntryCollectionName } from '~/schemas/index.ts';
import {
  LOCALES,
  isLocale,
  localePath,
  type Alternates,
  type Locale,
} from '~/model/languages.ts';

/** Entry ids are "<locale>/<slug>", from the folder layout content/<collection>/<locale>/<slug>.mdx. */
export function splitId(id: string): { locale: Locale; slug: string } {
  const [locale, slug, ...rest] = id.split('/');
  if (locale === undefined || !isLocale(locale) || !slug || rest.length > 0) {
    throw new Error(
      `Entry "${id}" must be stored as content/<collection>/<locale>/<slug>.mdx, <locale> one of ${LOCALES.join(', ')}`,
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

async function loadPublished<C extends EntryCollectionName>(
  collection: C,
  locale: Locale | undefined,
): Promise<CollectionEntry<C>[]> {
  const now = buildNow();
  const all = await getCollection(collection);
  return all.filter(
    (entry) =>
      isPublished(entry as never, now) && (locale === undefined || localeOf(entry) === locale),
  ) as CollectionEntry<C>[];
}

/**
 * During a build the content store never changes, but every entry page asks for whole collections
 * (translationOf() on each guide, programme and news item), and getCollection() copies every entry
 * on each call: without this cache a build does pages × entries work (measured with
 * `npm run bench`). The dev server reloads content, so it always reads afresh.
 */
const memo = new Map<string, Promise<unknown>>();
/** `load()` once per build under `key` (every time in the dev server); what it holds is shared. */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!import.meta.env.PROD) return load();
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    memo.set(key, hit);
  }
  return hit;
}

/** Published entries of one collection in one locale (all locales when `locale` is omitted). */
export async function published<C extends EntryCollectionName>(
  collection: C,
  locale?: Locale,
): Promise<CollectionEntry<C>[]> {
  // A copy: pages sort the list they get, and must not reorder the cached one.
  return [
    ...(await cached(`published:${collection}:${locale ?? '*'}`, () =>
      loadPublished(collection, locale),
    )),
  ];
}

/** The same entry in the other language, when it exists and is published. */
export async function translationOf<C extends EntryCollectionName>(
  collection: C,
  entry: { id: string },
  locale: Locale,
): Promise<CollectionEntry<C> | undefined> {
  const bySlug = await cached(
    `slugs:${collection}:${locale}`,
    async () => new Map((await published(collection, locale)).map((e) => [slugOf(e), e])),
  );
  return bySlug.get(slugOf(entry));
}

/** Paths of an entry's page in every language it is published in (a translation shares the file name). */
export async function entryAlternates<C extends EntryCollectionName>(
  collection: C,
  entry: { id: string },
  base: string,
): Promise<Alternates> {
  const alternates: Alternates = {};
  for (const locale of LOCALES) {
    if (await translationOf(collection, entry, locale)) {
      alternates[locale] = localePath(locale, `${base}${slugOf(entry)}/`);
    }
  }
  return alternates;
}

export async function getSettings() {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('content/settings/site.yaml is missing');
  return entry.data;
}
