/**
 * The search index outside Astro's process: `npm run build` runs Astro with
 * MIGRASI_SEARCH_INDEX=after (the build hook then leaves the index alone) and then
 * scripts/search-index.ts, which indexes the built site and stamps its search pages.
 */
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import pagefindIntegration, {
  buildSearchIndex,
  pagefindProgram,
  UNUSED_UI_FILES,
} from '../../src/integrations/pagefind.ts';
import { INDEX_TAG_PLACEHOLDER } from '../../src/platform/search/search.ts';
import { pagefindHash } from '../../src/platform/search/index-files.ts';
import { preparedFolder } from '../../src/platform/search/prepared-pages.ts';

const dirs: string[] = [];
// The pages prepared for the index are kept in a folder of the test's own.
const searchCache = mkdtempSync(join(tmpdir(), 'migrasi-search-cache-'));
process.env['MIGRASI_SEARCH_CACHE'] = searchCache;
afterAll(() => {
  rmSync(searchCache, { recursive: true, force: true });
  delete process.env['MIGRASI_SEARCH_CACHE'];
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  delete process.env['MIGRASI_SEARCH_INDEX'];
  delete process.env['PAGEFIND_FORCE_LANGUAGE'];
  delete process.env['PAGEFIND_EXTENDED_BINARY_PATH'];
  // The flags that turn on a pagefindThen() script, should a test end before clearing its own.
  delete process.env['MIGRASI_TEST_SWAP'];
  delete process.env['MIGRASI_TEST_LONGER'];
});

/** Every file under `dir`, relative, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    try {
      files.set(name, readFileSync(path));
    } catch {
      // A folder.
    }
  }
  return files;
}

function page(lang: string, title: string, text: string): string {
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

/** A small built site: two pages per language and the two search pages with the placeholder. */
function builtSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrasi-search-site-'));
  dirs.push(dir);
  const files: Record<string, string> = {
    'index.html': page('id', 'Beranda', 'Migrasi aman untuk pekerja migran.'),
    'panduan/paspor/index.html': page('id', 'Paspor', 'Cara membuat paspor di kantor imigrasi.'),
    'en/index.html': page('en', 'Home', 'Safe migration for migrant workers.'),
    'en/panduan/paspor/index.html': page('en', 'Passport', 'How to get a passport.'),
    'cari/index.html': `<html lang="id"><body><div data-index-tag="${INDEX_TAG_PLACEHOLDER}"></div></body></html>`,
    'en/cari/index.html': `<html lang="en"><body><div data-index-tag="${INDEX_TAG_PLACEHOLDER}"></div></body></html>`,
  };
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

/**
 * Makes Pagefind's program, followed by `then` (a Node script) when the variable `flag` is set,
 * the program the search index runs. The script sees `out` (the output folder), `before` and
 * `list()` (the word index chunks before the run and now), `beforeFragments`, `meta()` (the
 * metadata's bytes) and `renameInMeta(from, to)` (a file's name changed in the metadata).
 */
function pagefindThen(site: string, flag: string, then: string) {
  const script = join(site, `${flag}.mjs`);
  writeFileSync(
    script,
    `import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
const args = process.argv.slice(2);
const out = args[args.indexOf('--output-path') + 1];
const list = (folder = 'index') => { try { return readdirSync(out + '/' + folder).sort(); } catch { return []; } };
const before = list();
const beforeFragments = list('fragment');
const run = spawnSync(${JSON.stringify(pagefindProgram())}, args, { stdio: 'inherit' });
if (run.status !== 0 || !process.env.${flag}) process.exit(run.status ?? 1);
const metaFile = () => out + '/' + readdirSync(out).find((file) => file.endsWith('.pf_meta'));
const meta = () => gunzipSync(readFileSync(metaFile()));
const renameInMeta = (from, to) => {
  const body = meta();
  const text = (name) => Buffer.from([0x60 + name.length, ...Buffer.from(name)]);
  const at = body.indexOf(text(from));
  const end = at + text(from).length;
  writeFileSync(metaFile(), gzipSync(Buffer.concat([body.subarray(0, at), text(to), body.subarray(end)])));
};
${then}
`,
  );
  const program = join(site, `${flag}.sh`);
  writeFileSync(program, `#!/bin/sh\nexec "${process.execPath}" "${script}" "$@"\n`);
  chmodSync(program, 0o755);
  process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = program;
}

const WORDY_PAGES = 30;

/** A built site of Indonesian pages with enough words for several word index chunks. */
function wordySite(): string {
  const dir = builtSite();
  rmSync(join(dir, 'en'), { recursive: true });
  for (let p = 0; p < WORDY_PAGES - 2; p++) {
    const words = Array.from({ length: 900 }, (_, i) => {
      const n = (i * 7919 + p * 104729) % 5000;
      const letter = (k: number) => String.fromCharCode(97 + (k % 26));
      return `${String.fromCharCode(98 + (n % 24))}${letter(n >> 3)}${letter(n >> 7)}kata`;
    });
    mkdirSync(join(dir, `berita/${p}`), { recursive: true });
    writeFileSync(join(dir, `berita/${p}/index.html`), page('id', `Kabar ${p}`, words.join(' ')));
  }
  return dir;
}

/** Adds words at the end of the text of the site's page berita/<p>/. */
function appendWords(site: string, p: number, words: string) {
  const file = join(site, `berita/${p}/index.html`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('</p></main>', ` ${words}</p></main>`));
}

/** One folder with the prepared copies of every language (kept one folder per language). */
function allPrepared(site: string): string {
  const all = mkdtempSync(join(tmpdir(), 'migrasi-search-all-'));
  dirs.push(all);
  const pages = join(preparedFolder(site), 'pages');
  for (const lang of readdirSync(pages)) cpSync(join(pages, lang), all, { recursive: true });
  return all;
}

/** Pagefind's program run once over every prepared page, as the build did before. */
function indexAllAtOnce(site: string): Map<string, Buffer> {
  const out = mkdtempSync(join(tmpdir(), 'migrasi-search-once-'));
  dirs.push(out);
  const run = spawnSync(pagefindProgram(), ['--site', allPrepared(site), '--output-path', out]);
  expect(run.status).toBe(0);
  for (const file of Object.values(UNUSED_UI_FILES).flat()) rmSync(join(out, file));
  return filesOf(out);
}

function expectSameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>) {
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
}

function script(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/search-index.ts', ...args], { encoding: 'utf8' });
}

const logger = { info: () => undefined } as never;
type BuildDone = (options: { dir: URL; logger: never }) => Promise<void>;
const hook = (dir: string) =>
  (pagefindIntegration().hooks['astro:build:done'] as unknown as BuildDone)({
    dir: pathToFileURL(`${dir}/`),
    logger,
  });

describe('the search index after the build', () => {
  it('indexes every language of a built site and stamps its search pages', () => {
    const site = builtSite();
    const run = script(site);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('indexed 4 pages');
    const entry = JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'id']);
    for (const search of ['cari/index.html', 'en/cari/index.html']) {
      const html = readFileSync(join(site, search), 'utf8');
      expect(html).not.toContain(INDEX_TAG_PLACEHOLDER);
      expect(html).toMatch(/data-index-tag="[0-9a-f]{12}"/);
    }
  });

  it('refuses, in Indonesian and naming the folder, a folder with no built site', () => {
    const empty = mkdtempSync(join(tmpdir(), 'migrasi-search-empty-'));
    dirs.push(empty);
    const run = script(empty);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Indeks pencarian tidak bisa dibuat: ${empty}`);
    expect(existsSync(join(empty, 'pagefind'))).toBe(false);
  });

  it('leaves the index to the script when the build runs with MIGRASI_SEARCH_INDEX=after', async () => {
    const later = builtSite();
    process.env['MIGRASI_SEARCH_INDEX'] = 'after';
    await hook(later);
    expect(existsSync(join(later, 'pagefind'))).toBe(false);

    // A plain `astro build` indexes in its last hook.
    const now = builtSite();
    delete process.env['MIGRASI_SEARCH_INDEX'];
    await hook(now);
    expect(existsSync(join(now, 'pagefind/pagefind-entry.json'))).toBe(true);
  });
});

describe("Pagefind's program", () => {
  it('is found where npm installed it, and can be run', () => {
    const program = pagefindProgram();
    expect(() => accessSync(program, constants.X_OK)).not.toThrow();
  });

  it("writes the same index as Pagefind's Node API over the same pages", async () => {
    const site = builtSite();
    const ours = join(site, 'pagefind');
    await buildSearchIndex(site, ours);
    // The API, as the build used it before: one index over all the prepared copies.
    const prepared = allPrepared(site);
    const theirs = mkdtempSync(join(tmpdir(), 'migrasi-search-api-'));
    dirs.push(theirs);
    const { index } = await pagefind.createIndex({});
    await index!.addDirectory({ path: prepared });
    await index!.writeFiles({ outputPath: theirs });
    await pagefind.close();
    for (const file of Object.values(UNUSED_UI_FILES).flat()) rmSync(join(theirs, file));
    const [a, b] = [filesOf(ours), filesOf(theirs)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBeGreaterThan(10);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
  });

  it('ignores PAGEFIND_* variables, which the program would read as settings', async () => {
    const site = builtSite();
    // Would put every page into one English index.
    process.env['PAGEFIND_FORCE_LANGUAGE'] = 'en';
    await hook(site);
    const entry = JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'id']);
  });

  it('replaces the old index whole, leaving no chunk of it and no folder beside it', async () => {
    const site = builtSite();
    await hook(site);
    const stale = join(site, 'pagefind/fragment/id_stale00.pf_fragment');
    writeFileSync(stale, 'old');
    await hook(site);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(site, 'pagefind/pagefind-entry.json'))).toBe(true);
    expect(readdirSync(site).filter((name) => name.startsWith('pagefind'))).toEqual(['pagefind']);
  });

  it('writes an index made from nothing once: beside its kept folder, then linked into the site', async () => {
    const site = builtSite();
    const out = join(site, 'pagefind');
    await buildSearchIndex(site, out);
    const keptDir = join(preparedFolder(site), 'index');
    // Pagefind wrote into a folder beside the kept one, which took its place: none is left over.
    expect(readdirSync(keptDir).sort()).toEqual(['en', 'en.key', 'id', 'id.key']);
    const kept = join(keptDir, 'id', 'fragment');
    for (const name of readdirSync(kept)) {
      const [a, b] = [statSync(join(kept, name)), statSync(join(out, 'fragment', name))];
      expect([b.ino, b.nlink], name).toEqual([a.ino, 2]);
    }
    // A publish after a change leaves the site with the index Pagefind writes from nothing, and
    // the kept files of the unchanged pages unchanged.
    writeFileSync(
      join(site, 'panduan/paspor/index.html'),
      page('id', 'Paspor', 'Cara membuat paspor elektronik di kantor imigrasi.'),
    );
    await buildSearchIndex(site, out);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
    const alone = mkdtempSync(join(tmpdir(), 'migrasi-search-id-'));
    dirs.push(alone);
    const pages = join(preparedFolder(site), 'pages', 'id');
    expect(spawnSync(pagefindProgram(), ['--site', pages, '--output-path', alone]).status).toBe(0);
    expectSameFiles(filesOf(join(keptDir, 'id')), filesOf(alone));
  });

  it('writes only the files of the index that changed, and the index Pagefind wrote', async () => {
    const site = builtSite();
    const out = join(site, 'pagefind');
    const first = await buildSearchIndex(site, out);
    expect(first.files).toEqual({ written: filesOf(out).size, removed: 0, kept: 0 });
    expect((await buildSearchIndex(site, out)).files).toEqual({
      written: 0,
      removed: 0,
      kept: filesOf(out).size,
    });
    const paspor = join(site, 'panduan/paspor/index.html');
    writeFileSync(
      paspor,
      page('id', 'Paspor', 'Cara membuat paspor elektronik di kantor imigrasi.'),
    );
    const third = await buildSearchIndex(site, out);
    expect(third.files.written).toBeGreaterThan(0);
    expect(third.files.kept).toBeGreaterThan(0);
    // The same files as Pagefind's program writes over the same pages in an empty folder.
    const fresh = mkdtempSync(join(tmpdir(), 'migrasi-search-fresh-'));
    dirs.push(fresh);
    spawnSync(pagefindProgram(), ['--site', allPrepared(site), '--output-path', fresh]);
    for (const file of Object.values(UNUSED_UI_FILES).flat()) rmSync(join(fresh, file));
    const [a, b] = [filesOf(out), filesOf(fresh)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
  });

  it('fails with what the program said when it stops with an error, keeping the old index', async () => {
    const site = builtSite();
    await hook(site);
    const before = filesOf(join(site, 'pagefind'));
    const broken = join(site, 'broken-pagefind.sh');
    // Writes part of an index, then fails.
    writeFileSync(
      broken,
      '#!/bin/sh\nmkdir -p "$4/fragment" && echo x > "$4/fragment/half.pf_fragment"\necho "Error: disk full" >&2\nexit 3\n',
    );
    chmodSync(broken, 0o755);
    process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = broken;
    await expect(hook(site)).rejects.toThrow(/exit code 3:\nError: disk full/);
    const after = filesOf(join(site, 'pagefind'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of after) expect(bytes.equals(before.get(name)!), name).toBe(true);
    expect(readdirSync(site).filter((name) => name.startsWith('pagefind'))).toEqual(['pagefind']);
  });

  it('keeps no index across a change of program, nor after one language failed', async () => {
    const site = builtSite();
    const out = join(site, 'pagefind');
    await buildSearchIndex(site, out);
    // Another program (here the same one behind a script): every language is indexed again.
    const wrapper = join(site, 'wrapped-pagefind.sh');
    writeFileSync(wrapper, `#!/bin/sh\nexec "${pagefindProgram()}" "$@"\n`);
    chmodSync(wrapper, 0o755);
    process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = wrapper;
    expect((await buildSearchIndex(site, out)).indexed).toBe(2);
    expect((await buildSearchIndex(site, out)).indexed).toBe(0);

    // A program that fails for the English pages only: the build fails once both runs ended,
    // and the site's index stays as it was.
    writeFileSync(
      join(site, 'en/index.html'),
      page('en', 'Home', 'Safe migration for migrant workers and families.'),
    );
    writeFileSync(
      join(site, 'panduan/paspor/index.html'),
      page('id', 'Paspor', 'Cara membuat paspor elektronik.'),
    );
    const before = filesOf(out);
    const halfBroken = join(site, 'half-broken-pagefind.sh');
    writeFileSync(
      halfBroken,
      `#!/bin/sh\ncase "$2" in */en) echo "Error: English" >&2; exit 4;; esac\nexec "${pagefindProgram()}" "$@"\n`,
    );
    chmodSync(halfBroken, 0o755);
    process.env['PAGEFIND_EXTENDED_BINARY_PATH'] = halfBroken;
    await expect(buildSearchIndex(site, out)).rejects.toThrow(/exit code 4:\nError: English/);
    expectSameFiles(filesOf(out), before);
    // The next build, with the program as installed, gives the index of the site as it is now.
    delete process.env['PAGEFIND_EXTENDED_BINARY_PATH'];
    expect((await buildSearchIndex(site, out)).indexed).toBe(2);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
  });

  it('indexes each language by itself, and again only the languages whose pages changed', async () => {
    const site = builtSite();
    const out = join(site, 'pagefind');
    const first = await buildSearchIndex(site, out);
    expect([first.indexed, first.languages]).toEqual([2, 2]);
    // The same files as one run over every page, apart from nothing.
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
    const entry = JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['en', 'id']);

    const again = await buildSearchIndex(site, out);
    expect([again.indexed, again.files.written]).toEqual([0, 0]);

    writeFileSync(
      join(site, 'en/panduan/paspor/index.html'),
      page('en', 'Passport', 'How to get an electronic passport.'),
    );
    const english = await buildSearchIndex(site, out);
    expect(english.indexed).toBe(1);
    expect(english.files.written).toBeGreaterThan(0);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));

    // A new Indonesian page: only the Indonesian index is made again, and it finds the page.
    mkdirSync(join(site, 'berita/baru'), { recursive: true });
    writeFileSync(join(site, 'berita/baru/index.html'), page('id', 'Baru', 'Lowongan resmi.'));
    const indonesian = await buildSearchIndex(site, out);
    expect([indonesian.indexed, indonesian.pages]).toEqual([1, 5]);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
  });

  it('makes a kept index again when one of its files was lost or cut short', async () => {
    const site = builtSite();
    const out = join(site, 'pagefind');
    await buildSearchIndex(site, out);
    const kept = join(preparedFolder(site), 'index', 'en');
    const fragment = readdirSync(join(kept, 'fragment'))[0]!;
    rmSync(join(kept, 'fragment', fragment));
    expect((await buildSearchIndex(site, out)).indexed).toBe(1);
    expect(existsSync(join(out, 'fragment', fragment))).toBe(true);
    const meta = readdirSync(kept).find((name) => name.endsWith('.pf_meta'))!;
    writeFileSync(join(kept, meta), readFileSync(join(kept, meta)).subarray(0, 3));
    expect((await buildSearchIndex(site, out)).indexed).toBe(1);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
  });

  it('reuses the fragments of unchanged pages, and ends with the index Pagefind writes from nothing', async () => {
    const site = builtSite();
    const out = join(site, 'pagefind');
    expect((await buildSearchIndex(site, out)).reused).toBe(0);
    const kept = join(preparedFolder(site), 'index', 'id', 'fragment');
    const before = new Map(readdirSync(kept).map((name) => [name, statSync(join(kept, name))]));
    expect(before.size).toBe(2);

    // One page changed: the other's fragment is taken as written, and the changed one's goes.
    writeFileSync(
      join(site, 'panduan/paspor/index.html'),
      page('id', 'Paspor', 'Cara membuat paspor elektronik di kantor imigrasi.'),
    );
    const changed = await buildSearchIndex(site, out);
    expect([changed.indexed, changed.reused]).toEqual([1, 1]);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
    const after = readdirSync(kept);
    const unchanged = after.filter((name) => before.has(name));
    expect(unchanged).toHaveLength(1);
    // The kept file of the unchanged page was not written again.
    const [name] = unchanged;
    const now = statSync(join(kept, name!));
    expect([now.ino, now.mtimeMs]).toEqual([before.get(name!)!.ino, before.get(name!)!.mtimeMs]);

    // A new page and a page gone: every fragment of the pages still there is reused.
    mkdirSync(join(site, 'berita/baru'), { recursive: true });
    writeFileSync(join(site, 'berita/baru/index.html'), page('id', 'Baru', 'Lowongan resmi.'));
    expect((await buildSearchIndex(site, out)).reused).toBe(2);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
    rmSync(join(site, 'berita'), { recursive: true });
    expect((await buildSearchIndex(site, out)).reused).toBe(2);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
    expect(readdirSync(kept).sort()).toEqual(
      readdirSync(join(out, 'fragment'))
        .filter((n) => n.startsWith('id_'))
        .sort(),
    );
  });

  it('reuses the word index chunks a change leaves as they were', async () => {
    const site = wordySite();
    const out = join(site, 'pagefind');
    await buildSearchIndex(site, out);
    const chunks = join(preparedFolder(site), 'index', 'id', 'index');
    const before = readdirSync(chunks);
    expect(before.length).toBeGreaterThan(3);
    // A word at the end of the alphabet, at the end of a page: the last chunk changes.
    appendWords(site, 3, 'zzzakhir');
    const result = await buildSearchIndex(site, out);
    const after = readdirSync(chunks);
    const same = after.filter((name) => before.includes(name));
    expect(same.length).toBeGreaterThan(0);
    expect(same.length).toBeLessThan(after.length);
    // Every fragment but the changed page's, and every chunk that stayed the same.
    expect(result.reused).toBe(WORDY_PAGES - 1 + same.length);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
  });

  it('runs again without the kept files when a reused chunk does not start where the new index says', async () => {
    const site = wordySite();
    const out = join(site, 'pagefind');
    // Pagefind's program, then (with MIGRASI_TEST_SWAP) the first chunk it wrote removed and
    // named in the metadata by the first chunk of the last run that the new index no longer
    // names: what two runs giving one name to two chunks would leave.
    pagefindThen(
      site,
      'MIGRASI_TEST_SWAP',
      `if (before.length === 0) process.exit(0);
const named = (file) => meta().includes(Buffer.from(file.replace('.pf_index', '')));
const made = list().find((file) => !before.includes(file));
const old = before.find((file) => !named(file));
rmSync(out + '/index/' + made);
renameInMeta(made.replace('.pf_index', ''), old.replace('.pf_index', ''));`,
    );
    await buildSearchIndex(site, out);
    // New words at both ends of the alphabet: chunks change all along it.
    appendWords(site, 5, 'aaawal zzzakhir');
    process.env['MIGRASI_TEST_SWAP'] = '1';
    expect((await buildSearchIndex(site, out)).reused).toBe(0);
    delete process.env['MIGRASI_TEST_SWAP'];
    // Run again from an empty folder, where the program has nothing to swap: Pagefind's index.
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
  });

  it('reuses no kept fragment that does not hold what its name says, and mends it', async () => {
    const site = builtSite();
    const out = join(site, 'pagefind');
    await buildSearchIndex(site, out);
    const kept = join(preparedFolder(site), 'index', 'id', 'fragment');
    // A kept fragment changed in place, at the same size (the kept index's key still matches).
    const [spoilt] = readdirSync(kept);
    const bytes = readFileSync(join(kept, spoilt!));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 12) ^ 0xff, bytes.length - 12);
    writeFileSync(join(kept, spoilt!), bytes);
    writeFileSync(
      join(site, 'panduan/paspor/index.html'),
      page('id', 'Paspor', 'Cara membuat paspor elektronik di kantor imigrasi.'),
    );
    const result = await buildSearchIndex(site, out);
    expect([result.indexed, result.reused]).toEqual([1, 0]);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
    const fresh = filesOf(join(preparedFolder(site), 'index', 'id'));
    for (const [name, file] of fresh) {
      if (name.startsWith('fragment'))
        expect(file.equals(filesOf(out).get(name)!), name).toBe(true);
    }
  });

  it('reuses no kept file whose hash starts like one Pagefind made longer, and every other one', async () => {
    const site = builtSite();
    mkdirSync(join(site, 'berita/lain'), { recursive: true });
    writeFileSync(join(site, 'berita/lain/index.html'), page('id', 'Lain', 'Kabar dari desa.'));
    const out = join(site, 'pagefind');
    await buildSearchIndex(site, out);
    // Pagefind gives a longer hash to a fragment whose first 7 digits another one has; which of
    // the two gets which name follows the order of the pages, so neither is reused. Here the home
    // page's fragment is given such a twin.
    const index = join(preparedFolder(site), 'index', 'id');
    const home = readdirSync(join(index, 'fragment')).find((name) => {
      const text = gunzipSync(readFileSync(join(index, 'fragment', name))).subarray(12);
      return JSON.parse(text.toString('utf8')).url === '/';
    });
    const bytes = readFileSync(join(index, 'fragment', home!));
    const hash = pagefindHash(gunzipSync(bytes).subarray(12));
    const longer = `fragment/id_${hash.slice(0, 8)}.pf_fragment`;
    writeFileSync(join(index, longer), bytes);
    // The kept index's key lists it, so the index is whole as far as its key tells.
    const [program, fingerprint, ...lines] = readFileSync(`${index}.key`, 'utf8').split('\n');
    lines.push(`${longer} ${bytes.length}`);
    lines.sort();
    writeFileSync(`${index}.key`, [program, fingerprint, ...lines].join('\n'));
    writeFileSync(
      join(site, 'panduan/paspor/index.html'),
      page('id', 'Paspor', 'Cara membuat paspor elektronik di kantor imigrasi.'),
    );
    // The home page's fragment is written again; the other unchanged page's is reused.
    const result = await buildSearchIndex(site, out);
    expect([result.indexed, result.reused]).toEqual([1, 1]);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
    expect(existsSync(join(index, longer))).toBe(false);
  });

  it('runs again without the kept files when the new index gives a file copied in a longer name', async () => {
    const site = builtSite();
    const out = join(site, 'pagefind');
    // Pagefind's program, then (with MIGRASI_TEST_LONGER) a fragment that was copied in before
    // the run and that the new index names renamed with a longer hash, in the folder and in the
    // metadata, as Pagefind names the second of two fragments whose hashes start alike.
    pagefindThen(
      site,
      'MIGRASI_TEST_LONGER',
      `const named = beforeFragments.map((file) => file.replace('.pf_fragment', ''));
const name = named.find((hash) => meta().includes(Buffer.from(hash)));
if (!name) process.exit(0);
renameSync(out + '/fragment/' + name + '.pf_fragment', out + '/fragment/' + name + '0.pf_fragment');
renameInMeta(name, name + '0');`,
    );
    await buildSearchIndex(site, out);
    writeFileSync(
      join(site, 'panduan/paspor/index.html'),
      page('id', 'Paspor', 'Cara membuat paspor elektronik di kantor imigrasi.'),
    );
    process.env['MIGRASI_TEST_LONGER'] = '1';
    const result = await buildSearchIndex(site, out);
    expect([result.indexed, result.reused]).toEqual([1, 0]);
    delete process.env['MIGRASI_TEST_LONGER'];
    // Run again from an empty folder, where the program has nothing to rename: Pagefind's index.
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
  });

  it('drops the index of a language the site no longer has', async () => {
    const site = builtSite();
    const out = join(site, 'pagefind');
    await buildSearchIndex(site, out);
    rmSync(join(site, 'en'), { recursive: true });
    const result = await buildSearchIndex(site, out);
    expect([result.indexed, result.languages]).toEqual([0, 1]);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['id']);
    expect(readdirSync(join(out, 'fragment')).every((name) => name.startsWith('id_'))).toBe(true);
    expect(readdirSync(join(preparedFolder(site), 'index')).sort()).toEqual(['id', 'id.key']);
    expectSameFiles(filesOf(out), indexAllAtOnce(site));
  });

  it('refuses to merge two indexes that Pagefind gave the same language, keeping the old index', async () => {
    const site = builtSite();
    await hook(site);
    const before = filesOf(join(site, 'pagefind'));
    // Read by Pagefind as lang="fr", though not by a quick look at <html> (a ">" in a value).
    mkdirSync(join(site, 'fr/a'), { recursive: true });
    mkdirSync(join(site, 'fr/b'), { recursive: true });
    const french = page('fr', 'Passeport', 'Comment obtenir un passeport.');
    writeFileSync(join(site, 'fr/a/index.html'), french);
    writeFileSync(
      join(site, 'fr/b/index.html'),
      french.replace('<html lang="fr">', '<html title="a>b" lang="fr">'),
    );
    await expect(hook(site)).rejects.toThrow(/same language "fr"/);
    const after = filesOf(join(site, 'pagefind'));
    expectSameFiles(after, before);
  });
});
