// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

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
  ],
});
