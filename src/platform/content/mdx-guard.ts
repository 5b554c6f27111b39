/**
 * The MDX guard: what content that editors can change may contain. Content is written in the CMS by
 * office staff; if an editor account is ever taken over, the attacker must not be able to put script
 * on a page that vulnerable readers trust, nor make their phones call another site.
 *
 * Allowed: Markdown, the author components of src/user-components/ (no import needed; in .mdx files
 * only, plain Markdown .md files have none), and a few inline HTML tags. Refused, naming the line: `import`/`export`, `{…}` expressions, any other tag
 * (`<script>`, `<iframe>`, `<style>`, `<div>`…), event handler and `style` attributes, attribute
 * values written as code, links and images with a `javascript:`, `data:` or any scheme other than
 * http(s), mailto and tel, images from other sites and images by reference (`![x][ref]`, whose address
 * a definition elsewhere gives). Escaped characters (`\{`, `&lt;`) are text.
 *
 * This module works on the mdast tree (the unist shape Astro's Markdown pipeline and satteri share),
 * so the build plugin (src/integrations/content-guard.ts) and `npm run check:content` run the same
 * rules.
 */
import { COLLECTIONS, COLLECTION_NAMES, entryExtension } from '../../model/collections.ts';
import {
  USER_COMPONENT_NAMES,
  checkComponentAttributes,
  type UserComponentName,
} from '../../user-components/contracts.ts';

export interface GuardProblem {
  /** 1-based line in the file. */
  line: number;
  message: string;
}

/** What is written in plain Markdown, in editors' words: "berita & pengumuman dan pelatihan". */
const PLAIN_MARKDOWN = COLLECTION_NAMES.filter((name) => entryExtension(name) === 'md')
  .map((name) => COLLECTIONS[name].cms[0].toLowerCase())
  .join(' dan ');

/** Inline HTML editors may write, with the attributes each may carry. */
export const ALLOWED_HTML: Readonly<Record<string, readonly string[]>> = {
  br: [],
  abbr: ['title'],
  sup: [],
  sub: [],
  kbd: [],
};

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const URL_ATTRIBUTE =
  /^(href|src|srcset|url|action|formaction|poster|cite|background|data)$|(url|href|src)$/i;

export interface Node {
  type: string;
  position?: { start: { line: number } } | undefined;
  children?: Node[];
  value?: unknown;
  url?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

/** Decodes the character references an attacker could use to hide a scheme (`javascript&#58;`). */
function decodeReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
}

/** The scheme a browser would see: it drops ASCII whitespace and control characters first. */
export function urlScheme(url: string): string | undefined {
  const cleaned = decodeReferences(url).replace(/[\u0000-\u0020\u007f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match?.[1]?.toLowerCase();
}

/** Why a URL is refused, or undefined when it is fine. */
export function unsafeUrl(url: string): string | undefined {
  const scheme = urlScheme(url);
  if (scheme === undefined || SAFE_SCHEMES.has(scheme)) return undefined;
  return `Alamat "${url.slice(0, 40)}" dilarang: tautan hanya boleh diawali https://, http://, mailto:, tel: atau / (halaman situs ini).`;
}

const componentList = () => USER_COMPONENT_NAMES.join(', ');
const htmlList = () => Object.keys(ALLOWED_HTML).join(', ');

function checkAttributes(node: Node, isComponent: boolean, report: (m: string) => void): void {
  const tag = node.name ?? '';
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      report(`<${tag}>: atribut {…} adalah kode dan tidak boleh dipakai.`);
      continue;
    }
    const name = attribute.name;
    if (/^on/i.test(name)) {
      report(`<${tag}>: atribut ${name} (kode JavaScript) dilarang.`);
      continue;
    }
    if (name.toLowerCase() === 'style') {
      report(`<${tag}>: atribut style dilarang; tampilan diatur oleh situs.`);
      continue;
    }
    if (!isComponent && !(ALLOWED_HTML[tag] ?? []).includes(name)) {
      report(`<${tag}>: atribut ${name} tidak boleh dipakai.`);
      continue;
    }
    const value = attribute.value;
    if (value !== null && value !== undefined && typeof value !== 'string') {
      report(
        `<${tag}>: nilai ${name}={…} adalah kode. Tulis nilainya dalam tanda kutip, misalnya ${name}="…".`,
      );
      continue;
    }
    if (typeof value === 'string' && URL_ATTRIBUTE.test(name)) {
      const why = unsafeUrl(value);
      if (why) report(`<${tag}> ${name}: ${why}`);
    }
  }
}

/** An author component's attributes against its contract (src/user-components/contracts.ts). */
function checkContract(node: Node, name: UserComponentName, report: (m: string) => void): void {
  const attributes: Record<string, string> = {};
  for (const attribute of node.attributes ?? []) {
    // Code-valued attributes were refused above; a bare attribute (`<Callout title>`) is empty.
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) return;
    if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string')
      return;
    attributes[attribute.name] = attribute.value ?? '';
  }
  for (const message of checkComponentAttributes(name, attributes)) report(message);
}

const RAW_TAG = /<\/?([a-zA-Z][\w:-]*)([^>]*)>|<!--[\s\S]*?-->|<[!?][^>]*>/g;

/** Raw HTML nodes exist only in plain Markdown (.md); MDX parses tags as JSX elements instead. */
function checkRawHtml(html: string, report: (m: string) => void): void {
  for (const match of html.matchAll(RAW_TAG)) {
    // Comments are never rendered; a closing tag was already reported with its opening tag.
    if (match[0].startsWith('<!--') || match[0].startsWith('</')) continue;
    const tag = match[1]?.toLowerCase();
    if (!tag) {
      report(`"${match[0].slice(0, 30)}" tidak boleh dipakai.`);
      continue;
    }
    // A component pasted from a guide: Markdown shows no components, so say that, not "HTML".
    if (/^[A-Z]/.test(match[1] ?? '')) {
      report(
        `Komponen <${match[1]}> tidak bisa dipakai di berkas Markdown biasa (.md), seperti ${PLAIN_MARKDOWN}. Tulis isinya dengan Markdown: paragraf, daftar, judul, huruf tebal, tautan.`,
      );
      continue;
    }
    if (!(tag in ALLOWED_HTML)) {
      report(`Tag HTML <${tag}> tidak boleh dipakai. Yang boleh: ${htmlList()}.`);
      continue;
    }
    for (const attr of (match[2] ?? '').matchAll(
      /([^\s=/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g,
    )) {
      const name = attr[1] ?? '';
      const value = (attr[2] ?? '').replace(/^["']|["']$/g, '');
      if (/^on/i.test(name)) report(`<${tag}>: atribut ${name} (kode JavaScript) dilarang.`);
      else if (!(ALLOWED_HTML[tag] ?? []).includes(name.toLowerCase()))
        report(`<${tag}>: atribut ${name} tidak boleh dipakai.`);
      else if (unsafeUrl(value)) report(`<${tag}> ${name}: ${unsafeUrl(value)}`);
    }
  }
}

/**
 * A paragraph of plain Markdown that starts like MDX's `import`/`export` line: pasted from an MDX
 * file, it would show on the page as text. Ordinary sentences ("import dari Malaysia") pass.
 */
const ESM_LINE =
  /^(?:import\s+(?:[\w$*{][^\n]*?\s+from\s*)?['"]|export\s+(?:default|const|let|var|function|class)\b|export\s*[{*])/;

/**
 * The node types the guard looks at; every other node (text, emphasis, lists…) is safe in itself.
 * The build's plugin (src/integrations/content-guard.ts) asks the parser for these only.
 */
export const GUARDED_TYPES = [
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'html',
  'paragraph',
  'link',
  'definition',
  'image',
  'imageReference',
] as const;

/** Checks one node (not its children), reporting each problem; `line` is the node's line. */
export function checkNode(node: Node, line: number, problems: GuardProblem[]): void {
  const report = (message: string) => problems.push({ line, message });
  switch (node.type) {
    case 'mdxjsEsm':
      report(
        `"import" dan "export" tidak boleh dipakai di isi. Komponen ${componentList()} bisa langsung dipakai tanpa import.`,
      );
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      report(
        'Kurung kurawal {…} dibaca sebagai kode dan tidak boleh dipakai. Bila maksudnya teks biasa, tulis \\{ dan \\}.',
      );
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      const isComponent = /^[A-Z]/.test(name);
      if (!name) {
        report('Tag kosong <>…</> tidak boleh dipakai.');
      } else if (isComponent && !(USER_COMPONENT_NAMES as readonly string[]).includes(name)) {
        report(`Komponen <${name}> tidak dikenal. Yang boleh: ${componentList()}.`);
      } else if (!isComponent && !(name in ALLOWED_HTML)) {
        report(
          `Tag HTML <${name}> tidak boleh dipakai. Yang boleh: ${htmlList()} dan komponen ${componentList()}; selebihnya pakai Markdown.`,
        );
      } else {
        checkAttributes(node, isComponent, report);
        if (isComponent) checkContract(node, name as UserComponentName, report);
      }
      return;
    }
    case 'html':
      checkRawHtml(String(node.value ?? ''), report);
      return;
    case 'paragraph': {
      const first = node.children?.[0];
      if (first?.type === 'text' && ESM_LINE.test(String(first.value ?? '')))
        report(
          `"import" dan "export" adalah kode dan tidak boleh dipakai di isi. Tulis isinya dengan Markdown saja.`,
        );
      return;
    }
    case 'link':
    case 'definition': {
      const why = unsafeUrl(node.url ?? '');
      if (why) report(why);
      return;
    }
    case 'image': {
      const url = node.url ?? '';
      const scheme = urlScheme(url);
      if (unsafeUrl(url)) report(unsafeUrl(url)!);
      else if (scheme !== undefined || url.startsWith('//'))
        report(
          `Gambar "${url.slice(0, 40)}" harus disimpan di situs ini (unggah lewat CMS), bukan diambil dari situs lain.`,
        );
      return;
    }
    case 'imageReference':
      // Its address sits in a definition elsewhere, where the image rule above cannot see it.
      report(
        'Gambar harus ditulis langsung sebagai ![keterangan](/alamat-gambar) (unggah lewat CMS), bukan lewat rujukan [nama].',
      );
      return;
  }
}

/** Checks an mdast tree (with positions) and returns every problem found, in document order. */
export function guardTree(root: Node): GuardProblem[] {
  const problems: GuardProblem[] = [];
  const visit = (node: Node, inherited: number) => {
    const line = node.position?.start.line ?? inherited;
    checkNode(node, line, problems);
    for (const child of node.children ?? []) visit(child, line);
  };
  visit(root, 1);
  return problems;
}

/**
 * Replaces a leading YAML frontmatter block with blank lines, as Astro's MDX pipeline does, so line
 * numbers of the body stay the line numbers of the file.
 */
export function blankFrontmatter(text: string): string {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(text);
  if (!match) return text;
  return match[0].replace(/[^\n]/g, '') + text.slice(match[0].length);
}

/** "content/x.mdx:12: message" – the form both the build and the content check print. */
export function formatGuardProblem(file: string, problem: GuardProblem): string {
  return `${file}:${problem.line}: ${problem.message}`;
}
