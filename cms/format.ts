/**
 * The file formats the CMS reads and writes: YAML frontmatter + a body that always builds, as MDX
 * (`.mdx`, with the author components) or as plain Markdown (`.md`, for collections written
 * without components, see src/model/collections.ts).
 *
 * Decap's markdown widget knows Markdown, not MDX (decap#1776): when an editor types, it writes the
 * whole body again, and text such as `{`, `}` or `<` would then be read by MDX as code and break
 * the build. So on every save, outside the author components' own tags and code, those characters
 * are escaped; a body that is already safe comes out unchanged. Plain Markdown reads `{` and `}` as
 * text, so there only `<` is escaped: typed `<b>` stays text instead of becoming a tag that the
 * content guard refuses. Empty optional fields that Decap leaves behind ('' or {}) are dropped, so
 * a save never writes a value the schema refuses.
 */
import { parse } from 'yaml';
import { patchYaml, toYaml } from './yaml-patch.ts';

export { toYaml };

/** How a body is written: MDX (author components allowed) or plain Markdown. */
export type BodyDialect = 'mdx' | 'md';

/** The author components (src/user-components/) whose tags pass through untouched. */
export const COMPONENT_NAMES = ['Callout', 'Steps', 'Checklist', 'SourceNote'] as const;

const ATTRS = String.raw`(?:\s+[a-zA-Z]+="[^"\n]*")*`;
const CODE_SPAN = '(`+)[\\s\\S]*?\\1';
/** Kept verbatim in MDX: a component tag, a `<br />` or an inline code span. */
const KEEP_MDX = new RegExp(
  String.raw`<\/?(?:${COMPONENT_NAMES.join('|')})${ATTRS}\s*\/?>|<br\s*\/?>|` + CODE_SPAN,
  'g',
);
/** Kept verbatim in plain Markdown: an autolink, a `<br />` or an inline code span. */
const KEEP_MD = new RegExp(String.raw`<https?:\/\/[^\s<>]+>|<br\s*\/?>|` + CODE_SPAN, 'g');
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Escapes the characters a dialect would read as code, unless a backslash already escapes them. */
function escapeText(text: string, dialect: BodyDialect): string {
  if (dialect === 'md') {
    return text.replace(/(\\*)</g, (all, slashes: string) =>
      slashes.length % 2 === 1 ? all : `${slashes}\\<`,
    );
  }
  return text
    .replace(/<(https?:\/\/[^\s>]+)>/g, '[$1]($1)')
    .replace(/(\\*)([{}<])/g, (all, slashes: string, char: string) =>
      slashes.length % 2 === 1 ? all : `${slashes}\\${char}`,
    );
}

function escapeLine(line: string, dialect: BodyDialect): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(dialect === 'md' ? KEEP_MD : KEEP_MDX)) {
    out += escapeText(line.slice(last, match.index), dialect);
    out += match[0].startsWith('<br') ? '<br />' : match[0];
    last = match.index + match[0].length;
  }
  return out + escapeText(line.slice(last), dialect);
}

/** Makes Markdown written by the CMS safe to build in the given dialect. Idempotent. */
export function toSafeBody(body: string, dialect: BodyDialect): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let fence: string | null = null;
  const out = lines.map((line) => {
    const f = FENCE.exec(line)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length) fence = null;
      return line;
    }
    if (f) {
      fence = f;
      return line;
    }
    // Indented code (4 spaces, not inside a list item) is shown verbatim by Markdown as well.
    if (/^ {4,}\S/.test(line) && !/^\s*([-*+]|\d+[.)])\s/.test(line.trimStart())) return line;
    // Decap's serializer writes bullets as "* "; the content is written with "- ". A line that
    // starts with "* " is always a bullet (emphasis cannot open before a space), so this keeps the
    // file's own style and a one-word edit stays a one-word diff.
    return escapeLine(line.replace(/^(\s*)\* (?=\S)/, '$1- '), dialect);
  });
  return `${out.join('\n').trim()}\n`;
}

/** Makes Markdown written by the CMS safe to compile as MDX. Idempotent. */
export const toSafeMdx = (body: string): string => toSafeBody(body, 'mdx');

/** Drops what Decap leaves in empty optional fields: '', null, and objects left empty. */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(pruneEmpty).filter((v) => v !== undefined);
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const pruned = pruneEmpty(v);
      if (pruned !== undefined) out[key] = pruned;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (value === '' || value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/** Frontmatter data as the schema reads it: empty values dropped, "150000" → 150000 where allowed. */
export function normaliseData(
  data: Record<string, unknown>,
  numberOrWord: ReadonlySet<string>,
): Record<string, unknown> {
  const out = (pruneEmpty(data) ?? {}) as Record<string, unknown>;
  for (const key of numberOrWord) {
    const v = out[key];
    if (typeof v === 'string' && /^\d+$/.test(v.trim())) out[key] = Number(v.trim());
  }
  return out;
}

/** Keys in the order of the CMS form (Decap passes it), so files read like the form. */
export function inFieldOrder(
  data: Record<string, unknown>,
  sortedKeys: readonly string[],
): Record<string, unknown> {
  const rank = (k: string) => {
    const i = sortedKeys.indexOf(k);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => rank(a) - rank(b)));
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Where the file as it was read travels with the entry: Decap hands `toFile` only the data (also
 * for its local draft backups), so the original text rides along under this key, which no schema
 * knows and no field shows.
 */
export const ORIGINAL_KEY = '__file';

function splitFile(content: string): { yaml: string; body: string } {
  const match = FRONTMATTER.exec(content);
  return match
    ? { yaml: match[1] ?? '', body: content.slice(match[0].length) }
    : { yaml: '', body: content };
}

/** The format of entry files: frontmatter patched in place, the body made safe for `dialect`. */
export function createEntryFormat(numberOrWord: ReadonlySet<string>, dialect: BodyDialect) {
  return {
    fromFile(content: string): Record<string, unknown> {
      const { yaml, body } = splitFile(content);
      const data = (parse(yaml) ?? {}) as Record<string, unknown>;
      for (const key of numberOrWord) {
        if (typeof data[key] === 'number') data[key] = String(data[key]);
      }
      return { ...data, body: body.replace(/^\n+/, ''), [ORIGINAL_KEY]: content };
    },
    toFile(entry: Record<string, unknown>, sortedKeys: string[] = []): string {
      const { body = '', [ORIGINAL_KEY]: original, ...rest } = entry;
      const data = normaliseData(rest, numberOrWord);
      const before = typeof original === 'string' ? splitFile(original) : undefined;
      const yaml = before
        ? patchYaml(before.yaml, data, sortedKeys)
        : toYaml(inFieldOrder(data, sortedKeys));
      const text = toSafeBody(String(body), dialect);
      // An untouched body keeps its bytes (blank lines, trailing spaces) exactly.
      const oldBody = before?.body.replace(/^\n+/, '');
      const newBody =
        oldBody !== undefined && toSafeBody(oldBody, dialect) === text ? oldBody : text;
      const gap = before ? (/^\n*/.exec(before.body)?.[0] ?? '\n') : '\n';
      return `---\n${yaml.trimEnd()}\n---\n${gap}${newBody}`;
    },
  };
}

export function createYamlFormat(numberOrWord: ReadonlySet<string>) {
  return {
    fromFile: (content: string) => ({
      ...((parse(content) ?? {}) as Record<string, unknown>),
      [ORIGINAL_KEY]: content,
    }),
    toFile(entry: Record<string, unknown>, sortedKeys: string[] = []): string {
      const { [ORIGINAL_KEY]: original, ...rest } = entry;
      const data = normaliseData(rest, numberOrWord);
      return typeof original === 'string'
        ? patchYaml(original, data, sortedKeys)
        : toYaml(inFieldOrder(data, sortedKeys));
    },
  };
}
