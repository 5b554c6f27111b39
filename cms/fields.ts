/**
 * Turns the zod schemas in src/schemas/ into Decap CMS field lists. Nothing here names a field of a
 * collection: labels, hints, option labels, relations and uploads are `.meta()` on the schemas,
 * read at run time; widgets, required flags and defaults follow the schema's structure (zod 4
 * `_zod.def`). Checking values is not Decap's job here: every field runs the schema itself
 * (cms/checked-widgets.ts), so the CMS gives the messages of the content check and the build.
 */
import type { z } from 'astro/zod';
import { entryCollections } from '../src/schemas/index.ts';
import { metaOf } from '../src/schemas/messages.ts';

/** The date widget registered in cms/date-widget.ts: Indonesian order, 24-hour, typed as text. */
export const DATE_WIDGET = 'tanggal';

/**
 * Decap's own widgets that the fields (and the body, cms/config.ts) use. cms/decap.ts registers
 * exactly these: Decap's full app adds a dozen more, a code editor and a map among them, which the
 * admin would download for nothing. A field with another widget does not type-check.
 */
export const DECAP_WIDGETS = [
  'string',
  'text',
  'number',
  'boolean',
  'select',
  'relation',
  'image',
  'object',
  'list',
  'markdown',
] as const;
export type DecapWidget = (typeof DECAP_WIDGETS)[number];

export type CmsField = Record<string, unknown> & {
  name: string;
  widget: DecapWidget | typeof DATE_WIDGET;
};

type AnySchema = z.ZodType;
// zod 4 keeps every schema's description in `_zod.def`; its shape differs per type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Def = Record<string, any>;

const def = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

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

const checksOf = (d: Def): Def[] =>
  ((d['checks'] ?? []) as { _zod: { def: Def } }[]).map((c) => c._zod.def);

/** "gratis" or a number: the CMS edits it as text and the file format writes the number. */
function isNumberOrWord(schema: AnySchema): boolean {
  const d = def(schema);
  if (d['type'] !== 'union') return false;
  const types = (d['options'] as AnySchema[]).map((o) => def(o)['type']);
  return types.includes('literal') && types.includes('number');
}

/** Top-level fields holding "gratis" or a whole number, read from the schemas (never changed). */
export const NUMBER_OR_WORD_FIELDS: ReadonlySet<string> = new Set(
  Object.values(entryCollections).flatMap((schema) =>
    Object.entries(def(unwrap(schema).inner)['shape'] as Record<string, AnySchema>)
      .filter(([, field]) => isNumberOrWord(unwrap(field).inner))
      .map(([name]) => name),
  ),
);

/** Labelled options for a select: editors read "Calon pekerja migran (CPMI)", files keep `cpmi`. */
function options(schema: AnySchema) {
  const labels = metaOf(schema).options ?? {};
  return Object.values(def(schema)['entries'] as Record<string, string>).map((value) => ({
    label: labels[value] ?? value,
    value,
  }));
}

const IDENTIFYING = ['title', 'name', 'term', 'labelId', 'publisher'];

/**
 * What a folded list item says. A session reads "Sab, 14 Agu 2027 · 08.00 WIB · Balai Desa …"
 * (Indonesian day and month names: cms/checked-widgets.ts sets dayjs's locale; the zone code and
 * an online session's missing place are put in words there too).
 */
function listSummary(element: AnySchema): string {
  const keys = Object.keys(def(element)['shape'] as Record<string, unknown>);
  if (keys.includes('start') && keys.includes('venue'))
    return "{{fields.start | date('ddd, D MMM YYYY · HH.mm')}} {{fields.timezone}} · {{fields.venue.name}}";
  const key = IDENTIFYING.find((k) => keys.includes(k)) ?? keys[0];
  return `{{fields.${key}}}`;
}

/** Fields of one zod object; `insideOptional` when the object itself may be left out. */
export function fieldsOf(
  object: AnySchema,
  options: { timezone?: string } = {},
  group?: string,
): CmsField[] {
  const shape = def(unwrap(object).inner)['shape'] as Record<string, AnySchema>;
  return Object.entries(shape).map(([key, field]) => fieldFor(key, field, options, group));
}

export function fieldFor(
  name: string,
  schema: AnySchema,
  settings: { timezone?: string } = {},
  /** Label of the optional group this field sits in, for the hint "Wajib bila … diisi". */
  group?: string,
): CmsField {
  const { inner, optional, defaultValue } = unwrap(schema);
  const meta = metaOf(schema);
  let hint = meta.hint;
  // Required inside an optional group: the label says it is required (no "tidak wajib"), and the
  // hint says when.
  if (group && !optional) hint = [hint, `Wajib bila ${group} diisi.`].filter(Boolean).join(' ');
  const base: { name: string } & Record<string, unknown> = {
    name,
    label: meta.label ?? name,
    required: !optional,
    ...(hint ? { hint } : {}),
  };
  if (defaultValue !== undefined) base['default'] = defaultValue;
  const make = (extra: Pick<CmsField, 'widget'> & Record<string, unknown>): CmsField => ({
    ...base,
    ...extra,
  });
  const d = def(inner);

  if (meta.date) {
    return make({
      widget: DATE_WIDGET,
      date_kind: meta.date,
      ...(meta.date === 'instant' && settings.timezone ? { timezone: settings.timezone } : {}),
    });
  }
  if (meta.relation) {
    const multiple = d['type'] === 'array';
    return make({
      widget: 'relation',
      collection: meta.relation.collection,
      search_fields: [meta.relation.display],
      display_fields: [meta.relation.display],
      value_field: '{{slug}}',
      multiple,
      ...(multiple ? {} : { options_length: 50 }),
    });
  }
  if (meta.upload === 'image') return make({ widget: 'image', choose_url: false });

  switch (d['type']) {
    case 'string': {
      const max = checksOf(d).find((c) => c['check'] === 'max_length')?.['maximum'] as number;
      // Sentences get a text area; names, titles and codes a one-line input.
      const long = max > 140 || ['summary', 'definition', 'note'].includes(name);
      return make({ widget: long ? 'text' : 'string' });
    }
    case 'number': {
      const checks = checksOf(d);
      const int = checks.some((c) => c['check'] === 'number_format' && /int/.test(c['format']));
      return make({ widget: 'number', value_type: int ? 'int' : 'float' });
    }
    case 'boolean':
      return make({ widget: 'boolean', default: defaultValue ?? false });
    case 'enum':
      return make({ widget: 'select', options: options(inner) });
    case 'union':
      if (isNumberOrWord(inner)) {
        return make({
          widget: 'string',
          ...(defaultValue === undefined ? {} : { default: String(defaultValue) }),
        });
      }
      break;
    case 'object':
      return make({
        widget: 'object',
        collapsed: false,
        fields: fieldsOf(inner, settings, optional ? String(base['label']) : group),
      });
    case 'array': {
      const element = unwrap(def(inner)['element'] as AnySchema).inner;
      const e = def(element);
      if (e['type'] === 'enum') {
        return make({ widget: 'select', multiple: true, options: options(element) });
      }
      if (e['type'] === 'object') {
        return make({
          widget: 'list',
          collapsed: true,
          summary: listSummary(element),
          ...(meta.item ? { label_singular: meta.item } : {}),
          fields: fieldsOf(element, settings),
        });
      }
      // A list of short texts: one input per item ("satu per baris", as the hints say), so a
      // comma inside an item is kept instead of splitting it as Decap's plain list would.
      const item = fieldFor(name, element, settings);
      return make({
        widget: 'list',
        ...(meta.item ? { label_singular: meta.item } : {}),
        field: { ...item, label: meta.item ?? item.label, required: true },
      });
    }
  }
  throw new Error(`cms/fields.ts: no CMS widget for ${name} (zod type "${d['type']}").`);
}
