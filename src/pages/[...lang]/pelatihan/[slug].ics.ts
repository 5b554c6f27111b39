/** /pelatihan/<slug>.ics: a subscribable calendar of one course's sessions. */
import type { APIRoute } from 'astro';
import { catalogue } from '~/features/training/catalogue.ts';
import { calendarResponse } from '~/features/training/calendar-endpoint.ts';
import { courseKey } from '~/platform/content/page-keys.ts';
import { DEFAULT_LOCALE } from '~/model/languages.ts';

export async function getStaticPaths() {
  const { courses } = await catalogue();
  // Keyed like the course page: on a day when neither the course nor its sessions' states
  // changed, last build's file is kept (its DTSTAMP then says when it was first written).
  return Promise.all(
    courses.map(async (course) => ({
      params: { lang: undefined, slug: course.slug },
      props: { course },
      cacheKey: await courseKey(course.slug, DEFAULT_LOCALE),
    })),
  );
}

export const GET: APIRoute = async ({ props }) => {
  const { sessionsOf } = await catalogue();
  return calendarResponse(sessionsOf.get(props['course'].slug) ?? [], props['course'].data.title);
};
