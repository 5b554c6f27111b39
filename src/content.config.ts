/** Wires each content folder to its loader and schema. The schemas live in src/schemas/. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { entryCollections, SETTINGS_FILE, SettingsSchema } from '~/schemas/index.ts';

/** MIGRASI_CONTENT_DIR lets the benchmark build another content tree; the site uses content/. */
const CONTENT_DIR = process.env['MIGRASI_CONTENT_DIR'] ?? './content';

/** Entries live in content/<name>/<locale>/<slug>.mdx; the id becomes "<locale>/<slug>". */
const entriesIn = (name: string) =>
  glob({ pattern: '*/*.{md,mdx}', base: `${CONTENT_DIR}/${name}` });

export const collections = {
  panduan: defineCollection({ loader: entriesIn('panduan'), schema: entryCollections.panduan }),
  program: defineCollection({ loader: entriesIn('program'), schema: entryCollections.program }),
  berita: defineCollection({ loader: entriesIn('berita'), schema: entryCollections.berita }),
  pelatihan: defineCollection({
    loader: entriesIn('pelatihan'),
    schema: entryCollections.pelatihan,
  }),
  layanan: defineCollection({ loader: entriesIn('layanan'), schema: entryCollections.layanan }),
  glosarium: defineCollection({
    loader: entriesIn('glosarium'),
    schema: entryCollections.glosarium,
  }),
  settings: defineCollection({
    loader: {
      name: 'settings-file',
      load: async ({ store, parseData, watcher }) => {
        const path = process.env['MIGRASI_CONTENT_DIR']
          ? pathToFileURL(join(CONTENT_DIR, SETTINGS_FILE.replace(/^content\//, '')))
          : new URL(`../${SETTINGS_FILE}`, import.meta.url);
        const data = await parseData({
          id: 'site',
          data: parse(await readFile(path, 'utf8')) as Record<string, unknown>,
          filePath: SETTINGS_FILE,
        });
        store.set({ id: 'site', data, filePath: SETTINGS_FILE });
        watcher?.add(path.pathname);
      },
    },
    schema: SettingsSchema,
  }),
};
