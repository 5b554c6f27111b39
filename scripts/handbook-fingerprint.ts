/**
 * What the handbook's screenshots were taken from: a hash of everything that decides what the CMS
 * shows (its code in cms/, its page, the schemas its forms are built from, the Decap versions
 * and the screenshot script itself). `npm run handbook:screenshots` writes it into the manifest beside
 * the pictures; a unit test fails when the CMS has changed since, so the pictures stay true.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const HANDBOOK_DIR = 'src/features/handbook';
export const SCREENSHOT_DIR = `${HANDBOOK_DIR}/screenshots`;
export const MANIFEST = `${SCREENSHOT_DIR}/manifest.json`;

export interface Manifest {
  /** handbookFingerprint() when the pictures were taken. */
  cms: string;
  /** File name → SHA-256 of the PNG the script wrote. */
  files: Record<string, string>;
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function filesUnder(root: string, dir: string, keep: (path: string) => boolean): string[] {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .map((f) => `${dir}/${f.split('\\').join('/')}`)
    .filter(keep)
    .sort();
}

export function handbookFingerprint(root = '.'): string {
  const files = [
    // The sign-in handler does not change what the CMS shows.
    ...filesUnder(root, 'cms', (f) => /\.(ts|css|json)$/.test(f) && !f.startsWith('cms/oauth/')),
    ...filesUnder(root, 'src/schemas', (f) => f.endsWith('.ts')),
    // The languages and collections tables name the CMS's collections and choose their editors.
    ...filesUnder(root, 'src/model', (f) => f.endsWith('.ts')),
    'src/pages/admin/index.astro',
    'scripts/handbook-screenshots.ts',
  ];
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, { version?: string }>;
  };
  // Every Decap package the admin may be built from (cms/decap.ts and what they bring), by version.
  const decap = Object.entries(lock.packages ?? {})
    .filter(([path]) => /^node_modules\/decap-cms-[^/]+$/.test(path))
    .map(([path, p]) => `${path.slice('node_modules/'.length)}@${p.version ?? ''}`)
    .sort();
  // Line endings do not change what the CMS shows (a checkout on Windows may convert them).
  const hashes = files.map(
    (f) => `${f}:${sha256(readFileSync(join(root, f), 'utf8').replace(/\r\n/g, '\n'))}`,
  );
  return sha256(JSON.stringify({ decap, hashes }));
}
