/**
 * Writes new data into an existing YAML text by changing only the text of the values that changed.
 *
 * Decap re-serialises a whole file on every save (key order, quoting, list style); a reviewer of
 * the pull request then sees every line changed. Here the original is parsed with `yaml`'s
 * Document API, which keeps where each node sits in the text, and only the ranges of changed
 * values are replaced: a one-field change is a one-line diff, an added list item is the lines of
 * that item, and every other line stays byte-identical. A block map or list is entered and
 * compared item by item; a scalar keeps its quoting; a flow list (`[a, b]`) that changed is
 * written again as one.
 */
import {
  Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

export const YAML_OPTIONS = {
  lineWidth: 0,
  flowCollectionPadding: false,
  singleQuote: true,
} as const;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Lists of plain values on one line (`audience: [cpmi, pmi]`), as authors write them here. */
export function flowScalarLists(doc: Document | Node): void {
  visit(doc, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
}

/** YAML for new data, in the style the content is written in. */
export function toYaml(data: unknown): string {
  const doc = new Document(data);
  flowScalarLists(doc);
  return doc.toString(YAML_OPTIONS);
}

/** Equal as data: same values, key order ignored. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => sameData(v, b[i]))
    );
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) =>
        sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return false;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

const range = (node: unknown): [number, number, number] | undefined =>
  isNode(node) ? (node.range ?? undefined) : undefined;

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Index just after the end of the line that `at` is on (past its newline). */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl + 1;
}

const indentOf = (text: string, at: number) => at - lineStart(text, at);

/** `lines` indented by `indent` spaces, first line included. */
function indented(lines: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return lines
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

const keyOf = (pair: Pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);

/** The text a value is written as on its own; a scalar keeps the quoting it had. */
function valueText(value: unknown, old: unknown): string {
  const doc = new Document(value);
  flowScalarLists(doc);
  if (isScalar(old) && isScalar(doc.contents) && old.type) doc.contents.type = old.type;
  return doc.toString(YAML_OPTIONS).trimEnd();
}

class Patcher {
  readonly edits: Edit[] = [];
  readonly text: string;
  readonly order: readonly string[];
  constructor(text: string, order: readonly string[]) {
    this.text = text;
    this.order = order;
  }

  /** Replaces a whole `key: value` pair (from the key to the end of its value's line). */
  private replacePair(pair: Pair, value: unknown): void {
    const key = range(pair.key);
    const val = range(pair.value) ?? key;
    if (!key || !val) return;
    const indent = indentOf(this.text, key[0]);
    const rendered = toYaml({ [keyOf(pair)]: value }).trimEnd();
    const end = lineEnd(this.text, Math.max(val[1] - 1, key[1]));
    this.edits.push({
      start: lineStart(this.text, key[0]),
      end,
      text: `${indented(rendered, indent)}\n`,
    });
  }

  map(map: YAMLMap, next: Record<string, unknown>): void {
    const items = map.items as Pair[];
    items.forEach((pair, i) => {
      const name = keyOf(pair);
      const key = range(pair.key);
      if (!key) return;
      if (!(name in next)) {
        // Up to the next key (or the end of the map): the pair and any lines of its value.
        const following = range(items[i + 1]?.key);
        const end = following ? lineStart(this.text, following[0]) : this.endOf(map);
        this.edits.push({ start: lineStart(this.text, key[0]), end, text: '' });
        return;
      }
      this.value(pair, next[name]);
    });
    const present = new Set(items.map(keyOf));
    for (const [name, value] of Object.entries(next)) {
      if (present.has(name)) continue;
      this.insertPair(map, name, value);
    }
  }

  private endOf(node: Node): number {
    const r = range(node);
    return r ? lineEnd(this.text, Math.max(r[1] - 1, r[0])) : this.text.length;
  }

  /** A new field goes where the form has it: after the last field before it that the file has. */
  private insertPair(map: YAMLMap, name: string, value: unknown): void {
    const items = map.items as Pair[];
    const rank = this.order.indexOf(name);
    let at = items.length;
    if (rank !== -1) {
      const before = items.findLastIndex((p) => {
        const r = this.order.indexOf(keyOf(p));
        return r !== -1 && r < rank;
      });
      at = before + 1;
    }
    const first = range(items[0]?.key);
    const indent = first ? indentOf(this.text, first[0]) : 0;
    const text = `${indented(toYaml({ [name]: value }).trimEnd(), indent)}\n`;
    const nextKey = range(items[at]?.key);
    const position = nextKey ? lineStart(this.text, nextKey[0]) : this.endOf(map);
    this.edits.push({ start: position, end: position, text });
  }

  private value(pair: Pair, next: unknown): void {
    const node = pair.value;
    const current = isNode(node) ? (node.toJSON() as unknown) : node;
    if (sameData(current, next)) return;
    if (isMap(node) && !node.flow && isRecord(next)) return this.map(node, next);
    if (isSeq(node) && !node.flow && Array.isArray(next)) return this.seq(node, next);
    const r = range(node);
    const simple = next === null || typeof next !== 'object';
    if (r && isScalar(node) && simple) {
      this.edits.push({ start: r[0], end: r[1], text: valueText(next, node) });
      return;
    }
    if (r && isSeq(node) && node.flow && Array.isArray(next) && next.every((v) => !isRecord(v))) {
      this.edits.push({ start: r[0], end: r[1], text: valueText(next, node) });
      return;
    }
    this.replacePair(pair, next);
  }

  private seq(seq: YAMLSeq, next: unknown[]): void {
    const items = seq.items;
    items.forEach((item, i) => {
      const r = range(item);
      if (!r) return;
      if (i >= next.length) {
        // "- " starts the item's first line; the item runs until the next item or the list's end.
        const following = range(items[i + 1]);
        const end = following ? lineStart(this.text, following[0]) : this.endOf(seq);
        this.edits.push({ start: lineStart(this.text, r[0]), end, text: '' });
        return;
      }
      const value = next[i];
      const current = isNode(item) ? (item.toJSON() as unknown) : item;
      if (sameData(current, value)) return;
      if (isMap(item) && !item.flow && isRecord(value)) return this.map(item, value);
      if (isScalar(item) && (value === null || typeof value !== 'object')) {
        this.edits.push({ start: r[0], end: r[1], text: valueText(value, item) });
        return;
      }
      const indent = indentOf(this.text, r[0]) - 2;
      const end = this.endOfItem(items, i, seq);
      this.edits.push({
        start: lineStart(this.text, r[0]),
        end,
        text: `${indented(toYaml([value]).trimEnd(), Math.max(indent, 0))}\n`,
      });
    });
    if (next.length > items.length) {
      const first = range(items[0]);
      const indent = first ? Math.max(indentOf(this.text, first[0]) - 2, 0) : 0;
      const added = toYaml(next.slice(items.length)).trimEnd();
      const at = this.endOf(seq);
      this.edits.push({ start: at, end: at, text: `${indented(added, indent)}\n` });
    }
  }

  private endOfItem(items: unknown[], i: number, seq: YAMLSeq): number {
    const following = range(items[i + 1]);
    return following ? lineStart(this.text, following[0]) : this.endOf(seq);
  }

  result(): string {
    let out = this.text;
    for (const edit of [...this.edits].sort((a, b) => b.start - a.start)) {
      out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    }
    return out;
  }
}

/**
 * `data` written over `original` (a YAML mapping): the lines of unchanged values are kept as they
 * are. `order` is the form's field order, for where a new field goes. Falls back to writing the
 * data afresh when the original is not a block mapping.
 */
export function patchYaml(
  original: string,
  data: Record<string, unknown>,
  order: readonly string[] = [],
): string {
  const doc = parseDocument(original, { keepSourceTokens: false });
  const text = original.endsWith('\n') ? original : `${original}\n`;
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.flow) return toYaml(data);
  const patcher = new Patcher(text, order);
  patcher.map(doc.contents, data);
  return patcher.result();
}
