/** The CMS admin is bundled again exactly when a file it is built from, or the lockfile, changed. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseKey, unchanged, type Meta } from '../../cms/bundle.ts';

const root = mkdtempSync(join(tmpdir(), 'cms-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'cms'));
writeFileSync(join(root, 'cms/admin.ts'), 'export {};\n');
writeFileSync(join(root, 'schema.ts'), 'export const a = 1;\n');
writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');

const hashOf = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(root, file)))
    .digest('hex');

/** What the integration records after bundling from schema.ts. */
const built = (): Meta => ({
  base: baseKey(root),
  entry: 'cms-x.js',
  files: { 'schema.ts': hashOf('schema.ts') },
});

describe('CMS admin bundle cache', () => {
  it('is reused while the files it was built from and the lockfile stay the same', () => {
    expect(unchanged(root, built(), baseKey(root))).toBe(true);
  });

  it('is rebuilt when a file of the bundle changes or disappears', () => {
    const meta = built();
    writeFileSync(join(root, 'schema.ts'), 'export const a = 2;\n');
    expect(unchanged(root, meta, baseKey(root))).toBe(false);
    const again = built();
    again.files['gone.ts'] = 'x';
    expect(unchanged(root, again, baseKey(root))).toBe(false);
  });

  it('is rebuilt when the lockfile, a file in cms/ or a PUBLIC_ setting changes', () => {
    const meta = built();
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"x":1}\n');
    expect(unchanged(root, meta, baseKey(root))).toBe(false);
    const afterLock = baseKey(root);
    writeFileSync(join(root, 'cms/new-widget.ts'), 'export {};\n');
    const afterCms = baseKey(root);
    expect(afterCms).not.toBe(afterLock);
    process.env['PUBLIC_CMS_REPO'] = 'someone/else';
    try {
      expect(baseKey(root)).not.toBe(afterCms);
    } finally {
      delete process.env['PUBLIC_CMS_REPO'];
    }
    expect(baseKey(root)).toBe(afterCms);
  });
});
