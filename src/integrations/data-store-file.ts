/**
 * The content layer's data store, read from its file when the pages are rendered instead of
 * bundled into them as one module.
 *
 * Astro writes the store to data-store.json in its cacheDir, then bundles it into the code the
 * pages are rendered from as `export default JSON.parse("…")`: the whole store (3 MB at 1,000
 * entries, 28 MB at 10,000) as one string in one module, which every build, a publish of one
 * sentence too, parses, transforms and writes with the bundle, and which Node compiles again when
 * the first page asks for an entry. The module now reads the same file when it runs: the same
 * value (JSON.parse of the same text), without the copy in the bundle.
 *
 * Only in a build's prerender environment, where the pages are rendered from the bundle on this
 * machine while the file is there; `astro dev` and any other form of the module (a chunked store)
 * stay Astro's. Astro loads the store with a catch that would render pages without content if
 * the file were missing, so the file is checked when the module is made, and again, with an error
 * in the words of the build, when it is read.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's id of the bundled store (astro/dist/content/consts.js, RESOLVED_DATA_STORE_VIRTUAL_ID). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** How Astro's module starts when it holds the whole store as one JSON text. */
const WHOLE_STORE = 'export default JSON.parse(';
/** Astro's store file in its cacheDir (astro/dist/content/utils.js, getDataStoreFile). */
const DATA_STORE_FILE = 'data-store.json';

/** The module that reads the store at `file` when it runs. */
export function storeReader(file: string): string {
  const path = JSON.stringify(file);
  return [
    `import { readFileSync } from 'node:fs';`,
    `let text;`,
    `try { text = readFileSync(${path}, 'utf8'); } catch (error) {`,
    `  console.error('Data konten ' + ${path} + ' tidak bisa dibaca saat halaman dibuat (' + error.message + '). Jalankan build sekali lagi.');`,
    `  process.exit(1);`,
    `}`,
    `export default JSON.parse(text);`,
  ].join('\n');
}

/** Whether the store's module, as bundled, reads the file rather than holding the store. */
export function readsStoreFile(code: string): boolean {
  // Astro's module parses a string literal; the reader parses the text it read.
  return code.includes('readFileSync(') && !/JSON\.parse\(\s*["'`]/.test(code);
}

export default function dataStoreFile(): AstroIntegration {
  return {
    name: 'migrasi-aman:data-store-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        const file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'migrasi-aman:data-store-file',
                apply: 'build',
                applyToEnvironment: (environment) => environment.name === 'prerender',
                transform(code, id) {
                  if (id !== DATA_STORE_MODULE) return null;
                  if (!code.startsWith(WHOLE_STORE) || !existsSync(file)) {
                    // Another version of Astro, or a chunked store: bundled as Astro makes it.
                    logger.warn(
                      `data store: bundled as Astro makes it (not one JSON text in ${file})`,
                    );
                    return null;
                  }
                  logger.info(
                    `data store: read from ${file} when the pages are rendered (${(code.length / 1e6).toFixed(1)} MB kept out of the bundle)`,
                  );
                  return { code: storeReader(file), map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
    },
  };
}
