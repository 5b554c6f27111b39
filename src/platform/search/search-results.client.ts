/**
 * Searching and showing results on /cari/, on Pagefind's JavaScript API (no Pagefind UI bundle:
 * this is smaller, and every word and every ARIA detail is ours). Loaded on demand by
 * search-page.client.ts. The result count is announced through the page's role="status" paragraph;
 * focus stays where the reader is, except "show more", which moves it to the first new result.
 *
 * For benchmarks: [data-search-results] carries data-state = idle | loading | done | empty |
 * error, and a performance mark "search:results" is set when results are on screen.
 */
import {
  FILTER_PARAMS,
  INDEX_TAG_PLACEHOLDER,
  ITEM_PAGE_TYPES,
  SEARCH_FILTERS,
  SEARCH_RANKING,
  SEARCH_TYPES,
  SORT_PARAM,
  type SearchFilter,
  type SearchState,
} from './search.ts';
import type { SearchStrings } from './search-strings.ts';

interface Fragment {
  url: string;
  excerpt: string;
  locations: number[];
  anchors: { id: string; location: number }[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface Hit {
  data: () => Promise<Fragment>;
}
type Counts = Record<string, Record<string, number>>;
interface Pagefind {
  options: (options: object) => Promise<void>;
  init: () => Promise<void>;
  preload: (term: string) => Promise<void>;
  filters: () => Promise<Counts>;
  search: (term: string | null, options: object) => Promise<{ results: Hit[] }>;
}

const PAGE_SIZE = 10;
/** Pages that list many separate items (terms, service points): results link to the item. */
const ITEM_PAGES = new Set<string>(ITEM_PAGE_TYPES);
const BUNDLE = '/pagefind/pagefind.js';

let pagefind: Promise<Pagefind> | undefined;
let filtersBuilt: Promise<void> | undefined;
let latest = 0;
let hits: Hit[] = [];
let shown = 0;
/** The one word of a longer query whose results are shown when the whole query found nothing. */
let partialWord: string | undefined;

function loadPagefind(section: HTMLElement): Promise<Pagefind> {
  pagefind ??= (async () => {
    // A full URL: the dev server rewrites root-relative dynamic imports (adding ?import), which
    // fails for files served from public/ such as the development index.
    const bundle = new URL(BUNDLE, location.href).href;
    const api = (await import(/* @vite-ignore */ bundle)) as Pagefind;
    const tag = section.dataset['indexTag'];
    await api.options({
      // A stable address for the index entry file while the index is unchanged (offline cache).
      ...(tag && tag !== INDEX_TAG_PLACEHOLDER ? { metaCacheTag: tag } : {}),
      // The main thread is fast enough for this index and spares a second script download
      // and a worker-src/blob: exception in the Content Security Policy.
      noWorker: true,
      excerptLength: 24,
      ranking: SEARCH_RANKING,
    });
    return api;
  })().catch((error: unknown) => {
    pagefind = undefined;
    throw error;
  });
  return pagefind;
}

/** Starts loading Pagefind and the index metadata while the reader is still typing. */
export function prepare(section: HTMLElement): void {
  loadPagefind(section).then(
    (api) => api.init(),
    () => {},
  );
}

export function preload(term: string, section: HTMLElement): void {
  if (term.trim().length > 1)
    loadPagefind(section).then(
      (api) => api.preload(term),
      () => {},
    );
}

function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

/** One select per filter that has values in this language's index, plus the order. */
async function buildFilters(api: Pagefind, form: HTMLFormElement, s: SearchStrings) {
  const box = form.querySelector<HTMLFieldSetElement>('[data-search-filters]');
  if (!box) return;
  const counts = await api.filters();
  const labels: Record<SearchFilter, string> = {
    type: s.filterType,
    stage: s.filterStage,
    program: s.filterProgram,
    kabupaten: s.filterKabupaten,
  };
  const order = (key: string, values: string[]) =>
    key === 'type'
      ? SEARCH_TYPES.filter((t) => values.includes(t))
      : values.sort((a, b) => a.localeCompare(b, s.intl));
  const add = (name: string, label: string, options: [string, string][]) => {
    const wrap = el('div');
    const lab = el('label', label);
    const select = el('select');
    lab.htmlFor = select.id = `saring-${name}`;
    select.name = name;
    for (const [value, text] of options) select.append(new Option(text, value));
    wrap.append(lab, select);
    box.append(wrap);
  };
  for (const key of SEARCH_FILTERS) {
    const values = order(key, Object.keys(counts[key] ?? {}));
    if (values.length === 0) continue;
    add(FILTER_PARAMS[key], labels[key], [
      ['', s.filterAll],
      ...values.map((v): [string, string] => [v, s.values[`${key}:${v}`] ?? v]),
    ]);
  }
  if (counts['type']?.['berita']) {
    add(SORT_PARAM, s.sort, [
      ['', s.sortRelevance],
      ['baru', s.sortNewest],
    ]);
  }
  box.hidden = false;
}

/** Shows the form's selects as the state says (after back/forward, or a shared address). */
function syncFilters(form: HTMLFormElement, state: SearchState) {
  for (const key of SEARCH_FILTERS) {
    const select = form.querySelector<HTMLSelectElement>(`select[name="${FILTER_PARAMS[key]}"]`);
    const value = state.filters[key] ?? '';
    if (!select) continue;
    if (value && ![...select.options].some((o) => o.value === value)) {
      select.append(new Option(value, value));
    }
    select.value = value;
  }
  const sort = form.querySelector<HTMLSelectElement>(`select[name="${SORT_PARAM}"]`);
  if (sort) sort.value = state.newest ? 'baru' : '';
}

/** On an item page, the id of the item holding the first match ("TKI" → /glosarium/#pmi). */
function itemHref(f: Fragment, type: string | undefined): string {
  const first = Math.min(...f.locations);
  if (!type || !ITEM_PAGES.has(type) || !Number.isFinite(first)) return f.url;
  const before = f.anchors.filter((x) => x.id && x.location <= first);
  const anchor = before.sort((x, y) => x.location - y.location).pop();
  return anchor ? `${f.url}#${encodeURIComponent(anchor.id)}` : f.url;
}

function renderHit(f: Fragment, s: SearchStrings): HTMLLIElement {
  const type = f.filters['type']?.[0];
  const li = el('li');
  const h = el('h3');
  const a = el('a', f.meta['title'] || f.url);
  a.href = itemHref(f, type);
  h.append(a);
  const stage = f.filters['stage']?.[0];
  const date = f.meta['date'];
  const facts = [
    type && s.values[`type:${type}`],
    stage && s.values[`stage:${stage}`],
    date &&
      new Intl.DateTimeFormat(s.intl, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${date}T00:00:00Z`),
      ),
  ].filter(Boolean);
  const meta = el('p', facts.join(' · '));
  meta.className = 'meta';
  const excerpt = el('p');
  // Pagefind encodes the page text before adding <mark>, so its excerpt is safe as HTML.
  excerpt.innerHTML = f.excerpt;
  li.append(h, meta, excerpt);
  return li;
}

async function renderMore(section: HTMLElement, s: SearchStrings, focus: boolean) {
  const list = section.querySelector('[data-search-list]')!;
  const batch = await Promise.all(hits.slice(shown, shown + PAGE_SIZE).map((h) => h.data()));
  const items = batch.map((f) => renderHit(f, s));
  list.append(...items);
  shown += items.length;
  const more = section.querySelector<HTMLElement>('[data-search-more-wrap]')!;
  more.hidden = shown >= hits.length;
  if (focus) items[0]?.querySelector('a')?.focus();
}

function statusText(state: SearchState, s: SearchStrings): string {
  const count = hits.length;
  const vars = { count, query: state.query, shown, word: partialWord ?? '' };
  const base = partialWord
    ? fill(s.partial, vars)
    : state.query
      ? fill(count === 0 ? s.noResults : count === 1 ? s.resultOne : s.resultMany, vars)
      : fill(count === 0 ? s.noFiltered : count === 1 ? s.filteredOne : s.filteredMany, vars);
  return shown < count ? `${base} ${fill(s.shown, vars)}` : base;
}

export async function show(state: SearchState, form: HTMLFormElement, section: HTMLElement) {
  const s = JSON.parse(section.dataset['strings'] ?? '{}') as SearchStrings;
  const status = section.querySelector('[data-search-status]')!;
  const list = section.querySelector('[data-search-list]')!;
  const more = section.querySelector<HTMLButtonElement>('[data-search-more]')!;
  more.onclick = async () => {
    await renderMore(section, s, true);
    status.textContent = statusText(state, s);
  };
  const run = ++latest;
  if (!state.query && Object.keys(state.filters).length === 0) {
    list.replaceChildren();
    hits = [];
    section.querySelector<HTMLElement>('[data-search-more-wrap]')!.hidden = true;
    status.textContent = '';
    section.dataset['state'] = 'idle';
    return;
  }
  section.dataset['state'] = 'loading';
  status.textContent = s.searching;
  try {
    const api = await loadPagefind(section);
    // Built once, by whichever search comes first; tried again if loading the filters failed.
    filtersBuilt ??= buildFilters(api, form, s).catch((error: unknown) => {
      filtersBuilt = undefined;
      throw error;
    });
    await filtersBuilt;
    syncFilters(form, state);
    const options = { filters: state.filters, ...(state.newest ? { sort: { date: 'desc' } } : {}) };
    let response = await api.search(state.query || null, options);
    partialWord = undefined;
    // Pagefind needs every word to match: "pelatihan menjahit" finds nothing when no page says
    // "menjahit". Rather than a dead end, show the results of the first word that has some.
    const words = state.query.split(' ').filter((w) => w.length > 2);
    if (response.results.length === 0 && words.length > 1) {
      for (const word of words) {
        const alone = await api.search(word, options);
        if (alone.results.length > 0) {
          response = alone;
          partialWord = word;
          break;
        }
      }
    }
    if (run !== latest) return;
    hits = response.results;
    shown = 0;
    list.replaceChildren();
    await renderMore(section, s, false);
    if (run !== latest) return;
    status.textContent = statusText(state, s);
    section.dataset['state'] = hits.length > 0 ? 'done' : 'empty';
    if (partialWord) section.dataset['partial'] = partialWord;
    else delete section.dataset['partial'];
    performance.mark('search:results');
  } catch {
    if (run !== latest) return;
    status.textContent = s.loadError;
    section.dataset['state'] = 'error';
  }
}
