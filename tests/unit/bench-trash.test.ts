/** The benchmark moves old outputs aside before a measured build and deletes them at the end. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyTrash, setAside, TRASH } from '../../bench/lib/trash.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-trash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('setAside and emptyTrash', () => {
  it('moves a folder out of the way with its files, and deletes it only when asked', async () => {
    const trash = join(dir, 'trash');
    const old = join(dir, 'dist');
    mkdirSync(join(old, 'berita'), { recursive: true });
    writeFileSync(join(old, 'berita', 'index.html'), 'lama');
    await setAside(old, trash);
    await setAside(join(dir, 'missing'), trash);
    expect(existsSync(old)).toBe(false);
    const [moved, ...others] = readdirSync(trash);
    expect(others).toEqual([]);
    expect(readFileSync(join(trash, moved!, 'berita', 'index.html'), 'utf8')).toBe('lama');
    // The same path again (the next round's output) gets a name of its own.
    mkdirSync(old);
    await setAside(old, trash);
    expect(readdirSync(trash)).toHaveLength(2);
    await emptyTrash(trash);
    expect(existsSync(trash)).toBe(false);
  });

  it("keeps the trash inside the project's .bench folder, where the benchmark works", () => {
    expect(TRASH).toBe(join(process.cwd(), '.bench', 'trash'));
  });
});
