/**
 * Astro reads the content collections from this file through Vite's module runner, which
 * transforms every module the file imports: Astro's loaders and the site's schemas, about 80
 * modules and most of a second of every build's start (README, "Scale"). So in a build the wiring
 * (src/platform/content/content-collections.ts) is loaded by Node itself, which has most of it
 * loaded already for astro.config.mjs. `astro dev` and `astro sync` keep the runner, which
 * reloads an edited schema.
 */
import { createRequire } from 'node:module';
import { contentCheckRuns, markWiringLoadedByNode } from './platform/content/check-gate.ts';

type Wiring = typeof import('./platform/content/content-collections.ts');

const WIRING = './platform/content/content-collections.ts';

async function loadWiring(): Promise<Wiring> {
  if (!contentCheckRuns()) return import('./platform/content/content-collections.ts');
  const wiring = createRequire(import.meta.url)(WIRING) as Wiring;
  markWiringLoadedByNode();
  return wiring;
}

export const collections = (await loadWiring()).collections;
