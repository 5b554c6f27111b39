/**
 * What the search index reads of a built page beyond its HTML as served: the words of the
 * reviewed synonym list (synonyms.ts) that the page does not use itself, and a lower weight for
 * pages that list many items, so that the page about a topic ranks above a list that mentions it.
 * Applied in memory while indexing (src/integrations/pagefind.ts): the served HTML is unchanged.
 */
import { alternativesFor } from './synonyms.ts';
import {
  KEYWORDS_META,
  SYNONYMS_META,
  TOPIC_META,
  TYPE_WEIGHTS,
  type SearchType,
} from './search.ts';

const attr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Visible text of an HTML fragment, roughly: tags, hidden and ignored blocks removed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The page's content type, as SearchData.astro wrote it into its type filter. */
export function typeOf(html: string): SearchType | undefined {
  const m = /data-pagefind-filter="type\[data-value\]"\s+data-value="([a-z]+)"/.exec(html);
  return m?.[1] as SearchType | undefined;
}

/** The page with its synonyms and type weight added, ready for Pagefind; other pages unchanged. */
export function prepareForIndex(html: string): string {
  const open = /<main\b[^>]*\bdata-pagefind-body\b[^>]*>/.exec(html);
  const close = html.lastIndexOf('</main>');
  if (!open || close < open.index) return html;
  const body = html.slice(open.index + open[0].length, close);
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1] ?? '';
  // What the page is about: its title and the keywords its editor gave it.
  const keywords =
    new RegExp(
      `data-pagefind-meta="${KEYWORDS_META}\\[data-value\\]"\\s+data-value="([^"]*)"`,
    ).exec(body)?.[1] ?? '';
  const topic = alternativesFor(`${textOf(h1)} \n ${keywords.replace(/,/g, ' \n ')}`);
  const others = alternativesFor(textOf(body)).filter((w) => !topic.includes(w));
  const metas = [
    [TOPIC_META, topic],
    [SYNONYMS_META, others],
  ] as const;
  const hidden = metas
    .filter(([, words]) => words.length > 0)
    .map(
      ([key, words]) =>
        `<span data-pagefind-meta="${key}[data-value]" data-value="${attr(words.join(', '))}"></span>`,
    )
    .join('');
  const type = typeOf(body);
  const weight = type ? TYPE_WEIGHTS[type] : undefined;
  const tag =
    weight === undefined ? open[0] : open[0].replace(/>$/, ` data-pagefind-weight="${weight}">`);
  return (
    html.slice(0, open.index) +
    tag +
    body +
    (hidden ? `<div hidden data-pagefind-ignore>${hidden}</div>` : '') +
    html.slice(close)
  );
}
