import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The same `~/` alias as tsconfig.json, so tests import src/ modules the way the site does.
  resolve: { alias: { '~/': fileURLToPath(new URL('./src/', import.meta.url)) } },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      // Modules that read astro:content, through Astro's Vite config over fixture entries.
      'tests/content/vitest.config.ts',
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Browser tests share one static server and one Chromium per file; run files one at a
          // time so two Chromium instances never compete for this machine's two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits for a condition; its 1 s default is too short when the machine is
          // busy (a poll that times out under load is a flaky test, not a defect).
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
