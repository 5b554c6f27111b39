/**
 * The content check runs beside Astro's start (src/integrations/content-check.ts) instead of
 * before it. A build of content that fails it must still end with the check's Indonesian list of
 * problems, before any of Astro's own messages about the content, and write nothing: no page, no
 * content-layer cache. Built for real, through Astro's JavaScript API as the benchmark does.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** `node bench/astro-build.ts <out> <cache>` over the content at `contentDir`: exit code and log. */
function build(
  contentDir: string,
  outDir: string,
  cacheDir: string,
): Promise<{ code: number | null; log: string }> {
  const child = spawn(process.execPath, [join(root, 'bench/astro-build.ts'), outDir, cacheDir], {
    cwd: root,
    env: {
      ...process.env,
      MIGRASI_CONTENT_DIR: contentDir,
      MIGRASI_OG_CACHE: join(cacheDir, 'og'),
      MIGRASI_AUDIO_CACHE: join(cacheDir, 'audio'),
      MIGRASI_CMS_CACHE: join(cacheDir, 'cms'),
      MIGRASI_LISTEN: 'off',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d));
  child.stderr.on('data', (d: Buffer) => (log += d));
  return new Promise((done) =>
    child.on('close', (code) => done({ code, log: log.replace(/\u001b\[[0-9;]*m/g, '') })),
  );
}

describe('the content check inside the build', () => {
  it('stops a build of broken content with its own words, before Astro loads any entry', async () => {
    const work = await mkdtemp(join(tmpdir(), 'content-check-build-'));
    onTestFinished(() => rm(work, { recursive: true, force: true }));
    const content = join(work, 'content');
    cpSync(join(root, 'tests/fixtures/content'), content, { recursive: true });
    // A missing title, which Astro's own validation would also refuse, in its English words…
    const news = join(content, 'berita/id/berita-baru.md');
    const text = readFileSync(news, 'utf8');
    expect(text).toMatch(/^title: .*$/m);
    writeFileSync(news, text.replace(/^title: .*\n/m, ''));
    // …and a file name only the check refuses: Astro would publish it at /berita/Berita-Kapital/.
    cpSync(join(content, 'berita/id/berita-lama.md'), join(content, 'berita/id/Berita-Kapital.md'));
    // The previous output, which a failed build must leave as it was.
    const out = join(work, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'terbitan sebelumnya');
    const cache = join(work, 'cache');

    const { code, log } = await build(content, out, cache);

    expect(code, log).toBe(1);
    expect(log).toContain('Isi situs belum benar (2 masalah)');
    expect(log).toMatch(/berita\/id\/berita-baru\.md: title: Judul wajib diisi/);
    expect(log).toMatch(/berita\/id\/Berita-Kapital\.md: Nama berkas harus huruf kecil/);
    // Astro got no further than the start of its content sync: no entry loaded, no error of its own.
    expect(log).not.toContain('Synced content');
    expect(log).not.toMatch(/\[ERROR\]|InvalidContentEntry|Building static entrypoints/);
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('terbitan sebelumnya');
    expect(existsSync(join(cache, 'data-store.json'))).toBe(false);
    // The CMS admin's bundle, started beside the check, ended with the build: the log closes only
    // when no process holds it, and a bundle that ran on would have written its result.
    expect(existsSync(join(cache, 'cms', 'result.json'))).toBe(false);
    expect(existsSync(join(cache, 'cms', 'meta.json'))).toBe(false);
  }, 120_000);
});
