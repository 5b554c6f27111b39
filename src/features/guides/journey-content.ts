/** The journey of one language, built from its published guides. */
import { published, slugOf } from '~/platform/content/content.ts';
import { buildJourney, type Journey } from './journey.ts';
import type { Locale } from '~/schemas/shared.ts';

export async function journeyFor(locale: Locale): Promise<Journey> {
  const guides = await published('panduan', locale);
  return buildJourney(
    guides.map((entry) => ({
      slug: slugOf(entry),
      title: entry.data.title,
      stage: entry.data.stage,
      order: entry.data.order,
      step: entry.data.step,
      draft: entry.data.draft,
      needsCheck: entry.data.needsCheck.length,
    })),
  );
}
