/**
 * The editor's handbook (src/features/handbook/panduan.md, built at /admin/panduan/) shows only
 * screenshots that `npm run handbook:screenshots` took from the CMS as it is now: every picture it
 * names exists, is the very file the script wrote (manifest hash), is small, and the CMS has not
 * changed since (fingerprint of its code, page, schemas and Decap versions).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HANDBOOK_DIR,
  handbookFingerprint,
  MANIFEST,
  SCREENSHOT_DIR,
  sha256,
  type Manifest,
} from '../../scripts/handbook-fingerprint.ts';

const text = readFileSync(join(HANDBOOK_DIR, 'panduan.md'), 'utf8');
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
const pictures = [...text.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)].map((m) => ({
  alt: m[1] ?? '',
  path: m[2] ?? '',
}));
const REGENERATE = 'run `npm run handbook:screenshots` and commit the pictures';

describe("the editor's handbook", () => {
  it('covers what an office clerk needs', () => {
    for (const heading of [
      'Menerbitkan berita',
      'Menambah sesi pelatihan',
      'Arti status',
      '"Perlu dicek ulang"',
      'Pemeriksaan dan penerbitan',
      'Bila simpanan ditolak',
    ]) {
      expect(text).toContain(`## ${heading}`);
    }
  });

  it('shows only screenshots the script took, each with a description', () => {
    expect(pictures.length).toBeGreaterThan(0);
    for (const { alt, path } of pictures) {
      expect(path, 'pictures live in screenshots/').toMatch(/^\.\/screenshots\/[\w-]+\.png$/);
      expect(alt.length, `${path}: alt text`).toBeGreaterThan(10);
      const file = join(HANDBOOK_DIR, path);
      expect(existsSync(file), `${file} is missing: ${REGENERATE}`).toBe(true);
      const name = basename(path);
      expect(manifest.files[name], `${name} was not taken by the script: ${REGENERATE}`).toBe(
        sha256(readFileSync(file)),
      );
      expect(statSync(file).size, `${name} is too big`).toBeLessThan(150 * 1024);
    }
    // …and the script took nothing the handbook does not show.
    expect(Object.keys(manifest.files).sort()).toEqual(
      [...new Set(pictures.map((p) => basename(p.path)))].sort(),
    );
    expect(existsSync(SCREENSHOT_DIR)).toBe(true);
  });

  it('was photographed from the CMS as it is now', () => {
    expect(manifest.cms, `the CMS changed since the screenshots were taken: ${REGENERATE}`).toBe(
      handbookFingerprint(),
    );
  });

  it('takes a new version of any Decap package the admin is built from as a change of the CMS', () => {
    const root = mkdtempSync(join(tmpdir(), 'handbook-'));
    try {
      for (const file of ['src/pages/admin/index.astro', 'scripts/handbook-screenshots.ts']) {
        mkdirSync(join(root, dirname(file)), { recursive: true });
        writeFileSync(join(root, file), 'x\n');
      }
      const withVersions = (core: string, react: string) => {
        writeFileSync(
          join(root, 'package-lock.json'),
          JSON.stringify({
            packages: {
              'node_modules/decap-cms-core': { version: core },
              'node_modules/decap-cms-widget-string': { version: '3.3.2' },
              'node_modules/react': { version: react },
            },
          }),
        );
        return handbookFingerprint(root);
      };
      const before = withVersions('3.19.1', '19.3.1');
      expect(withVersions('3.19.2', '19.3.1')).not.toBe(before);
      expect(withVersions('3.19.1', '19.3.2')).toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
