/**
 * Runs on schedule and course pages. 1) Recomputes each session's status against the reader's
 * clock with the same rules the build used, so a page built days ago never calls an ended session
 * open. 2) Turns on the filter form: filtering is instant and kept in the query string, so a
 * filtered list can be shared. A list on one page is filtered in place; a list spread over several
 * pages is filtered from its index by a worker started only then (filter-worker.client.ts).
 * Without JavaScript the page shows its list and links to a static page per filter value.
 */
import { sessionStatus } from './schedule-status.ts';
import { statusRow } from '../../model/session-statuses.ts';
import type { FilterReply, FilterRequest } from './filter-worker.client.ts';

const at = (el: Element, name: string) => el.getAttribute(name) ?? '';

export function refreshStatuses(now: number, root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-start][data-status]')) {
    const status = sessionStatus(
      {
        start: Date.parse(at(el, 'data-start')),
        end: Date.parse(at(el, 'data-end')),
        deadline: Date.parse(at(el, 'data-deadline')),
        override: el.dataset['override'],
        seatsLeft:
          el.dataset['seatsLeft'] === undefined ? undefined : Number(el.dataset['seatsLeft']),
      },
      now,
    );
    if (status === el.dataset['status']) continue;
    el.dataset['status'] = status;
    const label = el.querySelector<HTMLElement>('[data-status-label]');
    const labels = JSON.parse(
      el.closest('[data-labels]')?.getAttribute('data-labels') ?? '{}',
    ) as Record<string, string>;
    if (label && labels[status]) label.textContent = labels[status];
    if (label) label.dataset['tone'] = statusRow(status).tone;
    // The join button shows only while registration is open (the status table's `bookable`).
    for (const join of el.querySelectorAll<HTMLElement>('[data-join]'))
      join.hidden = !statusRow(status).bookable;
  }
}

const STEP = 30;

function setUpFilters(form: HTMLFormElement): void {
  const selects = [...form.querySelectorAll('select')];
  const items = [...document.querySelectorAll<HTMLElement>('[data-facets]')];
  const list = document.querySelector<HTMLElement>('[data-list]');
  const count = form.querySelector<HTMLElement>('[data-filter-count]');
  const index = form.dataset['index'];
  const texts = JSON.parse(at(form, 'data-texts') || '{}') as Record<string, string>;
  const say = (shown: number, total: number, extra = '') => {
    if (count)
      count.textContent =
        at(count, shown ? 'data-template' : 'data-none')
          .replace('{shown}', String(shown))
          .replace('{total}', String(total)) + extra;
  };
  const chosenNow = (): [string, string][] =>
    selects.filter((s) => s.value).map((s) => [s.name, s.value]);

  // A list on several pages: matches come from the worker as HTML, shown in place of the list.
  const results = document.createElement('div');
  const more = document.createElement('button');
  let worker: Worker | undefined;
  let limit = STEP;
  let run = 0;
  const ask = (id: number, chosen: [string, string][]) =>
    new Promise<FilterReply>((done) => {
      worker ??= new Worker(new URL('./filter-worker.client.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = ({ data }: MessageEvent<FilterReply>) => data.id === run && done(data);
      worker.onerror = () => done({ id, error: 'worker' });
      const request: FilterRequest = {
        id,
        index: new URL(index ?? '', location.href).href,
        chosen,
        limit,
        texts: texts as FilterRequest['texts'],
      };
      worker.postMessage(request);
    });
  if (index && list) {
    results.setAttribute('data-results', '');
    results.setAttribute(
      'data-labels',
      at(list.querySelector('[data-labels]') ?? list, 'data-labels'),
    );
    results.hidden = more.hidden = true;
    more.type = 'button';
    more.className = 'button no-print';
    more.textContent = texts['more'] ?? '';
    list.after(results, more);
  }

  const apply = async (focusFrom = -1) => {
    const mine = ++run;
    const chosen = chosenNow();
    const query = new URLSearchParams(chosen).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    let offline = '';
    if (index && list) {
      results.hidden = more.hidden = true;
      list.hidden = false;
      if (chosen.length) {
        const reply = await ask(mine, chosen);
        if (mine !== run) return;
        if (!('error' in reply)) {
          results.innerHTML = reply.html;
          refreshStatuses(Date.now(), results);
          list.hidden = true;
          results.hidden = false;
          more.hidden = reply.shown <= reply.limit;
          results.querySelectorAll('li')[focusFrom]?.querySelector('a')?.focus();
          return say(reply.shown, reply.total);
        }
        // Offline or the index failed: filter the sessions on this page, and say so.
        offline = ` ${texts['offline'] ?? ''}`;
      }
    }
    let shown = 0;
    for (const item of items) {
      const facets = JSON.parse(at(item, 'data-facets')) as Record<string, string[]>;
      const match = chosen.every(([name, value]) => facets[name]?.includes(value));
      item.hidden = !match;
      if (match) shown++;
    }
    for (const group of document.querySelectorAll<HTMLElement>('[data-list] [data-group]'))
      group.hidden = !group.querySelector('[data-facets]:not([hidden])');
    if (chosen.length) say(shown, items.length, offline);
    else if (count) count.textContent = '';
  };
  const restart = () => {
    limit = STEP;
    void apply();
  };
  // "Show more" keeps the reader's place: focus moves to the first card that was added.
  more.addEventListener('click', () => {
    limit += STEP;
    void apply(limit - STEP);
  });
  const params = new URLSearchParams(location.search);
  for (const s of selects) s.value = params.get(s.name) ?? '';
  if (selects.slice(1).some((s) => s.value))
    form.querySelector('details')?.setAttribute('open', '');
  form.hidden = false;
  const browse = document.querySelector<HTMLElement>('[data-browse]');
  if (browse) browse.hidden = true;
  form.addEventListener('change', restart);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    restart();
  });
  form.addEventListener('reset', () => setTimeout(restart));
  // Also when the URL names a value no longer offered: the query is then cleaned up.
  if (chosenNow().length || selects.some((s) => params.has(s.name))) restart();
}

refreshStatuses(Date.now());
const form = document.querySelector<HTMLFormElement>('form[data-filters]');
if (form) setUpFilters(form);
