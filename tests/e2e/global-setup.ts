/** Serves the built site once for all browser tests. `npm run build` must have run first. */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { headersFromFile, startServer } from '../../scripts/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    throw new Error(
      'dist/ is missing: run `npm run build` before the browser tests (npm test does both).',
    );
  }
  // Serve with the headers the build wrote for the static host (dist/_headers), as production does.
  const headersFor = headersFromFile('dist');
  if (!headersFor) throw new Error('dist/_headers is missing: the build writes it.');
  const { url, close } = await startServer({ root: 'dist', headersFor });
  project.provide('baseUrl', url);
  return close;
}
