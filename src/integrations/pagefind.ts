/**
 * Builds the Pagefind search index after every `astro build`, with Pagefind's own program, into
 * <outDir>/pagefind/ (served at /pagefind/). One index per `<html lang>` (id, en); only pages whose
 * <main> carries data-pagefind-body (set by BaseLayout) are indexed, so 404, /cari/ and /admin/
 * stay out.
 *
 * `npm run build` indexes in a process of its own once Astro's has ended
 * (MIGRASI_SEARCH_INDEX=after, then scripts/search-index.ts): Pagefind holds every page while it
 * indexes, and inside the build hook that memory came on top of what Astro still held (at 10,000
 * entries 1.7 GB on top of 3.6 GB). A plain `astro build` still indexes in its last hook.
 *
 * PAGEFIND_OUTPUT=<dir> writes the index somewhere else instead: `npm run dev` uses it to put a
 * development index into public/pagefind/ (see scripts/dev-search-index.ts).
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  statfs,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { INDEX_TAG_PLACEHOLDER } from '../platform/search/search.ts';
import {
  preparedFolder,
  preparePages,
  type PreparedGroup,
} from '../platform/search/prepared-pages.ts';
import { inBatches } from '../platform/output/batches.ts';
import { listTree } from '../platform/output/tree.ts';
import { mirrorFolder, type Mirrored } from '../platform/output/mirror.ts';
import {
  bytesMatchName,
  collisions,
  filesNamedBy,
  firstWordOf,
  hashOfName,
  shortKey,
} from '../platform/search/index-files.ts';

/** The search pages, which carry the index version for Pagefind's metaCacheTag. */
const SEARCH_PAGES = ['cari/index.html', 'en/cari/index.html'];

/** Writes a hash of the new index into the search pages; returns the hash. */
async function stampSearchPages(siteDir: string, outputPath: string): Promise<string> {
  const entry = await readFile(join(outputPath, 'pagefind-entry.json'));
  const tag = createHash('sha256').update(entry).digest('hex').slice(0, 12);
  for (const page of SEARCH_PAGES) {
    const file = join(siteDir, page);
    const html = await readFile(file, 'utf8').catch(() => null);
    if (html?.includes(INDEX_TAG_PLACEHOLDER)) {
      await writeFile(file, html.replaceAll(INDEX_TAG_PLACEHOLDER, tag));
    }
  }
  return tag;
}

/**
 * Pagefind's ready-made UIs, written with every index. The search page uses Pagefind's JS API
 * with its own small script instead, so these are removed from the output: nothing links to
 * them, and an offline cache of /pagefind/ should not carry ~430 KB of unused code. Their gzip
 * sizes are logged on every build, as the yardstick for the choice.
 */
export const UNUSED_UI_FILES: Record<string, string[]> = {
  'Component UI': ['pagefind-component-ui.js', 'pagefind-component-ui.css'],
  'Default UI': ['pagefind-ui.js', 'pagefind-ui.css'],
  'Modular UI': ['pagefind-modular-ui.js', 'pagefind-modular-ui.css'],
  'highlight script': ['pagefind-highlight.js'],
};

export interface PagefindResult {
  pages: number;
  /** How many of the pages' copies for the index were made again (the rest were unchanged). */
  prepared: number;
  /** How many languages' indexes Pagefind made again, of how many (the rest were kept). */
  indexed: number;
  languages: number;
  /** How many files of kept indexes (fragments, word index chunks) Pagefind took as written. */
  reused: number;
  outputPath: string;
  /** What changed in the index's folder: files written, removed, and kept as they were. */
  files: Mirrored;
  /** Gzip bytes of each removed ready-made UI (JS + CSS). */
  unusedUiBytes: Record<string, number>;
}

/** Every .html file under `dir`, except the CMS and an index written inside the site. */
async function htmlFiles(dir: string, skip: string): Promise<string[]> {
  const { files } = await listTree(dir);
  return files.filter(
    (f) =>
      f.endsWith('.html') &&
      !f.startsWith(join(dir, 'admin') + sep) &&
      !f.startsWith(resolve(skip) + sep),
  );
}

/** Names of Pagefind's program, the fuller one first, as its Node API looks for them. */
const PAGEFIND_PROGRAMS = ['pagefind_extended', 'pagefind'];

/**
 * The path of Pagefind's program, found as the `pagefind` package finds it for its Node API and
 * its command (pagefind/lib/resolveBinary.js, which the package does not export): the
 * PAGEFIND_EXTENDED_BINARY_PATH or PAGEFIND_BINARY_PATH variable, else the @pagefind/<os>-<cpu>
 * package that npm installed with it.
 */
export function pagefindProgram(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of PAGEFIND_PROGRAMS) {
    const path = env[`${name.toUpperCase()}_BINARY_PATH`];
    if (path) return path;
  }
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const cpu = env['npm_config_arch'] || process.arch;
  const require = createRequire(import.meta.url);
  for (const name of PAGEFIND_PROGRAMS) {
    try {
      return require.resolve(`@pagefind/${os}-${cpu}/bin/${name}${os === 'windows' ? '.exe' : ''}`);
    } catch {
      // Not this one: try the next name.
    }
  }
  throw new Error(
    `Pagefind's program for ${os}-${cpu} is not installed (package @pagefind/${os}-${cpu}): run npm install again.`,
  );
}

/**
 * Runs Pagefind's program over `siteDir` with its default settings, writing to `outputPath`.
 * The program is started directly rather than through the Node API's service, which indexes the
 * same pages into the same files about a second slower at 10,000 entries (README "Scale"). It
 * runs in a folder without a Pagefind configuration file and without PAGEFIND_* variables (the
 * program reads both), so only the arguments below decide the index.
 */
async function runPagefind(siteDir: string, outputPath: string): Promise<void> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')),
  );
  const child = spawn(pagefindProgram(), ['--site', siteDir, '--output-path', outputPath], {
    cwd: dirname(siteDir),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    // The last lines are enough to say what went wrong.
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) {
    throw new Error(`Pagefind stopped with exit code ${code}:\n${output.trim()}`);
  }
}

/** Where the system keeps files in memory (a tmpfs on Linux); absent elsewhere. */
const MEMORY_FOLDERS = ['/dev/shm'];

/**
 * The free space a memory folder must have to take the index: far more than an index needs (about
 * 20 MB at 10,000 entries, 60 MB at 30,000), and more than the 64 MB a Docker container gets by
 * default, where a full folder would fail the build.
 */
const MEMORY_NEEDED = 512 * 1024 * 1024;

/** An empty folder for Pagefind's output: in memory where there is room, else beside `outputPath`. */
export async function scratchFolder(
  outputPath: string,
  bases = MEMORY_FOLDERS,
  needed = MEMORY_NEEDED,
): Promise<string> {
  for (const base of bases) {
    try {
      const { bavail, bsize } = await statfs(base);
      if (bavail * bsize < needed) continue;
      return await mkdtemp(join(base, 'migrasi-search-index-'));
    } catch {
      // Not there or not writable: try the next place.
    }
  }
  return mkdtemp(`${outputPath}.new-`);
}

/** What Pagefind writes into pagefind-entry.json, the file the browser reads first. */
interface IndexEntry {
  languages: Record<string, { page_count?: number; hash?: string }>;
  [key: string]: unknown;
}

const ENTRY = 'pagefind-entry.json';

async function readEntry(outputPath: string): Promise<IndexEntry> {
  const entry = JSON.parse(await readFile(join(outputPath, ENTRY), 'utf8')) as IndexEntry;
  if (!entry || typeof entry.languages !== 'object' || entry.languages === null) {
    throw new Error(`${join(outputPath, ENTRY)} names no language`);
  }
  return entry;
}

/** How many pages an index holds, from its pagefind-entry.json. */
function pageCount(entry: IndexEntry): number {
  return Object.values(entry.languages).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
}

/** The gzip bytes of each of Pagefind's ready-made UIs in an index folder. */
async function unusedUiSizes(outputPath: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const [name, files] of Object.entries(UNUSED_UI_FILES)) {
    sizes[name] = 0;
    for (const file of files) {
      const body = await readFile(join(outputPath, file)).catch(() => null);
      if (body) sizes[name] += gzipSync(body, { level: 9 }).length;
    }
  }
  return sizes;
}

const UNUSED_UI = new Set(Object.values(UNUSED_UI_FILES).flat());

/** Where each group's index is kept between builds, beside the group's prepared copies. */
const KEPT_INDEXES = 'index';
/** What the mirror into the site remembers (src/platform/output/mirror.ts). */
const MIRROR_MEMO = 'mirror.json';

/**
 * What decides an index besides its pages: Pagefind's program, by content (npm gives it a new
 * time at each install, as in CI), and this module, which decides how the program is run. When
 * this module cannot be read (a bundled copy of it), no kept index is used.
 */
async function programKey(): Promise<string> {
  const hash = createHash('sha256').update(await readFile(pagefindProgram()));
  try {
    hash.update(await readFile(new URL(import.meta.url)));
  } catch {
    hash.update(randomUUID());
  }
  return hash.digest('hex');
}

interface GroupIndex {
  dir: string;
  entry: IndexEntry;
  /** Whether Pagefind ran for it in this build (else it was kept from an earlier one). */
  made: boolean;
  /** How many of the kept index's files Pagefind did not have to write again. */
  reused: number;
}

/** A name relative to an index folder, with `/` between its parts as Pagefind writes them. */
const slashed = (name: string) => name.split(sep).join('/');

/** What a run reuses of a kept index: its pages' fragments and its word index chunks. */
const REUSED_FOLDERS = ['fragment', 'index'];

/**
 * The files of a kept index that a new run may take as written (src/platform/search/
 * index-files.ts), from the key's listing: its fragments and word index chunks, except those
 * whose hash starts like one that Pagefind made longer (at 30,000 entries a few of 27,800
 * fragments). Their bytes are checked while Pagefind runs.
 */
function reusableFiles(listing: string): string[] {
  const names = listing.split('\n').map((line) => line.slice(0, line.lastIndexOf(' ')));
  const hashed = names.filter((name) => hashOfName(name) !== null);
  const clash = collisions(hashed);
  return hashed.filter(
    (name) =>
      REUSED_FOLDERS.includes(name.slice(0, name.indexOf('/'))) && !clash.has(shortKey(name)),
  );
}

/** Whether every one of `names` in `dir` holds the bytes its name says. */
async function allMatchTheirNames(dir: string, names: readonly string[]): Promise<boolean> {
  const matches = await inBatches(names, (name) =>
    bytesMatchName(join(dir, name), hashOfName(name)!),
  );
  return matches.every(Boolean);
}

/**
 * Runs Pagefind over a group's pages into a new folder, and brings the kept index `dir` up to
 * date from it. With `reuse` (files of the kept index), those files are copied into the new
 * folder first, so Pagefind compresses and writes only the fragments and word index chunks that
 * changed; the ones the new index does not name are removed after. (Copied rather than linked: a
 * link would change the kept files' change time, and the copy into the site would read every
 * pair again.) Returns null when the reuse cannot be trusted, and the caller runs again without
 * it: a kept file not holding what its name says, a file copied in whose hash starts like one the
 * new index made longer, a reused chunk that does not start where the new index says, a metadata
 * file not read.
 */
async function runInto(
  group: PreparedGroup,
  dir: string,
  reuse: readonly string[],
): Promise<{ entry: IndexEntry; reused: number } | null> {
  // With nothing to reuse, every file is new: Pagefind writes beside the kept folder, on the same
  // disk, and the new folder takes its place whole once it is complete (copying 1,300 files from
  // memory cost more than Pagefind's own run at 1,000 entries). With files to reuse, it writes in
  // memory where there is room, and the kept folder takes only the files that differ.
  const whole = reuse.length === 0;
  if (whole) await mkdir(dirname(dir), { recursive: true });
  const fresh = whole ? await mkdtemp(`${dir}.new-`) : await scratchFolder(dir);
  try {
    if (reuse.length > 0) {
      await Promise.all(REUSED_FOLDERS.map((name) => mkdir(join(fresh, name))));
      await inBatches(reuse, (name) => copyFile(join(dir, name), join(fresh, name)));
    }
    // The copies' bytes are checked while Pagefind runs.
    const [, checked] = await Promise.all([
      runPagefind(group.dir, fresh),
      allMatchTheirNames(fresh, reuse),
    ]);
    const entry = await readEntry(fresh);
    if (pageCount(entry) !== group.pages) {
      throw new Error(
        `Pagefind indexed ${pageCount(entry)} of the ${group.pages} pages with lang "${group.name}"`,
      );
    }
    let reused = 0;
    if (reuse.length > 0) {
      if (!checked) return null;
      const named = new Set<string>();
      const starts = new Map<string, string>();
      for (const { hash } of Object.values(entry.languages)) {
        const index = hash ? await filesNamedBy(join(fresh, `pagefind.${hash}.pf_meta`)) : null;
        if (!index) return null;
        for (const name of index.files) named.add(name);
        for (const [name, start] of index.chunkStarts) starts.set(name, start);
      }
      // A file copied in whose hash starts like one the new index made longer may hold the
      // other file's bytes.
      const clash = collisions(named);
      if (reuse.some((name) => clash.has(shortKey(name)))) return null;
      const kept = reuse.filter((name) => named.has(name));
      // Two runs can give one name to two chunks only if their hashes start alike; a chunk of
      // the last run kept under a name the new index gives to another would then, most likely,
      // not start with the new chunk's first word.
      const chunks = kept.filter((name) => starts.has(name));
      const firstWords = await inBatches(chunks, (name) => firstWordOf(join(fresh, name)));
      if (firstWords.some((word, i) => !word?.startsWith(starts.get(chunks[i]!)!))) return null;
      reused = kept.length;
      await Promise.all(
        reuse.filter((name) => !named.has(name)).map((name) => rm(join(fresh, name))),
      );
    }
    if (whole) {
      await rm(dir, { recursive: true, force: true });
      await rename(fresh, dir);
      return { entry, reused };
    }
    // The files copied from `dir` are the files there: they are not read again.
    const copied = new Set(reuse);
    await mirrorFolder(fresh, dir, { named: (name) => copied.has(slashed(name)) });
    return { entry, reused };
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

/**
 * The index of one group of prepared pages (one `<html lang>`): kept from an earlier build while
 * the group's fingerprint and Pagefind's program are the same, else made again, reusing the kept
 * index's fragments and word index chunks when the same program made it. The kept index is brought up to date only
 * after Pagefind succeeded, and its key file (with the names and sizes of its files) is written
 * last: a run that stops midway, or a kept file lost or cut short, makes the index again from
 * nothing.
 */
async function groupIndex(
  folder: string,
  group: PreparedGroup,
  program: string,
): Promise<GroupIndex> {
  const dir = join(folder, KEPT_INDEXES, group.name);
  const keyFile = `${dir}.key`;
  const key = `${program}\n${group.fingerprint}\n`;
  const kept = await readFile(keyFile, 'utf8').catch(() => null);
  // The kept index as its key describes it, made by the same program: [program, fingerprint, files].
  const [keptProgram, keptFingerprint, ...keptFiles] = kept?.split('\n') ?? [];
  const listing = keptFiles.join('\n');
  const intact =
    keptProgram === program && keptFingerprint !== undefined && listing === (await filesOf(dir));
  if (intact && kept!.startsWith(key)) {
    const entry = await readEntry(dir).catch(() => null);
    if (entry && pageCount(entry) === group.pages) return { dir, entry, made: false, reused: 0 };
  }
  await rm(keyFile, { force: true });
  const reuse = intact ? reusableFiles(listing) : [];
  const run =
    (reuse.length > 0 && (await runInto(group, dir, reuse))) || (await runInto(group, dir, []));
  if (!run) throw new Error(`Pagefind's index of the pages with lang "${group.name}" was not read`);
  await writeFile(keyFile, key + (await filesOf(dir)));
  return { dir, entry: run.entry, made: true, reused: run.reused };
}

/** The files of a kept index, with their sizes: a file lost or cut short makes it again. */
async function filesOf(dir: string): Promise<string> {
  const { files } = await listTree(dir);
  const sizes = await inBatches(files.sort(), async (file) => {
    const { size } = await stat(file);
    return `${slashed(relative(dir, file))} ${size}`;
  });
  return sizes.join('\n');
}

/**
 * One entry file for the indexes of all groups: their languages, in code-point order (Pagefind's
 * own order comes from a hash table), and the rest as every group's index has it.
 */
function mergeEntries(indexes: readonly GroupIndex[]): IndexEntry {
  const languages: IndexEntry['languages'] = {};
  const from: Record<string, string> = {};
  for (const { dir, entry } of indexes) {
    for (const [language, data] of Object.entries(entry.languages)) {
      if (from[language]) {
        throw new Error(
          `Pagefind put pages of ${from[language]} and of ${dir} into the same language "${language}": check the lang of their <html>`,
        );
      }
      from[language] = dir;
      languages[language] = data;
    }
  }
  const [first, ...others] = indexes.map(({ entry }) =>
    JSON.stringify({ ...entry, languages: {} }),
  );
  if (others.some((other) => other !== first)) {
    throw new Error(
      `the indexes of ${indexes.map(({ dir }) => dir).join(', ')} differ in ${ENTRY}`,
    );
  }
  const sorted = Object.fromEntries(
    Object.keys(languages)
      .sort()
      .map((language) => [language, languages[language]!]),
  );
  return { ...indexes[0]!.entry, languages: sorted };
}

/** Indexes the HTML files in `siteDir` and writes the bundle to `outputPath` (replacing it). */
export async function buildSearchIndex(
  siteDir: string,
  outputPath: string,
): Promise<PagefindResult> {
  // Each page is indexed with the synonyms of its words and its type's weight (index-html.ts),
  // without changing the HTML that is served: Pagefind reads prepared copies of the pages from a
  // folder of their own, kept between builds (prepared-pages.ts: only changed pages are prepared
  // again), on every core and in a fixed order (the index comes out the same on every build).
  const prepared = await preparePages(siteDir, await htmlFiles(siteDir, outputPath));
  const { pages } = prepared;
  if (pages === 0) {
    throw new Error(
      `Pagefind found no page to index in ${siteDir}: is data-pagefind-body still on <main> in BaseLayout?`,
    );
  }
  // Pagefind keeps one index per language, and a language's index depends only on its own pages:
  // run over each language's pages by themselves, it writes the same files as over all pages,
  // except pagefind-entry.json, which lists the languages. So each language is indexed on its
  // own, all at once (the cores share the work), and kept between builds: a publish that changed
  // only Indonesian pages does not index the English ones again. Each group's index is written
  // in a new folder first (in memory where there is room, or beside the kept one when nothing is
  // reused: runInto); the index in the site then takes only the files that differ, linked to the
  // kept ones where they are new (src/platform/output/mirror.ts). So a failed run leaves the old
  // index as it was, no stale chunk of the old one (or of a development index copied in from
  // public/) stays, and a publish writes a few dozen files instead of every file again.
  const cache = preparedFolder(siteDir);
  const program = await programKey();
  // Indexes of languages the site no longer has go.
  const names = new Set(prepared.groups.flatMap(({ name }) => [name, `${name}.key`]));
  const keptNames = await readdir(join(cache, KEPT_INDEXES)).catch(() => []);
  await Promise.all(
    keptNames
      .filter((name) => !names.has(name))
      .map((name) => rm(join(cache, KEPT_INDEXES, name), { recursive: true, force: true })),
  );
  // Every run ends before a failure is reported, so none is left writing in the cache.
  const settled = await Promise.allSettled(
    prepared.groups.map((group) => groupIndex(cache, group, program)),
  );
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const indexes = settled.map((result) => (result as PromiseFulfilledResult<GroupIndex>).value);
  const entry = mergeEntries(indexes);
  const indexed = pageCount(entry);
  if (indexed !== pages) {
    throw new Error(`Pagefind indexed ${indexed} of the ${pages} pages of ${siteDir}`);
  }
  const together = await scratchFolder(outputPath);
  let files: Mirrored;
  try {
    await writeFile(join(together, ENTRY), JSON.stringify(entry));
    files = await mirrorFolder([together, ...indexes.map(({ dir }) => dir)], outputPath, {
      // The entry is the merged one; Pagefind's ready-made UIs are not shipped.
      skip: (name, source) => (name === ENTRY && source !== together) || UNUSED_UI.has(name),
      // A publish leaves most kept files and their copies in the site as they were: reading
      // both of each of the 11,600 pairs again took 2.4 s at 10,000 entries.
      memo: join(cache, MIRROR_MEMO),
      // A new file in the site is a second name of the kept one (mirror.ts): an index made from
      // nothing is not copied again.
      link: true,
      // The entry and each language's metadata name the other files: they are written last.
      last: (name) => name === ENTRY || name.endsWith('.pf_meta'),
    });
  } finally {
    await rm(together, { recursive: true, force: true });
  }
  return {
    pages,
    prepared: prepared.made,
    indexed: indexes.filter(({ made }) => made).length,
    languages: indexes.length,
    reused: indexes.reduce((sum, { reused }) => sum + reused, 0),
    outputPath,
    files,
    unusedUiBytes: await unusedUiSizes(indexes[0]!.dir),
  };
}

/** Where the index of `siteDir` goes: <siteDir>/pagefind, or PAGEFIND_OUTPUT. */
function outputFor(siteDir: string): { outputPath: string; custom: boolean } {
  const custom = process.env['PAGEFIND_OUTPUT'];
  return { outputPath: custom ? resolve(custom) : join(siteDir, 'pagefind'), custom: !!custom };
}

/** Indexes a built site and stamps its search pages; `log` gets what was done. */
export async function indexSite(siteDir: string, log: (message: string) => void): Promise<void> {
  const { outputPath, custom } = outputFor(siteDir);
  const started = performance.now();
  const result = await buildSearchIndex(siteDir, outputPath);
  if (!custom) await stampSearchPages(siteDir, outputPath);
  const ms = Math.round(performance.now() - started);
  log(
    `indexed ${result.pages} pages (${result.prepared} prepared again; ${result.indexed} of ${result.languages} languages indexed again, ${result.reused} files of kept indexes reused) into ${result.outputPath} in ${ms} ms: ${result.files.written} files written, ${result.files.removed} removed, ${result.files.kept} unchanged`,
  );
  const ui = Object.entries(result.unusedUiBytes).map(([k, v]) => `${k} ${v} B`);
  log(`not shipped (gzip): ${ui.join(', ')}`);
}

/** MIGRASI_SEARCH_INDEX=after: the build leaves the index to scripts/search-index.ts. */
const SEARCH_INDEX_AFTER = 'after';

/**
 * The folder of `siteDir`'s search index when this build leaves it to scripts/search-index.ts,
 * which replaces it whole; otherwise null.
 */
export function indexFolderLeftToScript(siteDir: string): string | null {
  if (process.env['MIGRASI_SEARCH_INDEX'] !== SEARCH_INDEX_AFTER) return null;
  const { outputPath, custom } = outputFor(siteDir);
  return custom ? null : outputPath;
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'migrasi-aman:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env['MIGRASI_SEARCH_INDEX'] === SEARCH_INDEX_AFTER) {
          logger.info('search index: made after this build, by scripts/search-index.ts');
          return;
        }
        await indexSite(fileURLToPath(dir), (message) => logger.info(message));
      },
    },
  };
}
