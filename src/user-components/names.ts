/**
 * Names of the author components, without importing them: the MDX guard runs in plain Node
 * (`npm run check:content`), which cannot load .astro files. They come from the contracts.
 */
export { USER_COMPONENT_NAMES } from './contracts.ts';
