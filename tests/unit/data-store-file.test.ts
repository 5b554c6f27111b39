import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import dataStoreFile, { storeReader } from '~/integrations/data-store-file.ts';

/** A data store as Astro writes it: devalue's flat form of a Map of collections. */
const STORE = JSON.stringify([
  { berita: 1 },
  ['Map', 2],
  [[3, 4]],
  'bench-berita-00001',
  { title: 'Pelatihan "Pak Camat" \u2028 dibuka', body: 'Baris satu\nbaris dua' },
]);

interface Plugin {
  name: string;
  applyToEnvironment: (environment: { name: string }) => boolean;
  transform: (code: string, id: string) => { code: string } | null;
}

/** The integration's Vite plugin for a build with its cacheDir at `cacheDir`, and its log. */
function pluginFor(cacheDir: string, command = 'build') {
  const logged: string[] = [];
  const plugins: Plugin[] = [];
  const setup = dataStoreFile().hooks['astro:config:setup'] as (options: unknown) => void;
  const log = (line: string) => logged.push(line);
  setup({
    command,
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    logger: { info: log, warn: log },
    updateConfig: (config: { vite: { plugins: Plugin[] } }) => plugins.push(...config.vite.plugins),
  } as unknown as Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0]);
  return { plugin: plugins[0], logged };
}

/** The module Astro makes of the store (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const astroModule = (text: string) => `export default JSON.parse(${JSON.stringify(text)})`;

describe('data store read from its file', () => {
  it('gives the module the same value as the bundled store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'migrasi-data-store-'));
    const file = join(dir, 'data-store.json');
    await writeFile(file, STORE);
    await writeFile(join(dir, 'reader.mjs'), storeReader(file));
    await writeFile(join(dir, 'bundled.mjs'), astroModule(STORE));
    const read = (await import(pathToFileURL(join(dir, 'reader.mjs')).href)) as {
      default: unknown;
    };
    const bundled = (await import(pathToFileURL(join(dir, 'bundled.mjs')).href)) as {
      default: unknown;
    };
    expect(read.default).toStrictEqual(bundled.default);
    expect(read.default).toStrictEqual(JSON.parse(STORE));
  });

  it('ends the build with a message when the file is gone, never with an empty store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'migrasi-data-store-'));
    const file = join(dir, 'data-store.json');
    await writeFile(join(dir, 'reader.mjs'), storeReader(file));
    // As Astro loads the store (ImmutableDataStore.fromModule): an error that reached it would be
    // caught, and the pages rendered from an empty store.
    await writeFile(
      join(dir, 'render.mjs'),
      "try { await import('./reader.mjs'); } catch {}\nconsole.log('dirender');\n",
    );
    const run = spawnSync(process.execPath, [join(dir, 'render.mjs')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('dirender');
    expect(run.stderr).toContain(`Data konten ${file} tidak bisa dibaca saat halaman dibuat`);
  });

  it("replaces Astro's module in the prerender environment of a build", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'migrasi-data-store-'));
    const file = join(cacheDir, 'data-store.json');
    await writeFile(file, STORE);
    const { plugin, logged } = pluginFor(cacheDir);
    expect(plugin?.applyToEnvironment({ name: 'prerender' })).toBe(true);
    expect(plugin?.applyToEnvironment({ name: 'client' })).toBe(false);
    expect(plugin?.transform(astroModule(STORE), '\0astro:data-layer-content')?.code).toBe(
      storeReader(file),
    );
    expect(logged).toEqual([
      `data store: read from ${file} when the pages are rendered (0.0 MB kept out of the bundle)`,
    ]);
    expect(plugin?.transform(astroModule(STORE), '\0astro:content')).toBeNull();
  });

  it('leaves a chunked store, an unknown form or a missing file to Astro, and says so', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'migrasi-data-store-'));
    const { plugin, logged } = pluginFor(cacheDir);
    const id = '\0astro:data-layer-content';
    // No data-store.json in the cacheDir.
    expect(plugin?.transform(astroModule(STORE), id)).toBeNull();
    await writeFile(join(cacheDir, 'data-store.json'), STORE);
    const chunked = 'export default{"berita":[(await import("astro:data-layer-chunk/0.json"))]}';
    expect(plugin?.transform(chunked, id)).toBeNull();
    expect(plugin?.transform('export default new Map()', id)).toBeNull();
    expect(logged).toHaveLength(3);
    expect(logged.every((line) => line.startsWith('data store: bundled as Astro makes it'))).toBe(
      true,
    );
  });

  it('changes nothing in astro dev', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'migrasi-data-store-'));
    expect(pluginFor(cacheDir, 'dev').plugin).toBeUndefined();
  });

  it("matches the module id and form of the installed Astro (a canary for Astro's upgrades)", async () => {
    const consts = await readFile('node_modules/astro/dist/content/consts.js', 'utf8');
    expect(consts).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content";');
    expect(consts).toContain(
      'const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID;',
    );
    const plugin = await readFile(
      'node_modules/astro/dist/content/vite-plugin-content-virtual-mod.js',
      'utf8',
    );
    expect(plugin).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
  });
});
