/**
 * Link-preview images (Open Graph / Twitter), rendered at build time (see src/platform/cards/og-image.ts):
 * one per guide and programme, one for the news section and one for the site, per language, and one
 * per course: courses are written in Indonesian only, so their card is too.
 *
 * Not every page gets its own card. A card repeats the page's title, which WhatsApp and Facebook
 * already print as text beside or under the image (og:title, og:description), so a card of its own
 * is worth its build time where a page is shared for a long time: guides, programmes, courses.
 * News items (most of the entries, read for days) show the news card, and a training session shows
 * its course's card — its og:title carries the date. Drawing every card cost about 40 s of a cold
 * 1,000-entry build (README "Scale").
 */
import { DEFAULT_LOCALE, LOCALES } from '~/model/languages.ts';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionDescriptor } from '~/model/collections.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSettings, localeOf, published, slugOf } from '~/platform/content/content.ts';
import { localePath, useTranslations, type UiKey } from '~/platform/i18n/i18n.ts';
import { ogImagePath } from '~/platform/cards/og.ts';
import { entryCard } from '~/platform/i18n/route.ts';
import { cachedOgImage, renderOgImage, type OgCard } from '~/platform/cards/og-image.ts';
import { ogImagesToWrite } from '~/platform/cards/og-handoff.ts';
import { courseEntries } from '~/features/training/catalogue.ts';
import { markedTitle } from '~/features/training/examples.ts';

/** Collections whose entries have a card of their own (`card` in src/model/collections.ts). */
const SECTIONS = COLLECTION_NAMES.flatMap((collection) => {
  const { card, translated = true }: CollectionDescriptor = COLLECTIONS[collection];
  return card ? [{ collection, kicker: card as UiKey, translated }] : [];
});

export const getStaticPaths = (async () => {
  const settings = await getSettings();
  const host = new URL(settings.siteUrl).host;
  const base = { siteName: settings.siteName, footer: `${settings.regency} · ${host}` };
  const paths: { params: { path: string }; props: OgCard }[] = [];
  const add = (card: string, title: string, kicker: string) =>
    paths.push({
      params: { path: card.slice('/og/'.length, -'.png'.length) },
      props: { ...base, title, kicker },
    });
  for (const locale of LOCALES) {
    const t = useTranslations(locale);
    add(ogImagePath(localePath(locale, '/')), t('home.title'), settings.siteName);
    add(ogImagePath(localePath(locale, '/berita/')), t('news.title'), settings.siteName);
  }
  for (const { collection, kicker, translated } of SECTIONS) {
    // A translated collection has entries per language, each with its card; an untranslated one
    // (courses) is written once in the default language and shown in every language with one
    // card, in that language (entryCard in src/platform/i18n/route.ts).
    // Courses: the office's and, in a build with MIGRASI_EXAMPLES=1, the example courses.
    const entries: { id: string; data: unknown }[] =
      collection === 'pelatihan'
        ? await courseEntries()
        : await published(collection, translated ? undefined : DEFAULT_LOCALE);
    for (const entry of entries) {
      const data = entry.data as { title?: string; name?: string; example?: boolean };
      const title = data.title ?? data.name ?? slugOf(entry);
      const locale = translated ? localeOf(entry) : DEFAULT_LOCALE;
      const t = useTranslations(locale);
      // An example course's card says so: the picture travels without the page around it.
      add(
        entryCard(collection, slugOf(entry), locale),
        markedTitle(title, data.example === true, t('session.exampleLabel')),
        data.example ? `${t(kicker)} · ${t('courses.example').toUpperCase()}` : t(kicker),
      );
    }
  }
  if (import.meta.env.PROD) {
    // In a build, start drawing every card now, in worker threads, and let
    // src/integrations/og-images.ts write them when the pages are done: the images are drawn on
    // the other core while Astro renders the pages, instead of one by one as this route's pages.
    // A card drawn before is copied from the cache without being read here.
    const images = ogImagesToWrite();
    for (const { params, props } of paths) {
      const cached = cachedOgImage(props);
      const drawn = cached ? undefined : renderOgImage(props);
      // A failure is reported when the integration writes the file, not as an unhandled rejection.
      drawn?.catch(() => undefined);
      images.set(`og/${params.path}.png`, drawn ? { drawn } : { cached: cached! });
    }
    return [];
  }
  // `astro dev` draws an image when it is asked for.
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgImage(props as OgCard);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
