// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import pagefind from './src/integrations/pagefind.ts';
import { externalLinksPlugin, mdxGuardPlugin } from './src/integrations/content-guard.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import reach from './src/integrations/reach.ts';
import cmsBundle from './cms/bundle.ts';
import ogImages from './src/integrations/og-images.ts';
import previousOutput from './src/integrations/previous-output.ts';
import contentCheck from './src/integrations/content-check.ts';
import mdxCache from './src/integrations/mdx-cache.ts';
import dataStoreFile from './src/integrations/data-store-file.ts';
import bundleReuse from './src/integrations/bundle-reuse.ts';
import { cachedSitemap } from './src/integrations/sitemap-cache.ts';
import { siteAddress } from './src/platform/content/site-address.ts';
import { relative } from 'node:path';
import { contentDirectory, loadSettings } from './src/platform/content/settings-file.ts';
import {
  exampleCourseSlugs,
  examplesIncluded,
  isExamplePage,
} from './src/features/training/examples.ts';
import listenAudio from './src/integrations/listen-audio.ts';
import { sitemapAlternates } from './src/platform/i18n/sitemap-links.ts';
import { setFlagsFromString } from 'node:v8';

// V8 lets the heap grow to several times what was live after the last full collection. A build
// renders thousands of pages, each leaving garbage behind, and at 10,000 entries the heap grew to
// 1.8 GB with a third of it live; the process kept that memory to the end. Growing by three
// quarters of what is live keeps the build process at 2.3–2.6 GB there (3.2 GB unbounded); by
// half, it stayed at 2.2–2.4 GB but collected more often: cold 10,000-entry builds took 4–12 s
// longer (README, "Scale").
setFlagsFromString('--heap-growing-percent=75');

// The public address comes from the editable settings so that a fork for another regency changes
// content only. loadSettings reads and validates them (MIGRASI_CONTENT_DIR names another content
// tree: the benchmark's, the tests' fixtures); the content layer loads them through it too.
const settings = loadSettings();
// Another content tree keeps its own content-layer cache, so building the tests' fixtures never
// replaces the cache of content/ (the benchmark passes its own cacheDir).
const contentTree = process.env.MIGRASI_CONTENT_DIR;
// The build with the example courses keeps one of its own too: each kind of build's incremental
// pages and manifest then stay valid for the next build of the same kind.
const examplesSuffix = examplesIncluded() ? '-examples' : '';
const cacheDir = contentTree
  ? `./node_modules/.astro-trees/${relative('.', contentDirectory()).replace(/[^\w-]+/g, '-')}${examplesSuffix}/`
  : examplesSuffix
    ? './node_modules/.astro-examples/'
    : undefined;

// SITE_URL (passed by the deploy workflow) wins over the settings; a placeholder address warns.
const address = siteAddress(settings.siteUrl);
for (const warning of address.warnings) console.warn(`\u26a0 ${warning}`);
// Example courses (MIGRASI_EXAMPLES=1) are never offered to search engines.
const exampleSlugs = examplesIncluded() ? exampleCourseSlugs() : [];

// Not Astro's defineConfig: it only returns its argument, but its module (astro/config) loads the
// SVG optimiser and the font providers, about 350 modules, at the start of every build.
export default /** @satisfies {import('astro').AstroUserConfig} */ ({
  site: address.url,
  trailingSlash: 'always',
  // Entry pages return a cacheKey (src/platform/content/page-keys.ts): a page whose key and code
  // are unchanged is copied from the last build in the cacheDir instead of being rendered. CI keeps
  // the cacheDir between runs (.github/workflows/site.yml); `astro build --force` renders everything.
  experimental: { incrementalBuild: true },
  ...(cacheDir ? { cacheDir } : {}),
  build: {
    format: 'directory',
    // One cacheable stylesheet instead of inline <style>: keeps the CSP free of 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  // Markdown and MDX (which inherits this processor) run the content guard: forbidden constructs
  // fail the build naming file and line. See src/platform/content/mdx-guard.ts.
  markdown: {
    processor: satteri({
      mdastPlugins: [mdxGuardPlugin],
      hastPlugins: [externalLinksPlugin(address.url)],
    }),
  },
  vite: {
    // Astro inlines small scripts into the HTML by default; the CSP allows no inline script, so
    // every script stays a file (and images stay files rather than data: URLs).
    build: {
      assetsInlineLimit: 0,
      // Astro marks every MDX entry with a "use astro:head-inject" directive that Rolldown warns
      // about once per entry, code frame and all (withastro/astro#18087, harmless): thousands of
      // log lines in a large build that hide the warnings that matter.
      rolldownOptions: { checks: { moduleLevelDirective: false } },
    },
    environments: {
      // The bundle the pages are rendered from: every MDX module (the guides and services, 396 at
      // 1,000 entries) in one chunk instead of a chunk each. Rolldown wrote ~900 chunks, and every
      // build, a publish too, paid for each in its output hooks and writes; the pages come out
      // byte for byte the same (README, "Scale").
      prerender: {
        build: {
          rolldownOptions: {
            output: { codeSplitting: { groups: [{ name: 'mdx-content', test: /\.mdx($|\?)/ }] } },
          },
        },
      },
    },
  },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [
    // First: builds over the previous output and, before any other step reads the output,
    // removes what this build no longer makes (src/integrations/previous-output.ts).
    previousOutput(),
    // Starts the content check beside Astro's start; the content layer waits for it
    // (src/integrations/content-check.ts).
    contentCheck(),
    mdx(),
    // After mdx(): keeps each MDX module's compiled form in the cacheDir between builds
    // (src/integrations/mdx-cache.ts). The external-link plugin writes the site's address.
    mdxCache([address.url]),
    // The content layer's data store is read from its file when the pages are rendered, not
    // bundled into them (src/integrations/data-store-file.ts).
    dataStoreFile(),
    // The bundle the pages are rendered from is reused from the last build when nothing it is made
    // of changed, as in a publish of news (src/integrations/bundle-reuse.ts).
    bundleReuse(),
    cmsBundle(),
    // Before reach and pagefind: it fills the audio players into the finished pages.
    listenAudio(),
    securityHeaders(),
    // Each page's language alternates come from sitemapAlternates, by lookup: the integration's
    // own i18n option compares every address with every other (src/platform/i18n/sitemap-links.ts).
    // Its files are kept between builds while the pages' addresses stay the same
    // (src/integrations/sitemap-cache.ts).
    cachedSitemap(
      sitemap(
        sitemapAlternates(
          new URL('/', address.url).href,
          // The job-offer check's step pages are noindex: one address per answer, not a page to find.
          (page) =>
            !page.includes('/admin/') &&
            !page.includes('/offline/') &&
            !/\/cek-tawaran\/[^/]+\/[^/]+\/[^/]+\/$/.test(page) &&
            !isExamplePage(new URL(page).pathname, exampleSlugs),
        ),
      ),
      [address.url, ...exampleSlugs],
    ),
    reach({ siteName: settings.siteName, regency: settings.regency }),
    // After the sitemap and the offline list, which need no cards: they run while the last cards
    // are drawn (src/integrations/og-images.ts).
    ogImages(),
    // Last, so the index is built from the finished HTML.
    pagefind(),
  ],
});
