/**
 * Renders an entry body for the CMS preview the way the site will show it: first made MDX-safe
 * exactly as the save will write it (cms/format.ts), so text such as `<b>` shows as typed, then
 * author components drawn by the editor components' `toPreview`, the rest by micromark (which
 * never passes raw HTML or javascript: links through).
 */
import { micromark } from 'micromark';

export function renderMarkdown(markdown: string): string {
  return micromark(markdown);
}

export interface PreviewComponent {
  id: string;
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => Record<string, string>;
  toPreview: (data: Record<string, string | undefined>, locale?: unknown) => string;
}

const TOKEN = (i: number) => `CMSPREVIEWTOKEN${i}X`;

export function renderBody(
  safeMdx: string,
  components: readonly PreviewComponent[],
  locale: 'id' | 'en' = 'id',
): string {
  const rendered: string[] = [];
  const keep = (html: string) => {
    rendered.push(html);
    return TOKEN(rendered.length - 1);
  };
  const lines = safeMdx.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const rest = lines.slice(i).join('\n');
    const block = /^<[A-Z]/.test(lines[i] ?? '')
      ? components.map((c) => ({ c, m: rest.match(c.pattern) })).find(({ m }) => m && m.index === 0)
      : undefined;
    if (block?.m) {
      out.push('', keep(block.c.toPreview(block.c.fromBlock(block.m), locale)), '');
      i += block.m[0].split('\n').length - 1;
      continue;
    }
    // Inline components (SourceNote inside a paragraph).
    out.push(
      (lines[i] ?? '').replace(/<[A-Z][^<>\n]*\/>/g, (tag) => {
        const hit = components
          .map((c) => ({ c, m: tag.match(c.pattern) }))
          .find(({ m }) => m && m.index === 0);
        return hit?.m ? keep(hit.c.toPreview(hit.c.fromBlock(hit.m), locale)) : tag;
      }),
    );
  }
  return renderMarkdown(out.join('\n')).replace(
    /(?:<p>)?CMSPREVIEWTOKEN(\d+)X(?:<\/p>)?/g,
    (all, n: string) => {
      const html = rendered[Number(n)] ?? '';
      // A block token stands alone in its paragraph; an inline one keeps its paragraph.
      return all.startsWith('<p>') && all.endsWith('</p>')
        ? html
        : all.replace(/CMSPREVIEWTOKEN\d+X/, html);
    },
  );
}
