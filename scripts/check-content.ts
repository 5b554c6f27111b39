/**
 * `npm run check:content`: validates content/ and prints one line per problem, in Indonesian.
 * Files that passed before unchanged, with unchanged code, are taken from the check's cache
 * (src/platform/content/check-cache.ts).
 */
import { resolve } from 'node:path';
import { checkContent, formatProblem } from '../src/platform/content/content-check.ts';
import { openCheckCache } from '../src/platform/content/check-cache.ts';

const root = resolve(process.argv[2] ?? process.cwd());
// MIGRASI_CONTENT_DIR: the benchmark's generated content tree instead of content/.
const contentDir = resolve(root, process.env['MIGRASI_CONTENT_DIR'] ?? 'content');
const cache = await openCheckCache(root, contentDir);
const { entries, problems } = await checkContent(root, contentDir, cache);
await cache.save();
if (problems.length > 0) {
  console.error(`Isi situs belum benar (${problems.length} masalah). Perbaiki lalu simpan lagi:\n`);
  for (const p of problems) console.error(`  ✗ ${formatProblem(p)}`);
  process.exit(1);
}
const { reused, checked } = cache.counts;
console.log(
  `Isi situs benar: ${entries.length} entri diperiksa${reused > 0 ? ` (${checked} berkas baru atau berubah; yang lain sama seperti pemeriksaan sebelumnya)` : ''}.`,
);
