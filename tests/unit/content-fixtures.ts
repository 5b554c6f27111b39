/** A small content tree for the content check's tests: a valid guide and the files around it. */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** A valid guide's frontmatter, for tests to vary. */
export const guide = {
  title: 'Cek izin perusahaan',
  summary: 'Sebelum mendaftar, pastikan perusahaan penempatan punya izin resmi yang masih berlaku.',
  stage: 'sebelum',
  order: 2,
  sources: [
    {
      title: 'Daftar P3MI',
      publisher: 'KemenP2MI',
      url: 'https://siskop2mi.bp2mi.go.id/',
      accessed: '2026-11-01',
    },
  ],
  checked: '2026-11-01',
};

/** An entry file: `data` as YAML frontmatter, then `body`. */
export function mdx(data: object, body = 'Isi panduan.'): string {
  return `---\n${yaml.dump(data)}---\n\n${body}\n`;
}

/** Writes `files` (paths relative to `root`) into `root`. */
export async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

/** A project folder in the temporary directory with the repository's settings and `files`. */
export async function site(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'migrasi-aman-'));
  await mkdir(join(root, 'content/settings'), { recursive: true });
  await cp('content/settings/site.yaml', join(root, 'content/settings/site.yaml'));
  await write(root, files);
  return root;
}
