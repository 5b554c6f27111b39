/**
 * Link-preview images drawn during `astro build` but written by src/integrations/og-images.ts
 * when the build is done. The route (src/pages/og/) starts drawing every card in worker threads
 * and leaves the unfinished images here; both run in the build process, so they meet in a global.
 */
const KEY = Symbol.for('migrasi-aman:og-images');
type Holder = { [KEY]?: Map<string, Promise<Uint8Array>> };

/** Image file (relative to the output folder, e.g. og/panduan/x.png) → its PNG bytes. */
export function ogImagesToWrite(): Map<string, Promise<Uint8Array>> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}
