/**
 * Link-preview images drawn during `astro build` but written by src/integrations/og-images.ts
 * when the build is done. The route (src/pages/og/) starts drawing every card in worker threads
 * and leaves the unfinished images here; both run in the build process, so they meet in a global.
 */
const KEY = Symbol.for('migrasi-aman:og-images');
/** A card drawn before (its PNG file in the cache, to copy) or being drawn (its bytes). */
export type OgImageSource = { cached: string } | { drawn: Promise<Uint8Array> };
type Holder = { [KEY]?: Map<string, OgImageSource> };

/** Image file (relative to the output folder, e.g. og/panduan/x.png) → where its PNG comes from. */
export function ogImagesToWrite(): Map<string, OgImageSource> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}
