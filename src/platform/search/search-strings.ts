/**
 * The UI strings the search page's script needs, picked from the i18n files at build time and
 * handed to the browser in a data attribute (no inline script, no second copy of the dictionary).
 */
import { INTL_LOCALE, useTranslations, type UiKey } from '~/platform/i18n/i18n.ts';
import { SEARCH_TYPES, type SearchType } from './search.ts';
import type { Locale } from '~/schemas/shared.ts';

const KEYS = {
  searching: 'search.searching',
  resultOne: 'search.resultOne',
  resultMany: 'search.resultMany',
  filteredOne: 'search.filteredOne',
  filteredMany: 'search.filteredMany',
  noResults: 'search.noResults',
  partial: 'search.partial',
  noFiltered: 'search.noFiltered',
  loadError: 'search.loadError',
  shown: 'search.shown',
  filterType: 'search.filterType',
  filterStage: 'search.filterStage',
  filterProgram: 'search.filterProgram',
  filterKabupaten: 'search.filterKabupaten',
  filterAll: 'search.filterAll',
  sort: 'search.sort',
  sortRelevance: 'search.sortRelevance',
  sortNewest: 'search.sortNewest',
} as const satisfies Record<string, UiKey>;

const TYPE_KEYS: Record<SearchType, UiKey> = {
  panduan: 'search.typePanduan',
  program: 'search.typeProgram',
  berita: 'search.typeBerita',
  pelatihan: 'search.typePelatihan',
  glosarium: 'search.typeGlosarium',
  layanan: 'search.typeLayanan',
  halaman: 'search.typeHalaman',
};

const STAGE_KEYS = {
  sebelum: 'stage.sebelum',
  selama: 'stage.selama',
  setelah: 'stage.setelah',
} as const satisfies Record<string, UiKey>;

export type SearchStrings = Record<keyof typeof KEYS, string> & {
  /** Intl locale for dates, e.g. id-ID. */
  intl: string;
  /** Display names of filter values: type and stage keys → words. */
  values: Record<string, string>;
};

export function clientStrings(locale: Locale): SearchStrings {
  const t = useTranslations(locale);
  const out: Record<string, string> = {};
  for (const [name, key] of Object.entries(KEYS)) out[name] = t(key);
  const values: Record<string, string> = {};
  for (const type of SEARCH_TYPES) values[`type:${type}`] = t(TYPE_KEYS[type]);
  for (const [stage, key] of Object.entries(STAGE_KEYS)) values[`stage:${stage}`] = t(key);
  return {
    ...(out as Record<keyof typeof KEYS, string>),
    intl: INTL_LOCALE[locale],
    values,
  };
}
