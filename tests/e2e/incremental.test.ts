/**
 * Astro's incremental build (experimental.incrementalBuild, the pages' `cacheKey`s in
 * src/platform/content/page-keys.ts) must publish the same site as a cold build. On a copy of the
 * content with the example courses and a pinned clock: build cold, change one news item's title,
 * build again a day later with the cache kept, and compare that with a cold build of the changed
 * content on the same day: byte for byte, and which pages were rendered again.
 */
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentCopy } from './content-copy-build.ts';

// Three builds of the site; the first reads the guides aloud unless the audio cache has them.
const BUILD_TIMEOUT = 1_500_000;
const work = mkdtempSync(join(tmpdir(), 'migrasi-incremental-'));
const contentDir = join(work, 'content');
const cache = join(work, 'cache');
const NOW = '2026-11-30T01:00:00Z';
const NEXT_DAY = '2026-12-01T01:00:00Z';

/**
 * One build through Astro's JavaScript API (as the benchmark does) into work/dist, always the same
 * folder as in CI (Astro's hash of a page's code depends on it), then moved to `name`. Returns the
 * pages Astro reused from its cache.
 */
async function build(name: string, cacheDir: string, now: string): Promise<Set<string>> {
  const dist = join(work, 'dist');
  const env = {
    ...process.env,
    MIGRASI_CONTENT_DIR: contentDir,
    MIGRASI_EXAMPLES: '1',
    BUILD_NOW: now,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const log = await buildContentCopy(dist, cacheDir, env);
  renameSync(dist, join(work, name));
  // Astro writes "├─ /berita/x/index.html (restored)" for a page it copied from its cache.
  const reused = new Set<string>();
  // Astro colours its log: the colour codes are stripped first.
  for (const line of log.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
    const m = /├─ (\S+) \((?:restored|cached)\)/.exec(line);
    if (m?.[1]) reused.add(m[1]);
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
let warm: Map<string, string>;
let cold: Map<string, string>;
let reused: Set<string>;
const NEW_TITLE = 'Judul baru untuk uji pembangunan bertahap';

// Three builds: cold today; after the edit, a day later, with the cache (as CI publishes); and
// the same content and day again cold, to compare with.
beforeAll(async () => {
  cpSync('content', contentDir, { recursive: true });
  item = newsWithProgramme();
  await build('dist-1', cache, NOW);
  first = files(join(work, 'dist-1'));
  const text = readFileSync(item.file, 'utf8');
  writeFileSync(item.file, text.replace(/^title: .*$/m, `title: ${NEW_TITLE}`));
  reused = await build('dist-2', cache, NEXT_DAY);
  warm = files(join(work, 'dist-2'));
  await build('dist-cold', join(work, 'cache-cold'), NEXT_DAY);
  cold = files(join(work, 'dist-cold'));
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

describe('a rebuild with the incremental cache', () => {
  it('reuses pages of the previous build', () => {
    expect(reused.size).toBeGreaterThan(0);
  });

  it('writes the same files, byte for byte, as a cold build of the changed content', () => {
    expect([...warm.keys()].sort()).toEqual([...cold.keys()].sort());
    const differ = [...warm.keys()].filter((f) => warm.get(f) !== cold.get(f));
    expect(differ).toEqual([]);
  });

  it('renders the changed news item and the programme page that lists it again', () => {
    const news = `berita/${item.slug}/index.html`;
    const programme = `program/${item.program}/index.html`;
    for (const page of [news, programme]) {
      expect(reused.has(`/${page}`), page).toBe(false);
      expect(warm.get(page)).toContain(NEW_TITLE);
      expect(first.get(page)).not.toContain(NEW_TITLE);
    }
  });

  it('reuses the other news items and guides unchanged', () => {
    const others = [...entryPages('berita'), ...entryPages('panduan')].filter(
      (f) => !f.includes(`/${item.slug}/`),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const page of others) {
      expect(reused.has(`/${page}`), page).toBe(true);
      expect(warm.get(page)).toBe(first.get(page));
    }
  });

  it('renders course and session pages again on another day (their sessions change state)', () => {
    const training = [...warm.keys()].filter((f) =>
      /^(?:en\/)?pelatihan\/(?!halaman\/|saring\/)[^/]+\/(?:[^/]+\/)?index\.html$/.test(f),
    );
    expect(training.length).toBeGreaterThan(0);
    for (const page of training) expect(reused.has(`/${page}`), page).toBe(false);
  });
});
