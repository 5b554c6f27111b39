/**
 * Keeps example courses and the office's content apart, for the content check: a course marked
 * `example: true` under content/ is refused (the office's site would show it as real), and every
 * file under examples/pelatihan/ must be marked, must not claim a real programme and must not
 * take the address of a real course.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CheckedEntry, ContentProblem } from '../../platform/content/content-check.ts';
import { EXAMPLES_DIR } from './examples.ts';
import { EXAMPLE_IN_CONTENT_MESSAGE } from '../../schemas/pelatihan.ts';

type CheckFile = (
  root: string,
  collection: 'pelatihan',
  path: string,
) => Promise<{ entry?: CheckedEntry; problems: ContentProblem[] }>;

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => !name.startsWith('.'));
  } catch {
    return [];
  }
}

/** Courses in content/ that say they are examples. */
export function examplesInContent(entries: readonly CheckedEntry[]): ContentProblem[] {
  return entries
    .filter((e) => e.collection === 'pelatihan' && e.data['example'] === true)
    .map((e) => ({
      file: e.file,
      field: 'example',
      message: EXAMPLE_IN_CONTENT_MESSAGE,
    }));
}

/** Checks every file under examples/pelatihan/ with the course schema and the rules above. */
export async function checkExampleCourses(
  root: string,
  contentEntries: readonly CheckedEntry[],
  checkFile: CheckFile,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const base = join(root, EXAMPLES_DIR, 'pelatihan');
  const realSlugs = new Set(
    contentEntries.filter((e) => e.collection === 'pelatihan').map((e) => e.slug),
  );
  for (const locale of await listDir(base)) {
    for (const name of await listDir(join(base, locale))) {
      const path = join(base, locale, name);
      const file = relative(root, path).split('\\').join('/');
      const { entry, problems: found } = await checkFile(root, 'pelatihan', path);
      problems.push(...found);
      if (!entry) continue;
      if (entry.data['example'] !== true)
        problems.push({
          file,
          field: 'example',
          message: `Berkas di ${EXAMPLES_DIR}/ adalah data contoh: tulis "example: true" agar setiap halamannya bertanda contoh.`,
        });
      if (entry.data['program'] !== undefined)
        problems.push({
          file,
          field: 'program',
          message:
            'Data contoh tidak boleh memakai program sungguhan: hapus kolom program dari pelatihan contoh.',
        });
      if (realSlugs.has(entry.slug))
        problems.push({
          file,
          field: '',
          message: `Nama berkas "${name}" sudah dipakai pelatihan sungguhan di content/pelatihan/. Beri data contoh nama lain (misalnya diawali "contoh-").`,
        });
    }
  }
  return problems;
}
