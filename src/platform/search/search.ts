/**
 * What the search index knows about a page besides its text: the filters readers narrow results
 * with, the metadata shown next to a result, and the sort key for news. Pages hand this to
 * BaseLayout's `search` prop; SearchData.astro turns it into Pagefind's data-pagefind-* elements.
 */
import { unlocalizedPath } from '../../model/languages.ts';
import {
  COLLECTION_NAMES,
  collectionOfSegment,
  type CollectionName,
} from '../../model/collections.ts';

/** Content types a reader can filter by: the collections; other pages count as "halaman". */
export const SEARCH_TYPES = [...COLLECTION_NAMES, 'halaman'] as const;
export type SearchType = CollectionName | 'halaman';

/** Filter keys in the index. The search page uses the same names as its URL parameters. */
export const SEARCH_FILTERS = ['type', 'stage', 'program', 'kabupaten'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** Metadata key holding an entry's `keywords`: searchable, weighted up, never shown as text. */
export const KEYWORDS_META = 'keywords';

/**
 * Weight of a match in the keywords metadata, relative to body text (Pagefind's title is 5).
 * High enough that "TKI" finds the page an editor tagged with it above pages that merely mention it.
 */
export const KEYWORDS_WEIGHT = 8;

/** Metadata with the synonyms (synonyms.ts) of words in the page's title: what the page is about. */
export const TOPIC_META = 'topic';
/** Metadata with the synonyms of words used anywhere else on the page. */
export const SYNONYMS_META = 'synonyms';
/** Metadata of list pages (glossary, service points): the keywords of all their items. */
export const ITEM_KEYWORDS_META = 'items';

/**
 * Pagefind's ranking, the same for the search page and the tests. `termSimilarity` favours a
 * word matched exactly over a longer word it begins ("calo" over "calon").
 */
export const SEARCH_RANKING = {
  termSimilarity: 4,
  metaWeights: {
    [KEYWORDS_META]: KEYWORDS_WEIGHT,
    [TOPIC_META]: 6,
    [SYNONYMS_META]: 1,
    [ITEM_KEYWORDS_META]: 2,
  },
};

/**
 * Content weight of a page type relative to a guide (1): pages that list many items (glossary,
 * service points) or report news mention many topics without being about them, so the guide
 * about a topic ranks first and the news archive after it.
 */
export const TYPE_WEIGHTS: Partial<Record<SearchType, number>> = {
  glosarium: 0.5,
  layanan: 0.5,
  berita: 0.6,
};

/** Types whose page lists many separate items; their keywords weigh less than an entry's own. */
export const ITEM_PAGE_TYPES: readonly SearchType[] = ['glosarium', 'layanan'];

/**
 * Placeholder for the index version on the search page, replaced after the build by a hash of
 * pagefind-entry.json (src/integrations/pagefind.ts). Pagefind then asks for
 * pagefind-entry.json?ts=<hash> instead of ?ts=<now>, so an offline cache can keep it.
 */
export const INDEX_TAG_PLACEHOLDER = '@pagefind-index-tag@';

export interface SearchInfo {
  /** Content type; derived from the URL path when omitted. */
  type?: SearchType;
  /** Journey stage of a guide (sebelum, selama, setelah). */
  stage?: string | undefined;
  /** Programme slug (e.g. "pak-camat-pmi"); shown and filtered by the programme's name. */
  program?: string | undefined;
  /** Kabupaten or other place names the page is about. */
  kabupaten?: string | readonly (string | undefined)[] | undefined;
  /** Publication date of news; makes the page sortable by date. */
  date?: Date | undefined;
  /**
   * False when the news source printed no date: `date` is then only when the item was added here,
   * so it is not shown, and the page sorts after every dated item (as the news list does).
   */
  dateKnown?: boolean | undefined;
  /** The entry's `keywords` (and glossary aliases): words readers use for what the page calls otherwise. */
  keywords?: readonly string[] | undefined;
}

/** The content type of a page from its URL path, in any language: /panduan/x/ → panduan, / → halaman. */
export function searchTypeFromPath(pathname: string): SearchType {
  const first = unlocalizedPath(pathname).split('/').filter(Boolean)[0];
  return collectionOfSegment(first) ?? 'halaman';
}

/** Distinct, trimmed, non-empty values in their first order. */
export function cleanList(values: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  const taken = new Set<string>();
  for (const value of values) {
    const v = value?.replace(/\s+/g, ' ').trim();
    if (!v || taken.has(v.toLocaleLowerCase())) continue;
    taken.add(v.toLocaleLowerCase());
    out.push(v);
  }
  return out;
}

/**
 * A kabupaten as readers pick it in the filter: "Kabupaten Tulungagung", "Kab. Tulungagung" and "Tulungagung" are
 * one value ("Tulungagung"); a city keeps its "Kota" so that Kota Tulungagung stays apart.
 */
export function placeName(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(kabupaten|kab\.?)\s+/i, '');
}

/** The search page's URL parameter for each filter: readable Indonesian words in the address. */
export const FILTER_PARAMS: Record<SearchFilter, string> = {
  type: 'jenis',
  stage: 'tahap',
  program: 'program',
  kabupaten: 'kabupaten',
};

export const SORT_PARAM = 'urut';

export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilter, string>>;
  /** Newest first (only dated pages, i.e. news) instead of relevance. */
  newest: boolean;
}

/** Reads the query, filters and sort from a search page URL (`?q=paspor&jenis=panduan`). */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const value = params.get(FILTER_PARAMS[key])?.trim();
    if (value) filters[key] = value;
  }
  return {
    query: (params.get('q') ?? '').replace(/\s+/g, ' ').trim(),
    filters,
    newest: params.get(SORT_PARAM) === 'baru',
  };
}

/** The inverse of readSearchState: the query string for a state, parameters in a stable order. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of SEARCH_FILTERS) {
    const value = state.filters[key];
    if (value) params.set(FILTER_PARAMS[key], value);
  }
  if (state.newest) params.set(SORT_PARAM, 'baru');
  const text = params.toString();
  return text ? `?${text}` : '';
}
