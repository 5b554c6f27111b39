/**
 * Folders the benchmark no longer needs are moved aside, not deleted, before a measured build,
 * and deleted once everything is measured.
 *
 * On a file system that keeps freed inodes out of use for a while (ext4 without a journal, like
 * the benchmark machine's, does so for one to five minutes), a build that writes its ~26,000
 * files right after the last build's were deleted spends its time stepping past the freed
 * inodes: 10,000-entry cold builds took 95 and 110 s of Astro after deleting the last output
 * against 90 and 96 s with it moved aside, with 25–40 against 21–31 s of system time. A CI
 * runner starts from a clean checkout and pays nothing like it, and the builds compared would
 * pay it in proportion to how many files the one before them wrote.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where things are moved to: the project's .bench/ folder, where the benchmark works. */
export const TRASH = join(fileURLToPath(new URL('../..', import.meta.url)), '.bench', 'trash');

let moved = 0;

/** Moves `path` (inside .bench/: the same file system) into TRASH, if it exists. */
export async function setAside(path: string, trash = TRASH): Promise<void> {
  if (!existsSync(path)) return;
  await mkdir(trash, { recursive: true });
  await rename(path, join(trash, `${process.pid}-${Date.now()}-${moved++}`));
}

/** Deletes everything moved aside (also by an earlier run that stopped before its end). */
export async function emptyTrash(trash = TRASH): Promise<void> {
  await rm(trash, { recursive: true, force: true });
}
