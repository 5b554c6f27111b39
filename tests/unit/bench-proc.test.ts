/**
 * The benchmark's command runner stops a command whose process tree uses almost no CPU for its
 * idle limit (a hung build), and leaves a busy one alone however long it takes.
 */
import { describe, expect, it } from 'vitest';
import { HungError, retryHung, run } from '../../bench/lib/proc.ts';

// A child that starts, then waits on a timer: no CPU at all while it waits.
const SLEEPER = ['-e', 'setTimeout(() => {}, 120_000)'];
// A child blocked like the hung build of 4 December: not still, but ticking now and then (there
// Node's timers and the esbuild service; here 3 ms of work every 200 ms, 1.5 % of a core), for
// 40 s. Its CPU count changes about every second, so waiting for the count to stand still would
// let it run to the end.
const TICKER = [
  '-e',
  'const end = Date.now() + 40_000; const t = setInterval(() => { const s = Date.now(); while (Date.now() - s < 3) {} if (Date.now() > end) clearInterval(t); }, 200);',
];
// A child that computes for two seconds without a pause, then ends.
const BUSY = ['-e', 'const end = Date.now() + 2000; while (Date.now() < end) {}'];

// Each waits on real processes (a few seconds): give them room on a loaded machine.
const ROOM = { timeout: 90_000 };

describe('the benchmark runner', () => {
  it('stops a command that uses no CPU for its idle limit, naming it hung', ROOM, async () => {
    const started = performance.now();
    const error = await run(process.execPath, SLEEPER, { quiet: true, idleSeconds: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HungError);
    expect((error as Error).message).toMatch(
      /used almost no CPU \(under 2 % of a core\) for 1 s and was stopped as hung/,
    );
    // Stopped long before its timer would have ended it.
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('stops a command that still ticks now and then but does no work', ROOM, async () => {
    const started = performance.now();
    const error = await run(process.execPath, TICKER, { quiet: true, idleSeconds: 4 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HungError);
    // Stopped before the child's 40 s were over.
    expect(performance.now() - started).toBeLessThan(35_000);
  });

  it('lets a busy command run past the idle limit', ROOM, async () => {
    const result = await run(process.execPath, BUSY, { quiet: true, idleSeconds: 1 });
    expect(result.seconds).toBeGreaterThan(1.5);
  });

  it('runs a hung attempt once more, and only once', ROOM, async () => {
    const said: string[] = [];
    let attempts = 0;
    const hangs = () => {
      attempts++;
      return run(process.execPath, SLEEPER, { quiet: true, idleSeconds: 1 });
    };
    await expect(retryHung(hangs, (m) => said.push(m))).rejects.toBeInstanceOf(HungError);
    expect(attempts).toBe(2);
    expect(said).toEqual([expect.stringMatching(/stopped as hung; trying once more$/)]);

    // Another failure is not retried.
    attempts = 0;
    const fails = () => {
      attempts++;
      return run(process.execPath, ['-e', 'process.exit(3)'], { quiet: true });
    };
    await expect(retryHung(fails, () => undefined)).rejects.toThrow(/exited with 3/);
    expect(attempts).toBe(1);
  });
});
