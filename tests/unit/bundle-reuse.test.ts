/**
 * The bundle reused from the last build (src/integrations/bundle-reuse.ts): Astro's internals kept
 * and restored with this build's page objects, the key, and the check of the module graph's files.
 * The e2e incremental build test (tests/e2e/incremental.test.ts) builds the site with it and
 * compares with cold builds byte for byte.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import bundleReuse, {
  INTERNALS,
  bundleKey,
  changedGraphFile,
  decodeInternals,
  encodeInternals,
  restoreInternals,
} from '../../src/integrations/bundle-reuse.ts';
import { readsStoreFile, storeReader } from '../../src/integrations/data-store-file.ts';

const root = resolve(import.meta.dirname, '../..');

const page = (key: string) => ({
  key,
  component: `src/pages/${key}.astro`,
  route: { route: `/${key}`, prerender: true },
  styles: [] as unknown[],
});

type Internals = Record<string, unknown> & { pagesByKeys: Map<string, ReturnType<typeof page>> };

/** A new build's internals before its bundle: two pages, new objects, nothing filled. */
function fresh() {
  const pages = [page('a'), page('b')];
  const internals: Internals = {
    pagesByKeys: new Map(pages.map((p) => [p.key, p])),
    pagesByViteID: new Map([['/src/pages/a.astro', pages[0]]]),
    pagesByScriptId: new Map(),
    discoveredScripts: new Set(),
  };
  return { pages, internals };
}

/** Internals as a bundle leaves them: maps and sets of names, of page objects, of plain values. */
function bundled() {
  const { pages, internals } = fresh();
  const [a, b] = pages;
  a!.styles.push({ depth: 0, order: 1, sheet: { type: 'external', src: '/_astro/a.css' } });
  Object.assign(internals, {
    pagesByScriptId: new Map([['script-1', new Set([a, b])]]),
    discoveredScripts: new Set(['script-1']),
    prerenderEntryFileName: 'prerender-entry.x1.mjs',
    pageDependencyHashes: new Map([['src/pages/a.astro', 'hash-a']]),
    extractedChunks: [{ fileName: 'chunks/x.mjs', code: 'export {}', moduleIds: ['m'] }],
    middlewareEntryPoint: undefined,
  });
  return { pages, internals };
}

describe("Astro's build internals kept and restored", () => {
  it("gives the next build the same values, with that build's page objects", () => {
    const last = bundled();
    const next = fresh();
    const before = next.internals.pagesByViteID;
    restoreInternals(
      next.internals,
      decodeInternals(next.internals.pagesByKeys, encodeInternals(last.internals)),
    );
    const [a, b] = next.pages;
    const scripts = next.internals['pagesByScriptId'] as Map<string, Set<unknown>>;
    // The live page objects, not copies: Astro looks pages up by identity.
    expect([...scripts.get('script-1')!]).toEqual([a, b]);
    expect([...scripts.get('script-1')!][0]).toBe(a);
    expect(a!.styles).toEqual(last.pages[0]!.styles);
    expect(b!.styles).toEqual([]);
    // Filled before the bundle from the routes: left as this build made them.
    expect(next.internals.pagesByViteID).toBe(before);
    for (const name of [
      'discoveredScripts',
      'prerenderEntryFileName',
      'pageDependencyHashes',
      'extractedChunks',
    ]) {
      expect(next.internals[name], name).toEqual(last.internals[name]);
    }
    expect('middlewareEntryPoint' in next.internals).toBe(true);
  });

  it('refuses, changing nothing, when a page of the kept bundle is not in this build', () => {
    const kept = encodeInternals(bundled().internals);
    const next = fresh();
    next.internals.pagesByKeys.delete('b');
    expect(() => decodeInternals(next.internals.pagesByKeys, kept)).toThrow(/page b/);
    expect(next.internals['discoveredScripts']).toEqual(new Set());
    // A page more than the kept bundle had is refused too.
    const more = fresh();
    more.internals.pagesByKeys.set('c', page('c'));
    expect(() => decodeInternals(more.internals.pagesByKeys, kept)).toThrow(/3 pages/);
  });

  it('refuses to keep what it cannot restore: functions and class instances', () => {
    const withFunction = bundled();
    withFunction.internals['hook'] = () => 1;
    expect(() => encodeInternals(withFunction.internals)).toThrow(/hook is a function/);
    const withClass = bundled();
    withClass.internals['where'] = new Map([['x', new URL('file:///x')]]);
    expect(() => encodeInternals(withClass.internals)).toThrow(/URL/);
  });
});

describe('the key of what the bundle is made of', () => {
  async function project() {
    const dir = await mkdtemp(join(tmpdir(), 'bundle-key-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    for (const folder of ['src', 'cms']) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, 'src/page.ts'), 'export const a = 1;');
    writeFileSync(join(dir, 'cms/config.ts'), 'export const b = 1;');
    writeFileSync(join(dir, 'astro.config.mjs'), 'export default {};');
    return dir;
  }

  it('changes with the code, the config, cms/, .env, the params and the variables the build reads', async () => {
    const dir = await project();
    const options = {
      root: dir,
      cacheDir: join(dir, 'cache'),
      params: ['site https://a.example/'],
    };
    const key = await bundleKey(options);
    expect(await bundleKey(options)).toBe(key);
    // Variables the bundle does not read leave it alone.
    const home = process.env['HOME'];
    process.env['HOME'] = '/elsewhere';
    onTestFinished(() => void (process.env['HOME'] = home));
    expect(await bundleKey(options)).toBe(key);
    expect(await bundleKey({ ...options, params: ['site https://b.example/'] })).not.toBe(key);
    process.env['MIGRASI_EXAMPLES'] = '1';
    onTestFinished(() => void delete process.env['MIGRASI_EXAMPLES']);
    const withExamples = await bundleKey(options);
    expect(withExamples).not.toBe(key);
    delete process.env['MIGRASI_EXAMPLES'];
    // Variables from a .env file are baked into the code as Vite reads them.
    writeFileSync(join(dir, '.env'), 'PUBLIC_X=1');
    expect(await bundleKey(options)).not.toBe(key);
    await rm(join(dir, '.env'));
    for (const file of ['src/page.ts', 'cms/config.ts', 'astro.config.mjs']) {
      const text = readFileSync(join(dir, file), 'utf8');
      writeFileSync(join(dir, file), `${text}\n// changed`);
      expect(await bundleKey(options), file).not.toBe(key);
      writeFileSync(join(dir, file), text);
      expect(await bundleKey(options), file).toBe(key);
    }
  });

  it("names the first of the last bundle's files that is gone or changed", async () => {
    const dir = await project();
    const outside = await mkdtemp(join(tmpdir(), 'bundle-graph-'));
    onTestFinished(() => rm(outside, { recursive: true, force: true }));
    writeFileSync(join(outside, 'lib.js'), 'export default 1;');
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    const graph: [string, string][] = [
      ['src/page.ts', hash('export const a = 1;')],
      [join(outside, 'lib.js'), hash('export default 1;')],
    ];
    expect(await changedGraphFile(dir, graph)).toBeNull();
    writeFileSync(join(outside, 'lib.js'), 'export default 2;');
    expect(await changedGraphFile(dir, graph)).toBe(join(outside, 'lib.js'));
    writeFileSync(join(outside, 'lib.js'), 'export default 1;');
    await rm(join(dir, 'src/page.ts'));
    expect(await changedGraphFile(dir, graph)).toBe('src/page.ts');
  });
});

describe('what makes a bundle not reusable', () => {
  it("tells the store's reader from Astro's bundled store", () => {
    expect(readsStoreFile(storeReader('/cache/data-store.json'))).toBe(true);
    expect(readsStoreFile('export default JSON.parse("{\\"a\\":1}")')).toBe(false);
    expect(readsStoreFile("export default JSON.parse('{}')")).toBe(false);
  });

  it('has the installed Astro patched to hand over its build internals (npm install applies patches/)', () => {
    // Without the patch every build bundles and says so; this catches an Astro update that drops it.
    const file = join(root, 'node_modules/astro/dist/core/build/static-build.js');
    const code = readFileSync(file, 'utf8');
    expect(code).toContain('Symbol.for("astro.build.internals")');
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')) as {
      version: string;
    };
    const patches = readFileSync(join(root, `patches/astro+${pkg.version}.patch`), 'utf8');
    expect(patches).toContain('astro.build.internals');
  });
});

describe('builds with the integration, around a stand-in for Astro and Vite', () => {
  type Env = {
    name: string;
    isBuilt: boolean;
    config: {
      build: { outDir: string; copyPublicDir: boolean };
      publicDir: string | false;
      plugins: { name: string; buildStart?: () => void }[];
    };
  };

  /** A project folder, the integration's hooks run as Astro runs them, and one build at a time. */
  async function project() {
    const dir = await mkdtemp(join(tmpdir(), 'bundle-reuse-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    for (const folder of ['src', 'public']) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, 'src/page.ts'), 'export const page = 1;');
    writeFileSync(join(dir, 'public/robots.txt'), 'User-agent: *');
    writeFileSync(join(dir, 'astro.config.mjs'), 'export default {};');
    // An entry of the content, outside the code the key hashes: only the module graph names it.
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/guide.mdx'), '# Panduan');
    const saved = (globalThis as { astroAsset?: unknown }).astroAsset;
    onTestFinished(() => void ((globalThis as { astroAsset?: unknown }).astroAsset = saved));
    const integration = bundleReuse();
    const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
    const plugins: {
      load: (this: unknown, id: string) => Promise<null> | null;
      generateBundle: (this: unknown) => void;
    }[] = [];
    await hooks['astro:config:setup']!({
      command: 'build',
      updateConfig: (c: { vite: { plugins: typeof plugins } }) => plugins.push(...c.vite.plugins),
    });
    const url = (path: string) => pathToFileURL(join(dir, path) + '/');
    await hooks['astro:config:done']!({
      config: {
        root: url(''),
        cacheDir: url('cache'),
        outDir: url('dist'),
        publicDir: url('public'),
        site: 'https://contoh.example/',
        base: '/',
        trailingSlash: 'always',
        build: { format: 'directory', assets: '_astro' },
      },
    });
    let bundles = 0;
    /** What the stand-in's data store module holds: the reader, or the store itself. */
    let storeCode = storeReader(join(dir, 'cache/data-store.json'));

    /** One build: Astro's internals, its buildApp (a bundle), wrapped by the integration. */
    async function build(patched = true, duringBundle = () => {}) {
      const { internals, pages } = fresh();
      const logs: string[] = [];
      const logger = {
        info: (m: string) => logs.push(m),
        warn: (m: string) => logs.push(`warn: ${m}`),
      };
      let assetsStarted = 0;
      (globalThis as { astroAsset?: unknown }).astroAsset = { referencedImages: new Set() };
      const env = (name: string, outDir: string, copyPublicDir: boolean): Env => ({
        name,
        isBuilt: false,
        config: {
          build: { outDir: join(dir, outDir), copyPublicDir },
          publicDir: join(dir, 'public'),
          plugins: [{ name: 'astro:assets', buildStart: () => void assetsStarted++ }],
        },
      });
      const environments = {
        prerender: env('prerender', 'dist/.prerender', false),
        client: env('client', 'dist', true),
      };
      const builder = {
        environments,
        async build(e: Env) {
          e.config.plugins[0]!.buildStart!();
          const code = readFileSync(join(dir, 'src/page.ts'), 'utf8');
          const file = e.name === 'prerender' ? 'entry.mjs' : '_astro/page.js';
          mkdirSync(dirname(join(e.config.build.outDir, file)), { recursive: true });
          writeFileSync(join(e.config.build.outDir, file), `// ${e.name}\n${code}`);
          if (e.name === 'client')
            cpSync(join(dir, 'public'), e.config.build.outDir, { recursive: true });
          const ids = [
            join(dir, 'src/page.ts'),
            `${join(dir, 'content/guide.mdx')}?astroPropagatedAssets`,
            '\0astro:data-layer-content',
          ];
          for (const id of ids) await plugins[0]!.load.call({}, id);
          plugins[0]!.generateBundle.call({
            getModuleIds: () => [
              join(dir, 'src/page.ts'),
              `${join(dir, 'content/guide.mdx')}?astroPropagatedAssets`,
              '\0astro:data-layer-content',
            ],
            getModuleInfo: (id: string) =>
              id === '\0astro:data-layer-content' ? { code: storeCode } : null,
          });
          e.isBuilt = true;
          return { output: [{ fileName: file }] };
        },
      };
      const original = async (b: typeof builder) => {
        bundles++;
        await b.build(b.environments.prerender);
        duringBundle();
        await b.build(b.environments.client);
        internals['discoveredScripts'] = new Set(['script-1']);
        internals['prerenderEntryFileName'] = 'entry.mjs';
        pages[0]!.styles.push({ sheet: 'a.css' });
        (
          globalThis as { astroAsset: { referencedImages: Set<string> } }
        ).astroAsset.referencedImages.add(join(dir, 'src/kept.png'));
      };
      const builderOptions: Record<string | symbol, unknown> = { buildApp: original };
      if (patched) builderOptions[INTERNALS] = internals;
      await hooks['astro:build:setup']!({
        vite: { builder: builderOptions },
        pages: internals.pagesByKeys,
        target: 'server',
        logger,
      });
      await (builderOptions['buildApp'] as typeof original)(builder);
      return { internals, pages, logs, environments, assetsStarted };
    }
    return {
      dir,
      build,
      bundles: () => bundles,
      bundleStore: () => (storeCode = 'export default JSON.parse("{}")'),
    };
  }

  it('keeps a bundle, then restores it in the next build without bundling', async () => {
    const p = await project();
    const first = await p.build();
    expect(p.bundles()).toBe(1);
    expect(first.logs).toEqual(['bundle: made (no bundle kept); kept for the next build']);
    const written = readFileSync(join(p.dir, 'dist/.prerender/entry.mjs'), 'utf8');
    rmSync(join(p.dir, 'dist'), { recursive: true });
    const next = await p.build();
    expect(p.bundles()).toBe(1);
    expect(next.logs).toEqual([expect.stringMatching(/^bundle: reused from the last build/)]);
    // The files every environment wrote, public/ as Vite copies it, the internals with this
    // build's pages, the image plugin set up, and no environment left for Vite to build.
    expect(readFileSync(join(p.dir, 'dist/.prerender/entry.mjs'), 'utf8')).toBe(written);
    expect(readFileSync(join(p.dir, 'dist/_astro/page.js'), 'utf8')).toContain('// client');
    expect(readFileSync(join(p.dir, 'dist/robots.txt'), 'utf8')).toBe('User-agent: *');
    expect(next.internals['discoveredScripts']).toEqual(new Set(['script-1']));
    expect(next.internals['prerenderEntryFileName']).toBe('entry.mjs');
    expect(next.pages[0]!.styles).toEqual([{ sheet: 'a.css' }]);
    expect(next.assetsStarted).toBe(1);
    const asset = (globalThis as { astroAsset: { referencedImages: Set<string> } }).astroAsset;
    expect([...asset.referencedImages]).toEqual([join(p.dir, 'src/kept.png')]);
    expect(next.environments.prerender.isBuilt).toBe(true);
    expect(next.environments.client.isBuilt).toBe(true);
  });

  it('bundles again when a file of the module graph changed, and keeps that bundle', async () => {
    const p = await project();
    await p.build();
    writeFileSync(join(p.dir, 'src/page.ts'), 'export const page = 2;');
    const changed = await p.build();
    expect(p.bundles()).toBe(2);
    expect(changed.logs[0]).toMatch(/^bundle: made \(.*changed\); kept for the next build$/);
    expect(readFileSync(join(p.dir, 'dist/.prerender/entry.mjs'), 'utf8')).toContain('page = 2');
    await p.build();
    expect(p.bundles()).toBe(2);
  });

  it('bundles again when an entry the bundle holds changed, which only its module graph names', async () => {
    const p = await project();
    await p.build();
    writeFileSync(join(p.dir, 'content/guide.mdx'), '# Panduan baru');
    const changed = await p.build();
    expect(p.bundles()).toBe(2);
    expect(changed.logs[0]).toBe(
      'bundle: made (content/guide.mdx changed); kept for the next build',
    );
  });

  it('bundles, changing nothing first, when a kept file is missing', async () => {
    const p = await project();
    await p.build();
    rmSync(join(p.dir, 'cache/bundle/client/_astro/page.js'));
    const again = await p.build();
    expect(p.bundles()).toBe(2);
    expect(again.logs[0]).toMatch(/the kept bundle could not be used .*ENOENT/);
    // Filled by this build's own bundle once, not by the kept one and then again.
    expect(again.pages[0]!.styles).toEqual([{ sheet: 'a.css' }]);
  });

  it('keeps no bundle when an entry it holds was saved while it was made', async () => {
    const p = await project();
    const saved = await p.build(true, () =>
      writeFileSync(join(p.dir, 'content/guide.mdx'), '# Disimpan saat bundel dibuat'),
    );
    expect(saved.logs[0]).toMatch(
      /not kept for the next build: .*guide\.mdx changed during the bundle/,
    );
    await p.build();
    expect(p.bundles()).toBe(2);
  });

  it('bundles again with `astro build --force`', async () => {
    const p = await project();
    await p.build();
    process.argv.push('--force');
    onTestFinished(() => void process.argv.splice(process.argv.indexOf('--force'), 1));
    const forced = await p.build();
    expect(p.bundles()).toBe(2);
    expect(forced.logs[0]).toBe('bundle: made (`astro build --force`); kept for the next build');
  });

  it('keeps no bundle that holds the data store itself', async () => {
    const p = await project();
    p.bundleStore();
    const first = await p.build();
    expect(first.logs[0]).toMatch(/not kept for the next build: the data store is bundled/);
    await p.build();
    expect(p.bundles()).toBe(2);
  });

  it('leaves Astro as it is, saying so, when Astro is not patched', async () => {
    const p = await project();
    const unpatched = await p.build(false);
    expect(unpatched.logs).toEqual([
      expect.stringMatching(/^warn: bundle: made as Astro makes it/),
    ]);
    await p.build(false);
    expect(p.bundles()).toBe(2);
  });
});
