/** `npm run check:content`: validates content/ and prints one line per problem, in Indonesian. */
import { resolve } from 'node:path';
import { checkContent, formatProblem } from '../src/platform/content/content-check.ts';

const root = process.argv[2] ?? process.cwd();
// MIGRASI_CONTENT_DIR: the benchmark's generated content tree instead of content/.
const contentDir = process.env['MIGRASI_CONTENT_DIR'];
const { entries, problems } = await checkContent(
  root,
  contentDir ? resolve(root, contentDir) : undefined,
);
if (problems.length > 0) {
  console.error(`Isi situs belum benar (${problems.length} masalah). Perbaiki lalu simpan lagi:\n`);
  for (const p of problems) console.error(`  ✗ ${formatProblem(p)}`);
  process.exit(1);
}
console.log(`Isi situs benar: ${entries.length} entri diperiksa.`);
