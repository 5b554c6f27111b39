/** /pelatihan/<slug>.ics: a subscribable calendar of one course's sessions. */
import type { APIRoute } from 'astro';
import { catalogue } from '~/features/training/catalogue.ts';
import { calendarResponse } from '~/features/training/calendar-endpoint.ts';

export async function getStaticPaths() {
  const { courses } = await catalogue();
  return courses.map((course) => ({
    params: { lang: undefined, slug: course.slug },
    props: { course },
  }));
}

export const GET: APIRoute = async ({ props }) => {
  const { sessionsOf } = await catalogue();
  return calendarResponse(sessionsOf.get(props['course'].slug) ?? [], props['course'].data.title);
};
