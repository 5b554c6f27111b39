import { describe, expect, it } from 'vitest';
import { cpu, owner, stepBounds } from '../../bench/profile.ts';

const root = 'file:///home/me/site/';
const frame = (url: string, functionName = 'f') => ({ url, functionName });

describe('benchmark profile summary', () => {
  it('names the package, the project folder or the bundled site a function belongs to', () => {
    expect(owner(frame(`${root}node_modules/astro/dist/core/build/generate.js`), root)).toBe(
      'astro',
    );
    expect(owner(frame(`${root}node_modules/@astrojs/mdx/dist/index.js`), root)).toBe(
      '@astrojs/mdx',
    );
    expect(owner(frame(`${root}src/platform/cards/og-render.ts`), root)).toBe('src/platform');
    expect(owner(frame(`${root}.bench/run-1000/dist/.prerender/chunks/x.mjs`), root)).toBe(
      '(the site, bundled)',
    );
    expect(owner(frame('', '(garbage collector)'), root)).toBe('(garbage collector)');
    expect(owner(frame('node:internal/modules/esm/loader'), root)).toBe('node:modules');
  });

  it("cuts the build into Astro's steps in the order they are logged", () => {
    const lines = [
      { at: 1, text: '[content] Syncing content' },
      { at: 3, text: '[build] Building static entrypoints...' },
      { at: 9, text: ' generating static routes ' },
      { at: 20, text: '[build] ✓ Completed in 11s.' },
    ];
    expect(stepBounds(lines, 25).map((s) => [s.from, s.to])).toEqual([
      [0, 1],
      [1, 3],
      [3, 9],
      [9, 20],
      [20, 25],
    ]);
  });

  it('counts self time inside a time window and keeps idle time apart', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('', '(idle)') },
        { id: 2, callFrame: frame(`${root}node_modules/rolldown/x.js`, 'bundle') },
      ],
      // 1 s idle, then 2 s in rolldown, sampled every second (deltas in microseconds)
      samples: [1, 2, 2],
      timeDeltas: [1e6, 1e6, 1e6],
      startTime: 0,
    };
    const all = cpu(profile);
    expect(all.idleMs).toBe(1000);
    expect(all.busyMs).toBe(2000);
    expect(cpu(profile, 2.5, 10).busyMs).toBe(1000);
  });
});
