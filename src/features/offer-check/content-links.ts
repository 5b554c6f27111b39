/**
 * What the job-offer check links to, looked up in the content at build time: guides in the
 * reader's language when translated (else the Indonesian one), and the complaint line whose
 * contacts are printed with the verdict. A missing entry fails the build naming what is missing.
 */
import type { CollectionEntry } from 'astro:content';
import { published, slugOf } from '~/platform/content/content.ts';
import { localePath } from '~/platform/i18n/i18n.ts';
import type { Locale } from '~/schemas/shared.ts';
import { NEXT_STEPS, QUESTIONS } from './questions.ts';

export interface GuideLink {
  href: string;
  title: string;
}

const DATA_FILE = 'src/features/offer-check/questions.ts';

/** A guide by slug in the reader's language, else in Indonesian; throws when neither exists. */
export async function guideLink(locale: Locale, slug: string): Promise<GuideLink> {
  for (const lang of [locale, 'id'] as const) {
    const found = (await published('panduan', lang)).find((g) => slugOf(g) === slug);
    if (found) return { href: localePath(lang, `/panduan/${slug}/`), title: found.data.title };
  }
  throw new Error(
    `${DATA_FILE}: panduan "${slug}" tidak ditemukan di content/panduan/id/. Perbaiki nama panduan atau terbitkan panduannya.`,
  );
}

/** Every guide the check links to, by slug. */
export async function offerGuides(locale: Locale): Promise<Record<string, GuideLink>> {
  const slugs = new Set<string>([
    NEXT_STEPS.checkCompany,
    NEXT_STEPS.complain,
    NEXT_STEPS.signs,
    ...QUESTIONS.flatMap((q) => (q.guide ? [q.guide] : [])),
  ]);
  const out: Record<string, GuideLink> = {};
  for (const slug of slugs) out[slug] = await guideLink(locale, slug);
  return out;
}

/** The complaint line shown with the verdict, in the reader's language when translated. */
export async function hotline(locale: Locale): Promise<CollectionEntry<'layanan'>> {
  for (const lang of [locale, 'id'] as const) {
    const found = (await published('layanan', lang)).find((s) => slugOf(s) === NEXT_STEPS.hotline);
    if (found) return found;
  }
  throw new Error(
    `${DATA_FILE}: NEXT_STEPS.hotline: tempat layanan "${NEXT_STEPS.hotline}" tidak ditemukan di content/layanan/id/.`,
  );
}
