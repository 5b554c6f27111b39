/**
 * The CMS admin bundle, run by cms/bundle.ts in a process of its own: `node cms/bundle-child.ts
 * <root> <outDir> <result.json>`. Bundles cms/admin.ts with Vite into outDir and writes the entry's
 * file name and the project files the bundle was built from into result.json.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { build } from 'vite';
import { CMS_ENTRY_DIR } from './entry.ts';

const ENTRY = 'cms/admin.ts';
const [root, outDir, resultFile] = process.argv.slice(2);
if (!root || !outDir || !resultFile) {
  throw new Error('usage: bundle-child.ts <root> <outDir> <result.json>');
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

await writeFile(resultFile, JSON.stringify(await bundle(root, outDir)));
