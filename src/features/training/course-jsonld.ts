/**
 * schema.org Course + CourseInstance for a course page, so search engines can show its sessions.
 * `jsonLdScript` escapes "<" so that no string from content can close the surrounding <script>.
 */
import { statusRow } from '../../model/session-statuses.ts';
import { statusAt, type CourseRef, type SessionView } from './sessions.ts';

const COURSE_MODE = { 'tatap-muka': 'onsite', daring: 'online', campuran: 'blended' } as const;

function location(v: SessionView): Record<string, unknown> | undefined {
  const venue = v.session.venue;
  const place = venue && {
    '@type': 'Place',
    name: venue.name,
    address: {
      '@type': 'PostalAddress',
      ...(venue.address && { streetAddress: venue.address }),
      addressLocality: [venue.desa, venue.kecamatan].filter(Boolean).join(', '),
      addressRegion: venue.kabupaten,
      addressCountry: 'ID',
    },
    ...(venue.lat !== undefined &&
      venue.lng !== undefined && {
        geo: { '@type': 'GeoCoordinates', latitude: venue.lat, longitude: venue.lng },
      }),
  };
  const online = v.session.onlineUrl && { '@type': 'VirtualLocation', url: v.session.onlineUrl };
  if (place && online) return [place, online] as unknown as Record<string, unknown>;
  return place || online || undefined;
}

export function courseJsonLd(
  course: CourseRef,
  sessions: SessionView[],
  pageUrl: string,
  now: Date,
): Record<string, unknown> {
  const c = course.data;
  const free = c.cost === 'gratis' || c.cost === 0;
  const price = c.cost === 'gratis' ? 0 : c.cost;
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: c.title,
    description: c.summary,
    url: pageUrl,
    inLanguage: c.language,
    isAccessibleForFree: free,
    about: c.topics,
    teaches: c.outcomes.length > 0 ? c.outcomes : undefined,
    coursePrerequisites: c.requirements.length > 0 ? c.requirements : undefined,
    provider: { '@type': 'Organization', name: c.provider },
    offers: { '@type': 'Offer', category: free ? 'Free' : 'Paid', price, priceCurrency: 'IDR' },
    hasCourseInstance: sessions.map((v) => {
      const status = statusAt(v, now);
      return {
        '@type': 'CourseInstance',
        '@id': `${pageUrl}#sesi-${v.id}`,
        courseMode: COURSE_MODE[v.session.mode],
        startDate: v.startIso,
        endDate: v.endIso,
        eventStatus: `https://schema.org/${statusRow(status).eventStatus}`,
        location: location(v),
        inLanguage: c.language,
        isAccessibleForFree: free,
        maximumAttendeeCapacity: v.session.capacity,
        remainingAttendeeCapacity: status === 'penuh' ? 0 : v.session.seatsLeft,
        offers: {
          '@type': 'Offer',
          price,
          priceCurrency: 'IDR',
          validThrough: v.deadlineIso,
          url: v.session.registration.url ?? pageUrl,
          availability: statusRow(status).bookable
            ? 'https://schema.org/InStock'
            : 'https://schema.org/SoldOut',
        },
      };
    }),
  };
}

/** JSON for a <script type="application/ld+json">; "<" becomes \u003c so "</script>" cannot appear. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
