/** The incremental build's page keys: the same inputs give the same key, any change another. */
import { describe, expect, it } from 'vitest';
import { entryDigest, pageKey, siteDay } from '~/platform/content/page-key.ts';

describe('pageKey', () => {
  it('is the same for the same parts, built again', () => {
    const parts = () => [{ siteName: 'Situs' }, 'digest-1', { id: '/berita/a/' }, null];
    expect(pageKey(...parts())).toBe(pageKey(...parts()));
  });

  it('changes when any part changes, including a date or the order of a list', () => {
    const base = pageKey('a', ['x', 'y'], new Date('2026-11-30T00:00:00Z'));
    expect(pageKey('b', ['x', 'y'], new Date('2026-11-30T00:00:00Z'))).not.toBe(base);
    expect(pageKey('a', ['y', 'x'], new Date('2026-11-30T00:00:00Z'))).not.toBe(base);
    expect(pageKey('a', ['x', 'y'], new Date('2026-11-30T00:00:01Z'))).not.toBe(base);
  });

  it('tells a missing part from an empty one', () => {
    expect(pageKey('a', null)).not.toBe(pageKey('a', ''));
    expect(pageKey(['a', 'b'])).not.toBe(pageKey(['a,b']));
  });
});

describe('siteDay', () => {
  it('is the calendar day in the site zone, not in UTC', () => {
    // 18:30 UTC is already the next day in Jakarta (UTC+7) and Jayapura (UTC+9).
    const instant = new Date('2026-11-30T18:30:00Z');
    expect(siteDay(instant, 'Asia/Jakarta')).toBe('2026-12-01');
    expect(siteDay(new Date('2026-11-30T16:59:00Z'), 'Asia/Jakarta')).toBe('2026-11-30');
    expect(siteDay(new Date('2026-11-30T15:00:00Z'), 'Asia/Jayapura')).toBe('2026-12-01');
  });
});

describe('entryDigest', () => {
  it("is the loader's digest when there is one", () => {
    expect(entryDigest({ id: 'id/a', digest: 'abc', data: {} })).toBe('abc');
  });

  it('follows the data and the body otherwise', () => {
    const a = entryDigest({ id: 'id/a', data: { title: 'A' }, body: 'isi' });
    expect(entryDigest({ id: 'id/a', data: { title: 'A' }, body: 'isi' })).toBe(a);
    expect(entryDigest({ id: 'id/a', data: { title: 'B' }, body: 'isi' })).not.toBe(a);
    expect(entryDigest({ id: 'id/a', data: { title: 'A' }, body: 'isi lain' })).not.toBe(a);
  });
});
