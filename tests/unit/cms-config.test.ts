/**
 * The CMS config is generated from the zod schemas; these tests prove the two cannot drift: every
 * schema field has its CMS field and back, with the same required flag, labelled options, label
 * and hint (the field's `.meta()`), and values typed the way the CMS widgets take them pass the
 * schema.
 */
import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { buildConfig, ENTRY_FORMATS } from '../../cms/config.ts';
import { editorComponents } from '../../cms/editor-components.ts';
import { toStored } from '../../cms/date-widget.ts';
import {
  DATE_WIDGET,
  DECAP_WIDGETS,
  NUMBER_OR_WORD_FIELDS,
  type CmsField,
} from '../../cms/fields.ts';
import { validateEntry } from '../../cms/validate.ts';
import { courseInput, courseWithUnnamedVenue } from './catalogue-fixtures.ts';
import { entryCollections, SettingsSchema } from '~/schemas/index.ts';
import { metaOf } from '~/schemas/messages.ts';
import { entryExtension, type CollectionName } from '~/model/collections.ts';

const config = buildConfig({ timezone: 'Asia/Makassar' });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Def = Record<string, any>;
const def = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = s;
  let optional = false;
  while (['optional', 'default'].includes(def(inner)['type'])) {
    optional = true;
    inner = def(inner)['innerType'];
  }
  return { inner, optional };
}

/** "sessions.venue.name" → whether the schema makes it optional, for every nested field. */
function schemaPaths(
  object: z.ZodType,
  prefix = '',
): Map<string, { optional: boolean; s: z.ZodType }> {
  const out = new Map<string, { optional: boolean; s: z.ZodType }>();
  for (const [key, field] of Object.entries(def(object)['shape'] as Record<string, z.ZodType>)) {
    const path = prefix + key;
    const { inner, optional } = unwrap(field);
    out.set(path, { optional, s: inner });
    const d = def(inner);
    const nested =
      d['type'] === 'object'
        ? inner
        : d['type'] === 'array' && def(unwrap(d['element']).inner)['type'] === 'object'
          ? unwrap(d['element']).inner
          : null;
    if (nested) for (const [k, v] of schemaPaths(nested, `${path}.`)) out.set(k, v);
  }
  return out;
}

function cmsPaths(fields: CmsField[], prefix = ''): Map<string, CmsField> {
  const out = new Map<string, CmsField>();
  for (const field of fields) {
    const path = prefix + field.name;
    out.set(path, field);
    if (Array.isArray(field['fields'])) {
      for (const [k, v] of cmsPaths(field['fields'] as CmsField[], `${path}.`)) out.set(k, v);
    }
  }
  return out;
}

const schemas: [string, z.ZodType, CmsField[]][] = [
  ...Object.entries(entryCollections).map(([name, schema]) => {
    const collection = config.collections.find((c) => c.name === name);
    const fields = (collection && 'fields' in collection ? collection.fields : []) as CmsField[];
    return [name, schema, fields.filter((f) => f.name !== 'body')] as [
      string,
      z.ZodType,
      CmsField[],
    ];
  }),
  [
    'settings',
    SettingsSchema,
    (config.collections.find((c) => c.name === 'settings') as { files: { fields: CmsField[] }[] })
      .files[0]!.fields,
  ],
];

describe('CMS config generated from the schemas', () => {
  it('names every collection after its content folder, Indonesian first', () => {
    const names = config.collections.map((c) => c.name);
    for (const name of [...Object.keys(entryCollections), 'settings'])
      expect(names).toContain(name);
    for (const c of config.collections) {
      if ('folder' in c)
        expect(c.folder).toBe(
          `content/${c.name.replace(/_en$/, '')}/${c.name.endsWith('_en') ? 'en' : 'id'}`,
        );
    }
    expect(config.locale).toBe('id');
    expect(config.load_config_file).toBe(false);
  });

  it('saves each collection with the extension and format of its descriptor', () => {
    for (const c of config.collections) {
      if (!('folder' in c)) continue;
      const name = c.name.replace(/_en$/, '') as CollectionName;
      const extension = entryExtension(name);
      expect(c.extension, c.name).toBe(extension);
      expect(c.format, c.name).toBe(ENTRY_FORMATS[extension]);
      const body = c.fields.find((f) => f.name === 'body')!;
      // Plain Markdown has no author components: its editor offers none.
      if (extension === 'md') expect(body.editor_components, c.name).toEqual([]);
      else expect(body.editor_components, c.name).toEqual(editorComponents.map((e) => e.id));
    }
    const news = config.collections.find((c) => c.name === 'berita');
    expect(news && 'extension' in news && news.extension).toBe('md');
  });

  it('uses the GitHub editorial workflow in production and decap-server locally', () => {
    expect(config.backend.name).toBe('github');
    expect(config).toHaveProperty('publish_mode', 'editorial_workflow');
    const local = buildConfig({ local: true, decapPort: 8085 });
    expect(local).not.toHaveProperty('publish_mode');
    expect(local.local_backend.url).toBe('http://localhost:8085/api/v1');
  });

  it('uses no widget but those cms/decap.ts and cms/date-widget.ts register', () => {
    // The admin registers only Decap's widgets the fields use: a field with another widget
    // would show Decap's "no control for widget" box instead of an input.
    const registered = new Set<string>([...DECAP_WIDGETS, DATE_WIDGET]);
    const used = new Set<string>();
    const walk = (fields: CmsField[]) => {
      for (const field of fields) {
        used.add(field.widget);
        if (Array.isArray(field['fields'])) walk(field['fields'] as CmsField[]);
        if (field['field']) walk([field['field'] as CmsField]);
      }
    };
    for (const built of [config, buildConfig({ local: true })]) {
      for (const collection of built.collections) {
        walk(
          ('fields' in collection
            ? collection.fields
            : collection.files.flatMap((f) => f.fields)) as CmsField[],
        );
      }
    }
    expect([...used].filter((widget) => !registered.has(widget))).toEqual([]);
    // Every registered widget is used: one left over is code every editor downloads.
    expect([...registered].filter((widget) => !used.has(widget))).toEqual([]);
  });

  it.each(schemas)('%s: every schema field has its CMS field and back', (_name, schema, fields) => {
    const fromSchema = schemaPaths(schema);
    const fromCms = cmsPaths(fields);
    expect([...fromCms.keys()].sort()).toEqual([...fromSchema.keys()].sort());
  });

  it.each(schemas)(
    '%s: required, options, labels and hints follow the schema',
    (_n, schema, fields) => {
      const fromCms = cmsPaths(fields);
      for (const [path, { optional, s }] of schemaPaths(schema)) {
        const field = fromCms.get(path)!;
        // "(tidak wajib)" appears exactly where the schema lets the field be left out; a field
        // required inside an optional group is required (its hint says when).
        expect(field['required'], path).toBe(!optional);
        expect(String(field['label']), path).not.toBe(field.name);
        expect(String(field['hint'] ?? ''), `${path} has no hint in .meta()`).not.toBe('');
        const d = def(s);
        const enumOf =
          d['type'] === 'enum' ? s : d['type'] === 'array' ? unwrap(d['element']).inner : null;
        if (enumOf && def(enumOf)['type'] === 'enum' && !metaOf(s).relation) {
          const options = field['options'] as { label: string; value: string }[];
          expect(
            options.map((o) => o.value),
            path,
          ).toEqual(Object.values(def(enumOf)['entries']));
          // Editors read labels, never codes.
          for (const o of options) expect(o.label, `${path}: ${o.value}`).not.toBe(o.value);
        }
      }
    },
  );

  it('takes labels and hints from .meta() on the schema', () => {
    const course = config.collections.find((c) => c.name === 'pelatihan') as { fields: CmsField[] };
    const name = cmsPaths(course.fields).get('sessions.venue.name')!;
    expect(name['label']).toBe('Nama tempat');
    expect(name['required']).toBe(true);
    expect(String(name['hint'])).toMatch(/Wajib bila Tempat diisi/);
    const venue = cmsPaths(course.fields).get('sessions.venue')!;
    expect(venue['required']).toBe(false);
    expect(course).toHaveProperty('label', 'Pelatihan');
  });

  it('lets editors mark a glossary term as needing checks, in the same list widget guides use', () => {
    const fieldOf = (name: string) =>
      (config.collections.find((c) => c.name === name) as { fields: CmsField[] }).fields.find(
        (f) => f.name === 'needsCheck',
      );
    const term = fieldOf('glosarium');
    const guide = fieldOf('panduan');
    expect(term).toBeDefined();
    expect(term?.['widget']).toBe(guide?.['widget']);
    expect(term?.['required']).toBe(false);
    expect(String(term?.['hint'])).toMatch(/perlu dicek ulang/);
  });

  it('folds a session into its day, time, zone and place', () => {
    const course = config.collections.find((c) => c.name === 'pelatihan') as { fields: CmsField[] };
    const sessions = cmsPaths(course.fields).get('sessions')!;
    expect(sessions['summary']).toBe(
      "{{fields.start | date('ddd, D MMM YYYY · HH.mm')}} {{fields.timezone}} · {{fields.venue.name}}",
    );
  });

  it.each(schemas)(
    '%s: dates typed in Indonesian order are saved as the schema wants',
    (_n, schema, fields) => {
      const fromCms = cmsPaths(fields);
      for (const [path, { s }] of schemaPaths(schema)) {
        const field = fromCms.get(path)!;
        if (field.widget !== 'tanggal') continue;
        const kind = field['date_kind'] as 'day' | 'local' | 'instant';
        const written = toStored('05-12-2026 08.00', kind, String(field['timezone'] ?? ''));
        const parsed = s.safeParse(written);
        expect(parsed.success, `${path}: ${written}`).toBe(true);
        if (kind === 'local') expect(parsed.data).toBe('2026-12-05T08:00');
        if (kind === 'day') expect(written).toBe('2026-12-05');
        if (kind === 'instant') expect(written).toBe('2026-12-05T08:00:00+08:00');
        // 31 February is kept as typed, so the schema can call it an impossible date.
        const impossible = s.safeParse(toStored('31-02-2027 08.00', kind, 'Asia/Jakarta'));
        expect(impossible.error?.issues[0]?.message, path).toMatch(
          /tanggal yang mustahil: 31 Februari 2027/,
        );
      }
    },
  );
});

describe('pre-save check', () => {
  const news = {
    title: 'Pendaftaran pelatihan dibuka',
    date: '2026-11-20T08:00:00+07:00',
    summary: 'Ringkasan satu kalimat yang cukup panjang.',
    kind: 'berita',
    region: '',
    body: 'Isi',
  };

  it('accepts an entry shaped as the CMS writes it (empty optional fields left as "")', () => {
    expect(validateEntry('berita', news, NUMBER_OR_WORD_FIELDS)).toEqual([]);
  });

  it('refuses an invalid entry with the words of the content check', () => {
    const problems = validateEntry(
      'berita',
      { ...news, until: '2026-12-01', program: 'Bukan Slug', summary: 'Pendek' },
      NUMBER_OR_WORD_FIELDS,
    );
    expect(problems).toContain(
      'Tampil sampai hanya untuk pengumuman: ubah Jenis menjadi Pengumuman atau kosongkan tanggal ini',
    );
    expect(problems).toContain(
      'Program harus memakai huruf kecil, angka dan tanda hubung saja, misalnya "cek-izin-p3mi"',
    );
    expect(problems).toContain(
      'Ringkasan terlalu pendek: tulis paling sedikit 20 huruf (sekarang 6)',
    );
  });

  it('names a session by its place in the list and its day', () => {
    const course = courseWithUnnamedVenue();
    const problems = validateEntry('pelatihan', course, NUMBER_OR_WORD_FIELDS);
    expect(problems).toEqual(['Sesi ke-2 (14 Agustus 2027): Nama tempat wajib diisi']);
  });

  it('refuses a course marked as an example: the CMS edits content/, where examples are refused', () => {
    const course = courseInput({ sessions: [], body: 'Isi' });
    expect(validateEntry('pelatihan', course, NUMBER_OR_WORD_FIELDS)).toEqual([]);
    expect(validateEntry('pelatihan', { ...course, example: true }, NUMBER_OR_WORD_FIELDS)).toEqual(
      [expect.stringMatching(/^Data contoh tidak boleh disimpan di content\//)],
    );
  });

  it('checks English entries against the same schema', () => {
    expect(validateEntry('berita_en', { ...news, title: '' }, NUMBER_OR_WORD_FIELDS)).toEqual([
      'Judul wajib diisi',
    ]);
  });
});
