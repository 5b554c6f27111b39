/**
 * `npm run bench -- --peers [--entries N] [--rounds R] [--skip-publish]`
 *
 * Builds the project on its generated tree and the two peers (bench/peers.ts) on as many generated
 * pages, interleaved round by round so that a busy spell of the machine hits every build alike:
 * project cold, bare cold, bare cold again with as many pages as the project's HTML pages,
 * Starlight cold, then each one's "publish" build (one news item's text changed, rebuilt with the
 * caches kept). Writes bench/results/peers-N.md and .json.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import type { GeneratedEntry } from './generate.ts';
import { retryHung, run, type RunResult } from './lib/proc.ts';
import { setAside } from './lib/trash.ts';
import { buildScriptEnv } from './lib/build-env.ts';
import {
  compare,
  comparisonMarkdown,
  type BuildKind,
  type Sample,
  type Comparison,
} from './lib/compare.ts';
import {
  PEERS,
  STARLIGHT_VERSION,
  installedVersion,
  markInstalled,
  pagePath,
  peerPages,
  writePeer,
  type PeerName,
  type PeerVersions,
} from './peers.ts';

export interface ComparisonOptions {
  root: string;
  /** The run's working directory (.bench/run-N): content/, dist/, cache/. */
  work: string;
  contentDir: string;
  entries: number;
  rounds: number;
  seed: number;
  publish: boolean;
  generated: GeneratedEntry[];
}

const log = (text: string) => console.log(`▸ ${text}`);

/** A build made of several commands: wall and CPU seconds add up, the peak is the largest. */
function total(parts: RunResult[], round: number, load: number): Sample {
  const cpu = parts.map((p) => p.cpuSeconds);
  return {
    round,
    seconds: parts.reduce((s, p) => s + p.seconds, 0),
    cpuSeconds: cpu.every((c) => c !== undefined)
      ? cpu.reduce((s: number, c) => s + (c as number), 0)
      : undefined,
    peakRssMB: Math.max(...parts.map((p) => p.peakRssMB)),
    load,
  };
}

/** Appends a sentence to a file's text; returns a function that puts the old text back. */
async function editOnce(file: string, round: number): Promise<() => Promise<void>> {
  const before = await readFile(file, 'utf8');
  await writeFile(
    file,
    `${before.trimEnd()}\n\nPembaruan ${round}: jadwal layanan berubah mulai pekan depan.\n`,
  );
  return () => writeFile(file, before);
}

export async function runComparison(o: ComparisonOptions): Promise<Comparison> {
  const node = join(o.root, 'node_modules', '.bin', 'node');
  const versions: PeerVersions = {
    astro: installedVersion(o.root, 'astro'),
    mdx: installedVersion(o.root, '@astrojs/mdx'),
    pagefind: installedVersion(o.root, 'pagefind'),
    starlight: STARLIGHT_VERSION,
  };
  const pages = peerPages(o.entries, o.seed);
  const peerDir = (peer: PeerName) => join(o.root, '.bench', peer);
  for (const peer of PEERS) {
    log(`writing the ${peer} peer (${pages.length} pages)`);
    if (await writePeer(peerDir(peer), peer, versions, pages)) {
      log(`npm install --prefix .bench/${peer}`);
      await run(
        'npm',
        ['install', '--prefix', peerDir(peer), '--no-audit', '--no-fund', '--loglevel=error'],
        { quiet: true },
      );
      await markInstalled(peerDir(peer), peer, versions);
    }
  }

  const outDir = join(o.work, 'dist');
  const cacheDir = join(o.work, 'cache');
  const env = {
    // What `npm run build` exports (package.json), e.g. the allocator setting of its native code;
    // the compile cache below goes to the run's own cache directory instead.
    ...buildScriptEnv(o.root),
    MIGRASI_CONTENT_DIR: o.contentDir,
    MIGRASI_OG_CACHE: join(cacheDir, 'og-images'),
    MIGRASI_CMS_CACHE: join(cacheDir, 'cms-admin'),
    MIGRASI_SEARCH_CACHE: join(cacheDir, 'search-index'),
    // What the content check found in each file, kept for the publish (check-cache.ts).
    MIGRASI_CHECK_CACHE: join(cacheDir, 'content-check'),
    // Node's compile cache, as the build scripts keep it (package.json): empty in a cold build.
    NODE_COMPILE_CACHE: join(cacheDir, 'node-compile'),
    // No spoken audio: the peers have none, and synthesising it cold (a few CPU seconds per guide,
    // once per text, then cached) would swamp the comparison; `npm run bench` measures it.
    MIGRASI_LISTEN: 'off',
    ASTRO_TELEMETRY_DISABLED: '1',
    MIGRASI_SEARCH_INDEX: 'after',
  };
  // As `npm run build` does it: Astro, with the content check beside its start
  // (src/integrations/content-check.ts), then the search index in a process of its own
  // (scripts/search-index.ts).
  // A publish builds over the cold build's output, as CI does with the output it restores.
  const project = async (round: number, cold: boolean) => {
    // Moved aside rather than deleted just before a measured build (bench/lib/trash.ts).
    if (cold) {
      await setAside(outDir);
      await setAside(cacheDir);
    }
    const load = loadavg()[0] ?? 0;
    const astro = await run(
      node,
      [join(o.root, 'bench/astro-build.ts'), outDir, join(cacheDir, 'astro')],
      { env, quiet: true },
    );
    const index = await run(node, [join(o.root, 'scripts/search-index.ts'), outDir], {
      env,
      quiet: true,
    });
    if (!existsSync(join(outDir, 'pagefind', 'pagefind.js')))
      throw new Error('the project built no Pagefind index');
    // Pages Astro's incremental build left in the output instead of rendering them again.
    const reused = astro.lines.filter((l) => /\((?:restored|cached)\)/.test(l.text)).length;
    if (!cold) log(`project publish reused ${reused} pages from the last build`);
    return total([astro, index], round, load);
  };
  const peer = async (name: PeerName, round: number, cold: boolean, dir = peerDir(name)) => {
    await setAside(join(dir, 'dist'));
    if (cold) {
      await setAside(join(dir, 'node_modules', '.astro'));
      await setAside(join(dir, '.astro'));
    }
    const load = loadavg()[0] ?? 0;
    const peerEnv = { ASTRO_TELEMETRY_DISABLED: '1' };
    // A peer's build that hangs (Starlight's publish did once) is stopped and run once more.
    const build = () =>
      run(node, [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
        cwd: dir,
        env: peerEnv,
        quiet: true,
      });
    const parts = [await retryHung(build, (message) => log(`${name}: ${message}`))];
    // Starlight runs Pagefind inside its build; the bare site runs the Pagefind CLI after it.
    if (name === 'bare')
      parts.push(
        await run(join(dir, 'node_modules', '.bin', 'pagefind'), ['--site', 'dist'], {
          cwd: dir,
          quiet: true,
        }),
      );
    if (!existsSync(join(dir, 'dist', 'pagefind', 'pagefind.js')))
      throw new Error(`the ${name} peer built no Pagefind index`);
    return total(parts, round, load);
  };

  const newsItem = o.generated.find((e) => e.collection === 'berita' && e.locale === 'id');
  const firstPage = pages[0];
  if (!newsItem || !firstPage) throw new Error('the generated tree has no news item to edit');
  const samples: Partial<Record<BuildKind, Sample[]>> = {};
  const add = (kind: BuildKind, s: Sample) => {
    (samples[kind] ??= []).push(s);
    log(
      `${kind} (round ${s.round}): ${s.seconds.toFixed(1)} s, CPU ${s.cpuSeconds?.toFixed(1) ?? '–'} s, ${s.peakRssMB} MB, load ${s.load.toFixed(1)}`,
    );
  };
  // Written after every round, so that a run stopped early still leaves its numbers.
  const report = async (done: number, final: boolean) => {
    const result = compare({
      entries: o.entries,
      rounds: done,
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      versions: {
        astro: versions.astro,
        '@astrojs/mdx': versions.mdx,
        pagefind: versions.pagefind,
        '@astrojs/starlight': installedVersion(peerDir('starlight'), '@astrojs/starlight'),
      },
      publishCaches:
        "project: the previous output, Astro's cacheDir (content layer, incremental build), link-preview cards, CMS admin bundle; peers: Astro content layer",
      samples,
    });
    await mkdir(join(o.root, 'bench/results'), { recursive: true });
    await writeFile(
      join(o.root, `bench/results/peers-${o.entries}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    const md = comparisonMarkdown(result);
    await writeFile(join(o.root, `bench/results/peers-${o.entries}.md`), md);
    if (final) console.log(`\n${md}`);
    return result;
  };
  // The bare peer once more, with one page per HTML page of the project's cold build: how the
  // two compare page for page. Written after the first cold build, which gives the count; it
  // shares the bare peer's installed packages.
  const barePagesDir = join(o.root, '.bench', 'bare-pages');
  const writeBarePages = async () => {
    const html = (await readdir(outDir, { recursive: true })).filter((f) =>
      f.endsWith('.html'),
    ).length;
    // The bare site has its home page besides one page per entry.
    log(`writing the bare peer again with ${html} HTML pages, as many as the project wrote`);
    await writePeer(barePagesDir, 'bare', versions, peerPages(html - 1, o.seed));
    // Its own node_modules folder of links to the bare peer's packages: Astro keeps its cache
    // in node_modules/.astro, which the two must not share.
    const modules = join(barePagesDir, 'node_modules');
    await setAside(modules);
    await mkdir(modules);
    for (const name of await readdir(join(peerDir('bare'), 'node_modules')))
      if (name !== '.astro')
        await symlink(join(peerDir('bare'), 'node_modules', name), join(modules, name));
  };
  for (let round = 1; round <= o.rounds; round++) {
    add('project cold', await project(round, true));
    if (round === 1) await writeBarePages();
    add('bare cold', await peer('bare', round, true));
    add('bare cold, project page count', await peer('bare', round, true, barePagesDir));
    add('starlight cold', await peer('starlight', round, true));
    if (o.publish) {
      let restore = await editOnce(join(o.contentDir, newsItem.path), round);
      add('project publish', await project(round, false));
      await restore();
      for (const name of PEERS) {
        restore = await editOnce(join(peerDir(name), pagePath(name, firstPage)), round);
        add(`${name} publish`, await peer(name, round, false));
        await restore();
      }
    }
    if (round < o.rounds) await report(round, false);
  }

  return report(o.rounds, true);
}
