/**
 * The sitemap kept between builds (src/integrations/sitemap-cache.ts), around the real
 * @astrojs/sitemap integration: a build with the pages' addresses of the last one gets that
 * build's files byte for byte without the integration running; any other build runs it.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { describe, expect, it, onTestFinished } from 'vitest';
import { cachedSitemap, SITEMAP_CACHE_FOLDER } from '../../src/integrations/sitemap-cache.ts';

const root = resolve(import.meta.dirname, '../..');

type Hooks = AstroIntegration['hooks'];

/** A site folder, its cacheDir, and a build that runs the wrapped integration's hooks. */
async function site(params: string[] = ['https://contoh.example/']) {
  const work = await mkdtemp(join(tmpdir(), 'sitemap-cache-'));
  onTestFinished(() => rm(work, { recursive: true, force: true }));
  const out = join(work, 'dist');
  const cacheDir = join(work, 'cache');
  let written = 0;
  const real = sitemap();
  const counted: AstroIntegration = {
    ...real,
    hooks: {
      ...real.hooks,
      'astro:build:done': async (options) => {
        written++;
        await real.hooks['astro:build:done']!(options);
      },
    },
  };
  const logged: string[] = [];
  const logger = {
    info: (m: string) => logged.push(m),
    warn: (m: string) => logged.push(m),
    error: (m: string) => logged.push(m),
  } as unknown as AstroIntegrationLogger;
  const config = {
    root: pathToFileURL(`${root}/`),
    cacheDir: pathToFileURL(`${cacheDir}/`),
    site: 'https://contoh.example',
    base: '/',
    trailingSlash: 'always',
    build: { format: 'directory' },
  } as unknown as AstroConfig;
  const build = async (pathnames: string[], with_ = params) => {
    const hooks: Hooks = cachedSitemap(counted, with_).hooks;
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    await (hooks['astro:routes:resolved'] as (o: unknown) => unknown)({ routes: [], logger });
    await (hooks['astro:config:done'] as (o: unknown) => unknown)({ config, logger });
    await (hooks['astro:build:done'] as (o: unknown) => unknown)({
      dir: pathToFileURL(`${out}/`),
      pages: pathnames.map((pathname) => ({ pathname })),
      logger,
    });
    return Object.fromEntries(
      readdirSync(out)
        .sort()
        .map((name) => [name, readFileSync(join(out, name), 'utf8')]),
    );
  };
  return { build, written: () => written, logged, cacheDir };
}

const PAGES = ['', 'panduan/', 'berita/kabar-1/', 'en/'];

describe('the sitemap kept between builds', () => {
  it("copies the last build's files when the pages' addresses are the same", async () => {
    const s = await site();
    const first = await s.build(PAGES);
    expect(Object.keys(first)).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    expect(first['sitemap-0.xml']).toContain('<loc>https://contoh.example/berita/kabar-1/</loc>');
    expect(s.written()).toBe(1);
    // The same addresses in another order: the files come from the cache, byte for byte.
    expect(await s.build([...PAGES].reverse())).toEqual(first);
    expect(s.written()).toBe(1);
    expect(s.logged.at(-1)).toMatch(/copied from the cache/);
  });

  it('writes the sitemap again when a page comes or goes, and keeps the new files', async () => {
    const s = await site();
    await s.build(PAGES);
    const added = await s.build([...PAGES, 'berita/kabar-2/']);
    expect(s.written()).toBe(2);
    expect(added['sitemap-0.xml']).toContain('berita/kabar-2/');
    const removed = await s.build(PAGES.slice(0, 3));
    expect(s.written()).toBe(3);
    expect(removed['sitemap-0.xml']).not.toContain('<loc>https://contoh.example/en/</loc>');
    expect(await s.build(PAGES.slice(0, 3))).toEqual(removed);
    expect(s.written()).toBe(3);
  });

  it('writes it again when what its options depend on changes', async () => {
    const s = await site();
    await s.build(PAGES);
    await s.build(PAGES, ['https://lain.example/']);
    expect(s.written()).toBe(2);
  });

  it('writes it again when a kept file is missing, and never trusts a half-written cache', async () => {
    const s = await site();
    const first = await s.build(PAGES);
    rmSync(join(s.cacheDir, SITEMAP_CACHE_FOLDER, 'sitemap-0.xml'));
    expect(await s.build(PAGES)).toEqual(first);
    expect(s.written()).toBe(2);
    // A record that cannot be read counts as none.
    writeFileSync(join(s.cacheDir, SITEMAP_CACHE_FOLDER, 'record.json'), '{');
    expect(await s.build(PAGES)).toEqual(first);
    expect(s.written()).toBe(3);
    expect(await s.build(PAGES)).toEqual(first);
    expect(s.written()).toBe(3);
  });

  it('keeps nothing when the integration wrote no sitemap', async () => {
    const s = await site();
    await s.build(PAGES);
    // No page at all: the integration warns and writes nothing, and the old files are dropped.
    expect(await s.build([])).toEqual({});
    expect(readdirSync(s.cacheDir)).toEqual([]);
    await s.build([]);
    expect(s.written()).toBe(3);
  });
});
