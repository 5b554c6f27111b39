/**
 * Writes `dist/_headers` (Netlify, Cloudflare Pages) from src/platform/security/security-headers.ts at the end of
 * the build, so the host configuration can never drift from the policy the pages and tests use.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { renderHeadersFile } from '../platform/security/security-headers.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'migrasi-aman:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await writeFile(new URL('_headers', dir), renderHeadersFile());
        logger.info('_headers written from src/platform/security/security-headers.ts');
      },
    },
  };
}
