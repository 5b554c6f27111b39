/**
 * Tests of modules that read content through `astro:content`, run through Astro's own Vite config
 * (getViteConfig) so `astro:content` resolves as it does in the site, over fixture entries.
 */
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import { FIXTURE_CONTENT, fixtureAstroConfig } from './astro-fixture.ts';

export default getViteConfig(
  {
    test: {
      name: 'content',
      dir: fileURLToPath(new URL('./', import.meta.url)),
      include: ['**/*.test.ts'],
      environment: 'node',
      globalSetup: [fileURLToPath(new URL('./global-setup.ts', import.meta.url))],
      env: { MIGRASI_CONTENT_DIR: FIXTURE_CONTENT },
    },
  },
  fixtureAstroConfig,
);
