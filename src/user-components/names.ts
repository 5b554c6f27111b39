/**
 * Names of the author components, without importing them: the MDX guard runs in plain Node
 * (`npm run check:content`), which cannot load .astro files. A unit test keeps this list equal to
 * the keys of `userComponents` in index.ts.
 */
export const USER_COMPONENT_NAMES = ['Callout', 'Checklist', 'SourceNote', 'Steps'] as const;
