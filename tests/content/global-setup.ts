/**
 * Before the content tests: `astro sync` over the fixture tree, in a child process so that its
 * MIGRASI_CONTENT_DIR never reaches the other test projects (the browser tests build the site).
 */
import { spawnSync } from 'node:child_process';
import { FIXTURE_CONTENT } from './astro-fixture.ts';

export default function setup() {
  const run = spawnSync(process.execPath, ['tests/content/sync-fixtures.ts'], {
    encoding: 'utf8',
    env: { ...process.env, MIGRASI_CONTENT_DIR: FIXTURE_CONTENT },
  });
  if (run.status !== 0)
    throw new Error(`The fixture content did not load:\n${run.stdout}${run.stderr}`);
}
