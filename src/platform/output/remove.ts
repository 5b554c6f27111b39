/**
 * Removes files from a folder of the build output, and the folders they leave empty, deepest
 * first. Used by the steps that keep a part of the output up to date over the previous build's
 * (src/integrations/previous-output.ts, og-images.ts).
 */
import { rmdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Removes `remove` (absolute paths) from under `root`, whose files are `files` (listTree), and
 * the folders under `root` that held nothing else. A folder that something else wrote into
 * meanwhile stays.
 */
export async function removeFiles(
  root: string,
  files: readonly string[],
  remove: readonly string[],
): Promise<void> {
  await Promise.all(remove.map((path) => unlink(path)));
  const gone = new Set(remove);
  const full = new Set<string>();
  for (const file of files) {
    if (gone.has(file)) continue;
    for (let d = dirname(file); d !== root && !full.has(d); d = dirname(d)) full.add(d);
  }
  const emptied = new Set<string>();
  for (const file of remove) {
    for (let d = dirname(file); d !== root && !full.has(d); d = dirname(d)) emptied.add(d);
  }
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) {
    await rmdir(folder).catch((error: NodeJS.ErrnoException) => {
      // An empty folder the build made inside it keeps it: nothing of this build is lost.
      if (error.code !== 'ENOTEMPTY') throw error;
    });
  }
}
