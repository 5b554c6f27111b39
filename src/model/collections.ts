/**
 * The content collections, declared once: where each one's pages live, how the site search types
 * it, what the offline copy keeps, the kicker of its link-preview cards and its name in the CMS.
 * The content layer's wiring (src/platform/content/content-collections.ts), the CMS config, the
 * search index, the service worker and the link-preview cards iterate this table. Its schema is
 * src/schemas/<name>.ts, joined to the name in src/schemas/index.ts, which the type checker holds
 * to this table. A new collection is its schema, one descriptor here, its route(s) under
 * src/pages/[...lang]/ and its strings.
 *
 * Plain data, no imports: the browser's search script reads it too, so it must not pull in zod.
 */
export interface CollectionDescriptor {
  /** First path segments of its pages, without the language prefix; the first is its home. */
  routes: readonly string[];
  /**
   * What the service worker keeps for offline reading after the first visit: `pages` the list
   * and every entry page (but the `exclude`d folders), `list` the list page only, `none` nothing.
   */
  precache: 'pages' | 'list' | 'none';
  precacheExclude?: readonly string[];
  /** UI string key of the kicker on an entry's own link-preview card; none = the section's card. */
  card?: `og.${string}`;
  /** Name in the CMS: [plural, singular]. */
  cms: readonly [string, string];
  /**
   * `false` when entries are written once, in the default language, and their pages are shown in
   * every language with translated labels (courses); otherwise each language has its own entries.
   */
  translated?: boolean;
  /**
   * How entries are written: `mdx` (the default) is Markdown with the author components of
   * src/user-components/; `md` is plain Markdown, which Astro renders once while it syncs the
   * content (and caches between builds) instead of bundling one module per entry, and which the
   * CMS edits without component buttons.
   */
  extension?: 'md' | 'mdx';
  /**
   * `true` when its entry pages carry the "Dengarkan" player (src/features/listen/Listen.astro,
   * which refuses to render anywhere else): after a build, the audio step looks for players of
   * pages copied from the incremental cache under these collections' routes only.
   */
  listen?: boolean;
}

/**
 * The collections' names, in the order readers see them (search filters). Spelled out as well as
 * being the keys below, checked to agree by the type checker, so that the browser's search script
 * can take the names without the descriptors.
 */
export const COLLECTION_NAMES = [
  'panduan',
  'program',
  'berita',
  'pelatihan',
  'glosarium',
  'layanan',
] as const;

export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** Collections whose entries are files content/<name>/<locale>/<slug>.<extension>; the key is <name>. */
export const COLLECTIONS = {
  panduan: {
    routes: ['panduan'],
    precache: 'pages',
    // The printable booklet repeats every guide in one long page: cached when opened.
    precacheExclude: ['cetak'],
    card: 'og.guide',
    cms: ['Panduan', 'Panduan'],
    listen: true,
  },
  program: {
    routes: ['program'],
    precache: 'none',
    card: 'og.program',
    cms: ['Program', 'Program'],
    listen: true,
  },
  berita: {
    routes: ['berita'],
    precache: 'none',
    cms: ['Berita & pengumuman', 'Berita'],
    // Most entries of a large site are news: as plain Markdown they cost the build no module each.
    extension: 'md',
  },
  pelatihan: {
    routes: ['pelatihan', 'jadwal'],
    precache: 'none',
    card: 'og.course',
    cms: ['Pelatihan', 'Pelatihan'],
    translated: false,
    // Course descriptions are short plain text (the facts are fields): no module per course.
    extension: 'md',
  },
  layanan: {
    routes: ['layanan'],
    precache: 'pages',
    cms: ['Layanan', 'Tempat layanan'],
  },
  glosarium: {
    routes: ['glosarium'],
    precache: 'list',
    cms: ['Glosarium', 'Istilah'],
  },
} as const satisfies Record<CollectionName, CollectionDescriptor>;

// Every descriptor has a name in COLLECTION_NAMES and every name a descriptor.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Exact<keyof typeof COLLECTIONS, CollectionName> = true;
void namesMatch;

/** The file extension of a collection's entries: `md` (plain Markdown) or `mdx` (with components). */
export function entryExtension(name: CollectionName): 'md' | 'mdx' {
  const descriptor: CollectionDescriptor = COLLECTIONS[name];
  return descriptor.extension ?? 'mdx';
}

/** The collection whose pages live under a first path segment ("jadwal" → pelatihan). */
export function collectionOfSegment(segment: string | undefined): CollectionName | undefined {
  return COLLECTION_NAMES.find((name) =>
    (COLLECTIONS[name].routes as readonly string[]).includes(segment ?? ''),
  );
}
