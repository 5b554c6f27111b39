/**
 * Makes a folder of the build output hold exactly what another folder holds, writing only the
 * files whose bytes differ and removing the ones the other folder no longer has. The search
 * index is written in full by Pagefind on every build (about 1,300 files at 1,000 entries, 11,600
 * at 10,000), while a publish changes a few dozen of them: creating every file again and deleting
 * the old folder cost the file system more than the comparison (src/integrations/pagefind.ts).
 */
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { inBatches } from './batches.ts';
import { removeFiles } from './remove.ts';
import { listTree } from './tree.ts';

export interface Mirrored {
  /** Files copied because they were new or their bytes differed. */
  written: number;
  /** Files removed because `from` no longer has them. */
  removed: number;
  /** Files left as they were. */
  kept: number;
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b).catch(() => null)]);
  if (!sb?.isFile() || sa.size !== sb.size) return false;
  const [ba, bb] = await Promise.all([readFile(a), readFile(b)]);
  return ba.equals(bb);
}

/**
 * Makes `to` a copy of `from` (created if missing). A file in `to` whose bytes equal the one in
 * `from` is not touched; its times stay those of the build that wrote it.
 */
export async function mirrorFolder(from: string, to: string): Promise<Mirrored> {
  const [source, target] = await Promise.all([listTree(from), listTree(to)]);
  const wanted = new Set(source.files.map((file) => relative(from, file)));
  const stale = target.files.filter((file) => !wanted.has(relative(to, file)));
  // Stale files go first, so a file that takes the place of a folder (or the reverse) has room.
  await removeFiles(to, target.files, stale);
  const results = await inBatches(source.files, async (file) => {
    const there = join(to, relative(from, file));
    if (await sameBytes(file, there)) return false;
    await mkdir(dirname(there), { recursive: true });
    await copyFile(file, there);
    return true;
  });
  const written = results.filter(Boolean).length;
  return { written, removed: stale.length, kept: source.files.length - written };
}
