/**
 * Makes a folder of the build output hold exactly what another folder holds, writing only the
 * files whose bytes differ and removing the ones the other folder no longer has. The search
 * index is written in full by Pagefind on every build (about 1,300 files at 1,000 entries, 11,600
 * at 10,000), while a publish changes a few dozen of them: creating every file again and deleting
 * the old folder cost the file system more than the comparison (src/integrations/pagefind.ts).
 */
import { copyFile, link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
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
  /**
   * A file where the mirror remembers which pairs of files it found or made equal, by their file
   * signatures (size, times, inode): the next mirror into the same folder takes a pair whose two
   * files both still have theirs as equal without reading them. Any write to either file changes
   * its signature (the change time cannot be set back), so only untouched pairs are skipped.
   */
  memo?: string;
  /**
   * Files written after all the others, such as an index's entry file, which names the others: a
   * reader's browser, or a copy cut short, never finds it pointing at a file not there yet.
   */
  last?: (name: string) => boolean;
  /**
   * Files named by a hash of their bytes, such as Pagefind's fragments and index chunks: a file
   * of the same name and size in `to` is taken as equal without reading either, as Pagefind
   * itself does when it writes into a folder that has one.
   */
  named?: (name: string) => boolean;
  /**
   * A file not in `to` yet becomes a second name (a hard link) of its source where both are on
   * one file system, instead of a copy of its bytes: the first search index of a site (about
   * 1,300 files at 1,000 entries) is then not written twice. Safe because no file a mirror
   * writes is ever changed where it lies: a file that differs is replaced by a new one (written
   * beside it, then renamed over it), which leaves the other name's bytes as they were.
   */
  link?: boolean;
}

/** A new file at `to` with the bytes of `from`: a hard link when `link` allows and the system can. */
async function newFile(from: string, to: string, asLink: boolean): Promise<void> {
  if (asLink) {
    try {
      await link(from, to);
      return;
    } catch {
      // Another file system, or one without hard links: copy the bytes.
    }
  }
  await copyFile(from, to);
}

/**
 * Replaces the file at `to` with the bytes of `from` (a link or a copy, as `newFile`): made beside
 * it and renamed over it, so a reader never finds it half-written and another name of the old
 * file keeps the old bytes.
 */
async function replaceFile(from: string, to: string, asLink: boolean): Promise<void> {
  const beside = join(dirname(to), `.${basename(to)}.${process.pid}.mirror`);
  try {
    await rm(beside, { force: true });
    await newFile(from, beside, asLink);
    await rename(beside, to);
  } catch (error) {
    await rm(beside, { force: true });
    throw error;
  }
}

/** A file's signature: it changes whenever the file is written, replaced or moved. */
async function signature(path: string): Promise<string | null> {
  const info = await stat(path, { bigint: true }).catch(() => null);
  return info?.isFile() ? `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}` : null;
}

const sizeOf = (signature: string) => signature.slice(0, signature.indexOf(':'));

/** What a memo holds: the target folder, and per name the source and both signatures. */
interface Memo {
  to: string;
  files: Record<string, [source: string, from: string, to: string]>;
}

/** The memo of `to`, if there is one; it is removed, and written again only after the mirror. */
async function takeMemo(file: string | undefined, to: string): Promise<Memo['files']> {
  if (!file) return {};
  let memo: Memo | null = null;
  try {
    memo = JSON.parse(await readFile(file, 'utf8')) as Memo;
  } catch {
    // none, or unreadable
  }
  await rm(file, { force: true });
  return memo?.to === to && memo.files && typeof memo.files === 'object' ? memo.files : {};
}

/**
 * Makes `to` a copy of `from` (created if missing): of one folder, or of the union of several,
 * which must agree on the bytes of any file two of them have. A file in `to` whose bytes equal
 * the one wanted is not touched; its times stay those of the build that wrote it.
 */
export async function mirrorFolder(
  from: string | readonly string[],
  to: string,
  {
    skip = () => false,
    memo,
    last = () => false,
    named = () => false,
    link: asLink = false,
  }: MirrorOptions = {},
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
  const known = await takeMemo(memo, to);
  const seen: Memo['files'] = {};
  // Stale files go first, so a file that takes the place of a folder (or the reverse) has room.
  await removeFiles(to, target!.files, stale);
  // Each folder is made once, not once per file in it.
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };
  const copy = async ([name, file]: [string, string]) => {
    const there = join(to, name);
    const [from, at] = await Promise.all([signature(file), signature(there)]);
    const before = known[name];
    let written = false;
    const remembered =
      before && before[0] === file && before[1] === from && before[2] === at && from && at;
    const sameName = named(name) && from && at && sizeOf(from) === sizeOf(at);
    if (!remembered && !sameName) {
      // A file not there yet (no signature) is written without reading the one it is copied from.
      if (!at) {
        await folder(dirname(there));
        await newFile(file, there, asLink);
        written = true;
      } else if (!(await sameBytes(file, there))) {
        await replaceFile(file, there, asLink);
        written = true;
      }
    }
    const now = written ? await signature(there) : at;
    // A link changed its source's change time too: both names now have the same signature.
    const source = written && asLink && now && (await signature(file)) === now ? now : from;
    if (source && now) seen[name] = [file, source, now];
    return written;
  };
  const all = [...wanted];
  const results = [
    ...(await inBatches(
      all.filter(([name]) => !last(name)),
      copy,
    )),
    ...(await inBatches(
      all.filter(([name]) => last(name)),
      copy,
    )),
  ];
  if (memo) await writeFile(memo, JSON.stringify({ to, files: seen } satisfies Memo));
  const written = results.filter(Boolean).length;
  return { written, removed: stale.length, kept: wanted.size - written };
}
