import { describe, expect, it } from 'vitest';
import {
  allSessions,
  facetOptions,
  nextSession,
  pastSessions,
  upcomingSessions,
} from '~/features/training/sessions.ts';
import { CourseSchema } from '~/schemas/pelatihan.ts';
import { courseInput, sessionInput } from './catalogue-fixtures.ts';

const course = (slug: string, sessions: Record<string, unknown>[]) => ({
  slug,
  data: CourseSchema.parse(courseInput({ sessions })),
});

describe('session lists', () => {
  const list = allSessions(
    [
      course('wib', [
        sessionInput({ id: 'pagi', start: '2027-02-20T08:00', end: '2027-02-20T10:00' }),
      ]),
      course('wita', [
        sessionInput({
          id: 'pagi',
          start: '2027-02-20T08:00',
          end: '2027-02-20T10:00',
          timezone: 'Asia/Makassar',
        }),
        sessionInput({
          id: 'lalu',
          start: '2026-10-01T08:00',
          end: '2026-10-01T10:00',
          deadline: '2026-09-30',
        }),
      ]),
    ],
    'Asia/Jakarta',
  );

  it('orders by instant across zones: 08.00 WITA comes before 08.00 WIB', () => {
    expect(list.map((v) => `${v.course.slug}/${v.id}`)).toEqual([
      'wita/lalu',
      'wita/pagi',
      'wib/pagi',
    ]);
  });

  it('keeps a session upcoming until its end instant, then archives it newest first', () => {
    const end = list[1]!.end;
    expect(upcomingSessions(list, new Date(end.getTime() - 1)).map((v) => v.course.slug)).toEqual([
      'wita',
      'wib',
    ]);
    expect(pastSessions(list, end).map((v) => v.id)).toEqual(['pagi', 'lalu']);
  });

  it('uses the zone from settings when a session has none', () => {
    expect(list.find((v) => v.course.slug === 'wib')!.startIso).toBe('2027-02-20T08:00:00+07:00');
  });
});

describe('filter options', () => {
  it('offer every value, however many', () => {
    const records = Array.from({ length: 500 }, (_, i) => ({ topik: [`topik ${i}`, 'usaha'] }));
    const options = facetOptions(records);
    expect(options.topik).toHaveLength(501);
    expect(options.kecamatan).toEqual([]);
  });

  it('offer a single value when some items lack it (one programme among courses without one)', () => {
    const options = facetOptions([{ program: ['pak-camat-pmi'] }, { program: [] }]);
    expect(options.program).toEqual(['pak-camat-pmi']);
  });

  it('leave out a facet whose only value every item has: it would filter nothing', () => {
    const options = facetOptions([{ cara: ['daring'] }, { cara: ['daring'] }]);
    expect(options.cara).toEqual([]);
  });
});

describe('next session of a course', () => {
  it('skips cancelled and postponed sessions, unless there is nothing else', () => {
    const v = (id: string, status?: string) =>
      ({ id, session: { status } }) as unknown as Parameters<typeof nextSession>[0][number];
    expect(nextSession([v('a', 'dibatalkan'), v('b', 'ditunda'), v('c'), v('d')])?.id).toBe('c');
    expect(nextSession([v('a', 'penuh'), v('b')])?.id).toBe('a');
    expect(nextSession([v('a', 'dibatalkan')])?.id).toBe('a');
    expect(nextSession([])).toBeUndefined();
  });
});
