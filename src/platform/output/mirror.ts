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

export interface MirrorOptions {
  /** Files left out, as if their source did not have them: by name (relative) and source. */
  skip?: (name: string, source: string) => boolean;
}

/**
 * Makes `to` a copy of `from` (created if missing): of one folder, or of the union of several,
 * which must agree on the bytes of any file two of them have. A file in `to` whose bytes equal
 * the one wanted is not touched; its times stay those of the build that wrote it.
 */
export async function mirrorFolder(
  from: string | readonly string[],
  to: string,
  { skip = () => false }: MirrorOptions = {},
): Promise<Mirrored> {
  const sources = typeof from === 'string' ? [from] : from;
  const [target, ...listed] = await Promise.all([to, ...sources].map((dir) => listTree(dir)));
  // Each wanted name, with the file it is copied from.
  const wanted = new Map<string, string>();
  const shared: [string, string][] = [];
  listed.forEach(({ files }, i) => {
    for (const file of files) {
      const name = relative(sources[i]!, file);
      if (skip(name, sources[i]!)) continue;
      const first = wanted.get(name);
      if (first) shared.push([first, file]);
      else wanted.set(name, file);
    }
  });
  for (const [a, b] of shared) {
    if (!(await sameBytes(a, b))) throw new Error(`${a} and ${b} differ: which one is wanted?`);
  }
  const stale = target!.files.filter((file) => !wanted.has(relative(to, file)));
  // Stale files go first, so a file that takes the place of a folder (or the reverse) has room.
  await removeFiles(to, target!.files, stale);
  const results = await inBatches([...wanted], async ([name, file]) => {
    const there = join(to, name);
    if (await sameBytes(file, there)) return false;
    await mkdir(dirname(there), { recursive: true });
    await copyFile(file, there);
    return true;
  });
  const written = results.filter(Boolean).length;
  return { written, removed: stale.length, kept: wanted.size - written };
}
