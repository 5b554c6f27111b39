/**
 * The MDX modules' compiled forms kept between builds (src/integrations/mdx-cache.ts), around a
 * real compiler (Sätteri's, which @astrojs/mdx runs). The incremental build test builds the site
 * with it and compares the output with cold builds byte for byte.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mdxToJs } from 'satteri';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  buildVersion,
  cachedTransform,
  findMdxPlugin,
  MDX_PLUGIN,
  pruneUnused,
  type MdxCacheStats,
} from '../../src/integrations/mdx-cache.ts';

const root = resolve(import.meta.dirname, '../..');

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mdx-cache-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The compiler, counting its calls; returns what the MDX plugin's transform returns. */
function compiler() {
  const calls: string[] = [];
  const transform = async (code: string, id: string) => {
    calls.push(id);
    const { code: js } = await mdxToJs(code, { jsxImportSource: 'astro' });
    return { code: js, map: null, meta: { astro: { propagation: 'none' }, vite: { lang: 'ts' } } };
  };
  return { calls, transform };
}

/** A store in a new folder around the counting compiler, with what one build would pass it. */
async function store() {
  const dir = join(await tempDir(), 'mdx-modules');
  const { calls, transform } = compiler();
  const used = new Set<string>();
  const stats: MdxCacheStats = { fromCache: 0, compiled: 0 };
  const wrap = (version: string) => cachedTransform(transform, dir, version, used, stats);
  return { dir, calls, transform, used, stats, wrap };
}

describe('MDX module cache', () => {
  it('compiles a module once and gives the same result from the cache after', async () => {
    const { dir, calls, transform, stats, wrap } = await store();
    const cached = wrap('v1');
    const text = '# Cek izin\n\nTanyakan *izin* perusahaan ke Disnaker.\n';

    const first = await cached(text, '/site/content/panduan/id/cek-izin.mdx');
    const again = await cached(text, '/site/content/panduan/id/cek-izin.mdx');

    expect((first as { code: string }).code).toContain('Tanyakan');
    expect(again).toEqual(first);
    expect(again).toEqual(await transform(text, 'x'));
    expect(calls).toEqual(['/site/content/panduan/id/cek-izin.mdx', 'x']);
    expect(stats).toEqual({ fromCache: 1, compiled: 1 });
    // Whole entries only: no temporary file stays.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('compiles again when the text, the path or the version differs', async () => {
    const { calls, used, stats, wrap } = await store();
    const v1 = wrap('v1');
    const v2 = wrap('v2');

    const a = await v1('Teks lama.\n', '/a.mdx');
    const b = await v1('Teks baru.\n', '/a.mdx');
    await v1('Teks lama.\n', '/b.mdx');
    await v2('Teks lama.\n', '/a.mdx');

    expect(calls).toEqual(['/a.mdx', '/a.mdx', '/b.mdx', '/a.mdx']);
    expect((a as { code: string }).code).toContain('Teks lama.');
    expect((b as { code: string }).code).toContain('Teks baru.');
    expect(stats).toEqual({ fromCache: 0, compiled: 4 });
    expect(used.size).toBe(4);
  });

  it('compiles again over an entry that cannot be read, and keeps what the compiler says', async () => {
    const { calls, used, wrap } = await store();
    const cached = wrap('v1');
    const first = await cached('Isi.\n', '/a.mdx');
    // A build stopped while writing, or a damaged disk.
    writeFileSync([...used][0]!, '{"code": "export default');

    expect(await cached('Isi.\n', '/a.mdx')).toEqual(first);
    expect(await cached('Isi.\n', '/a.mdx')).toEqual(first);
    expect(calls).toEqual(['/a.mdx', '/a.mdx']);
  });

  it('passes a compile error on and stores nothing for it', async () => {
    const dir = join(await tempDir(), 'mdx-modules');
    const stats: MdxCacheStats = { fromCache: 0, compiled: 0 };
    const failing = async () => {
      throw new Error('Tag HTML <iframe> tidak boleh dipakai');
    };
    const cached = cachedTransform(failing, dir, 'v1', new Set(), stats);
    await expect(cached('<iframe />\n', '/a.mdx')).rejects.toThrow('<iframe>');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    expect(stats).toEqual({ fromCache: 0, compiled: 0 });
  });

  it('removes after a build the entries it did not use', async () => {
    const dir = await tempDir();
    for (const name of ['kept.json', 'old.json', 'left.json.123.tmp'])
      await writeFile(join(dir, name), '{}');
    expect(await pruneUnused(dir, new Set([join(dir, 'kept.json')]))).toBe(2);
    expect(readdirSync(dir)).toEqual(['kept.json']);
    expect(await pruneUnused(join(dir, 'none'), new Set())).toBe(0);
  });

  it('changes the version with the code under src/, the config, the packages and the parameters', async () => {
    const copy = await tempDir();
    for (const file of ['package-lock.json', 'astro.config.mjs'])
      await cp(join(root, file), join(copy, file));
    await cp(join(root, 'src/integrations'), join(copy, 'src/integrations'), { recursive: true });
    const base = await buildVersion(copy, ['https://situs.example']);

    expect(await buildVersion(copy, ['https://situs.example'])).toBe(base);
    expect(await buildVersion(copy, ['https://lain.example'])).not.toBe(base);
    await writeFile(join(copy, 'src/integrations/baru.ts'), 'export {};\n');
    const withFile = await buildVersion(copy, ['https://situs.example']);
    expect(withFile).not.toBe(base);
    await writeFile(join(copy, 'astro.config.mjs'), '// berubah\n', { flag: 'a' });
    const withConfig = await buildVersion(copy, ['https://situs.example']);
    expect(withConfig).not.toBe(withFile);
    await writeFile(join(copy, 'package-lock.json'), '\n', { flag: 'a' });
    const withLock = await buildVersion(copy, ['https://situs.example']);
    expect(withLock).not.toBe(withConfig);
    // A copy without a lock file builds too (the CMS test builds one): the compiler's version counts.
    await rm(join(copy, 'package-lock.json'));
    const withoutLock = await buildVersion(copy, ['https://situs.example']);
    expect(withoutLock).not.toBe(withLock);
    const satteri = join(copy, 'node_modules/satteri');
    await mkdir(satteri, { recursive: true });
    await writeFile(join(satteri, 'package.json'), '{"version":"0.0.1"}');
    expect(await buildVersion(copy, ['https://situs.example'])).not.toBe(withoutLock);
  });

  it('finds the MDX plugin among nested plugin lists', () => {
    const plugin = { name: MDX_PLUGIN, transform: { handler: () => null } };
    expect(findMdxPlugin([{ name: 'a' }, [null, [{ name: 'b' }, plugin]]])).toBe(plugin);
    expect(findMdxPlugin([{ name: 'a' }, false])).toBeUndefined();
  });
});
