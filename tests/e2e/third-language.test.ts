/**
 * Adding a language is one entry in src/model/languages.ts, one strings file and content. This test
 * does exactly that in a temporary copy of the project (Javanese, `jv`, with the English texts as
 * stand-ins), builds it, and looks for the new language's pages, hreflang links, language switch,
 * sitemap entries, web app manifest and search index.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SKIP = new Set([
  'node_modules',
  'dist',
  'dist-examples',
  '.git',
  '.astro',
  '.bench',
  'bench/tmp',
]);
// Build caches stay out of the copy so its build cannot disturb the project's own.
const PRIVATE_MODULES = new Set(['.astro', '.cache', '.vite', '.vite-temp']);

const JAVANESE = `  {
    code: 'jv',
    prefix: 'jv',
    lang: 'jv',
    intl: 'jv-ID',
    ogLocale: 'jv_ID',
    label: 'Basa Jawa',
  },
] as const;`;

let root = '';
const read = (path: string) => readFile(join(root, 'dist', path), 'utf8');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'migrasi-jv-'));
  await cp('.', root, {
    recursive: true,
    filter: (src) => !SKIP.has(src.replace(/^\.\//, '')),
  });
  await mkdir(join(root, 'node_modules'));
  for (const name of await readdir('node_modules')) {
    if (PRIVATE_MODULES.has(name)) continue;
    await symlink(join(process.cwd(), 'node_modules', name), join(root, 'node_modules', name));
  }
  // 1. One entry in the languages table.
  const table = join(root, 'src/model/languages.ts');
  const source = await readFile(table, 'utf8');
  expect(source).toContain('] as const;');
  await writeFile(table, source.replace('] as const;', JAVANESE));
  // 2. One strings file.
  await cp(join(root, 'src/i18n/en.json'), join(root, 'src/i18n/jv.json'));
  // 3. Content: the menu labels in settings, and every English entry again under jv/.
  const settings = join(root, 'content/settings/site.yaml');
  const yaml = await readFile(settings, 'utf8');
  expect(yaml).toMatch(/^ +en: /m);
  await writeFile(settings, yaml.replace(/^( +)en: (.*)$/gm, '$1en: $2\n$1jv: $2'));
  for (const collection of await readdir(join(root, 'content'))) {
    const en = join(root, 'content', collection, 'en');
    if (existsSync(en)) await cp(en, join(root, 'content', collection, 'jv'), { recursive: true });
  }
  // Without the spoken guides: this test is about routes and indexes, and audio is tested elsewhere.
  await run('npm', ['run', 'build'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, MIGRASI_LISTEN: 'off' },
  });
}, 600_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a third language added as one table entry, one strings file and content', () => {
  it('has its own pages with its own <html lang>', async () => {
    expect(await read('jv/index.html')).toMatch(/<html lang="jv"/);
    expect(await read('jv/panduan/cek-izin-p3mi/index.html')).toMatch(/<html lang="jv"/);
  });

  it('is linked from the other languages with hreflang, and links back', async () => {
    const id = await read('panduan/cek-izin-p3mi/index.html');
    expect(id).toMatch(
      /<link rel="alternate" hreflang="jv" href="[^"]*\/jv\/panduan\/cek-izin-p3mi\/"/,
    );
    expect(id).toMatch(
      /<link rel="alternate" hreflang="en" href="[^"]*\/en\/panduan\/cek-izin-p3mi\/"/,
    );
    const jv = await read('jv/panduan/cek-izin-p3mi/index.html');
    expect(jv).toMatch(/hreflang="id" href="[^"]*\/panduan\/cek-izin-p3mi\/"/);
    expect(jv).toMatch(/hreflang="x-default" href="[^"]*\/panduan\/cek-izin-p3mi\/"/);
  });

  it('appears in the language switch of the other languages', async () => {
    const switches = (await read('index.html')).match(/class="lang-switch"[^>]*>/g) ?? [];
    expect(switches.some((a) => a.includes('href="/jv/"'))).toBe(true);
    expect(switches.some((a) => a.includes('href="/en/"'))).toBe(true);
  });

  it('is in the sitemap, with a web app manifest of its own', async () => {
    const sitemap = await read('sitemap-0.xml');
    expect(sitemap).toMatch(/\/jv\/panduan\/cek-izin-p3mi\//);
    const manifest = JSON.parse(await read('jv/manifest.webmanifest')) as { lang: string };
    expect(manifest.lang).toBe('jv');
  });

  it('has a search index of its own', async () => {
    const entry = JSON.parse(await read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['jv']?.page_count ?? 0).toBeGreaterThan(0);
    expect(entry.languages['id']?.page_count ?? 0).toBeGreaterThan(0);
  });
});
