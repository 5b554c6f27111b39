/**
 * Where the built CMS admin script lives. cms/bundle.ts bundles it outside
 * Astro's own build and announces its file name here; the admin page reads it while rendering.
 * Both run in the `astro build` process, so the name passes through a global.
 */
export const CMS_ENTRY_DIR = 'admin';

const KEY = Symbol.for('migrasi-aman:cms-entry');
type Holder = { [KEY]?: Promise<string> };

export function setCmsEntry(entry: Promise<string>): void {
  (globalThis as Holder)[KEY] = entry;
}

/** URL of the bundled admin script, e.g. /admin/cms-AbC123.js. */
export function cmsEntry(): Promise<string> {
  const entry = (globalThis as Holder)[KEY];
  if (!entry) {
    throw new Error('The admin script is bundled by cms/bundle.ts: add it to astro.config.mjs.');
  }
  return entry;
}
