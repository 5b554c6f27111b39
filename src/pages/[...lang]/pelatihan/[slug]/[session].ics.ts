/** /pelatihan/<slug>/<session>.ics: one session, for "Tambah ke kalender". */
import type { APIRoute } from 'astro';
import { catalogue } from '~/features/training/catalogue.ts';
import { calendarResponse } from '~/features/training/calendar-endpoint.ts';
import { courseKey } from '~/platform/content/page-keys.ts';
import { DEFAULT_LOCALE } from '~/model/languages.ts';

export async function getStaticPaths() {
  const { sessions } = await catalogue();
  // Keyed like the session's page (see [slug].ics.ts).
  return Promise.all(
    sessions.map(async (v) => ({
      params: { lang: undefined, slug: v.course.slug, session: v.id },
      props: { view: v },
      cacheKey: await courseKey(v.course.slug, DEFAULT_LOCALE, v.id),
    })),
  );
}

export const GET: APIRoute = ({ props }) =>
  calendarResponse([props['view']], props['view'].course.data.title);
