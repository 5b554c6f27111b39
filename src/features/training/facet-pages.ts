/**
 * Filters that work without JavaScript: one static, paginated page per filter value, e.g.
 * /jadwal/saring/kecamatan/sanankulon/ or /pelatihan/saring/peserta/purna/. A static host cannot
 * filter a GET form, so the no-JavaScript filter is a set of links to these pages.
 */
import { LOCALES } from '~/model/languages.ts';
import { FACETS, type Facet } from './sessions.ts';
import {
  langParam,
  localePath,
  type Locale,
  type Translator,
  type UiKey,
} from '~/platform/i18n/i18n.ts';
import { listPagePath, pageCount, pageItems, pageSegment } from '~/platform/content/pagination.ts';
import { slugify } from '~/platform/content/slug.ts';

/** One value of one facet, with its URL segment and how many items of the list have it. */
export interface FacetChoice {
  facet: Facet;
  value: string;
  /** URL segment, unique within its facet. */
  slug: string;
  count: number;
}

/**
 * The choices offered for a list: every value of every facet the form offers (see facetOptions),
 * in the order of the filter form.
 */
export function facetChoices(
  records: Record<string, string[]>[],
  options: Record<Facet, string[]>,
): FacetChoice[] {
  const choices: FacetChoice[] = [];
  for (const facet of FACETS) {
    if (options[facet].length === 0) continue;
    const counts = new Map<string, number>();
    for (const record of records)
      for (const value of record[facet] ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
    const used = new Set<string>();
    for (const value of options[facet]) {
      const base = slugify(value) || 'nilai';
      let slug = base;
      for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
      used.add(slug);
      choices.push({ facet, value, slug, count: counts.get(value) ?? 0 });
    }
  }
  return choices;
}

/** The items whose facet record has the choice's value (records are aligned with items). */
export function itemsWith<T>(
  items: readonly T[],
  records: readonly Record<string, string[]>[],
  choice: Pick<FacetChoice, 'facet' | 'value'>,
): T[] {
  return items.filter((_, i) => records[i]?.[choice.facet]?.includes(choice.value));
}

/** Path (without locale prefix) of page `page` of a choice's list under `base` ("/jadwal/"). */
export function facetPagePath(
  base: string,
  choice: Pick<FacetChoice, 'facet' | 'slug'>,
  page = 1,
): string {
  return listPagePath(`${base}saring/${choice.facet}/${choice.slug}/`, page);
}

/**
 * One page of a list that can be filtered (the course catalogue, the schedule): its items, the
 * links to its pages, its own path (without language prefix) and the title's page suffix.
 */
export function listingPage<T>(
  rows: readonly T[],
  page: number,
  size: number,
  base: string,
  locale: Locale,
  t: Translator,
) {
  const pages = pageCount(rows.length, size);
  return {
    pageCount: pages,
    items: pageItems(rows, page, size),
    hrefOf: (n: number) => localePath(locale, listPagePath(base, n)),
    path: listPagePath(base, page),
    /** " (halaman 2 dari 3)" when the list has more than one page. */
    suffix: pages > 1 ? ` (${t('schedule.pageOf', { page, pages })})` : '',
  };
}

/** "Kecamatan: Sanankulon": the filter value a page lists, or '' for the whole list. */
export function choiceText(
  choice: FacetChoice | undefined,
  t: Translator,
  labelOf: (facet: Facet, value: string) => string,
): string {
  if (!choice) return '';
  return t('schedule.chosen', {
    facet: t(`schedule.filter.${choice.facet}` as UiKey),
    value: labelOf(choice.facet, choice.value),
  });
}

/** Static paths of every page of every choice's list in every language, for `saring/[facet]/[value]/[...page]`. */
export function choicePagePaths(choices: readonly FacetChoice[], pageSize: number) {
  return LOCALES.flatMap((locale) =>
    choices.flatMap((choice) =>
      Array.from({ length: pageCount(choice.count, pageSize) }, (_, i) => ({
        params: {
          lang: langParam(locale),
          facet: choice.facet,
          value: choice.slug,
          page: pageSegment(i + 1),
        },
        props: { locale, choice, page: i + 1 },
      })),
    ),
  );
}
