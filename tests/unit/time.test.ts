import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatLongDay,
  localToInstant,
  localToIso,
  offsetMinutes,
} from '~/platform/i18n/time.ts';

describe('local date-time + IANA zone → instant', () => {
  it('reads 08:00 in WIB, WITA and WIT as three different instants', () => {
    expect(localToInstant('2026-12-05T08:00', 'Asia/Jakarta').toISOString()).toBe(
      '2026-12-05T01:00:00.000Z',
    );
    expect(localToInstant('2026-12-05T08:00', 'Asia/Makassar').toISOString()).toBe(
      '2026-12-05T00:00:00.000Z',
    );
    expect(localToInstant('2026-12-05T08:00', 'Asia/Jayapura').toISOString()).toBe(
      '2026-12-04T23:00:00.000Z',
    );
  });

  it('puts midnight WITA on the previous UTC day and before midnight WIB', () => {
    const wita = localToInstant('2027-01-01T00:00', 'Asia/Makassar');
    const wib = localToInstant('2027-01-01T00:00', 'Asia/Jakarta');
    expect(wita.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(wib.getTime() - wita.getTime()).toBe(60 * 60 * 1000);
  });

  it('writes ISO 8601 with the zone offset', () => {
    expect(localToIso('2026-12-05T08:00', 'Asia/Jakarta')).toBe('2026-12-05T08:00:00+07:00');
    expect(localToIso('2026-12-05T08:00', 'Asia/Makassar')).toBe('2026-12-05T08:00:00+08:00');
    expect(localToIso('2026-12-05T08:00', 'Asia/Jayapura')).toBe('2026-12-05T08:00:00+09:00');
  });

  it('handles a zone with daylight saving time on both sides of the change', () => {
    // Europe/Berlin: CET (+1) in January, CEST (+2) in July.
    expect(
      offsetMinutes(localToInstant('2027-01-15T12:00', 'Europe/Berlin'), 'Europe/Berlin'),
    ).toBe(60);
    expect(localToInstant('2027-07-15T12:00', 'Europe/Berlin').toISOString()).toBe(
      '2027-07-15T10:00:00.000Z',
    );
  });

  it('refuses a string that is not a local date-time', () => {
    expect(() => localToInstant('2026-12-05T08:00+07:00', 'Asia/Jakarta')).toThrow();
  });
});

describe('formatting', () => {
  it('shows the Indonesian day with weekday and the clock with a dot', () => {
    const start = localToInstant('2026-12-05T08:00', 'Asia/Makassar');
    expect(formatLongDay(start, 'id-ID', 'Asia/Makassar')).toBe('Sabtu, 5 Desember 2026');
    expect(formatClock(start, 'id-ID', 'Asia/Makassar')).toBe('08.00');
  });

  it('shows the day of the session zone, not of the computer', () => {
    const lateWit = localToInstant('2026-12-05T23:30', 'Asia/Jayapura');
    expect(formatLongDay(lateWit, 'id-ID', 'Asia/Jayapura')).toBe('Sabtu, 5 Desember 2026');
    expect(formatClock(lateWit, 'id-ID', 'Asia/Jayapura')).toBe('23.30');
  });
});

describe('site dates follow the zone they are given (settings.timezone)', () => {
  it('names the calendar day in that zone', async () => {
    const { formatDay, isoDay } = await import('~/platform/i18n/dates.ts');
    const lateEvening = new Date('2024-07-26T16:30:00Z'); // 23.30 WIB, 01.30 WIT the next day
    expect(formatDay(lateEvening, 'id', 'Asia/Jakarta')).toBe('26 Juli 2024');
    expect(formatDay(lateEvening, 'id', 'Asia/Jayapura')).toBe('27 Juli 2024');
    expect(isoDay(lateEvening, 'Asia/Jayapura')).toBe('2024-07-27');
  });
});
