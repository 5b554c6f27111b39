/** Serves the built site once for all browser tests. `npm run build` must have run first. */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { headersFromFile, startServer } from '../../scripts/serve.ts';
import { DEFAULT_DIST, DIST } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Two builds: the office's (dist/, no example) and the one with the example courses that the
  // browser tests drive (dist-examples/). npm test makes both.
  for (const [dist, script] of [
    [DEFAULT_DIST, 'npm run build'],
    [DIST, 'npm run build:examples'],
  ] as const)
    if (!existsSync(`${dist}/index.html`))
      throw new Error(
        `${dist}/ is missing: run \`${script}\` before the browser tests (npm test does it).`,
      );
  // Serve with the headers the build wrote for the static host (_headers), as production does.
  const headersFor = headersFromFile(DIST);
  if (!headersFor) throw new Error(`${DIST}/_headers is missing: the build writes it.`);
  const { url, close } = await startServer({ root: DIST, headersFor });
  project.provide('baseUrl', url);
  return close;
}
