/** Every collection with its schema and content format: the one list the site, checks and CMS read. */
import { GuideSchema } from './panduan.ts';
import { ProgramSchema } from './program.ts';
import { NewsSchema } from './berita.ts';
import { CourseSchema } from './pelatihan.ts';
import { ServicePointSchema } from './layanan.ts';
import { TermSchema } from './glosarium.ts';
import { SettingsSchema } from './settings.ts';

/** Collections whose entries are MDX files in content/<name>/<locale>/<slug>.mdx. */
export const entryCollections = {
  panduan: GuideSchema,
  program: ProgramSchema,
  berita: NewsSchema,
  pelatihan: CourseSchema,
  layanan: ServicePointSchema,
  glosarium: TermSchema,
} as const;

export type EntryCollectionName = keyof typeof entryCollections;

/** The one settings entry lives at content/settings/site.yaml. */
export const SETTINGS_FILE = 'content/settings/site.yaml';
export { SettingsSchema };
