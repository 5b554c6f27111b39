/**
 * Astro's incremental build (experimental.incrementalBuild, the pages' `cacheKey`s in
 * src/platform/content/page-keys.ts) over the previous output (src/integrations/previous-output.ts)
 * must publish the same site as a cold build. On a copy of the content with the example courses,
 * a page's worth of generated news (so the news list has later pages) and a pinned clock: build
 * cold, change one news item's title, build again the same day over the output with the cache
 * kept (as CI publishes), then once more a day later after another news item was deleted; compare
 * each rebuild with a cold build of the same content on the same day, into an empty folder, byte
 * for byte, and check which pages were rendered again.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentCopy } from './content-copy-build.ts';
import { generateEntries, writeEntries } from '../../bench/generate.ts';
import { contentCheckLine } from '../../bench/lib/report.ts';
import { ASTRO_COPIES } from '../../src/integrations/previous-output.ts';

// Five builds of the site; the first reads the guides aloud unless the audio cache has them.
const BUILD_TIMEOUT = 1_800_000;
const work = mkdtempSync(join(tmpdir(), 'migrasi-incremental-'));
const contentDir = join(work, 'content');
const cache = join(work, 'cache');
const NOW = '2026-11-30T01:00:00Z';
const NEXT_DAY = '2026-12-01T01:00:00Z';

/**
 * One build through Astro's JavaScript API (as the benchmark does), then copied to `name`. A
 * rebuild builds over what the build before left in work/dist, always the same folder as in CI
 * (Astro's hash of a page's code depends on it); a cold build (`cold`, with a cache of its own)
 * into an empty folder of its own, so that it does not take the place of the last build into
 * work/dist. Returns the pages Astro reused.
 */
async function build(
  name: string,
  cacheDir: string,
  now: string,
  cold = false,
  extra: { into?: string; env?: Record<string, string> } = {},
): Promise<Set<string>> {
  const dist = join(work, extra.into ?? (cold ? 'dist-cold' : 'dist'));
  if (cold) rmSync(dist, { recursive: true, force: true });
  const env = {
    ...process.env,
    MIGRASI_CONTENT_DIR: contentDir,
    MIGRASI_EXAMPLES: '1',
    BUILD_NOW: now,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra.env,
  };
  const log = await buildContentCopy(dist, cacheDir, env);
  // Astro wrote no copy of the pages into its cacheDir (src/integrations/previous-output.ts).
  expect(log, log).not.toMatch(/Astro copied the pages into its cacheDir/);
  cpSync(dist, join(work, name), { recursive: true });
  // Astro writes "├─ /berita/x/index.html (restored)" for a page it copied from its cache.
  const reused = new Set<string>();
  // Astro colours its log: the colour codes are stripped first.
  const lines = log.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  // The content check ran beside Astro's start (src/integrations/content-check.ts) and passed
  // before the content layer had loaded any entry; the benchmark reads its line.
  const passed = lines.findIndex((l) => l.startsWith('Isi situs benar:'));
  expect(passed, log).toBeGreaterThan(-1);
  expect(passed, log).toBeLessThan(lines.findIndex((l) => l.includes('[content] Synced content')));
  expect(contentCheckLine(lines).waitedSeconds).toBeGreaterThanOrEqual(0);
  // Node, not Vite's module runner, loaded the collections' wiring (src/content.config.ts).
  expect(lines.join('\n'), log).toMatch(
    /content-check\] passed .*\(content config loaded by Node\)/,
  );
  // The bundle the pages are rendered from was made, or reused from the last build
  // (src/integrations/bundle-reuse.ts); a made one is kept for the next build.
  const reusedBundle = lines.some((l) =>
    l.includes('bundle: reused from the last build, nothing it is made of changed'),
  );
  bundleReused.set(name, reusedBundle);
  if (!reusedBundle) expect(log, log).toMatch(/bundle: made \(.*\); kept for the next build/);
  // The data store is read from its file, not bundled (src/integrations/data-store-file.ts): the
  // byte-for-byte comparisons below then hold for the pages rendered from it. A reused bundle is
  // one that read it so.
  expect(log, log).toMatch(
    reusedBundle
      ? /bundle: reused .*the data store read from its file/
      : /data store: read from \S+data-store\.json when the pages are rendered/,
  );
  const mdx = lines
    .map((l) => /mdx modules: (\d+) from the cache, (\d+) compiled/.exec(l))
    .find((m) => m !== null);
  // A reused bundle asks for no MDX module, and leaves the kept ones for the next bundle.
  if (reusedBundle) {
    expect(mdx, log).toBeUndefined();
    expect(log, log).toContain('mdx modules: none needed, the bundle of the last build was reused');
  } else expect(mdx, log).toBeTruthy();
  mdxModules.set(name, { fromCache: Number(mdx?.[1] ?? 0), compiled: Number(mdx?.[2] ?? 0) });
  // The sitemap's files copied from the cacheDir (src/integrations/sitemap-cache.ts), or written.
  sitemapFromCache.set(
    name,
    lines.some((l) => l.includes("sitemap: the pages' addresses are those of the last build")),
  );
  for (const line of lines) {
    const m = /├─ (\S+) \((restored|cached)\)/.exec(line);
    if (m?.[1]) reused.add(m[1]);
    // "restored": copied from Astro's cacheDir; "cached": left as it was in the output.
    if (m?.[2] === 'restored') copied.push(`${name}: ${m[1]}`);
  }
  return reused;
}

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

/** A news item of the default language that names a programme, and that programme's page. */
function newsWithProgramme(): { file: string; slug: string; program: string } {
  const dir = join(contentDir, 'berita/id');
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const program = /^program: (\S+)$/m.exec(text)?.[1];
    if (program && !/^draft: true$/m.test(text))
      return { file: join(dir, name), slug: name.replace(/\.mdx?$/, ''), program };
  }
  throw new Error('no news item names a programme');
}

let item: { file: string; slug: string; program: string };
let first: Map<string, string>;
/** The same day, after the edit: rebuilt with the cache, and cold. */
let sameDay: Map<string, string>;
let sameDayCold: Map<string, string>;
let sameDayReused: Set<string>;
/** A day later, nothing else changed: rebuilt with the cache, and cold. */
let warm: Map<string, string>;
let cold: Map<string, string>;
let reused: Set<string>;
/** The fictional guide added to the copy and deleted before the last rebuild. */
const FIXTURE_GUIDE = 'uji-panduan-dihapus';
/** The day later, after the guide was deleted: rebuilt over the output, and cold. */
let withoutGuide: Map<string, string>;
let withoutGuideCold: Map<string, string>;
/** The same content again, after a build without audio into another folder with the same cache. */
let afterDevIndex: Map<string, string>;
let afterDevIndexCold: Map<string, string>;
/** Pages a build copied from Astro's cacheDir instead of finding them in the previous output. */
const copied: string[] = [];
/** Per build: its MDX modules taken from the cacheDir and compiled (src/integrations/mdx-cache.ts). */
const mdxModules = new Map<string, { fromCache: number; compiled: number }>();
const sitemapFromCache = new Map<string, boolean>();
/** Per build: whether it reused the last build's bundle (src/integrations/bundle-reuse.ts). */
const bundleReused = new Map<string, boolean>();
/** The slug of the generated news item deleted before the rebuild a day later. */
let deleted: string;
const NEW_TITLE = 'Judul baru untuk uji pembangunan bertahap';
/** The complaint line the job-offer check prints with its verdict, renamed before the day later. */
const HOTLINE = 'layanan/id/kemenp2mi-pengaduan.mdx';
const HOTLINE_NAME = 'Pengaduan KemenP2MI, nama uji';
/** A guide the job-offer check links by title, retitled before the guide is deleted. */
const LINKED_GUIDE = 'panduan/id/biaya-penempatan.mdx';
const LINKED_GUIDE_TITLE = 'Biaya penempatan, judul uji';

beforeAll(async () => {
  cpSync('content', contentDir, { recursive: true });
  // Generated, clearly fictional news ("bench-berita-…"), enough for a second page of the list.
  const generated = generateEntries({ entries: 30, seed: 7 });
  await writeEntries(
    contentDir,
    generated.filter((e) => e.collection === 'berita'),
  );
  // A fictional guide, deleted before the last rebuild: a guide has a player and is kept offline.
  const guide = readFileSync(join(contentDir, 'panduan/id/syarat-usia.mdx'), 'utf8');
  writeFileSync(
    join(contentDir, `panduan/id/${FIXTURE_GUIDE}.mdx`),
    guide.replace(/^title: .*$/m, 'title: Panduan contoh untuk uji, nanti dihapus'),
  );
  item = newsWithProgramme();
  await build('dist-1', cache, NOW);
  first = files(join(work, 'dist-1'));
  const text = readFileSync(item.file, 'utf8');
  writeFileSync(item.file, text.replace(/^title: .*$/m, `title: ${NEW_TITLE}`));
  sameDayReused = await build('dist-2', cache, NOW);
  sameDay = files(join(work, 'dist-2'));
  await build('dist-cold-2', join(work, 'cache-cold-2'), NOW, true);
  sameDayCold = files(join(work, 'dist-cold-2'));
  // A generated news item that was published is deleted, in every language: its pages, cards and
  // list entries must leave the output.
  deleted = generated.find(
    (e) => e.collection === 'berita' && sameDay.has(`berita/${e.slug}/index.html`),
  )!.slug;
  for (const e of generated.filter((g) => g.slug === deleted)) rmSync(join(contentDir, e.path));
  // The Indonesian complaint line is renamed: the Indonesian pages of the job-offer check show it.
  const hotline = join(contentDir, HOTLINE);
  writeFileSync(
    hotline,
    readFileSync(hotline, 'utf8').replace(/^name: .*$/m, `name: ${HOTLINE_NAME}`),
  );
  reused = await build('dist-3', cache, NEXT_DAY);
  warm = files(join(work, 'dist-3'));
  await build('dist-cold-3', join(work, 'cache-cold-3'), NEXT_DAY, true);
  cold = files(join(work, 'dist-cold-3'));
  rmSync(join(contentDir, `panduan/id/${FIXTURE_GUIDE}.mdx`));
  const linked = join(contentDir, LINKED_GUIDE);
  writeFileSync(
    linked,
    readFileSync(linked, 'utf8').replace(/^title: .*$/m, `title: ${LINKED_GUIDE_TITLE}`),
  );
  await build('dist-4', cache, NEXT_DAY);
  withoutGuide = files(join(work, 'dist-4'));
  await build('dist-cold-4', join(work, 'cache-cold-4'), NEXT_DAY, true);
  withoutGuideCold = files(join(work, 'dist-cold-4'));
  // A guide's title changes; then, as `npm run dev` makes its search index, a build with the
  // same cache into another folder without audio renders the guides again. Then the site again
  // into work/dist, which that build did not write but whose cache it changed.
  const edited = join(contentDir, 'panduan/id/syarat-usia.mdx');
  writeFileSync(
    edited,
    readFileSync(edited, 'utf8').replace(/^title: .*$/m, 'title: Syarat usia, judul uji'),
  );
  await build('dist-dev-index', cache, NEXT_DAY, false, {
    into: 'dev-index',
    env: { MIGRASI_LISTEN: 'off' },
  });
  await build('dist-5', cache, NEXT_DAY);
  afterDevIndex = files(join(work, 'dist-5'));
  await build('dist-cold-5', join(work, 'cache-cold-5'), NEXT_DAY, true);
  afterDevIndexCold = files(join(work, 'dist-cold-5'));
}, BUILD_TIMEOUT);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The built pages of a collection's entries (one per content file that was published). */
const entryPages = (collection: string) =>
  readdirSync(join(contentDir, collection)).flatMap((locale) =>
    readdirSync(join(contentDir, collection, locale))
      .filter((name) => /\.mdx?$/.test(name))
      .map(
        (name) =>
          `${locale === 'id' ? '' : `${locale}/`}${collection}/${name.replace(/\.mdx?$/, '')}/index.html`,
      )
      .filter((page) => warm.has(page)),
  );

/** Files of `built` whose path (relative to the output, "jadwal/x/index.html") matches. */
const pagesMatching = (built: Map<string, string>, pattern: RegExp) =>
  [...built.keys()].filter((f) => pattern.test(f));

/** Same files, same bytes. */
function expectSameSite(rebuilt: Map<string, string>, coldBuilt: Map<string, string>) {
  expect([...rebuilt.keys()].sort()).toEqual([...coldBuilt.keys()].sort());
  const differ = [...rebuilt.keys()].filter((f) => rebuilt.get(f) !== coldBuilt.get(f));
  expect(differ).toEqual([]);
}

/** The course catalogue, the schedule, the archive and their filter pages after the first. */
const TRAINING_LISTS = /^(?:en\/)?(?:pelatihan|jadwal|jadwal\/arsip)\/(?:halaman|saring)\//;
const NEWS_LIST_PAGES = /^(?:en\/)?berita\/halaman\/\d+\/index\.html$/;
const BOOKLET = /^(?:en\/)?panduan\/cetak\//;
const CALENDARS = /^pelatihan\/.+\.ics$/;
/** The job-offer check's pages without JavaScript, one per question and answer. */
const OFFER_STEPS = /^(?:en\/)?cek-tawaran\/[^/]+\/[^/]+\/[^/]+\/index\.html$/;

describe('a rebuild the same day after one news item changed', () => {
  it('compiles again only the MDX files that changed, the rest from the cacheDir', () => {
    // A cold build compiles every MDX module; the same day, after a news item (Markdown) changed,
    // none; the next day, after one service's file (MDX) changed, that one. Their output is the
    // cold builds' byte for byte (the tests around this one).
    const first = mdxModules.get('dist-1')!;
    expect(first.fromCache).toBe(0);
    expect(first.compiled).toBeGreaterThan(0);
    expect(mdxModules.get('dist-cold-2')).toEqual({ fromCache: 0, compiled: first.compiled });
    // The same day nothing the bundle is made of changed: no MDX module was needed at all.
    expect(mdxModules.get('dist-2')).toEqual({ fromCache: 0, compiled: 0 });
    expect(mdxModules.get('dist-3')).toEqual({ fromCache: first.compiled - 1, compiled: 1 });
  });

  it("reuses the last build's bundle only while nothing it is made of changed", () => {
    // A news item (Markdown, read from the data store file) changes no module: reused, and the
    // pages are the cold build's byte for byte (the tests around this one). A changed or deleted
    // MDX entry, another set of variables (the dev index without audio), or an empty cacheDir
    // make it again.
    expect(Object.fromEntries(bundleReused)).toEqual({
      'dist-1': false,
      'dist-2': true,
      'dist-cold-2': false,
      'dist-3': false,
      'dist-cold-3': false,
      'dist-4': false,
      'dist-cold-4': false,
      'dist-dev-index': false,
      'dist-5': false,
      'dist-cold-5': false,
    });
  });

  it('writes the same files, byte for byte, as a cold build of the changed content', () => {
    expectSameSite(sameDay, sameDayCold);
  });

  it("copies the sitemap from the cacheDir while the pages' addresses stay, and writes it again when one goes", () => {
    // The byte-for-byte comparisons with cold builds include the sitemap's files.
    expect(sitemapFromCache.get('dist-1')).toBe(false);
    expect(sitemapFromCache.get('dist-cold-2')).toBe(false);
    expect(sitemapFromCache.get('dist-2')).toBe(true);
    // The next day a news item is deleted: its address leaves the sitemap.
    expect(sitemapFromCache.get('dist-3')).toBe(false);
  });

  it('leaves the pages it reuses where the last build wrote them, copying none', () => {
    expect(sameDayReused.size).toBeGreaterThan(0);
    // Astro keeps no copy of the pages in its cacheDir (patches/astro+7.3.5.patch): a build whose
    // output is not trusted (dist-5, below) renders its pages again, and copies none either.
    expect(existsSync(join(cache, ASTRO_COPIES))).toBe(false);
    expect(existsSync(join(work, 'cache-cold-2'))).toBe(true);
    expect(existsSync(join(work, 'cache-cold-2', ASTRO_COPIES))).toBe(false);
    expect(copied).toEqual([]);
  });

  it('renders the changed news item and the programme page that lists it again', () => {
    const news = `berita/${item.slug}/index.html`;
    const programme = `program/${item.program}/index.html`;
    for (const page of [news, programme]) {
      expect(sameDayReused.has(`/${page}`), page).toBe(false);
      expect(sameDay.get(page)).toContain(NEW_TITLE);
      expect(first.get(page)).not.toContain(NEW_TITLE);
    }
  });

  it('renders a later page of the news list again only if it shows the item', () => {
    const later = pagesMatching(sameDay, NEWS_LIST_PAGES);
    expect(later.length).toBeGreaterThan(0);
    const showing = ['berita/index.html', ...later].filter((page) =>
      sameDay.get(page)?.includes(NEW_TITLE),
    );
    expect(showing).toHaveLength(1);
    for (const page of later) {
      const shows = sameDay.get(page)?.includes(NEW_TITLE) ?? false;
      expect(sameDayReused.has(`/${page}`), page).toBe(!shows);
    }
  });

  it('reuses the other entries, the training lists and filters, the booklet and the calendars', () => {
    const others = [
      ...entryPages('berita').filter((f) => !f.includes(`/${item.slug}/`)),
      ...entryPages('panduan'),
      ...pagesMatching(sameDay, TRAINING_LISTS),
      ...pagesMatching(sameDay, BOOKLET),
      ...pagesMatching(sameDay, CALENDARS),
      ...pagesMatching(sameDay, OFFER_STEPS),
    ];
    for (const pattern of [TRAINING_LISTS, BOOKLET, CALENDARS, OFFER_STEPS])
      expect(pagesMatching(sameDay, pattern).length, String(pattern)).toBeGreaterThan(0);
    for (const page of others) {
      expect(sameDayReused.has(`/${page}`), page).toBe(true);
      expect(sameDay.get(page)).toBe(first.get(page));
    }
  });
});

describe('a rebuild a day later with the incremental cache, after a news item was deleted', () => {
  it('writes the same files, byte for byte, as a cold build of that day', () => {
    expectSameSite(warm, cold);
  });

  it('leaves no page or card of the deleted news item', () => {
    const of = (built: Map<string, string>) =>
      [...built.keys()].filter((f) => f.split('/').includes(deleted) || f.includes(`${deleted}.`));
    expect(of(sameDay).length).toBeGreaterThan(0);
    expect(of(warm)).toEqual([]);
  });

  it('reuses the news items and guides unchanged', () => {
    const entries = [...entryPages('berita'), ...entryPages('panduan')];
    expect(entries.length).toBeGreaterThan(0);
    for (const page of entries) {
      expect(reused.has(`/${page}`), page).toBe(true);
      expect(warm.get(page)).toBe(sameDay.get(page));
    }
  });

  it("renders the job-offer check's pages again where its renamed complaint line shows", () => {
    const steps = pagesMatching(warm, OFFER_STEPS);
    const indonesian = steps.filter((page) => !page.startsWith('en/'));
    const english = steps.filter((page) => page.startsWith('en/'));
    expect(indonesian.length).toBeGreaterThan(0);
    expect(english.length).toBeGreaterThan(0);
    for (const page of indonesian) expect(reused.has(`/${page}`), page).toBe(false);
    expect(
      indonesian.filter((page) => warm.get(page)!.includes(HOTLINE_NAME)).length,
    ).toBeGreaterThan(0);
    // The English pages show the English entry, which did not change.
    for (const page of english) expect(reused.has(`/${page}`), page).toBe(true);
  });

  it('renders the course, session and training list pages again (their sessions change state)', () => {
    const training = [
      ...pagesMatching(
        warm,
        /^(?:en\/)?pelatihan\/(?!halaman\/|saring\/)[^/]+\/(?:[^/]+\/)?index\.html$/,
      ),
      ...pagesMatching(warm, TRAINING_LISTS),
      ...pagesMatching(warm, CALENDARS),
    ];
    expect(training.length).toBeGreaterThan(0);
    for (const page of training) expect(reused.has(`/${page}`), page).toBe(false);
  });
});

describe('a rebuild after a guide was deleted', () => {
  it('writes the same files, byte for byte, as a cold build', () => {
    expectSameSite(withoutGuide, withoutGuideCold);
  });

  it("renders the job-offer check's pages again with the new title of a guide they link", () => {
    const steps = pagesMatching(withoutGuide, OFFER_STEPS).filter((p) => !p.startsWith('en/'));
    expect(steps.filter((page) => warm.get(page)!.includes(LINKED_GUIDE_TITLE))).toEqual([]);
    expect(
      steps.filter((page) => withoutGuide.get(page)!.includes(LINKED_GUIDE_TITLE)).length,
    ).toBeGreaterThan(0);
  });

  it('leaves no page, card, audio or offline entry of the guide', () => {
    const page = warm.get(`panduan/${FIXTURE_GUIDE}/index.html`);
    const key = /data-listen-key="([0-9a-f]+)"/.exec(page ?? '')?.[1];
    expect(key, 'the guide had a player').toBeTruthy();
    expect(warm.has(`audio/${key}.mp3`)).toBe(true);
    expect(warm.get('sw.js')).toContain(`/panduan/${FIXTURE_GUIDE}/`);
    expect(withoutGuide.has(`audio/${key}.mp3`)).toBe(false);
    expect(withoutGuide.get('sw.js')).not.toContain(FIXTURE_GUIDE);
    expect([...withoutGuide.keys()].filter((f) => f.includes(FIXTURE_GUIDE))).toEqual([]);
  });
});

describe('a rebuild after a build without audio into another folder with the same cache', () => {
  it('does not trust its output, reuses no page without a player, and equals a cold build', () => {
    expect(afterDevIndex.get('panduan/syarat-usia/index.html')).toContain('data-listen-key');
    expectSameSite(afterDevIndex, afterDevIndexCold);
  });
});
