import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSettings, slugOf } from '~/platform/content/content.ts';
import { newsNewestFirst } from '~/features/news/news.ts';
import { localePath, localeStaticPaths, useTranslations } from '~/platform/i18n/i18n.ts';
import { language, type Locale } from '~/model/languages.ts';

export const getStaticPaths = localeStaticPaths;

/** Escapes text placed into the raw `customData` XML. */
const xmlAttr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export async function GET(context: APIContext) {
  const { locale } = context.props as { locale: Locale };
  const t = useTranslations(locale);
  const settings = await getSettings();
  const site = context.site ?? new URL(settings.siteUrl);
  // Feed readers open links outside the site, so every link is absolute.
  const absolute = (path: string) => new URL(localePath(locale, path), site).href;
  const news = (await newsNewestFirst(locale)).slice(0, 30);
  return rss({
    title: `${settings.siteName} – ${t('news.title')}`,
    description: t('news.description'),
    site: absolute('/berita/'),
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${language(locale).intl}</language>`,
      `<atom:link href="${xmlAttr(absolute('/berita/rss.xml'))}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: news.map((n) => ({
      title: n.data.title,
      description: n.data.dateNote ? `${n.data.summary} (${n.data.dateNote})` : n.data.summary,
      pubDate: n.data.date,
      link: absolute(`/berita/${slugOf(n)}/`),
      categories: n.data.tags,
    })),
  });
}
