/**
 * The `cacheKey` of an entry page for Astro's incremental build (`experimental.incrementalBuild`):
 * when a page's key and its code are the same as in the previous build, Astro leaves the page it
 * rendered then in the output instead of rendering it again. So a key must change whenever
 * anything the page shows changes — not only its own entry, but the settings, the alternates, the
 * programme it links to, the sessions and their statuses. Pure: the route helpers
 * (src/platform/content/page-keys.ts) collect the parts, this hashes them.
 */
import { createHash } from 'node:crypto';
import { isoDay } from '../i18n/dates.ts';

/** A short, stable hash of everything a page shows (Dates as ISO text, undefined left out). */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}

/**
 * The calendar day of `now` in the site's zone, "2026-11-30": a page that says what is coming
 * or what is past must be rendered again at least once a day.
 */
export const siteDay: (now: Date, timeZone: string) => string = isoDay;

/** An entry's own content: the loader's digest, or its data and body when a loader gives none. */
export function entryDigest(entry: {
  id: string;
  digest?: string | number | undefined;
  data: unknown;
  body?: string | undefined;
}): string {
  return entry.digest === undefined ? pageKey(entry.id, entry.data, entry.body) : String(entry.digest);
}
