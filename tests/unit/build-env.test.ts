/**
 * The build scripts' environment (package.json): every build exports the same variables, the
 * benchmark reads them from the build script, and the allocator setting reaches the allocator of
 * the native code Astro's build runs (Rolldown, Astro's compiler), so the arena Rolldown reserves
 * at load is not put on transparent huge pages.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildScriptEnv, exportedEnv } from '../../bench/lib/build-env.ts';

const scripts = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
).scripts;
const builds = Object.entries(scripts).filter(([name]) => /^build(:|$)/.test(name));

/** Loads the native code of Astro's build in a fresh Node with `env` and reports what it sees. */
function loadNative(env: Record<string, string>) {
  const script = `
    await import('rolldown');
    await import('@astrojs/compiler-binding');
    const { readFileSync } = await import('node:fs');
    const maps = readFileSync('/proc/self/smaps', 'utf8').split(/\\n(?=[0-9a-f]+-[0-9a-f]+ )/);
    const huge = maps
      .filter((m) => /^VmFlags:.*\\bhg\\b/m.test(m))
      .map((m) => Number(/^Size:\\s+(\\d+) kB/m.exec(m)?.[1] ?? 0));
    console.log(JSON.stringify({ huge }));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env['PATH'] ?? '', MIMALLOC_VERBOSE: '1', ...env },
    encoding: 'utf8',
  });
  expect(child.status, child.stderr).toBe(0);
  const { huge } = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
    huge: number[];
  };
  // mimalloc prints its options when MIMALLOC_VERBOSE is set, once per copy of it.
  const eager = [...child.stderr.matchAll(/option 'arena_eager_commit': (\d+)/g)].map((m) => m[1]);
  return { huge, eager };
}

describe('build environment', () => {
  it('reads the variables a build command exports first', () => {
    expect(exportedEnv('export A=1 B_2=x/y && astro build')).toEqual({ A: '1', B_2: 'x/y' });
    expect(exportedEnv('export A=1 && B=2 astro build && export C=3 && x')).toEqual({ A: '1' });
    expect(exportedEnv('astro build')).toEqual({});
    expect(exportedEnv('export lower=1 && astro build')).toEqual({});
  });

  it('is the same for every build script, and is what the benchmark uses', () => {
    expect(builds.length).toBeGreaterThan(1);
    const env = buildScriptEnv('.');
    expect(env['MIMALLOC_ARENA_EAGER_COMMIT']).toBe('0');
    for (const [name, command] of builds) expect(exportedEnv(command), name).toEqual(env);
  });

  it("keeps Rolldown's arena off huge pages, where the default puts it there", () => {
    const env = buildScriptEnv('.');
    const set = loadNative({
      MIMALLOC_ARENA_EAGER_COMMIT: env['MIMALLOC_ARENA_EAGER_COMMIT'] ?? '',
    });
    // Both copies of mimalloc (Rolldown's and Astro's compiler's) read the setting.
    expect(set.eager.length).toBeGreaterThanOrEqual(2);
    expect(new Set(set.eager)).toEqual(new Set(['0']));
    expect(set.huge.filter((kB) => kB >= 64 * 1024)).toEqual([]);

    // Without it, mimalloc commits its arenas eagerly: the option is still the one it reads.
    const unset = loadNative({});
    expect(unset.eager).not.toContain('0');
    expect(unset.eager.length).toBe(set.eager.length);
  });
});
