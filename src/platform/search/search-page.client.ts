/**
 * The search page's starting script, kept tiny: it reads the query from the address and hands
 * over to search-results.client.ts (a separate chunk, loaded on demand) once there is something to
 * search or the reader focuses the box. Nothing of Pagefind loads before that.
 */
import { readSearchState, writeSearchState, type SearchState } from './search.ts';

type Results = typeof import('./search-results.client.ts');
let results: Promise<Results> | undefined;

function loadResults(): Promise<Results> {
  results ??= import('./search-results.client.ts').catch((error: unknown) => {
    results = undefined;
    throw error;
  });
  return results;
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const section = document.querySelector<HTMLElement>('[data-search-results]');
  if (!form || !input || !section) return;

  const fromUrl = () => readSearchState(new URLSearchParams(location.search));
  const fromForm = () =>
    readSearchState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  const show = (state: SearchState) =>
    loadResults()
      .then((m) => m.show(state, form, section))
      .catch(() => {
        // The results chunk itself did not arrive (offline, flaky network): say so plainly.
        section.dataset['state'] = 'error';
        const status = section.querySelector('[data-search-status]');
        if (status) status.textContent = JSON.parse(section.dataset['strings'] ?? '{}').loadError;
      });

  const initial = fromUrl();
  input.value = initial.query;
  if (initial.query || Object.keys(initial.filters).length > 0) void show(initial);

  // Focusing the box means a search is coming: fetch the code and index start meanwhile.
  input.addEventListener(
    'focus',
    () =>
      void loadResults().then(
        (m) => m.prepare(section),
        () => {},
      ),
    {
      once: true,
    },
  );
  input.addEventListener('input', () => void results?.then((m) => m.preload(input.value, section)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const state = fromForm();
    history.pushState(null, '', writeSearchState(state) || location.pathname);
    void show(state);
  });
  // Filters and order apply at once; the address follows so the list can be shared or reloaded.
  form.addEventListener('change', (event) => {
    if (!(event.target instanceof HTMLSelectElement)) return;
    const state = fromForm();
    history.replaceState(null, '', writeSearchState(state) || location.pathname);
    void show(state);
  });
  addEventListener('popstate', () => {
    const state = fromUrl();
    input.value = state.query;
    void show(state);
  });
}
