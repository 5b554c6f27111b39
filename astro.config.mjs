// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import pagefind from './src/integrations/pagefind.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { externalLinksPlugin, mdxGuardPlugin } from './src/integrations/content-guard.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import reach from './src/integrations/reach.ts';
import cmsBundle from './cms/bundle.ts';
import ogImages from './src/integrations/og-images.ts';
import { siteAddress } from './src/platform/content/site-address.ts';
import {
  exampleCourseSlugs,
  examplesIncluded,
  isExamplePage,
} from './src/features/training/examples.ts';
import listenAudio from './src/integrations/listen-audio.ts';
import { DEFAULT_LOCALE, LANGUAGES } from './src/model/languages.ts';

// The public address comes from the editable settings so that a fork for another regency changes
// content only. The schema validates it again when the content layer loads.
// MIGRASI_CONTENT_DIR (used by the benchmark) points at another content tree.
const contentDir = process.env.MIGRASI_CONTENT_DIR;
const settings = parse(
  readFileSync(
    contentDir
      ? join(contentDir, 'settings/site.yaml')
      : new URL('./content/settings/site.yaml', import.meta.url),
    'utf8',
  ),
);

// SITE_URL (passed by the deploy workflow) wins over the settings; a placeholder address warns.
const address = siteAddress(settings.siteUrl);
for (const warning of address.warnings) console.warn(`\u26a0 ${warning}`);
// Example courses (MIGRASI_EXAMPLES=1) are never offered to search engines.
const exampleSlugs = examplesIncluded() ? exampleCourseSlugs() : [];

export default defineConfig({
  site: address.url,
  trailingSlash: 'always',
  // Entry pages return a cacheKey (src/platform/content/page-keys.ts): a page whose key and code
  // are unchanged is copied from the last build in the cacheDir instead of being rendered. CI keeps
  // the cacheDir between runs (.github/workflows/site.yml); `astro build --force` renders everything.
  experimental: { incrementalBuild: true },
  // The build with the example courses keeps a cache of its own: each build's page copies and
  // manifest stay valid for the next build of the same kind.
  ...(examplesIncluded() ? { cacheDir: './node_modules/.astro-examples' } : {}),
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
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [
    mdx(),
    cmsBundle(),
    ogImages(),
    // Before reach and pagefind: it fills the audio players into the finished pages.
    listenAudio(),
    securityHeaders(),
    sitemap({
      // Keys are the languages' folders (the default's code stands for the root), values hreflang.
      i18n: {
        defaultLocale: DEFAULT_LOCALE,
        locales: Object.fromEntries(LANGUAGES.map((l) => [l.prefix || l.code, l.lang])),
      },
      // The job-offer check's step pages are noindex: one address per answer, not a page to find.
      filter: (page) =>
        !page.includes('/admin/') &&
        !page.includes('/offline/') &&
        !/\/cek-tawaran\/[^/]+\/[^/]+\/[^/]+\/$/.test(page) &&
        !isExamplePage(new URL(page).pathname, exampleSlugs),
    }),
    reach({ siteName: settings.siteName, regency: settings.regency }),
    // Last, so the index is built from the finished HTML.
    pagefind(),
  ],
});
