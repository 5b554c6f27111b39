/**
 * Runs on schedule and course pages. 1) Recomputes each session's status against the reader's
 * clock with the same rules the build used, so a page built days ago never calls an ended session
 * open. 2) Turns on the filter form: filtering is instant and kept in the query string, so a
 * filtered list can be shared. Without JavaScript the page still shows the whole list.
 */
import { sessionStatus } from '../lib/schedule-status.ts';

const at = (el: Element, name: string) => el.getAttribute(name) ?? '';

function refreshStatuses(now: number): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-start][data-status]')) {
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
  }
}

function setUpFilters(form: HTMLFormElement): void {
  const selects = [...form.querySelectorAll('select')];
  const items = [...document.querySelectorAll<HTMLElement>('[data-facets]')];
  const count = document.querySelector<HTMLElement>('[data-filter-count]');
  const apply = () => {
    const chosen: [string, string][] = selects.filter((s) => s.value).map((s) => [s.name, s.value]);
    let shown = 0;
    for (const item of items) {
      const facets = JSON.parse(at(item, 'data-facets')) as Record<string, string[]>;
      const match = chosen.every(([name, value]) => facets[name]?.includes(value));
      item.hidden = !match;
      if (match) shown++;
    }
    for (const group of document.querySelectorAll<HTMLElement>('[data-group]'))
      group.hidden = !group.querySelector('[data-facets]:not([hidden])');
    const query = new URLSearchParams(chosen).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-query]'))
      a.search = query;
    if (count)
      count.textContent = at(count, shown ? 'data-template' : 'data-none')
        .replace('{shown}', String(shown))
        .replace('{total}', String(items.length));
  };
  const params = new URLSearchParams(location.search);
  for (const s of selects) s.value = params.get(s.name) ?? '';
  if (selects.some((s) => s.value)) form.querySelector('details')?.setAttribute('open', '');
  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  form.addEventListener('reset', () => setTimeout(apply));
  apply();
}

refreshStatuses(Date.now());
const form = document.querySelector<HTMLFormElement>('form[data-filters]');
if (form) setUpFilters(form);
