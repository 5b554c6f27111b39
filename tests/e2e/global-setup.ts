/** Serves the built site once for all browser tests. `npm run build` must have run first. */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { headersFromFile, startServer } from '../../scripts/serve.ts';
import { DEFAULT_DIST, DIST, FIXTURE_DIST } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The fixture content's build (FIXTURE_DIST), for the behaviour tests. */
    fixtureUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Three builds: the office's (dist/, no example), the one with the example courses that the
  // whole-site browser tests drive (dist-examples/), and the fictional fixture content's
  // (dist-fixtures/) that the behaviour tests drive. npm test makes all three.
  for (const [dist, script] of [
    [DEFAULT_DIST, 'npm run build'],
    [DIST, 'npm run build:examples'],
    [FIXTURE_DIST, 'npm run build:fixtures'],
  ] as const)
    if (!existsSync(`${dist}/index.html`))
      throw new Error(
        `${dist}/ is missing: run \`${script}\` before the browser tests (npm test does it).`,
      );
  // Serve with the headers the build wrote for the static host (_headers), as production does.
  const serve = async (root: string) => {
    const headersFor = headersFromFile(root);
    if (!headersFor) throw new Error(`${root}/_headers is missing: the build writes it.`);
    return startServer({ root, headersFor });
  };
  const site = await serve(DIST);
  const fixtures = await serve(FIXTURE_DIST);
  project.provide('baseUrl', site.url);
  project.provide('fixtureUrl', fixtures.url);
  return async () => {
    await site.close();
    await fixtures.close();
  };
}
