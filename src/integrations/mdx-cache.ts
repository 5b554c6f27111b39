/**
 * Keeps each MDX module's compiled form between builds, in Astro's cacheDir (`mdx-modules/`), so a
 * build compiles only the MDX files that changed.
 *
 * Astro bundles every MDX entry (guides, programmes, services, glossary) again in every build, and
 * compiles each through the Markdown processor (Sätteri, with the content guard's plugins) on the
 * main thread: a publish of one news item compiled all ~400 MDX modules of the 1,000-entry tree
 * again, and loaded the compiler and its highlighter to do it. This integration wraps the
 * transform of the MDX plugin (`@mdx-js/rolldown`, from @astrojs/mdx): for a file whose path and
 * text it has compiled before, with the same code and packages, it returns the stored result (the
 * code and Astro's metadata about the module) instead of compiling it again.
 *
 * The key of a module is its path, its text and the build's version: a hash of package-lock.json,
 * astro.config.mjs, the compiler's package.json files, every file under src/ and `params` (the site's address, which the external-link
 * plugin writes into links). Any change to the code or the packages compiles every module once.
 * Entries are written whole or not at all (a temporary file, then renamed); one that cannot be read
 * is compiled again. After a finished build that bundled, the entries it did not use are removed,
 * so the folder holds one bundle's modules (a build that reused the last bundle removes none). Astro's cacheDir differs per build (the site, the example courses,
 * the benchmark's trees), and CI keeps it (.github/workflows/site.yml).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { codeVersion } from '../platform/output/code-version.ts';

/** The name of @astrojs/mdx's Vite plugin, whose transform compiles `.mdx` files. */
export const MDX_PLUGIN = '@mdx-js/rolldown';
/** The folder of the compiled modules, inside Astro's cacheDir. */
export const MDX_CACHE_FOLDER = 'mdx-modules';

type Transform = (this: unknown, code: string, id: string, ...rest: unknown[]) => unknown;
type PluginLike = { name?: string; transform?: Transform | { handler: Transform } };

/**
 * Files whose text every key includes, besides src/: the lock file and the config, and the
 * package.json files of the compiler's packages, should the lock file be missing.
 */
const VERSION_FILES = [
  'package-lock.json',
  'astro.config.mjs',
  ...['astro', '@astrojs/mdx', '@astrojs/markdown-satteri', 'satteri'].map(
    (name) => `node_modules/${name}/package.json`,
  ),
];

/** Counts of one build, for its log line. */
export interface MdxCacheStats {
  fromCache: number;
  compiled: number;
}

/** The version every key includes: the packages, the config, the project's code and `params`. */
export function buildVersion(root: string, params: readonly string[]): Promise<string> {
  return codeVersion(root, VERSION_FILES, params);
}

/** The file of a module's compiled form. */
function entryFile(dir: string, version: string, id: string, code: string): string {
  const key = createHash('sha256').update(version).update('\0').update(id).update('\0');
  return join(dir, `${key.update(code).digest('hex')}.json`);
}

/**
 * Wraps `transform` (the MDX plugin's) with the store in `dir`; `used` collects the entries this
 * build read or wrote, `stats` counts them.
 */
export function cachedTransform(
  transform: Transform,
  dir: string,
  version: string,
  used: Set<string>,
  stats: MdxCacheStats,
): Transform {
  let made: Promise<unknown> | undefined;
  return async function (this: unknown, code: string, id: string, ...rest: unknown[]) {
    const file = entryFile(dir, version, id, code);
    used.add(file);
    try {
      const stored: unknown = JSON.parse(await readFile(file, 'utf8'));
      stats.fromCache++;
      return stored;
    } catch {
      // Not there yet, or unreadable: compiled below.
    }
    const result = await transform.call(this, code, id, ...rest);
    stats.compiled++;
    await (made ??= mkdir(dir, { recursive: true }));
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(result));
    await rename(temporary, file);
    return result;
  };
}

/** Removes the entries of `dir` that this build did not use (and temporary files left behind). */
export async function pruneUnused(dir: string, used: ReadonlySet<string>): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.map((name) => join(dir, name)).filter((file) => !used.has(file));
  await Promise.all(stale.map((file) => rm(file, { force: true })));
  return stale.length;
}

/** The MDX plugin among Vite's plugins (which may be nested in arrays), or undefined. */
export function findMdxPlugin(plugins: unknown[]): PluginLike | undefined {
  for (const plugin of plugins) {
    if (Array.isArray(plugin)) {
      const found = findMdxPlugin(plugin);
      if (found) return found;
    } else if (plugin && (plugin as PluginLike).name === MDX_PLUGIN) return plugin as PluginLike;
  }
  return undefined;
}

/** `params`: whatever else the compiled form depends on (the site's address). After mdx(). */
export default function mdxCache(params: readonly string[]): AstroIntegration {
  const used = new Set<string>();
  const stats: MdxCacheStats = { fromCache: 0, compiled: 0 };
  let dir = '';
  let building = false;
  /** Whether Rolldown bundled in this build (not when the last bundle was reused: bundle-reuse.ts). */
  let bundled = false;
  return {
    name: 'migrasi-aman:mdx-cache',
    hooks: {
      // Builds only: the dev server compiles a module when it is asked for.
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        if (!building) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'migrasi-aman:mdx-cache-bundled',
                apply: 'build',
                buildStart() {
                  bundled = true;
                },
              },
            ],
          },
        });
      },
      'astro:config:done': async ({ config, logger }) => {
        if (!building) return;
        const plugin = findMdxPlugin((config.vite.plugins ?? []) as unknown[]);
        const hook = plugin?.transform;
        if (!plugin || !hook) {
          logger.warn(`the MDX plugin (${MDX_PLUGIN}) was not found: every MDX file is compiled`);
          return;
        }
        dir = join(fileURLToPath(config.cacheDir), MDX_CACHE_FOLDER);
        const version = await buildVersion(fileURLToPath(config.root), params);
        if (typeof hook === 'function') {
          plugin.transform = cachedTransform(hook, dir, version, used, stats);
        } else {
          hook.handler = cachedTransform(hook.handler, dir, version, used, stats);
        }
      },
      'astro:build:done': async ({ logger }) => {
        if (!dir) return;
        if (!bundled) {
          // A reused bundle asked for no module: the kept ones stay for the next bundle.
          logger.info('mdx modules: none needed, the bundle of the last build was reused');
          return;
        }
        const removed = await pruneUnused(dir, used);
        logger.info(
          `mdx modules: ${stats.fromCache} from the cache, ${stats.compiled} compiled, ${removed} old removed`,
        );
      },
    },
  };
}
