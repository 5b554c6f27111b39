/**
 * Every message an editor reads about a refused entry, in plain Indonesian, from one place: zod's
 * error customisation (`z.config({ customError })`) says what is wrong with a value, and
 * `describeIssue` puts the field's label (from `.meta({ label })` on the schema) and, inside a
 * list, the item's position and what identifies it in front:
 *
 *   Ringkasan terlalu pendek: tulis paling sedikit 20 huruf (sekarang 7)
 *   Sesi ke-8 (14 Agustus 2027): Nama tempat wajib diisi
 *
 * The content check, the build and the CMS all print these words. Rule texts start in lower case
 * and follow the label ("Ringkasan" + "terlalu pendek…"); a message that is a sentence of its own
 * (upper case) follows the label after a colon.
 */
import { z } from 'astro/zod';
import { MONTHS_ID } from '../platform/i18n/month-names.ts';

declare module 'zod/v4/core' {
  interface GlobalMeta {
    /** The field's name as editors see it in the CMS and in messages. */
    label?: string;
    /** One sentence under the field in the CMS. */
    hint?: string;
    /** Labels of an enum's values, shown instead of the codes. */
    options?: Record<string, string>;
    /** What one item of a list is called ("Sesi"), for "Sesi ke-8". */
    item?: string;
    /** The field of a list item that identifies it in messages ("start" → "14 Agustus 2027"). */
    itemKey?: string;
    /** Date and time fields: how the CMS edits them. */
    date?: 'day' | 'instant' | 'local';
    /** A field naming another entry by its file name: the CMS offers that collection's entries. */
    relation?: { collection: string; display: string };
    /** A field holding an uploaded file. */
    upload?: 'image';
  }
}

const MONTHS = MONTHS_ID;

/** "2027-02-31…" → "31 Februari 2027" (as written, even when that day does not exist). */
export function dayInWords(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return text;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  int: 'bilangan bulat (tanpa koma)',
  boolean: 'pilihan ya atau tidak',
  date: 'tanggal',
  array: 'daftar',
  object: 'kelompok isian',
};

type Issue = z.core.$ZodRawIssue;

function optionLabels(issue: Issue): string[] {
  const values = ((issue as { values?: unknown[] }).values ?? []).map(String);
  const inst = issue.inst as z.ZodType | undefined;
  const labels = inst ? z.globalRegistry.get(inst)?.options : undefined;
  return values.map((v) => labels?.[v] ?? v);
}

const length = (input: unknown): number =>
  typeof input === 'string' ? [...input].length : Array.isArray(input) ? input.length : 0;

/** A number past its bound, with the value written: "terlalu kecil: paling sedikit 1 (sekarang 0)". */
function numberBound(issue: Issue, bound: number, exclusive: string, inclusive: string): string {
  const was = typeof issue.input === 'number' ? ` (sekarang ${issue.input})` : '';
  return `${issue['inclusive'] === false ? exclusive : inclusive} ${bound}${was}`;
}

/** What is wrong with a value, in everyday words, without the field's label. */
export function ruleMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return 'wajib diisi';
      const expected = String((issue as { expected?: string }).expected);
      return `harus berupa ${TYPE_WORDS[expected] ?? 'isian yang benar'}`;
    }
    case 'too_small': {
      const min = Number(issue['minimum']);
      const now = length(issue.input);
      if (issue['origin'] === 'string')
        return now === 0
          ? 'wajib diisi'
          : `terlalu pendek: tulis paling sedikit ${min} huruf (sekarang ${now})`;
      if (issue['origin'] === 'array')
        return now === 0
          ? `wajib diisi: tambahkan paling sedikit ${min === 1 ? 'satu' : min}`
          : `kurang: tambahkan sampai paling sedikit ${min} (sekarang ${now})`;
      return numberBound(issue, min, 'harus lebih dari', 'terlalu kecil: paling sedikit');
    }
    case 'too_big': {
      const max = Number(issue['maximum']);
      const now = length(issue.input);
      if (issue['origin'] === 'string')
        return `terlalu panjang: tulis paling banyak ${max} huruf (sekarang ${now})`;
      if (issue['origin'] === 'array')
        return `terlalu banyak: paling banyak ${max} (sekarang ${now})`;
      return numberBound(issue, max, 'harus kurang dari', 'terlalu besar: paling banyak');
    }
    case 'invalid_format': {
      const format = String(issue['format']);
      if (format === 'email')
        return 'belum berupa alamat surel yang benar, misalnya nama@contoh.go.id';
      if (format === 'url')
        return 'belum berupa alamat web lengkap: tulis yang diawali https:// atau http://';
      return 'belum berbentuk seperti yang diminta (lihat keterangan di bawahnya)';
    }
    case 'invalid_value':
      return `harus salah satu dari: ${optionLabels(issue).join(', ')}`;
    case 'invalid_union':
      return 'belum berbentuk seperti yang diminta (lihat keterangan di bawahnya)';
    case 'unrecognized_keys':
      return `berisi isian yang tidak dikenal: ${((issue as { keys?: string[] }).keys ?? []).join(', ')}`;
    default:
      return undefined;
  }
}

// One place for every message of every schema (the build, the content check and the CMS load
// the schemas, so this runs before any of them parses). zod's Indonesian locale stays as the
// fallback for anything ruleMessage does not cover.
z.config(z.locales.id());
z.config({ customError: ruleMessage });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Def = Record<string, any>;
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** A field's metadata, merged from its wrappers (optional, default, pipe) inwards. */
export function metaOf(schema: z.ZodType): z.core.GlobalMeta {
  const layers: z.core.GlobalMeta[] = [];
  let s: z.ZodType | undefined = schema;
  while (s) {
    const meta = z.globalRegistry.get(s);
    if (meta) layers.push(meta);
    const d = defOf(s);
    s = (d['innerType'] ?? (d['type'] === 'pipe' ? d['in'] : undefined)) as z.ZodType | undefined;
  }
  // Outer layers win: `.meta()` on the field overrides the shared schema's own.
  return Object.assign({}, ...layers.reverse());
}

/** The schema inside wrappers: the object, array or value that a path steps into. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (d['innerType']) s = d['innerType'] as z.ZodType;
    else if (d['type'] === 'pipe') s = d['in'] as z.ZodType;
    else return s;
  }
}

function child(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const d = defOf(unwrapSchema(schema));
  if (d['type'] === 'object') return (d['shape'] as Record<string, z.ZodType>)[String(key)];
  if (d['type'] === 'array' && typeof key === 'number') return d['element'] as z.ZodType;
  return undefined;
}

const IDENTIFYING = ['title', 'name', 'term', 'path', 'publisher'];

/** "14 Agustus 2027" for a session, the title of a source…: what tells one list item from another. */
function identify(item: unknown, key: string | undefined): string {
  if (!item || typeof item !== 'object') return '';
  const record = item as Record<string, unknown>;
  const field = key ?? IDENTIFYING.find((k) => typeof record[k] === 'string' && record[k]);
  let value = field === undefined ? undefined : record[field];
  if (value instanceof Date) value = value.toISOString();
  if (typeof value !== 'string' || !value.trim()) return '';
  const text = /^\d{4}-\d{2}-\d{2}/.test(value) ? dayInWords(value) : value.trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const startsLower = (text: string) => /^[a-z]/.test(text);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The message for one issue as the editor reads it: list items by position (from 1) and what
 * identifies them, then the field's label and what to do.
 */
export function describeIssue(
  root: z.ZodType,
  issue: { path: readonly PropertyKey[]; message: string },
  data: unknown,
): string {
  const places: string[] = [];
  let schema: z.ZodType | undefined = root;
  let value: unknown = data;
  let label = '';
  issue.path.forEach((key, i) => {
    const meta: z.core.GlobalMeta = schema ? metaOf(schema) : {};
    const next: z.ZodType | undefined = schema ? child(schema, key) : undefined;
    value =
      value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const name = meta.item ?? meta.label ?? 'Isian';
      const place = `${name} ke-${key + 1}`;
      if (i === issue.path.length - 1) label = place;
      else {
        const id = identify(value, meta.itemKey);
        places.push(id ? `${place} (${id})` : place);
        label = '';
      }
    } else {
      label = (next && metaOf(next).label) ?? String(key);
    }
    schema = next;
  });
  const message = issue.message.trim().replace(/\.$/, '');
  const text = !label
    ? capitalise(message)
    : message.startsWith(label)
      ? message
      : `${label}${startsLower(message) ? ' ' : ': '}${message}`;
  return places.length > 0 ? `${places.join(', ')}: ${text}` : text;
}
