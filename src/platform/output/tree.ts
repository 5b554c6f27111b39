/**
 * Lists a folder of the build output, every level at once: Node's `readdir(…, { recursive: true })`
 * reads one folder after another, which at 10,000 entries (~19,000 folders, one per page) took
 * about 1 s each time a build step listed the output; reading the folders of a level in parallel
 * takes a quarter of that.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface Tree {
  /** Every file under the folder, as absolute paths, sorted. */
  files: string[];
  /** Every folder under it (not the folder itself), sorted. */
  folders: string[];
}

/** The files and folders under `dir`; an empty tree when `dir` does not exist. */
export async function listTree(dir: string): Promise<Tree> {
  const files: string[] = [];
  const folders: string[] = [];
  const walk = async (at: string): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' && at === dir) return [];
        throw error;
      },
    );
    const below: Promise<void>[] = [];
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        folders.push(path);
        below.push(walk(path));
      } else files.push(path);
    }
    await Promise.all(below);
  };
  await walk(dir);
  return { files: files.sort(), folders: folders.sort() };
}
