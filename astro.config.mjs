// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// The public address comes from the editable settings so that a fork for another regency changes
// content only. The schema validates it again when the content layer loads.
const settings = parse(
  readFileSync(new URL('./content/settings/site.yaml', import.meta.url), 'utf8'),
);

export default defineConfig({
  site: settings.siteUrl,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cacheable stylesheet instead of inline <style>: keeps the CSP free of 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'id', locales: { id: 'id-ID', en: 'en' } },
      filter: (page) => !page.includes('/admin/'),
    }),
    // Last, so the index is built from the finished HTML.
    pagefind(),
  ],
});
