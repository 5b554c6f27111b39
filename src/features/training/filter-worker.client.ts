/**
 * Filters a list that spans several pages, off the main thread: fetches the list's index once
 * (/jadwal/saring.json or /pelatihan/saring.json), matches the chosen values and answers with the
 * HTML of the first `limit` matches. Started by schedule.client.ts only when such a list is
 * filtered, so pages that are only read never download it. Text is escaped; nothing from the
 * index becomes markup.
 */
import {
  matchHits,
  type CourseHit,
  type FilterIndex,
  type SessionHit,
  type StatusData,
} from './filter-index.ts';

export interface FilterRequest {
  /** Echoed in the reply, so the page can ignore answers to older questions. */
  id: number;
  index: string;
  chosen: [string, string][];
  limit: number;
  texts: Record<'when' | 'place' | 'example' | 'details' | 'next' | 'upcoming', string>;
}
export type FilterReply = { id: number } & (
  { html: string; shown: number; total: number; limit: number } | { error: string }
);

type Hit = SessionHit | CourseHit;
type Texts = FilterRequest['texts'];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const attrs = (pairs: Record<string, string | number | undefined>) =>
  Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(v ?? '')}"`)
    .join('');
const status = (d: StatusData) =>
  attrs({
    'data-start': d.s,
    'data-end': d.e,
    'data-deadline': d.d,
    'data-status': '',
    'data-override': d.o,
    'data-seats-left': d.l,
  });
const BADGE = '<span class="badge status" data-status-label></span>';
const example = (hit: Hit, texts: Texts) =>
  hit.x ? ` <span class="badge badge--example">${esc(texts.example)}</span>` : '';
const link = (href: string, text: string) => `<a href="${esc(href)}">${esc(text)}</a>`;

function sessionCard(hit: SessionHit, texts: Texts): string {
  return (
    `<li class="card session"${status(hit)}><h3>${link(hit.u, hit.t)}</h3>` +
    `<p>${BADGE}${example(hit, texts)}</p><dl class="facts">` +
    `<dt>${esc(texts.when)}</dt><dd>${esc(hit.w)}</dd>` +
    `<dt>${esc(texts.place)}</dt><dd>${esc(hit.p)}</dd></dl>` +
    `<p class="no-print">${link(hit.u, texts.details)}</p></li>`
  );
}

function courseCard(hit: CourseHit, texts: Texts): string {
  const n = hit.n;
  const next = n
    ? `<p${status(n)}>${esc(`${texts.next} ${n.w}, ${n.p}`)} ${BADGE} ` +
      `<span class="meta">(${esc(texts.upcoming.replace('{n}', String(hit.c)))})</span></p>`
    : '';
  return (
    `<li class="card"><h2>${link(hit.u, hit.t)}</h2>${example(hit, texts)}` +
    `<p>${esc(hit.sum)}</p><p class="meta">${esc(hit.a)}</p>${next}</li>`
  );
}

/**
 * Sessions under one heading per month in calendar order (as SessionList groups them: a month is
 * read in the session's own zone), courses in one list.
 */
export function renderHits(hits: Hit[], index: FilterIndex<Hit>, texts: Texts): string {
  const months = new Map<string, string>();
  let courses = '';
  for (const hit of hits) {
    if ('m' in hit) months.set(hit.m, (months.get(hit.m) ?? '') + sessionCard(hit, texts));
    else courses += courseCard(hit, texts);
  }
  const sections = [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([m, cards]) =>
        `<section><h2>${esc(index.groups?.[m] ?? m)}</h2><ul class="card-list">${cards}</ul></section>`,
    )
    .join('');
  return sections + (courses ? `<ul class="card-list">${courses}</ul>` : '');
}

let loaded: Promise<FilterIndex<Hit>> | undefined;

// Not in a window: the worker context (tests import renderHits without running this).
if (typeof window === 'undefined' && typeof self !== 'undefined')
  self.onmessage = async ({ data }: MessageEvent<FilterRequest>) => {
    try {
      loaded ??= fetch(data.index).then((r) => {
        if (!r.ok) throw new Error(`${data.index}: HTTP ${r.status}`);
        return r.json() as Promise<FilterIndex<Hit>>;
      });
      const index = await loaded;
      const hits = matchHits(index, data.chosen);
      const reply: FilterReply = {
        id: data.id,
        html: renderHits(hits.slice(0, data.limit), index, data.texts),
        shown: hits.length,
        total: index.items.length,
        limit: data.limit,
      };
      postMessage(reply);
    } catch (error) {
      // Offline or a broken index: try again on the next change.
      loaded = undefined;
      postMessage({ id: data.id, error: String(error) } satisfies FilterReply);
    }
  };
