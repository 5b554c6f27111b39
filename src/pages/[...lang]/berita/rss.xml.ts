import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSettings, slugOf } from '../../../lib/content.ts';
import { newsNewestFirst } from '../../../lib/news.ts';
import {
  localeFromParam,
  localePath,
  localeStaticPaths,
  useTranslations,
} from '../../../lib/i18n.ts';

export const getStaticPaths = localeStaticPaths;

export async function GET(context: APIContext) {
  const locale = localeFromParam(context.params['lang']);
  const t = useTranslations(locale);
  const settings = await getSettings();
  const news = (await newsNewestFirst(locale)).slice(0, 30);
  return rss({
    title: `${settings.siteName} – ${t('news.title')}`,
    description: t('news.description'),
    site: context.site ?? settings.siteUrl,
    trailingSlash: true,
    customData: `<language>${locale === 'id' ? 'id-ID' : 'en'}</language>`,
    items: news.map((n) => ({
      title: n.data.title,
      description: n.data.summary,
      pubDate: n.data.date,
      link: localePath(locale, `/berita/${slugOf(n)}/`),
      categories: n.data.tags,
    })),
  });
}
