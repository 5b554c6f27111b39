/**
 * Keeps the sitemap between builds. @astrojs/sitemap writes sitemap-index.xml and sitemap-N.xml
 * from the addresses of every page in every build, through the `sitemap` package's streams:
 * about 0.3 s at 1,000 entries and 2.9 s at 10,000, for files that no edit of a page's text
 * changes. What it writes depends only on the pages' addresses, the site's address, the code
 * (this project's and the packages') and `params`; a build in which all of them are the same as
 * in the last build that wrote a sitemap copies that build's files instead.
 *
 * The files and a record of their key are kept in Astro's cacheDir (`sitemap/`), which CI keeps.
 * The record is written after the files and names them, so a copy that stopped midway is never
 * used; a missing or unreadable file in the cache writes the sitemap again. A build whose pages
 * differ (an entry added, deleted, renamed, unpublished) writes it as the integration does, and
 * keeps the new files.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { codeVersion } from '../platform/output/code-version.ts';

/** The folder of the kept files, inside Astro's cacheDir. */
export const SITEMAP_CACHE_FOLDER = 'sitemap';
const RECORD = 'record.json';
/** The files @astrojs/sitemap writes (its default `filenameBase`, which the site keeps). */
const SITEMAP_FILE = /^sitemap-[\w-]+\.xml$/;

/** Files besides src/ whose text every key includes: the lock file (the packages) and the config. */
const VERSION_FILES = ['package-lock.json', 'astro.config.mjs'];

interface SitemapRecord {
  key: string;
  files: string[];
}

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;
type BuildDoneOptions = Parameters<BuildDone>[0];

/** The key of a build's sitemap: the code, `params`, the config's address settings and the pages. */
export async function sitemapKey(
  root: string,
  config: Pick<AstroConfig, 'site' | 'base' | 'trailingSlash' | 'build'>,
  pages: readonly { pathname: string }[],
  params: readonly string[],
): Promise<string> {
  const version = await codeVersion(root, VERSION_FILES, params);
  const hash = createHash('sha256').update(version);
  hash.update(
    `\0${config.site ?? ''}\0${config.base}\0${config.trailingSlash}\0${config.build.format}\0`,
  );
  for (const pathname of pages.map((p) => p.pathname).sort()) hash.update(`${pathname}\0`);
  return hash.digest('hex');
}

async function readRecord(dir: string): Promise<SitemapRecord | null> {
  try {
    const record = JSON.parse(await readFile(join(dir, RECORD), 'utf8')) as SitemapRecord;
    return typeof record.key === 'string' && Array.isArray(record.files) ? record : null;
  } catch {
    return null;
  }
}

/** Copies the kept files into `out`; false (and nothing trusted) when one cannot be copied. */
async function restore(dir: string, record: SitemapRecord, out: string): Promise<boolean> {
  if (record.files.length === 0) return false;
  try {
    await Promise.all(record.files.map((name) => copyFile(join(dir, name), join(out, name))));
    return true;
  } catch {
    return false;
  }
}

/** Keeps the sitemap files now in `out` under `key`, replacing what `dir` held. */
async function keep(dir: string, out: string, key: string): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  const files = (await readdir(out)).filter((name) => SITEMAP_FILE.test(name)).sort();
  if (files.length === 0) return 0;
  await mkdir(dir, { recursive: true });
  await Promise.all(files.map((name) => copyFile(join(out, name), join(dir, name))));
  await writeFile(join(dir, RECORD), JSON.stringify({ key, files } satisfies SitemapRecord));
  return files.length;
}

/**
 * @astrojs/sitemap's integration (`sitemap`), its `astro:build:done` kept between builds as
 * described above; `params` is whatever else its options depend on (the site's address, the
 * example courses left out).
 */
export function cachedSitemap(
  sitemap: AstroIntegration,
  params: readonly string[],
): AstroIntegration {
  const write = sitemap.hooks['astro:build:done'];
  if (!write) return sitemap;
  let config: AstroConfig | undefined;
  const configDone = sitemap.hooks['astro:config:done'];
  return {
    ...sitemap,
    hooks: {
      ...sitemap.hooks,
      'astro:config:done': async (options) => {
        config = options.config;
        await configDone?.(options);
      },
      'astro:build:done': async (options: BuildDoneOptions) => {
        if (!config) return write(options);
        const dir = join(fileURLToPath(config.cacheDir), SITEMAP_CACHE_FOLDER);
        const out = fileURLToPath(options.dir);
        // Before the integration runs: it rewrites the pages' pathnames in place.
        const key = await sitemapKey(fileURLToPath(config.root), config, options.pages, params);
        const record = await readRecord(dir);
        if (record?.key === key && (await restore(dir, record, out))) {
          options.logger.info(
            `sitemap: the pages' addresses are those of the last build, ${record.files.join(', ')} copied from the cache`,
          );
          return;
        }
        await write(options);
        await keep(dir, out, key).catch((error: unknown) => {
          // A cache that cannot be written only costs the next build the sitemap's time.
          options.logger.warn(`sitemap not kept for the next build: ${String(error)}`);
          return rm(dir, { recursive: true, force: true });
        });
      },
    },
  };
}
