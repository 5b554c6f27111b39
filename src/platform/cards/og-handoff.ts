/**
 * Link-preview images drawn during `astro build` but written by src/integrations/og-images.ts
 * when the build is done. The route (src/pages/og/) starts drawing every card in worker threads
 * and leaves the unfinished images here; both run in the build process, so they meet in a global.
 */
const KEY = Symbol.for('migrasi-aman:og-images');
/** A card drawn before (its PNG file in the cache, to copy) or being drawn (its bytes). */
export type OgImageSource = { cached: string } | { drawn: Promise<Uint8Array> };
const MORE_WORKERS = Symbol.for('migrasi-aman:og-more-workers');
type Holder = { [KEY]?: Map<string, OgImageSource>; [MORE_WORKERS]?: () => number };

/** Image file (relative to the output folder, e.g. og/panduan/x.png) → where its PNG comes from. */
export function ogImagesToWrite(): Map<string, OgImageSource> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Set by the drawing pool (og-image.ts, inside the build's bundle) when it starts. */
export function setMoreWorkers(start: () => number): void {
  (globalThis as Holder)[MORE_WORKERS] = start;
}

/**
 * Called by og-images.ts once Astro has rendered the pages: the cards still to draw get a worker
 * on the core the pages used. Returns how many workers were started.
 */
export function startMoreWorkers(): number {
  return (globalThis as Holder)[MORE_WORKERS]?.() ?? 0;
}
