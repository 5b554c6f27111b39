/**
 * Pagefind's own browser search (dist/pagefind/pagefind.js) run in Node against the built index,
 * so tests query exactly what readers' phones will query. pagefind.js only needs two things from
 * a browser: the `<html lang>` (which index to load) and `fetch` (here: reading dist/pagefind/).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEARCH_RANKING } from '~/platform/search/search.ts';
import { DIST } from './site.ts';

/** The index of the build under test (see site.ts); the default build's is passed explicitly. */
export const BUNDLE_DIR = join(DIST, 'pagefind');

export interface Fragment {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface SearchResponse {
  results: {
    id: string;
    score: number;
    matchedMetaFields?: string[];
    data: () => Promise<Fragment>;
  }[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}

export interface PagefindApi {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, o?: object) => Promise<SearchResponse>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  destroy: () => Promise<void>;
}

const realFetch = globalThis.fetch;

/** Serves /pagefind/… from a build's pagefind/ the way the static host would; the rest goes on. */
const fetchFrom = (bundleDir: string) =>
  async function fetchFromDist(
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!raw.startsWith('/pagefind/')) return realFetch(input, init);
    const path = new URL(raw, 'http://site.invalid').pathname;
    try {
      const body = await readFile(join(bundleDir, path.slice('/pagefind/'.length)));
      return new Response(body, { status: 200 });
    } catch {
      return new Response('not found', { status: 404 });
    }
  };

let loads = 0;

/** A Pagefind search of one language's index, configured like the search page configures it. */
export async function loadPagefind(
  lang: 'id' | 'en',
  bundleDir: string = BUNDLE_DIR,
): Promise<PagefindApi> {
  const g = globalThis as Record<string, unknown>;
  // pagefind.js reads document.querySelector('html').getAttribute('lang') once, when it starts.
  g['document'] = {
    currentScript: null,
    querySelector: (selector: string) =>
      selector === 'html'
        ? { getAttribute: (name: string) => (name === 'lang' ? lang : null) }
        : null,
  };
  g['fetch'] = fetchFrom(bundleDir);
  // A fresh module instance per language: pagefind.js keeps one search per module.
  const url = `${pathToFileURL(join(bundleDir, 'pagefind.js')).href}?instance=${++loads}`;
  const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
  await api.options({
    basePath: '/pagefind/',
    baseUrl: '/',
    noWorker: true,
    ranking: SEARCH_RANKING,
  });
  await api.init();
  return api;
}

/** Runs a search and loads every result's data (URL, text, filters, metadata). */
export async function searchAll(
  api: PagefindApi,
  term: string | null,
  options: object = {},
): Promise<Fragment[]> {
  const response = await api.search(term, options);
  return Promise.all(response.results.map((r) => r.data()));
}
