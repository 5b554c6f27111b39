/**
 * Local wall-clock times in an IANA zone, turned into instants with Intl alone (no date library).
 * Sessions are stored as "2026-12-05T08:00" plus a zone, because that is what editors read on a
 * poster; every comparison with "now" happens on the instant this module derives from them.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const partsCache = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** Minutes the zone is ahead of UTC at an instant (+420 for WIB, +480 for WITA). */
export function offsetMinutes(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const p: Record<string, number> = {};
  for (const part of zoneFormatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    p['year']!,
    p['month']! - 1,
    p['day']!,
    p['hour']!,
    p['minute']!,
    p['second']!,
  );
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time names in a zone. Two passes settle the offset even across a
 * daylight-saving change (Indonesia has none, but the function should not lie for other zones).
 */
export function localToInstant(local: string, timeZone: string): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`Not a local date-time (YYYY-MM-DDTHH:mm): "${local}"`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess);
}

function pad(n: number): string {
  return String(Math.abs(n)).padStart(2, '0');
}

/** "+08:00" for an offset of 480 minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** ISO 8601 with the zone's offset: "2026-12-05T08:00:00+08:00". */
export function localToIso(local: string, timeZone: string): string {
  const offset = offsetMinutes(localToInstant(local, timeZone), timeZone);
  return `${local}:00${formatOffset(offset)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * Creating an Intl formatter is costly (a build of 1,000 entries spent 3 s on it); a catalogue of
 * thousands of sessions and dates reuses a few, one per language and options.
 */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** "Sabtu, 5 Desember 2026" (id) or "Saturday 5 December 2026" (en), the day in the session's zone. */
export function formatLongDay(instant: Date, intlLocale: string, timeZone: string): string {
  return dateTimeFormat(intlLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(instant);
}

/** "08.00" (id) or "08:00" (en), the clock time in the session's zone. */
export function formatClock(instant: Date, intlLocale: string, timeZone: string): string {
  return dateTimeFormat(intlLocale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(instant);
}

/** "2026-12" month key of an instant in a zone, for grouping by month. */
export function monthKey(instant: Date, timeZone: string): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(instant)
    .slice(0, 7);
}

/** "Desember 2026" for a "2026-12" month key. */
export function formatMonth(key: string, intlLocale: string): string {
  const [y, m] = key.split('-').map(Number);
  return dateTimeFormat(intlLocale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, 15)));
}
