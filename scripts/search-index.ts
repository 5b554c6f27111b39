/**
 * `npm run build` (and the benchmark) runs Astro with MIGRASI_SEARCH_INDEX=after and then this:
 * the Pagefind index of the built site, in a process of its own, so Pagefind's memory does not
 * come on top of what the Astro process still holds (src/integrations/pagefind.ts).
 * Usage: node scripts/search-index.ts [outDir]   (default dist)
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexSite } from '../src/integrations/pagefind.ts';

const siteDir = resolve(process.argv[2] ?? 'dist');
if (!existsSync(resolve(siteDir, 'index.html'))) {
  console.error(
    `Indeks pencarian tidak bisa dibuat: ${siteDir} belum berisi situs yang sudah dibangun (index.html tidak ada). Jalankan "npm run build".`,
  );
  process.exit(1);
}
try {
  await indexSite(siteDir, (message) => console.log(`[search-index] ${message}`));
} catch (error) {
  console.error(
    `Indeks pencarian gagal dibuat untuk ${siteDir}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
