/**
 * The Astro configuration the content tests run with: the site's own src/ (its content config,
 * schemas and loaders) over the small fixture content tree in tests/fixtures/content/. Astro keeps
 * this root's generated files and content store in tests/fixtures/.astro/, apart from the site's.
 */
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import type { AstroInlineConfig } from 'astro';

export const FIXTURE_ROOT = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const FIXTURE_CONTENT = fileURLToPath(new URL('../fixtures/content/', import.meta.url));
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

export const fixtureAstroConfig: AstroInlineConfig = {
  root: FIXTURE_ROOT,
  srcDir: SRC,
  // The store `astro sync` writes is the one a dev server (and so Vitest) reads.
  cacheDir: fileURLToPath(new URL('../fixtures/.astro/', import.meta.url)),
  // Only what loading content needs: the site's config also bundles the CMS, draws cards, …
  configFile: false,
  logLevel: 'warn',
  integrations: [mdx()],
  vite: { resolve: { alias: { '~/': SRC } } },
};
