/**
 * Bundles the CMS admin (cms/admin.ts: Decap, React and the project's CMS code, 5.8 MB) with Vite
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
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
// Imported with the config, not on demand: Astro closes the module runner that loaded the config
// once the config is read, and a later `import('vite')` from here then fails ("Vite module runner
// has been closed") whenever the bundle is not cached.
import { build } from 'vite';
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
  // bundler dropped could change it.
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
      options: bundle.toString(),
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

/** Builds cms/admin.ts into `outDir` and returns the entry's file name and the project files used. */
async function bundle(root: string, outDir: string) {
  const result = await build({
    configFile: false,
    root,
    // The bundle is served from /admin/ (the CSS preview style and lazy chunks resolve from there).
    base: `/${CMS_ENTRY_DIR}/`,
    publicDir: false,
    envPrefix: 'PUBLIC_',
    // The same `~/` alias as tsconfig.json: the previews render with the site's feature modules.
    resolve: { alias: { '~/': `${join(root, 'src')}/` } },
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      assetsDir: '',
      // As in astro.config.mjs: no data: URLs, every asset a file.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 8000,
      rolldownOptions: {
        input: join(root, ENTRY),
        output: {
          entryFileNames: 'cms-[hash].js',
          chunkFileNames: 'cms-[hash].js',
          assetFileNames: '[name]-[hash][extname]',
        },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? r.output : [],
  );
  const files = new Set<string>();
  let entry = '';
  for (const item of outputs) {
    if (item.type !== 'chunk') continue;
    if (item.isEntry) entry = item.fileName;
    for (const id of item.moduleIds) {
      const path = id.replace(/[?#].*$/, '').replace(/^\0/, '');
      if (!isAbsolute(path) || path.includes('/node_modules/')) continue;
      const rel = relative(root, path);
      if (!rel.startsWith('..') && existsSync(path)) files.add(rel);
    }
  }
  if (!entry) throw new Error(`cms-bundle: Vite produced no entry for ${ENTRY}`);
  return { entry, files: [...files].sort() };
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
