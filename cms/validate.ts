/**
 * The whole-entry check run before every save (Decap `preSave` event): the same zod schema and the
 * same Indonesian message as `npm run check:content` and the build, so an entry the build would
 * refuse never reaches git.
 */
import type { z } from 'astro/zod';
import { entryCollections, SettingsSchema } from '../src/schemas/index.ts';
import { normaliseData } from './format.ts';
import { LOCALES } from '../src/model/languages.ts';

/** Collection name in the CMS ("berita", "berita_en", "settings") → its schema. */
export function schemaFor(collection: string): z.ZodType | undefined {
  if (collection === 'settings') return SettingsSchema;
  const base = LOCALES.reduce(
    (name, code) => name.replace(new RegExp(`_${code}$`), ''),
    collection,
  );
  return entryCollections[base as keyof typeof entryCollections];
}

/** Problems as "field: message" lines (the build prints "file: field: message"). */
export function validateEntry(
  collection: string,
  data: Record<string, unknown>,
  numberOrWord: ReadonlySet<string>,
): string[] {
  const schema = schemaFor(collection);
  if (!schema) return [];
  const { body: _body, ...rest } = data;
  const result = schema.safeParse(normaliseData(rest, numberOrWord));
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
}

export class EntryInvalidError extends Error {
  constructor(problems: string[]) {
    super(`Isi belum benar, perbaiki lalu simpan lagi: ${problems.join(' · ')}`);
    this.name = 'EntryInvalidError';
  }
}
