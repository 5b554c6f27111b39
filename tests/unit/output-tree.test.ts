import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { listTree } from '../../src/platform/output/tree.ts';

describe('listing the build output', () => {
  it('lists every file and folder at any depth, sorted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tree-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    for (const file of ['index.html', 'en/berita/a/index.html', 'berita/b/index.html', 'og/x.png'])
      await mkdir(join(dir, file, '..'), { recursive: true }).then(() =>
        writeFile(join(dir, file), file),
      );
    await mkdir(join(dir, 'kosong/dalam'), { recursive: true });
    const tree = await listTree(dir);
    expect(tree.files).toEqual(
      ['berita/b/index.html', 'en/berita/a/index.html', 'index.html', 'og/x.png'].map((f) =>
        join(dir, f),
      ),
    );
    expect(tree.folders).toEqual(
      ['berita', 'berita/b', 'en', 'en/berita', 'en/berita/a', 'kosong', 'kosong/dalam', 'og'].map(
        (f) => join(dir, f),
      ),
    );
  });

  it('gives an empty tree for a folder that does not exist, and fails on a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tree-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    expect(await listTree(join(dir, 'tidak-ada'))).toEqual({ files: [], folders: [] });
    await writeFile(join(dir, 'berkas'), '');
    await expect(listTree(join(dir, 'berkas'))).rejects.toThrow(/ENOTDIR/);
  });
});
