import { describe, expect, it } from 'vitest';
import { inBatches } from '../../src/platform/output/batches.ts';

describe('work over the output in batches', () => {
  it('keeps the order of the items and never runs more than a batch at once', async () => {
    let running = 0;
    let most = 0;
    const items = Array.from({ length: 10 }, (_, i) => i);
    const out = await inBatches(
      items,
      async (i) => {
        running++;
        most = Math.max(most, running);
        // Later items finish first inside a batch: the order must still be the items'.
        await new Promise((done) => setImmediate(done));
        if (i % 2 === 0) await new Promise((done) => setImmediate(done));
        running--;
        return i * 10;
      },
      3,
    );
    expect(out).toEqual(items.map((i) => i * 10));
    expect(most).toBe(3);
    expect(await inBatches([], async () => 1)).toEqual([]);
  });
});
