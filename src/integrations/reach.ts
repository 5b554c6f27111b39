/**
 * Reach: after `astro build`, makes the site installable (icons, manifests) and readable offline
 * (service worker). Runs in the astro:build:done hook so it sees the final files and their hashes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeServiceWorker } from '../platform/offline/service-worker.ts';
import { writeWebApp, type AppNames } from '../platform/offline/web-app.ts';
import { LANGUAGES, type Locale } from '../model/languages.ts';

interface Options {
  siteName: string;
  regency: string;
}

function names(locale: Locale, { siteName, regency }: Options): AppNames {
  const strings = JSON.parse(
    readFileSync(new URL(`../i18n/${locale}.json`, import.meta.url), 'utf8'),
  ) as Record<string, string>;
  const fill = (key: string) =>
    (strings[key] ?? '').replace('{site}', siteName).replace('{regency}', regency);
  return {
    name: fill('reach.appName'),
    shortName: siteName,
    description: fill('reach.appDescription'),
  };
}

/** Where the precached files' gzip sizes are kept between builds, in Astro's cacheDir. */
export const GZIP_SIZES_FILE = 'offline-gzip-sizes.json';

export default function reach(options: Options): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'migrasi-aman-reach',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir).replace(/\/$/, '');
        const root = fileURLToPath(new URL('../../', import.meta.url));
        await writeWebApp(
          dist,
          `${root}public/favicon.svg`,
          Object.fromEntries(LANGUAGES.map((l) => [l.code, names(l.code, options)])) as Record<
            Locale,
            AppNames
          >,
        );
        const sw = await writeServiceWorker(dist, join(cacheDir, GZIP_SIZES_FILE));
        logger.info(
          `icons, manifests and sw.js written: ${sw.entries} files precached (${Math.round(sw.bytes / 1024)} KB before compression, ${Math.round(sw.compressed / 1024)} KB gzip; pages say "${sw.sizeLabel}")`,
        );
      },
    },
  };
}
