/**
 * The bundle reused from the last build (src/integrations/bundle-reuse.ts): Astro's internals kept
 * and restored with this build's page objects, the key, and the check of the module graph's files.
 * The e2e incremental build test (tests/e2e/incremental.test.ts) builds the site with it and
 * compares with cold builds byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
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

/** Internals as a bundle leaves them: maps and sets of names, of page objects, of plain values. */
function bundled() {
  const a = page('a');
  const b = page('b');
  a.styles.push({ depth: 0, order: 1, sheet: { type: 'external', src: '/_astro/a.css' } });
  return {
    pages: [a, b],
    internals: {
      pagesByKeys: new Map([
        ['a', a],
        ['b', b],
      ]),
      pagesByViteID: new Map([['/src/pages/a.astro', a]]),
      pagesByScriptId: new Map([['script-1', new Set([a, b])]]),
      discoveredScripts: new Set(['script-1']),
      prerenderEntryFileName: 'prerender-entry.x1.mjs',
      pageDependencyHashes: new Map([['src/pages/a.astro', 'hash-a']]),
      extractedChunks: [{ fileName: 'chunks/x.mjs', code: 'export {}', moduleIds: ['m'] }],
      middlewareEntryPoint: undefined,
    } as Record<string, unknown> & { pagesByKeys: Map<string, ReturnType<typeof page>> },
  };
}

/** A new build's internals before its bundle: the same pages, new objects, nothing filled. */
function fresh() {
  const a = page('a');
  const b = page('b');
  return {
    pages: [a, b],
    internals: {
      pagesByKeys: new Map([
        ['a', a],
        ['b', b],
      ]),
      pagesByViteID: new Map([['/src/pages/a.astro', a]]),
      pagesByScriptId: new Map(),
      discoveredScripts: new Set(),
    } as Record<string, unknown> & { pagesByKeys: Map<string, ReturnType<typeof page>> },
  };
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

  it('changes with the code, the config, cms/, the params and the variables the build reads', async () => {
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
