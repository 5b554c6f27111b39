/**
 * The text a page reads aloud, taken from the HTML the reader sees, in reading order: headings,
 * paragraphs, list items, tables, notes ("perlu dicek ulang") — each a sentence of its own, so the
 * voice pauses between them. Navigation, buttons, scripts, images and anything marked
 * `data-listen="skip"` or `aria-hidden="true"` are not read.
 *
 * The HTML is the site's own rendered output, so a small tokenizer is enough.
 */

/** Elements after which the voice pauses (each ends a sentence). */
const BLOCKS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'li',
  'dt',
  'dd',
  'th',
  'td',
  'tr',
  'caption',
  'figcaption',
  'blockquote',
  'summary',
  'div',
  'section',
  'aside',
  'article',
  'header',
  'footer',
  'ul',
  'ol',
  'dl',
  'table',
  'details',
  'br',
]);

/** Elements whose content is never read. */
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'nav',
  'button',
  'svg',
  'noscript',
  'audio',
  'video',
  'iframe',
  'select',
  'textarea',
  'form',
]);

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

function isSkipped(tag: string, attrs: string): boolean {
  if (SKIPPED.has(tag)) return true;
  if (/\baria-hidden\s*=\s*["']?true/i.test(attrs)) return true;
  if (/\bdata-listen\s*=\s*["']?skip/i.test(attrs)) return true;
  return /\bhidden(?:\s|=|$|\/)/i.test(attrs.replace(/"[^"]*"|'[^']*'/g, '""'));
}

/**
 * Sentences to read, one per block (heading, paragraph, list item…), each ending in punctuation
 * so that the synthesiser pauses.
 */
export function speechBlocks(html: string): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    current = '';
    if (!text) return;
    blocks.push(/[.!?:;…]["”’)]*$/.test(text) ? text : `${text}.`);
  };
  /** Depth inside a skipped element, and the tag that started it. */
  let skipTag = '';
  let skipDepth = 0;
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|([^<]+)/g;
  for (const match of html.matchAll(token)) {
    const [, closing, rawTag, attrs = '', text] = match;
    if (text !== undefined) {
      if (!skipDepth) current += decodeEntities(text);
      continue;
    }
    if (!rawTag) continue; // comment
    const tag = rawTag.toLowerCase();
    const selfClosing = VOID.has(tag) || /\/\s*$/.test(attrs);
    if (skipDepth) {
      if (tag === skipTag && !selfClosing) skipDepth += closing ? -1 : 1;
      continue;
    }
    if (!closing && !selfClosing && isSkipped(tag, attrs)) {
      skipTag = tag;
      skipDepth = 1;
      continue;
    }
    // Images are not described aloud: their alternative text stays for screen readers.
    if (BLOCKS.has(tag)) flush();
  }
  flush();
  return blocks;
}

/** The whole text of a page to read, blocks separated by new lines. */
export function speechText(html: string): string {
  return speechBlocks(html).join('\n');
}
