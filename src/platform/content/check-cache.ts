/**
 * What the content check (content-check.ts) found in each file that passed, kept between runs in
 * one file per content tree: node_modules/.cache/content-check/<hash of the tree's folder>.bin (or
 * under MIGRASI_CHECK_CACHE). Every build checks every entry before the content layer may load
 * them; a publish changes one or two of them, and at 10,000 entries checking all again (parsing
 * the frontmatter, the schema, the MDX guard) made the content layer wait about 3 s for it.
 *
 * A file's result is taken from here only when all of these are as they were when it passed:
 * - its text, its collection and its path (the key is a hash of the three);
 * - the code that checks it: every file under src/, the check script and the installed packages
 *   (package-lock.json), and the Node version that wrote the cache (codeVersion).
 * A file with a problem is never kept, so it is checked, and reported, on every run. Checks that
 * look across files (references, images, example courses) always run over every entry. The cache
 * keeps only the files of the last run, and is replaced whole (written beside, then renamed): a
 * run that stops midway leaves the old one, and an unreadable cache counts as none.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { codeVersion } from '../output/code-version.ts';

/** Where the cache files live unless MIGRASI_CHECK_CACHE says otherwise. */
const DEFAULT_CACHE = 'node_modules/.cache/content-check';

/** Besides the code under src/, what the check's result depends on (see codeVersion). */
const CHECK_FILES = ['scripts/check-content.ts', 'package-lock.json'];

/**
 * A cache file not written for this long goes when another is saved: each content tree has its
 * own (the tests check trees in temporary folders), and a kept CI cache should not fill with them.
 */
const UNUSED_FOR_MS = 30 * 24 * 60 * 60 * 1000;

type CheckedData = Record<string, unknown>;

interface Stored {
  version: string;
  entries: Map<string, CheckedData>;
}

export interface CheckCache {
  /** The checked data of a file that passed before with the same key, else undefined. */
  get(key: string): CheckedData | undefined;
  /** Keeps the checked data of a file that passed. */
  set(key: string, data: CheckedData): void;
  /** Writes the files of this run (taken or newly kept) as the cache for the next one. */
  save(): Promise<void>;
  /** How many files were taken from the cache and how many were checked. */
  readonly counts: { reused: number; checked: number };
}

/** The key of a file's result: its collection, its path in the project and its text. */
export function entryKey(collection: string, file: string, text: string): string {
  return createHash('sha256')
    .update(`${collection}\0${file}\0`)
    .update(text)
    .digest('base64url');
}

/** A hash of the code that checks content in the project at `root`, and of the Node version. */
export function checkVersion(root: string): Promise<string> {
  return codeVersion(root, CHECK_FILES, [process.version]);
}

/** The cache file of the content tree at `contentDir`. */
export function checkCacheFile(contentDir: string): string {
  const root = resolve(process.env['MIGRASI_CHECK_CACHE'] ?? DEFAULT_CACHE);
  return join(root, `${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 16)}.bin`);
}

/** Removes the cache files (and half-written ones) beside `file` not written for a month. */
async function removeUnused(file: string): Promise<void> {
  const folder = dirname(file);
  const names = await readdir(folder).catch(() => [] as string[]);
  const before = Date.now() - UNUSED_FOR_MS;
  await Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      if (path === file) return;
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && info.mtimeMs < before) await rm(path, { force: true });
    }),
  );
}

async function readStored(file: string): Promise<Stored | null> {
  try {
    const stored = deserialize(await readFile(file)) as Stored;
    return stored.entries instanceof Map ? stored : null;
  } catch {
    // None yet, or unreadable: every file is checked.
    return null;
  }
}

/** Opens the cache of the tree at `contentDir`, checked by the code of the project at `root`. */
export async function openCheckCache(root: string, contentDir: string): Promise<CheckCache> {
  const file = checkCacheFile(contentDir);
  const [version, stored] = await Promise.all([checkVersion(root), readStored(file)]);
  const before = stored?.version === version ? stored.entries : new Map<string, CheckedData>();
  const now = new Map<string, CheckedData>();
  const counts = { reused: 0, checked: 0 };
  return {
    counts,
    get(key) {
      const data = before.get(key);
      if (data) {
        now.set(key, data);
        counts.reused++;
      } else counts.checked++;
      return data;
    },
    set(key, data) {
      now.set(key, data);
    },
    async save() {
      let bytes: Buffer;
      try {
        bytes = serialize({ version, entries: now } satisfies Stored);
      } catch {
        // Data the serialiser cannot write (none of the schemas makes any): no cache this time.
        await rm(file, { force: true }).catch(() => {});
        return;
      }
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(temporary, bytes);
        await rename(temporary, file);
      } catch {
        // A folder that cannot be written (a read-only checkout): the next run checks every file.
        await rm(temporary, { force: true }).catch(() => {});
        return;
      }
      await removeUnused(file);
    },
  };
}
