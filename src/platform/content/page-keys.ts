/**
 * What each kind of entry page shows besides its own entry, and what the later pages of the lists
 * (news, catalogue, schedule and their filters) show, as a `cacheKey` for Astro's
 * incremental build (see page-key.ts). Every part here is something the page prints or links:
 * when one changes, the page is rendered again; when none does, Astro reuses last build's page.
 * A page's code (templates, components, src/i18n/*.json) is tracked by Astro itself.
 */
import type { CollectionEntry } from 'astro:content';
import { buildNow, entryAlternates, getSettings, published, slugOf } from './content.ts';
import { entryDigest, pageKey, siteDay } from './page-key.ts';
import { mediaImage } from './media.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { catalogue, courseEntries, scheduleLists } from '~/features/training/catalogue.ts';
import { statusAt, type SessionView } from '~/features/training/sessions.ts';
import { newsNewestFirst, selectForProgram } from '~/features/news/news.ts';
import { hotline, offerGuides } from '~/features/offer-check/content-links.ts';
import type { Locale } from '~/schemas/shared.ts';

let site: Promise<string> | undefined;

/**
 * What every page shows: the settings (header, footer, zone of every date) and the published
 * programmes (their names label links and search filters on news, courses and guides); and
 * whether pages carry the audio player (MIGRASI_LISTEN=off builds them without, for the
 * development search index: a later build with the same cache must not reuse those pages).
 */
function siteKey(): Promise<string> {
  site ??= (async () =>
    pageKey(
      await getSettings(),
      (await published('program')).map((p) => [p.id, entryDigest(p)]),
      process.env['MIGRASI_LISTEN'] === 'off' ? 'without audio' : 'with audio',
    ))();
  return site;
}

/** The published entries of a collection in one language: their ids and content. */
async function collectionKey(collection: 'panduan', locale: Locale): Promise<string> {
  return pageKey((await published(collection, locale)).map((e) => [e.id, entryDigest(e)]));
}

/** Sessions as a page shows them at build time: which, and in which state. */
function sessionsKey(views: readonly SessionView[], now: Date) {
  return views.map((v) => [v.course.slug, v.id, statusAt(v, now), v.end.getTime() <= now.getTime()]);
}

/**
 * The bytes of an uploaded picture, which change when the picture is replaced under the same
 * name. Not the image's `src`: reading it tells Astro the original is used, and the camera
 * original would then be published beside the small WebP that readers get.
 */
function mediaKey(src: string, entryFile: string): string {
  mediaImage(src, entryFile); // the entry names an uploaded file, or the error naming the entry
  const file = `src/assets/media/${src.replace(/^\/media\//, '')}`;
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export async function newsKey(entry: CollectionEntry<'berita'>): Promise<string> {
  return pageKey(
    await siteKey(),
    entryDigest(entry),
    await entryAlternates('berita', entry, '/berita/'),
    entry.data.image ? mediaKey(entry.data.image.src, entry.filePath ?? entry.id) : null,
  );
}

/** A guide lists its neighbours on the journey and its related guides by title. */
export async function guideKey(entry: CollectionEntry<'panduan'>, locale: Locale): Promise<string> {
  return pageKey(
    await siteKey(),
    entryDigest(entry),
    await entryAlternates('panduan', entry, '/panduan/'),
    await collectionKey('panduan', locale),
  );
}

/** A programme lists its news and announcements (which run out by date) and its next sessions. */
export async function programKey(entry: CollectionEntry<'program'>, locale: Locale): Promise<string> {
  const now = buildNow();
  const slug = slugOf(entry);
  const news = selectForProgram(await newsNewestFirst(locale), slug, now);
  const { upcoming } = await scheduleLists();
  const { timezone } = await getSettings();
  return pageKey(
    await siteKey(),
    entryDigest(entry),
    await entryAlternates('program', entry, '/program/'),
    [news.announcements, news.news].map((list) => list.map((n) => [n.id, entryDigest(n)])),
    sessionsKey(
      upcoming.filter((v) => !v.course.data.example && v.course.data.program === slug),
      now,
    ),
    siteDay(now, timezone),
  );
}

let courses: Promise<Map<string, string>> | undefined;

/** The content of every course by slug (sessions are part of their course's file). */
function courseDigests(): Promise<Map<string, string>> {
  courses ??= courseEntries().then((list) => new Map(list.map((e) => [slugOf(e), entryDigest(e)])));
  return courses;
}

/**
 * A course page and its sessions' pages show the course, the status of its sessions (which
 * changes with the clock: registration closes, a session starts and ends) and the day.
 */
export async function courseKey(slug: string, locale: Locale, session?: string): Promise<string> {
  const now = buildNow();
  const { sessionsOf } = await catalogue();
  const { timezone } = await getSettings();
  return pageKey(
    await siteKey(),
    locale,
    (await courseDigests()).get(slug),
    session ?? null,
    sessionsKey(sessionsOf.get(slug) ?? [], now),
    siteDay(now, timezone),
  );
}

let training: Promise<string> | undefined;

/**
 * The course catalogue, the schedule, its archive and their filter pages list every course and
 * session in its state at build time: one key for all of them, made once per build.
 */
function trainingKey(): Promise<string> {
  training ??= (async () => {
    const now = buildNow();
    const { sessionsOf } = await catalogue();
    const { timezone } = await getSettings();
    return pageKey(
      await siteKey(),
      [...(await courseDigests())],
      [...sessionsOf.values()].map((views) => sessionsKey(views, now)),
      siteDay(now, timezone),
    );
  })();
  return training;
}

/**
 * Static paths of a page of the training lists (`list` names which: "pelatihan", "jadwal",
 * "jadwal/arsip"), each with its key: the lists' key and the page's own params (language,
 * filter, page number), so a news item published does not render the ~400 filter pages again.
 */
export async function withTrainingKeys<P extends { params: object }>(
  list: string,
  paths: readonly P[],
): Promise<(P & { cacheKey: string })[]> {
  const lists = await trainingKey();
  return paths.map((path) => ({ ...path, cacheKey: pageKey(lists, list, path.params) }));
}

/** A later page of the news list shows its items, its number and how many pages there are. */
export async function newsListKey(
  locale: Locale,
  page: number,
  pages: number,
  items: readonly CollectionEntry<'berita'>[],
): Promise<string> {
  return pageKey(
    await siteKey(),
    locale,
    page,
    pages,
    items.map((n) => [n.id, entryDigest(n)]),
  );
}

/** A part of the printable booklet shows the guides of its language, as the guide pages do. */
export async function bookletKey(locale: Locale, part: number, parts: number): Promise<string> {
  return pageKey(await siteKey(), await collectionKey('panduan', locale), part, parts);
}

/**
 * A page of the job-offer check without JavaScript links its guides by title and prints the
 * complaint line with the verdict (src/features/offer-check/content-links.ts); its questions
 * and wording are code. The same for every question and answer of a language.
 */
export async function offerCheckKey(locale: Locale): Promise<string> {
  const line = await hotline(locale);
  return pageKey(await siteKey(), await offerGuides(locale), [line.id, entryDigest(line)]);
}
