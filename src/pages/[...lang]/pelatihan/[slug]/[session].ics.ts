/** /pelatihan/<slug>/<session>.ics: one session, for "Tambah ke kalender". */
import type { APIRoute } from 'astro';
import { catalogue } from '~/features/training/catalogue.ts';
import { calendarResponse } from '~/features/training/calendar-endpoint.ts';

export async function getStaticPaths() {
  const { sessions } = await catalogue();
  return sessions.map((v) => ({
    params: { lang: undefined, slug: v.course.slug, session: v.id },
    props: { view: v },
  }));
}

export const GET: APIRoute = ({ props }) =>
  calendarResponse([props['view']], props['view'].course.data.title);
