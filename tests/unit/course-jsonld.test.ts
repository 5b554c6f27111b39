import { describe, expect, it } from 'vitest';
import { courseJsonLd, jsonLdScript } from '~/features/training/course-jsonld.ts';
import { sessionsOf } from '~/features/training/sessions.ts';
import { CourseSchema } from '~/schemas/pelatihan.ts';
import { courseInput, sessionInput } from './catalogue-fixtures.ts';

const now = new Date('2026-11-22T10:00:00Z');
const url = 'https://migrasi-aman.netlify.app/pelatihan/uji/';

function ld(overrides: Record<string, unknown> = {}) {
  const data = CourseSchema.parse(courseInput(overrides));
  const course = { slug: 'uji', data };
  return courseJsonLd(course, sessionsOf(course, 'Asia/Jakarta'), url, now) as {
    hasCourseInstance: Record<string, unknown>[];
  } & Record<string, unknown>;
}

describe('Course JSON-LD', () => {
  it('describes the course and each session as a CourseInstance with offsets', () => {
    const data = ld({
      sessions: [sessionInput({ seatsLeft: 12, timezone: 'Asia/Makassar' })],
    });
    expect(data['@type']).toBe('Course');
    expect(data['isAccessibleForFree']).toBe(true);
    const [instance] = data.hasCourseInstance;
    expect(instance).toMatchObject({
      '@type': 'CourseInstance',
      courseMode: 'onsite',
      startDate: '2026-12-05T08:00:00+08:00',
      endDate: '2026-12-06T15:00:00+08:00',
      eventStatus: 'https://schema.org/EventScheduled',
      maximumAttendeeCapacity: 30,
      remainingAttendeeCapacity: 12,
      inLanguage: 'id',
      location: { '@type': 'Place', name: 'Balai Desa Contoh' },
      offers: { price: 0, priceCurrency: 'IDR' },
    });
  });

  it('marks cancelled and postponed sessions, online mode and a paid course', () => {
    const data = ld({
      cost: 150000,
      sessions: [
        sessionInput({ id: 'a', status: 'dibatalkan' }),
        sessionInput({
          id: 'b',
          status: 'ditunda',
          mode: 'daring',
          venue: undefined,
          onlineUrl: 'https://example.org/kelas',
        }),
      ],
    });
    expect(data['isAccessibleForFree']).toBe(false);
    const [a, b] = data.hasCourseInstance;
    expect(a!['eventStatus']).toBe('https://schema.org/EventCancelled');
    expect(b!['eventStatus']).toBe('https://schema.org/EventPostponed');
    expect(b!['courseMode']).toBe('online');
    expect(b!['location']).toEqual({
      '@type': 'VirtualLocation',
      url: 'https://example.org/kelas',
    });
    expect(a!['offers']).toMatchObject({ price: 150000, priceCurrency: 'IDR' });
  });

  it('cannot be closed by a hostile title inside <script>', () => {
    const text = jsonLdScript(ld({ title: 'Kursus </script><script>alert(1)</script>' }));
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe('Kursus </script><script>alert(1)</script>');
  });
});
