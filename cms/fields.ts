/**
 * Turns the zod schemas in src/schemas/ into Decap CMS field lists. Nothing here names a field of a
 * collection by hand except the small maps in cms/labels.ts; widgets, required flags, defaults,
 * options, patterns and messages are all read from the schemas (zod 4 `_zod.def`).
 */
import type { z } from 'astro/zod';
import * as shared from '../src/schemas/shared.ts';
import * as panduan from '../src/schemas/panduan.ts';
import * as program from '../src/schemas/program.ts';
import * as berita from '../src/schemas/berita.ts';
import * as pelatihan from '../src/schemas/pelatihan.ts';
import * as layanan from '../src/schemas/layanan.ts';
import * as glosarium from '../src/schemas/glosarium.ts';
import * as settings from '../src/schemas/settings.ts';
import type { SchemaDocs } from './schema-docs.ts';
import { FIELD_LABELS, HINT_NOTES, IMAGE_FIELDS, RELATIONS } from './labels.ts';

export type CmsField = Record<string, unknown> & { name: string; widget: string };

type AnySchema = z.ZodType;
// zod 4 keeps every schema's description in `_zod.def`; its shape differs per type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Def = Record<string, any>;

const def = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Export name of every schema object and every field of a plain field group (editorialFields). */
const exportNames = new Map<unknown, string>();
const groupFieldDocs = new Map<unknown, [string, string]>();
for (const mod of [shared, panduan, program, berita, pelatihan, layanan, glosarium, settings]) {
  for (const [name, value] of Object.entries(mod)) {
    if (value && typeof value === 'object' && '_zod' in value) {
      if (!exportNames.has(value)) exportNames.set(value, name);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, field] of Object.entries(value)) groupFieldDocs.set(field, [name, key]);
    }
  }
}

/** Date and time schemas are transforms; they are recognised by identity, not by shape. */
const DATE_WIDGETS = new Map<unknown, { widget: string } & Record<string, unknown>>([
  [
    shared.DaySchema,
    { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false },
  ],
  // An instant keeps the offset of the editor's computer: the moment is right wherever they are.
  [shared.InstantSchema, { widget: 'datetime', format: 'YYYY-MM-DDTHH:mm:ssZ' }],
  // Wall-clock time at the venue: saved exactly as typed, with no zone conversion (decap#7319).
  [pelatihan.LocalDateTimeSchema, { widget: 'datetime', format: 'YYYY-MM-DDTHH:mm' }],
  [pelatihan.LocalDeadlineSchema, { widget: 'datetime', format: 'YYYY-MM-DDTHH:mm' }],
]);

/** Field names holding "gratis" or a whole number: the CMS stores text, the format converts. */
export const NUMBER_OR_WORD_FIELDS = new Set<string>();

/** The field that names a list item best, for the collapsed list row. */
function listSummary(element: AnySchema): string {
  const keys = Object.keys(def(element)['shape'] as Record<string, unknown>);
  const key = ['title', 'name', 'term', 'start', 'path'].find((k) => keys.includes(k)) ?? keys[0];
  return `{{fields.${key}}}`;
}

interface Unwrapped {
  inner: AnySchema;
  optional: boolean;
  defaultValue?: unknown;
}

function unwrap(schema: AnySchema): Unwrapped {
  let inner = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const d = def(inner);
    if (d['type'] === 'optional') optional = true;
    else if (d['type'] === 'default') {
      optional = true;
      defaultValue =
        typeof d['defaultValue'] === 'function' ? d['defaultValue']() : d['defaultValue'];
    } else break;
    inner = d['innerType'] as AnySchema;
  }
  return { inner, optional, defaultValue };
}

/** The message zod gives for a value, so the CMS says exactly what the build would say. */
function messageFor(schema: AnySchema, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** A Decap `pattern` for a string schema: its regex or format check, else its length limits. */
function stringPattern(schema: AnySchema): [string, string] | undefined {
  const d = def(schema);
  const checks = (d['checks'] ?? []) as { _zod: { def: Def } }[];
  const all = [d, ...checks.map((c) => c._zod.def)];
  for (const c of all) {
    if (c['check'] !== 'string_format') continue;
    const message = (c['error']?.({ input: '' }) as string | undefined) ?? messageFor(schema, '');
    if (c['format'] === 'url') return ['^https?://\\S+$', message ?? ''];
    if (c['pattern'] instanceof RegExp) return [c['pattern'].source, message ?? ''];
  }
  const min = all.find((c) => c['check'] === 'min_length')?.['minimum'] as number | undefined;
  const max = all.find((c) => c['check'] === 'max_length')?.['maximum'] as number | undefined;
  if (min === undefined && max === undefined) return undefined;
  const messages = [
    min !== undefined ? messageFor(schema, 'x'.repeat(Math.max(0, min - 1))) : undefined,
    max !== undefined ? messageFor(schema, 'x'.repeat(max + 1)) : undefined,
  ].filter(Boolean);
  const message = messages.join(' · ');
  // Leading and trailing spaces are trimmed by the schema, so they do not count.
  return [`^\\s*[\\s\\S]{${min ?? 0},${max ?? ''}}\\s*$`, message ?? ''];
}

function numberOptions(schema: AnySchema): Record<string, unknown> {
  const checks = ((def(schema)['checks'] ?? []) as { _zod: { def: Def } }[]).map((c) => c._zod.def);
  const options: Record<string, unknown> = {
    value_type: checks.some((c) => c['check'] === 'number_format' && /int/.test(c['format']))
      ? 'int'
      : 'float',
  };
  for (const c of checks) {
    if (c['check'] === 'greater_than') options['min'] = c['value'];
    if (c['check'] === 'less_than') options['max'] = c['value'];
  }
  return options;
}

/** `.meta({ label, hint })` on a field, for fields made from a table (one per language). */
function metaOf(field: AnySchema): { label?: string; hint?: string } {
  return ((field as { meta?: () => unknown }).meta?.() ?? {}) as { label?: string; hint?: string };
}

function hintFor(owner: string | undefined, key: string, field: AnySchema, docs: SchemaDocs) {
  const own = (owner ? docs[owner]?.[key] : undefined) ?? metaOf(field).hint;
  if (own) return own;
  const group = groupFieldDocs.get(field);
  return group ? docs[group[0]]?.[group[1]] : undefined;
}

/** Fields of one zod object; `path` is "<collection>.<field>…" for the maps in labels.ts. */
export function fieldsOf(
  object: AnySchema,
  path: string,
  docs: SchemaDocs,
  insideOptional = false,
): CmsField[] {
  const shape = def(object)['shape'] as Record<string, AnySchema>;
  const owner = exportNames.get(object);
  return Object.entries(shape).map(([key, field]) => {
    const hint = hintFor(owner, key, field, docs);
    const cmsField = fieldFor(key, field, `${path}.${key}`, hint, docs);
    // Decap validates the children of an optional object even when it is left empty, which
    // would block e.g. an online session without a venue. The pre-save check (cms/validate.ts)
    // still refuses a half-filled object with the schema's own message.
    return insideOptional ? { ...cmsField, required: false } : cmsField;
  });
}

export function fieldFor(
  name: string,
  schema: AnySchema,
  path: string,
  hint: string | undefined,
  docs: SchemaDocs,
): CmsField {
  const { inner, optional, defaultValue } = unwrap(schema);
  const note = HINT_NOTES[path];
  if (note) hint = hint ? `${hint} ${note}` : note;
  const base: { name: string } & Record<string, unknown> = {
    name,
    label: metaOf(schema).label ?? FIELD_LABELS[name] ?? name,
    required: !optional,
    ...(hint ? { hint } : {}),
  };
  if (defaultValue !== undefined) base['default'] = defaultValue;
  const make = (extra: { widget: string } & Record<string, unknown>): CmsField => ({
    ...base,
    ...extra,
  });
  const d = def(inner);
  const relation = RELATIONS[path];
  const date = DATE_WIDGETS.get(inner);

  if (date) return make({ ...date });
  if (relation) {
    const multiple = d['type'] === 'array';
    return make({
      widget: 'relation',
      collection: relation.collection,
      search_fields: [relation.display],
      display_fields: [relation.display],
      value_field: '{{slug}}',
      multiple,
      ...(multiple ? {} : { options_length: 50 }),
    });
  }
  if (IMAGE_FIELDS.has(path)) return make({ widget: 'image', choose_url: false });

  switch (d['type']) {
    case 'string': {
      const pattern = stringPattern(inner);
      const checks = ((d['checks'] ?? []) as { _zod: { def: Def } }[]).map((c) => c._zod.def);
      const max = checks.find((c) => c['check'] === 'max_length')?.['maximum'] as number;
      // Sentences get a text area; names, titles and codes a one-line input.
      const long = max > 140 || name === 'summary' || name === 'definition' || name === 'note';
      return make({ widget: long ? 'text' : 'string', ...(pattern ? { pattern } : {}) });
    }
    case 'number':
      return make({ widget: 'number', ...numberOptions(inner) });
    case 'boolean':
      return make({ widget: 'boolean', default: defaultValue ?? false });
    case 'enum':
      return make({
        widget: 'select',
        options: Object.values(d['entries'] as Record<string, string>),
      });
    case 'union': {
      const options = d['options'] as AnySchema[];
      const words = options.filter((o) => def(o)['type'] === 'literal');
      if (words.length > 0 && options.some((o) => def(o)['type'] === 'number')) {
        NUMBER_OR_WORD_FIELDS.add(name);
        const literals = words.flatMap((w) => [...(def(w)['values'] as unknown[])]);
        return make({
          widget: 'string',
          ...(defaultValue === undefined ? {} : { default: String(defaultValue) }),
          pattern: [`^(${literals.join('|')}|[0-9]+)$`, messageFor(inner, 'x') ?? ''],
        });
      }
      break;
    }
    case 'object':
      return make({
        widget: 'object',
        collapsed: false,
        fields: fieldsOf(inner, path, docs, optional),
      });
    case 'array': {
      const element = unwrap(def(inner)['element'] as AnySchema).inner;
      const e = def(element);
      const minItems = ((d['checks'] ?? []) as { _zod: { def: Def } }[])
        .map((c) => c._zod.def)
        .find((c) => c['check'] === 'min_length')?.['minimum'] as number | undefined;
      const limits = minItems ? { min: minItems } : {};
      if (e['type'] === 'enum') {
        return make({
          widget: 'select',
          multiple: true,
          ...limits,
          options: Object.values(e['entries'] as Record<string, string>),
        });
      }
      if (e['type'] === 'object') {
        return make({
          widget: 'list',
          collapsed: true,
          ...limits,
          summary: listSummary(element),
          fields: fieldsOf(element, path, docs),
        });
      }
      // A list of short texts: one input per item ("satu per baris", as the hints say), so a
      // comma inside an item is kept instead of splitting it as Decap's plain list would.
      return make({
        widget: 'list',
        ...limits,
        field: fieldFor(name, element, `${path}.item`, undefined, docs),
      });
    }
  }
  throw new Error(`cms/fields.ts: no CMS widget for ${path} (zod type "${d['type']}").`);
}
