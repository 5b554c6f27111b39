/**
 * Link-preview images (Open Graph / Twitter), one per guide, programme, news item, course and
 * training session, plus one for
 * the site per language. Rendered at build time; see src/lib/og-image.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogue } from '../../lib/catalogue.ts';
import { getSettings, localeOf, published, slugOf } from '../../lib/content.ts';
import { localePath, useTranslations } from '../../lib/i18n.ts';
import { ogImagePath } from '../../lib/og.ts';
import { renderOgImage, type OgCard } from '../../lib/og-image.ts';
import { sessionWhen } from '../../lib/session-format.ts';

const SECTIONS = [
  { collection: 'panduan', kicker: 'og.guide' },
  { collection: 'program', kicker: 'og.program' },
  { collection: 'berita', kicker: 'og.news' },
] as const;

export const getStaticPaths = (async () => {
  const settings = await getSettings();
  const host = new URL(settings.siteUrl).host;
  const base = { siteName: settings.siteName, footer: `${settings.regency} · ${host}` };
  const paths: { params: { path: string }; props: OgCard }[] = [];
  const add = (pagePath: string, title: string, kicker: string) =>
    paths.push({
      params: { path: ogImagePath(pagePath).slice('/og/'.length, -'.png'.length) },
      props: { ...base, title, kicker },
    });
  for (const locale of ['id', 'en'] as const) {
    const t = useTranslations(locale);
    add(localePath(locale, '/'), t('home.title'), settings.siteName);
  }
  for (const { collection, kicker } of SECTIONS) {
    for (const entry of await published(collection)) {
      const locale = localeOf(entry);
      const data = entry.data as { title?: string; name?: string };
      add(
        localePath(locale, `/${collection}/${slugOf(entry)}/`),
        data.title ?? data.name ?? slugOf(entry),
        useTranslations(locale)(kicker),
      );
    }
  }
  // Courses and their sessions are written once (Indonesian) and shown in both languages.
  const { sessions } = await catalogue();
  for (const locale of ['id', 'en'] as const) {
    const t = useTranslations(locale);
    for (const course of await published('pelatihan', 'id')) {
      add(localePath(locale, `/pelatihan/${slugOf(course)}/`), course.data.title, t('og.course'));
    }
    for (const view of sessions) {
      add(
        localePath(locale, `/pelatihan/${view.course.slug}/${view.id}/`),
        `${view.course.data.title} – ${sessionWhen(view, locale, t).startDay}`,
        t('og.course'),
      );
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgImage(props as OgCard);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
