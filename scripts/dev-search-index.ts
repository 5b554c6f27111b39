/**
 * `predev` / `prestart`: gives `astro dev` a search index. Pagefind indexes built HTML, which the
 * dev server never writes, so this builds the site once into a scratch folder and lets the
 * Pagefind integration write the index into public/pagefind/ (gitignored), which the dev server
 * serves at /pagefind/. It is skipped while that index is newer than every file in content/ and
 * src/; `--force` rebuilds it anyway. Content edited during a dev session shows up in search
 * after the next `npm start` (or `npm run dev`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUT = join('public', 'pagefind');
const SCRATCH = join('node_modules', '.cache', 'migrasi-aman-search-build');
const WATCHED = ['content', 'src', 'astro.config.mjs'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

const entry = join(OUTPUT, 'pagefind-entry.json');
const force = process.argv.includes('--force');
if (!force && existsSync(entry) && statSync(entry).mtimeMs > Math.max(...WATCHED.map(newest))) {
  console.log('Indeks pencarian untuk pengembangan masih baru (public/pagefind/).');
  process.exit(0);
}

console.log('Membangun indeks pencarian untuk pengembangan (public/pagefind/)…');
const started = performance.now();
const result = spawnSync('astro', ['build', '--outDir', SCRATCH, '--silent'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  // The search index needs no audio: the pages are built without it (src/features/listen/).
  env: { ...process.env, PAGEFIND_OUTPUT: OUTPUT, MIGRASI_LISTEN: 'off' },
});
if (result.status !== 0) {
  // The dev server is still useful without search; the search page then says it cannot load.
  console.warn(
    'Indeks pencarian tidak bisa dibangun; situs tetap berjalan, tetapi pencarian tidak bekerja sampai kesalahan di atas diperbaiki.',
  );
  process.exit(0);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Indeks pencarian siap dalam ${seconds} detik.`);
