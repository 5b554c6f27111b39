/** Pure helpers for the printable booklet (src/pages/[...lang]/panduan/cetak.astro). */
import { STAGES } from '../schemas/shared.ts';

type Stage = (typeof STAGES)[number];

/**
 * Prefixes every id in a fragment of HTML, and the attributes and in-page links that point to
 * them, so that several guides can share one page without duplicate ids.
 */
export function prefixIds(html: string, prefix: string): string {
  return html
    .replace(
      /(?<=\s)(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]+)"/g,
      (_, attr: string, ids: string) =>
        `${attr}="${ids
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => `${prefix}-${id}`)
          .join(' ')}"`,
    )
    .replace(/(?<=\s)href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

/** Guides in the order of the journey: stage (before, during, after), then step, then title. */
export function journeyOrder<T extends { data: { stage: Stage; order: number; title: string } }>(
  guides: T[],
): T[] {
  return [...guides].sort(
    (a, b) =>
      STAGES.indexOf(a.data.stage) - STAGES.indexOf(b.data.stage) ||
      a.data.order - b.data.order ||
      a.data.title.localeCompare(b.data.title),
  );
}
