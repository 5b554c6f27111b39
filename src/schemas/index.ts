/** Every collection's schema, joined to its name in the collections table (src/model/collections.ts). */
import type { z } from 'astro/zod';
import type { CollectionName } from '../model/collections.ts';
import { GuideSchema } from './panduan.ts';
import { ProgramSchema } from './program.ts';
import { NewsSchema } from './berita.ts';
import { CourseSchema } from './pelatihan.ts';
import { ServicePointSchema } from './layanan.ts';
import { TermSchema } from './glosarium.ts';
import { SettingsSchema } from './settings.ts';

/**
 * Collections whose entries are files in content/<name>/<locale>/<slug>.mdx (or .md, see the
 * collections table), with their schemas: exactly the collections of the table (a missing or extra one fails the type check).
 */
export const entryCollections = {
  panduan: GuideSchema,
  program: ProgramSchema,
  berita: NewsSchema,
  pelatihan: CourseSchema,
  layanan: ServicePointSchema,
  glosarium: TermSchema,
} as const satisfies Record<CollectionName, z.ZodType>;

export type EntryCollectionName = CollectionName;

/** The one settings entry lives at content/settings/site.yaml. */
export const SETTINGS_FILE = 'content/settings/site.yaml';
export { SettingsSchema };
