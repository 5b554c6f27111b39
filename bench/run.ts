/**
 * `npm run bench -- --entries N [--skip-lighthouse] [--keep] [--seed S] [--cms-cache]
 *  [--profile] [--build-only] [--publish] [--astro-config JSON]`, or with `--peers [--rounds R] [--skip-publish]` the comparison with bare Astro and
 * Starlight (bench/compare.ts) instead of the measurements below.
 *
 * Copies content/ into a temporary directory, adds N synthetic entries, builds the site from it
 * into a temporary outDir (content/ and dist/ stay untouched), then measures build time and
 * memory, page sizes, what Chromium downloads per page type, Pagefind, and Lighthouse. Writes
 * bench/results/latest.json, bench/results/latest.md and bench/results/entries-N.json.
 */
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { generateEntries, writeEntries } from './generate.ts';
import { run } from './lib/proc.ts';
import { buildScriptEnv } from './lib/build-env.ts';
import { emptyTrash, setAside } from './lib/trash.ts';
import { dirBytes, htmlPages, stats, walk } from './lib/output.ts';
import { measureBrowser } from './lib/browser.ts';
import { runLighthouse } from './lib/lighthouse.ts';
import {
  contentCheckLine,
  evaluate,
  listenStats,
  toMarkdown,
  type Phase,
  type Results,
} from './lib/report.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'skip-lighthouse': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'cms-cache': { type: 'boolean', default: false },
    warm: { type: 'boolean', default: false },
    publish: { type: 'boolean', default: false },
    peers: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    'skip-publish': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'build-only': { type: 'boolean', default: false },
    'astro-config': { type: 'string' },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number ≥ 1');
const entries = Number(values.entries);
if (!Number.isInteger(entries) || entries < 10)
  throw new Error('--entries must be a whole number ≥ 10');

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.bench', `run-${entries}`);
const contentDir = join(work, 'content');
const outDir = join(work, 'dist');
const cacheDir = join(work, 'cache');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const log = (text: string) => console.log(`▸ ${text}`);

// Astro writes .astro/content-modules.mjs in the project during every build: two builds at once
// in one checkout (two benchmarks, or a benchmark and `npm run build`) read each other's entries.
const lock = join(root, '.bench', 'lock');
if (existsSync(lock)) {
  const pid = Number(readFileSync(lock, 'utf8'));
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (alive) throw new Error(`another benchmark (pid ${pid}) is running in this checkout`);
}
await mkdir(join(root, '.bench'), { recursive: true });
await writeFile(lock, String(process.pid));
process.on('exit', () => rmSync(lock, { force: true }));

// The last run's tree is moved aside, and deleted at the end (bench/lib/trash.ts).
await setAside(work);
await mkdir(work, { recursive: true });
await cp(join(root, 'content'), contentDir, { recursive: true });

log(`generating ${entries} entries`);
const programs = existsSync(join(contentDir, 'program'))
  ? [
      ...new Set(
        (
          await Promise.all(
            (await readdir(join(contentDir, 'program'))).map((l) =>
              readdir(join(contentDir, 'program', l)),
            ),
          )
        )
          .flat()
          .map((f) => f.replace(/\.mdx?$/, '')),
      ),
    ]
  : [];
const generated = generateEntries({ entries, seed: Number(values.seed), programs });
await writeEntries(contentDir, generated);
const count = (c: string) => generated.filter((e) => e.collection === c).length;

if (values.peers) {
  const { runComparison } = await import('./compare.ts');
  await runComparison({
    root,
    work,
    contentDir,
    entries,
    rounds,
    seed: Number(values.seed),
    publish: !values['skip-publish'],
    generated,
  });
  await run(bin('astro'), ['sync'], { quiet: true });
  if (!values.keep) await rm(work, { recursive: true, force: true });
  await emptyTrash();
  await emptyTrash();
  process.exit(0);
}

// Other work on the machine slows the build: the load average is recorded with the results.
const loadBefore = loadavg()[0] ?? 0;
// The link-preview images get an empty cache of their own: the benchmark measures a cold build.
// So does the CMS admin bundle, unless --cms-cache reuses the project's (it depends on code only,
// so a CI that restores node_modules/.cache rebuilds it only when the CMS code changed).
const cmsCache = values['cms-cache'];
const env = {
  // What `npm run build` exports (package.json), e.g. the allocator setting of its native code;
  // the compile cache below goes to the run's own cache directory instead.
  ...buildScriptEnv(root),
  MIGRASI_CONTENT_DIR: contentDir,
  // The repository's example courses (examples/) as well, as the tests build them.
  MIGRASI_EXAMPLES: '1',
  MIGRASI_OG_CACHE: join(cacheDir, 'og-images'),
  MIGRASI_AUDIO_CACHE: join(cacheDir, 'listen-audio'),
  ...(cmsCache ? {} : { MIGRASI_CMS_CACHE: join(cacheDir, 'cms-admin') }),
  // The pages prepared for the search index, kept for the publish (prepared-pages.ts).
  MIGRASI_SEARCH_CACHE: join(cacheDir, 'search-index'),
  // What the content check found in each file, kept for the publish (check-cache.ts).
  MIGRASI_CHECK_CACHE: join(cacheDir, 'content-check'),
  // Node's compile cache, as the build scripts keep it (package.json): empty in a cold build.
  NODE_COMPILE_CACHE: join(cacheDir, 'node-compile'),
  ASTRO_TELEMETRY_DISABLED: '1',
  // As `npm run build`: the search index is made after the Astro process has ended.
  MIGRASI_SEARCH_INDEX: 'after',
};
/** The search index of a built site, as `npm run build` makes it after Astro (scripts/search-index.ts). */
const searchIndex = (dir: string) =>
  run(bin('node'), [join(root, 'scripts/search-index.ts'), dir], { env, quiet: true });
log('astro build (the content check runs beside its start: src/integrations/content-check.ts)');
// --profile: V8's CPU and sampling heap profiles of the build (main thread and card workers), its
// memory over time and the timed log lines, kept in .bench/profile-N/ (see bench/profile.ts).
const profileDir = join(root, '.bench', `profile-${entries}`);
if (values.profile) await rm(profileDir, { recursive: true, force: true });
const astro = await run(
  bin('node'),
  [
    ...(values.profile
      ? [
          `--cpu-prof`,
          `--cpu-prof-dir=${profileDir}`,
          `--heap-prof`,
          `--heap-prof-dir=${profileDir}`,
        ]
      : []),
    join(root, 'bench/astro-build.ts'),
    outDir,
    cacheDir,
  ],
  {
    env: {
      ...env,
      ...(values.profile ? { BENCH_PROFILE_DIR: profileDir } : {}),
      ...(values['astro-config'] ? { BENCH_ASTRO_CONFIG: values['astro-config'] } : {}),
    },
    quiet: true,
  },
);
if (values.profile) {
  await writeFile(
    join(profileDir, 'log.txt'),
    astro.lines.map((l) => `${l.at.toFixed(2)}\t${l.text}`).join('\n'),
  );
  const { profileSummary } = await import('./profile.ts');
  const summary = profileSummary(profileDir);
  await writeFile(join(profileDir, 'summary.md'), summary);
  console.log(summary);
  log(`profiles and summary.md in ${profileDir}`);
}
// When an integration runs Pagefind inside the build, time it from its first log line.
const pagefindLine = astro.lines.find((l) => /pagefind\].*indexed/i.test(l.text));
const pagefindInBuild = pagefindLine !== undefined;
let pagefind: Phase & { inBuild: boolean } = { seconds: 0, peakRssMB: 0, inBuild: pagefindInBuild };
if (pagefindInBuild) {
  // The integration reports its own duration ("indexed N pages … in 2342 ms").
  const reported = /indexed .* in (\d+) ms/i.exec(pagefindLine.text);
  pagefind.seconds = reported ? Number(reported[1]) / 1000 : astro.seconds - pagefindLine.at;
} else {
  log('search index (scripts/search-index.ts, after the Astro process)');
  const pf = await searchIndex(outDir);
  pagefind = {
    seconds: pf.seconds,
    cpuSeconds: pf.cpuSeconds,
    peakRssMB: pf.peakRssMB,
    inBuild: false,
  };
}
if (!existsSync(join(outDir, 'pagefind', 'pagefind.js')))
  throw new Error(`the build of ${outDir} made no search index`);
const check = contentCheckLine(astro.lines.map((l) => l.text));
const buildSeconds = astro.seconds + (pagefindInBuild ? 0 : pagefind.seconds);
log(
  `built in ${buildSeconds.toFixed(1)} s (astro ${astro.seconds.toFixed(1)}, its content check ${check.seconds.toFixed(1)} beside it, waited ${check.waitedSeconds.toFixed(1)}; pagefind ${pagefind.seconds.toFixed(1)})`,
);

// The audio ("Dengarkan") reports what it did: files, how many synthesised, seconds of speech, size.
const listenCold = listenStats(astro.lines.map((l) => l.text));
if (listenCold) log(`listen (cold): ${JSON.stringify(listenCold)}`);
// --publish: an editor changes one news item and CI builds again with every cache it keeps
// (the previous output, Astro's cacheDir with its content layer, cards, CMS bundle, audio), over
// the previous output (src/integrations/previous-output.ts). Before --warm: a build into another
// folder with the same cacheDir makes the next build distrust the output and render every page
// again, which is not what CI does. Reports what it cost, how many pages Astro reused, and which
// files differ from the cold build's output (the edited item and the pages that list it, nothing
// else).
if (values.publish) {
  const item = generated.find((e) => e.collection === 'berita' && e.locale === 'id');
  if (!item) throw new Error('the generated tree has no news item to edit');
  const file = join(contentDir, item.path);
  await writeFile(
    file,
    `${readFileSync(file, 'utf8').trimEnd()}\n\nPembaruan: jadwal layanan berubah mulai pekan depan.\n`,
  );
  log(`astro build after one news item changed (--publish: ${item.path})`);
  // Over the cold build's output in the same folder, as CI does: Astro's hash of a page's code
  // depends on it. A copy of the cold output waits beside it, to compare, and comes back
  // afterwards.
  const coldDir = join(work, 'dist-cold');
  await cp(outDir, coldDir, { recursive: true });
  const loadAt = loadavg()[0] ?? 0;
  const again = await run(bin('node'), [join(root, 'bench/astro-build.ts'), outDir, cacheDir], {
    env,
    quiet: true,
  });
  const index = await searchIndex(outDir);
  const reused = again.lines.filter((l) => /\((?:restored|cached)\)/.test(l.text)).length;
  const changed = changedFiles(coldDir, outDir);
  await rm(outDir, { recursive: true, force: true });
  await rename(coldDir, outDir);
  log(
    `publish: ${(again.seconds + index.seconds).toFixed(1)} s (search index ${index.seconds.toFixed(1)} s), CPU ${((again.cpuSeconds ?? 0) + (index.cpuSeconds ?? 0)).toFixed(1)} s, peak ${Math.max(again.peakRssMB, index.peakRssMB)} MB, load ${loadAt.toFixed(1)}; ${reused} pages reused; ${changed.length} files differ from the cold build: ${changed.slice(0, 12).join(', ')}${changed.length > 12 ? ', …' : ''}`,
  );
}

// --warm: the same build again with the caches the first one filled (link-preview images, audio,
// CMS bundle), as CI rebuilds after a content edit: what the audio costs once it is cached. After
// --publish, the content holds its edit.
let warm: Results['warm'];
if (values.warm) {
  log('astro build again with warm caches (--warm)');
  const again = await run(
    bin('node'),
    [join(root, 'bench/astro-build.ts'), join(work, 'dist-warm'), cacheDir],
    { env, quiet: true },
  );
  const index = await searchIndex(join(work, 'dist-warm'));
  warm = {
    seconds: round(again.seconds + index.seconds),
    cpuSeconds: (again.cpuSeconds ?? 0) + (index.cpuSeconds ?? 0),
    peakRssMB: Math.max(again.peakRssMB, index.peakRssMB),
    listen: listenStats(again.lines.map((l) => l.text)),
  };
}

// The build left .astro/ describing the generated tree: describe content/ again for dev and checks.
await run(bin('astro'), ['sync'], { quiet: true });
if (values['build-only']) {
  log(
    `CPU ${((astro.cpuSeconds ?? 0) + (pagefind.inBuild ? 0 : (pagefind.cpuSeconds ?? 0))).toFixed(1)} s, peak ${Math.max(astro.peakRssMB, pagefind.peakRssMB)} MB, load ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}`,
  );
  if (!values.keep) await rm(work, { recursive: true, force: true });
  await emptyTrash();
  await emptyTrash();
  process.exit(0);
}

const pages = htmlPages(outDir);
const largest = [...pages].sort((a, b) => b.bytes - a.bytes).slice(0, 10);
// A page that links to many generated entries lists them all: it grows with N.
const listsAll = pages
  .filter((p) => p.entryLinks > 50)
  .sort((a, b) => b.entryLinks - a.entryLinks)
  .slice(0, 20);
const previous = readPrevious(root, entries);

const browser = await measureBrowser(
  outDir,
  pages.map((p) => p.path),
);
const lighthouse = values['skip-lighthouse']
  ? null
  : await runLighthouse(
      outDir,
      browser.pageTypes.map((t) => ({ type: t.type, path: t.path })),
    );

const results: Results = {
  entries,
  cmsBundle: cmsCache ? 'cached' : 'built',
  generated: {
    panduan: count('panduan'),
    berita: count('berita'),
    pelatihan: count('pelatihan'),
    total: generated.length,
  },
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    node: process.version,
    loadAverage: [loadBefore, loadavg()[0] ?? 0],
  },
  buildSeconds: round(buildSeconds),
  buildCpuSeconds: round(
    (astro.cpuSeconds ?? 0) + (pagefindInBuild ? 0 : (pagefind.cpuSeconds ?? 0)),
  ),
  peakRssMB: Math.max(astro.peakRssMB, pagefind.peakRssMB),
  phases: {
    contentCheck: { seconds: round(check.seconds), waitedSeconds: round(check.waitedSeconds) },
    astro: {
      seconds: round(astro.seconds),
      cpuSeconds: astro.cpuSeconds,
      peakRssMB: astro.peakRssMB,
    },
    pagefind: { ...pagefind, seconds: round(pagefind.seconds) },
  },
  listen: listenCold,
  warm,
  output: {
    htmlPages: pages.length,
    htmlBytes: stats(pages.map((p) => p.bytes)),
    totalBytes: dirBytes(outDir).bytes,
    largest: largest.map((p) => ({ ...p, ...grows(p.path, p.bytes) })),
    listsAll,
    // Sizes of the pages that are not generated entries (listings, home…) and of the largest ones,
    // so that a later run with another N can tell which pages grow with N.
    sizes: Object.fromEntries(
      pages
        .filter((p) => !p.path.includes('/bench-') || largest.includes(p))
        .filter((p) => !/\/halaman\/([3-9]|\d{2,})\//.test(p.path))
        .map((p) => [p.path, p.bytes]),
    ),
    pagefindIndex: dirBytes(join(outDir, 'pagefind')),
  },
  pageTypes: browser.pageTypes,
  search: browser.search,
  lighthouse,
  budgets: [],
};
results.budgets = evaluate(results);

await mkdir(join(root, 'bench/results'), { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
await writeFile(join(root, 'bench/results/latest.json'), json);
await writeFile(join(root, `bench/results/entries-${entries}.json`), json);
const md = toMarkdown(results);
await writeFile(join(root, 'bench/results/latest.md'), md);
await writeFile(join(root, `bench/results/entries-${entries}.md`), md);
console.log(`\n${md}`);
if (!values.keep) await rm(work, { recursive: true, force: true });
else log(`kept ${work}`);
await emptyTrash();

/** Files that differ between two output directories (added, removed or other bytes). */
function changedFiles(a: string, b: string): string[] {
  const digests = (dir: string) =>
    new Map(
      walk(dir).map((f) => [
        relative(dir, f),
        createHash('sha256').update(readFileSync(f)).digest('hex'),
      ]),
    );
  const before = digests(a);
  const after = digests(b);
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((f) => before.get(f) !== after.get(f))
    .sort();
}

function round(n: number) {
  return Math.round(n * 100) / 100;
}

/** Sizes of every page in the runs with other N (bench/results/entries-*.json). */
function readPrevious(
  rootDir: string,
  n: number,
): { entries: number; sizes: Map<string, number> }[] {
  const dir = join(rootDir, 'bench/results');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^entries-(\d+)\.json$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[1]) !== n)
    .flatMap((m) => {
      try {
        const r = JSON.parse(readFileSync(join(dir, m[0]), 'utf8')) as Results;
        return [{ entries: r.entries, sizes: new Map(Object.entries(r.output.sizes ?? {})) }];
      } catch {
        return []; // an unreadable old result is no reason to fail this run
      }
    });
}

/** "yes"/"no" when a run with another N built the same page, comparing bytes per entry ratio. */
function grows(path: string, bytes: number): { grows?: string } {
  for (const prev of previous) {
    const before = prev.sizes.get(path);
    if (before === undefined) continue;
    const ratio = bytes / before;
    const grew = prev.entries < entries ? ratio > 1.2 : ratio < 1 / 1.2;
    return {
      grows: `${grew ? 'YES' : 'no'} (${(before / 1024).toFixed(1)} KB at ${prev.entries})`,
    };
  }
  return {};
}
