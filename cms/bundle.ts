/**
 * Bundles the CMS admin (cms/admin.ts: Decap, React and the project's CMS code, 3.7 MB) with Vite
 * on its own, and only when its code changed, instead of inside every `astro build`.
 *
 * Inside Astro's client build the admin cost about 8 CPU seconds and 0.5 GB of memory on every
 * build, whatever changed (README "Scale"); editors publishing content never change it. Here the
 * bundle is kept in node_modules/.cache/cms-admin with the list of project files it was built
 * from: the next build re-hashes those files, package-lock.json and the PUBLIC_* settings, and
 * copies the cached files to dist/admin/ when nothing changed. When something did, the bundle is
 * built while Astro builds the site, on the other core.
 *
 * `astro dev` does not use this: the admin page loads cms/admin.ts through Vite's dev server.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { spawn } from 'node:child_process';
import { CMS_ENTRY_DIR, setCmsEntry } from './entry.ts';

const ENTRY = 'cms/admin.ts';

export interface Meta {
  /** Key of everything but the project files: lockfile, settings, this file's build options. */
  base: string;
  /** Project files the bundle was built from, relative to the root, with their SHA-256. */
  files: Record<string, string>;
  /** File name of the entry script inside the bundle. */
  entry: string;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function baseKey(root: string): string {
  const lock = join(root, 'package-lock.json');
  const envFiles = readdirSync(root)
    .filter((f) => f === '.env' || f.startsWith('.env.'))
    .sort()
    .map((f) => `${f}:${sha(readFileSync(join(root, f)))}`);
  const publicEnv = Object.entries(process.env)
    .filter(([k]) => k.startsWith('PUBLIC_'))
    .sort(([a], [b]) => a.localeCompare(b));
  // Every file in cms/ too, not only those in the last bundle: a new file or one whose code the
  // bundler dropped could change it (this file and bundle-child.ts, with the bundle's options, too).
  const cmsDir = join(root, 'cms');
  const cmsFiles = readdirSync(cmsDir, { recursive: true, encoding: 'utf8' })
    .sort()
    .filter((f) => /\.(ts|tsx|js|css|json)$/.test(f))
    .map((f) => `${f}:${sha(readFileSync(join(cmsDir, f)))}`);
  return sha(
    JSON.stringify({
      lock: existsSync(lock) ? sha(readFileSync(lock)) : '',
      cmsFiles,
      envFiles,
      publicEnv,
    }),
  );
}

export function unchanged(root: string, meta: Meta, base: string): boolean {
  if (meta.base !== base) return false;
  return Object.entries(meta.files).every(([file, hash]) => {
    const path = join(root, file);
    return existsSync(path) && sha(readFileSync(path)) === hash;
  });
}

/**
 * Bundles in a child process (cms/bundle-child.ts): Rolldown's native memory for Decap and React
 * (about 0.5 GB) then goes back to the system when the bundle is written, instead of staying with
 * the build process while Astro renders the pages.
 */
async function bundle(root: string, outDir: string): Promise<{ entry: string; files: string[] }> {
  const resultFile = join(outDir, '..', 'result.json');
  await rm(resultFile, { force: true });
  const child = spawn(
    process.execPath,
    [join(root, 'cms', 'bundle-child.ts'), root, outDir, resultFile],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  // A build that ends before the bundle is done (the content check failed) takes it along: the
  // cache's meta.json is written only after a finished bundle, so nothing half-made is kept.
  const stop = () => child.kill();
  process.once('exit', stop);
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  }).finally(() => process.off('exit', stop));
  if (code !== 0) throw new Error(`cms-bundle: bundling ${ENTRY} failed (exit code ${code})`);
  return JSON.parse(await readFile(resultFile, 'utf8')) as { entry: string; files: string[] };
}

async function ensureBundle(
  root: string,
  cacheDir: string,
  logger: AstroIntegrationLogger,
): Promise<Meta> {
  const metaFile = join(cacheDir, 'meta.json');
  const outDir = join(cacheDir, 'files');
  const base = baseKey(root);
  if (existsSync(metaFile)) {
    const meta = JSON.parse(await readFile(metaFile, 'utf8')) as Meta;
    if (unchanged(root, meta, base) && existsSync(join(outDir, meta.entry))) {
      logger.info(`admin bundle unchanged (${Object.keys(meta.files).length} files checked)`);
      return meta;
    }
  }
  const started = performance.now();
  await rm(metaFile, { force: true });
  const { entry, files } = await bundle(root, outDir);
  const meta: Meta = {
    base,
    entry,
    files: Object.fromEntries(files.map((f) => [f, sha(readFileSync(join(root, f)))])),
  };
  await writeFile(metaFile, JSON.stringify(meta, null, 2));
  logger.info(
    `admin bundled from ${files.length} project files in ${Math.round(performance.now() - started)} ms`,
  );
  return meta;
}

export default function cmsBundle(): AstroIntegration {
  let ready: Promise<Meta> | undefined;
  let cacheDir = '';
  return {
    name: 'migrasi-aman:cms-bundle',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        cacheDir =
          process.env['MIGRASI_CMS_CACHE'] ?? join(root, 'node_modules', '.cache', 'cms-admin');
        ready = ensureBundle(root, cacheDir, logger);
        // The admin page asks for the entry's name while it renders (cms/entry.ts).
        setCmsEntry(ready.then((meta) => `/${CMS_ENTRY_DIR}/${meta.entry}`));
        // A failure is reported where it is awaited, not as an unhandled rejection now.
        ready.catch(() => undefined);
      },
      'astro:build:done': async ({ dir }) => {
        if (!ready) return;
        await ready;
        const target = join(fileURLToPath(dir), CMS_ENTRY_DIR);
        await mkdir(target, { recursive: true });
        await cp(join(cacheDir, 'files'), target, { recursive: true });
      },
    },
  };
}
