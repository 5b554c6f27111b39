/** Pure helpers for the printable booklet (src/pages/[...lang]/panduan/cetak.astro). */

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

/**
 * Guides per part of the printable booklet (/panduan/cetak/, /panduan/cetak/2/, …): enough for the
 * whole journey of a regency site in one part, while a catalogue of thousands of guides never
 * makes one page that grows without limit.
 */
export const BOOKLET_PART_SIZE = 25;
