/**
 * The lines of a news page around its text: kind, date as the site writes it, validity and region;
 * the date note; the original source. The page (src/pages/[...lang]/berita/[slug].astro) and the
 * CMS preview both render these.
 */
import { formatDay, isoDay } from '~/platform/i18n/dates.ts';
import { useTranslations } from '~/platform/i18n/i18n.ts';
import { attr, esc } from '~/platform/markup/html.ts';
import type { News } from '~/schemas/berita.ts';
import type { Locale } from '~/schemas/shared.ts';

type NewsLines = Pick<News, 'kind' | 'date' | 'until' | 'region' | 'dateNote'> &
  Partial<Pick<News, 'dateKnown'>>;

/**
 * The date of a news item as honestly as we know it. When the source printed no date, the reader
 * is told so, and the only date we have is shown for what it is: the day the summary was added.
 */
export function newsDateHtml(
  locale: Locale,
  date: Date,
  dateKnown: boolean,
  timeZone: string,
): string {
  const time = `<time${attr('datetime', isoDay(date, timeZone))}>${esc(formatDay(date, locale, timeZone))}</time>`;
  if (dateKnown) return time;
  const t = useTranslations(locale);
  return `<span class="undated">${esc(t('news.dateUnknown'))}</span> · ${esc(t('news.addedOn'))} ${time}`;
}

/** "Pengumuman · 20 November 2026 · Berlaku sampai … · Kabupaten …", then the date note if any. */
export function newsMetaHtml(locale: Locale, n: NewsLines, timeZone: string): string {
  const t = useTranslations(locale);
  const parts = [
    n.kind === 'pengumuman' ? `<strong>${esc(t('news.announcement'))}</strong> · ` : '',
    newsDateHtml(locale, n.date, n.dateKnown ?? true, timeZone),
    n.until ? esc(` · ${t('news.until', { date: formatDay(n.until, locale, timeZone) })}`) : '',
    n.region ? esc(` · ${n.region}`) : '',
  ];
  const note = n.dateNote
    ? `<p class="note"><strong>${esc(t('news.dateNoteLabel'))}</strong> ${esc(n.dateNote)}</p>`
    : '';
  return `<p class="meta">${parts.join('')}</p>${note}`;
}

/** "Sumber asli: <publisher>" below the text, when the item summarises another outlet. */
export function newsSourceHtml(locale: Locale, source: News['source']): string {
  if (!source) return '';
  const t = useTranslations(locale);
  return `<p class="note">${esc(t('news.originalSource'))} <a${attr('href', source.url)}>${esc(source.publisher)}</a></p>`;
}
