/**
 * The CMS config is generated from the zod schemas; these tests prove the two cannot drift: every
 * schema field has its CMS field and back, with the same required flag, options, hint (the field's
 * doc comment) and validation message, and values shaped as the CMS widgets write them pass the
 * schema.
 */
import dayjs from 'dayjs';
import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../cms/config.ts';
import { extractDocsFromSource, extractSchemaDocs } from '../../cms/schema-docs.ts';
import { NUMBER_OR_WORD_FIELDS, type CmsField } from '../../cms/fields.ts';
import { validateEntry } from '../../cms/validate.ts';
import { entryCollections, SettingsSchema } from '~/schemas/index.ts';

const docs = extractSchemaDocs();
const config = buildConfig({ docs });

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

  it('uses the GitHub editorial workflow in production and decap-server locally', () => {
    expect(config.backend.name).toBe('github');
    expect(config).toHaveProperty('publish_mode', 'editorial_workflow');
    const local = buildConfig({ docs, local: true, decapPort: 8085 });
    expect(local).not.toHaveProperty('publish_mode');
    expect(local.local_backend.url).toBe('http://localhost:8085/api/v1');
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
        const insideOptionalObject = path.split('.').some((_, i, parts) => {
          if (i === parts.length - 1) return false;
          const parent = fromCms.get(parts.slice(0, i + 1).join('.'));
          return parent?.widget === 'object' && parent['required'] === false;
        });
        expect(field['required'], path).toBe(!optional && !insideOptionalObject);
        expect(String(field['label']), path).not.toBe(field.name);
        expect(String(field['hint'] ?? ''), `${path} has no doc comment`).not.toBe('');
        const d = def(s);
        if (d['type'] === 'enum')
          expect(field['options'], path).toEqual(Object.values(d['entries']));
        if (d['type'] === 'array' && def(unwrap(d['element']).inner)['type'] === 'enum') {
          expect(field['options'], path).toEqual(
            Object.values(def(unwrap(d['element']).inner)['entries']),
          );
        }
      }
    },
  );

  it('takes hints from the doc comment above each field', () => {
    const docsOf = extractDocsFromSource(
      'x.ts',
      'export const A = z.object({\n  /** Judul. */\n  title: z.string(),\n  /**\n   * Dua\n   * baris.\n   */\n  b: z.string(),\n});',
    );
    expect(docsOf).toEqual({ A: { title: 'Judul.', b: 'Dua baris.' } });
    const news = config.collections.find((c) => c.name === 'berita') as { fields: CmsField[] };
    const dateHint = String(news.fields.find((f) => f.name === 'date')?.['hint']);
    expect(dateHint.startsWith(docs['NewsSchema']?.['date'] ?? '?')).toBe(true);
    expect(dateHint).toMatch(/dibangun pada atau sesudah tanggal itu/);
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
    expect(String(term?.['hint'])).toContain(docs['TermSchema']?.['needsCheck'] ?? '?');
  });

  it('gives a pattern the schema message, and it refuses what the schema refuses', () => {
    const course = config.collections.find((c) => c.name === 'pelatihan') as { fields: CmsField[] };
    const id = cmsPaths(course.fields).get('sessions.id')!;
    const [source, message] = id['pattern'] as [string, string];
    expect(new RegExp(source).test('Sesi Desember')).toBe(false);
    expect(new RegExp(source).test('2026-12-sanankulon')).toBe(true);
    expect(message).toMatch(/huruf kecil/);
  });

  it.each(schemas)('%s: date widgets save values the schema accepts', (_n, schema, fields) => {
    const fromCms = cmsPaths(fields);
    for (const [path, { s }] of schemaPaths(schema)) {
      const field = fromCms.get(path)!;
      if (field.widget !== 'datetime') continue;
      // What Decap's datetime widget writes: dayjs(typed value).format(field.format).
      const written = dayjs('2026-12-05T08:00').format(String(field['format']));
      const parsed = s.safeParse(written);
      expect(parsed.success, `${path}: ${written}`).toBe(true);
      if (field['format'] === 'YYYY-MM-DDTHH:mm') expect(parsed.data).toBe('2026-12-05T08:00');
    }
  });
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

  it('refuses an invalid entry with the schema message, naming the field', () => {
    const problems = validateEntry(
      'berita',
      { ...news, until: '2026-12-01', program: 'Bukan Slug' },
      NUMBER_OR_WORD_FIELDS,
    );
    expect(problems).toContain(
      'until: "until" hanya untuk pengumuman. Ubah jenis menjadi pengumuman atau hapus tanggal ini.',
    );
    expect(problems.some((p) => p.startsWith('program: Gunakan huruf kecil'))).toBe(true);
  });

  it('checks English entries against the same schema', () => {
    expect(validateEntry('berita_en', { ...news, title: '' }, NUMBER_OR_WORD_FIELDS)[0]).toMatch(
      /^title: /,
    );
  });
});
