/**
 * The version a build step's cache keys its entries with: a hash of the project's code (every
 * file under src/, about 3 MB, read in a few tens of milliseconds), of the named files (the lock
 * file, a script, a config) and of `params`. Any change to them makes every entry of that cache
 * miss once; a stale entry is never used. The MDX cache (src/integrations/mdx-cache.ts) and the
 * content check's cache (src/platform/content/check-cache.ts) use it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { listTree } from './tree.ts';

export async function codeVersion(
  root: string,
  files: readonly string[],
  params: readonly string[],
): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    // A checkout without one of them (a copy without a lock file) still gets a version.
    hash.update(existsSync(join(root, file)) ? readFileSync(join(root, file)) : '(none)');
  }
  for (const file of (await listTree(join(root, 'src'))).files) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(await readFile(file));
  }
  for (const param of params) hash.update(`${param}\0`);
  return hash.digest('hex');
}
