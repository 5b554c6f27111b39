/**
 * src/content.config.ts loads the collections' wiring (src/platform/content/content-collections.ts)
 * with Node in a build, where Vite's module runner would transform about 80 modules first, and
 * through the runner otherwise (`astro dev` reloads an edited schema). A build fails without the
 * wiring, so it must stay loadable by Node alone: relative imports, no `~/` alias, no `astro:`
 * module.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COLLECTION_NAMES } from '../../src/model/collections.ts';
import {
  contentCheckRuns,
  setContentCheck,
  wiringLoadedByNode,
} from '../../src/platform/content/check-gate.ts';

const root = resolve(import.meta.dirname, '../..');
const expected = [...COLLECTION_NAMES, 'pelatihanContoh', 'settings'].sort();

/** The global keys check-gate.ts keeps, removed after each test. */
const KEYS = [
  Symbol.for('migrasi-aman:content-check'),
  Symbol.for('migrasi-aman:content-wiring-by-node'),
];
afterEach(() => {
  for (const key of KEYS) delete (globalThis as Record<symbol, unknown>)[key];
  // Each test evaluates src/content.config.ts afresh.
  vi.resetModules();
});

describe('the content collections wiring', () => {
  it('loads in plain Node, without Vite, with a loader and a schema per collection', () => {
    const url = pathToFileURL(resolve(root, 'src/platform/content/content-collections.ts')).href;
    const script = `const { collections } = await import(${JSON.stringify(url)});
      console.log(JSON.stringify(Object.entries(collections).map(([name, c]) =>
        [name, typeof c.loader?.load, c.schema ? 'schema' : 'none'])));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, MIGRASI_EXAMPLES: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    const found = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as [string, string, string][];
    expect(found.map(([name]) => name).sort()).toEqual(expected);
    for (const [name, load, schema] of found) {
      expect([name, load, schema]).toEqual([name, 'function', 'schema']);
    }
  });

  it('is loaded by Node in a build, where the content check runs', async () => {
    setContentCheck(() => Promise.resolve());
    expect(contentCheckRuns()).toBe(true);
    const config = (await import('../../src/content.config.ts')) as {
      collections: Record<string, unknown>;
    };
    expect(wiringLoadedByNode()).toBe(true);
    expect(Object.keys(config.collections).sort()).toEqual(expected);
  });

  it('goes through the module runner where no check runs (astro dev, astro sync)', async () => {
    expect(contentCheckRuns()).toBe(false);
    const config = (await import('../../src/content.config.ts')) as {
      collections: Record<string, unknown>;
    };
    expect(wiringLoadedByNode()).toBe(false);
    expect(Object.keys(config.collections).sort()).toEqual(expected);
  });
});
