/**
 * Wires each content folder to its loader and schema (the schemas live in src/schemas/); Astro
 * reads it through src/content.config.ts. Every import here is relative and none goes through
 * Vite, so Node can load this module by itself in a build (see that file).
 */
// From astro/content/config, not the astro:content module: the same function, but the module pulls
// Astro's page runtime (about 60 more modules) through Vite's module runner before every content
// sync, 0.3-0.5 s of each build's start (README, "Scale").
import { defineCollection } from 'astro/content/config';
import type { CollectionConfig } from 'astro/content/config';
import { glob, type Loader } from 'astro/loaders';
import {
  entryCollections,
  SETTINGS_FILE,
  SettingsSchema,
  type EntryCollectionName,
} from '../../schemas/index.ts';
import { COLLECTION_NAMES, entryExtension, type CollectionName } from '../../model/collections.ts';
import { EXAMPLES_DIR, examplesIncluded } from '../../features/training/examples.ts';
import { siteAddress } from './site-address.ts';
import { contentDirectory, loadSettings, settingsPath } from './settings-file.ts';
import { contentChecked } from './check-gate.ts';
import { reuseUnchangedEntries } from './unchanged-entries.ts';

/**
 * Every loader waits for the build's content check (src/integrations/content-check.ts), which runs
 * beside Astro's start: an entry the check refuses never reaches Astro's own validation. Files
 * whose text the content layer already holds are not parsed again
 * (src/platform/content/unchanged-entries.ts).
 */
const afterCheck = <L extends Loader>(loader: L): L => ({
  ...loader,
  load: async (context) => {
    await contentChecked();
    return loader.load(reuseUnchangedEntries(context));
  },
});

/** MIGRASI_CONTENT_DIR lets the benchmark and the tests build another content tree; the site uses content/. */
const CONTENT_DIR = contentDirectory();

/**
 * Entries live in content/<name>/<locale>/<slug>.<extension> (.mdx, or .md for collections written
 * in plain Markdown, see src/model/collections.ts); the id becomes "<locale>/<slug>". A file with
 * the other extension is refused by the content check, which runs before every build.
 *
 * `retainBody: false`: no page reads an entry's raw text (Markdown entries are rendered while the
 * content layer syncs, MDX entries are modules), and every build writes the whole data store and
 * reads it again to render the pages (src/integrations/data-store-file.ts). Without the raw text
 * the store is 28 instead of 52 MB at 10,000 entries (README, "Scale").
 */
const entriesIn = (name: CollectionName) =>
  afterCheck(
    glob({
      pattern: `*/*.${entryExtension(name)}`,
      base: `${CONTENT_DIR}/${name}`,
      retainBody: false,
    }),
  );

/** One content collection per entry of the collections table, plus the settings file. */
const entryCollectionConfigs = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [
    name,
    defineCollection({ loader: entriesIn(name), schema: entryCollections[name] }),
  ]),
) as unknown as {
  [K in EntryCollectionName]: CollectionConfig<
    (typeof entryCollections)[K],
    ReturnType<typeof glob>
  >;
};

/**
 * Example courses (fictional, in examples/pelatihan/<locale>/) join the catalogue only when the
 * build asks for them with MIGRASI_EXAMPLES=1; otherwise this collection stays empty.
 */
const exampleCourses = afterCheck(
  examplesIncluded()
    ? glob({ pattern: '*/*.{md,mdx}', base: `./${EXAMPLES_DIR}/pelatihan`, retainBody: false })
    : {
        name: 'no-examples',
        load: async ({ store }: { store: { clear(): void } }) => store.clear(),
      },
);

export const collections = {
  ...entryCollectionConfigs,
  pelatihanContoh: defineCollection({
    loader: exampleCourses,
    schema: entryCollections.pelatihan,
  }),
  settings: defineCollection({
    loader: afterCheck({
      name: 'settings-file',
      load: async ({ store, parseData, watcher }) => {
        // Read and validated by the one settings reader (src/platform/content/settings-file.ts),
        // as astro.config.mjs and the content check read them: a mistake reads the same everywhere.
        const settings = { ...loadSettings() };
        // The address the site is published at: SITE_URL from the deploy workflow, else the
        // settings (src/platform/content/site-address.ts); astro.config.mjs makes the same choice.
        settings.siteUrl = siteAddress(settings.siteUrl).url;
        const data = await parseData({ id: 'site', data: settings, filePath: SETTINGS_FILE });
        store.set({ id: 'site', data, filePath: SETTINGS_FILE });
        watcher?.add(settingsPath());
      },
    }),
    schema: SettingsSchema,
  }),
};
