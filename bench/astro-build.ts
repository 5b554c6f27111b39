/**
 * Runs `astro build` through Astro's JavaScript API in its own process, so the benchmark can send
 * the output and the content-layer cache to its temporary directory (the CLI has no cacheDir flag)
 * and measure the memory of this process alone. Usage: astro-build.ts <outDir> <cacheDir>
 *
 * With BENCH_PROFILE_DIR set (`npm run bench -- --profile`), it also writes memory.jsonl there: the
 * process's memory every 250 ms, to be read beside the build's timed log lines; with
 * BENCH_HEAP_SNAPSHOT_MB as well, one heap snapshot when the JS heap first exceeds that size.
 * BENCH_ASTRO_CONFIG (`--astro-config '<json>'`) is merged over astro.config.mjs, to try an option
 * without editing the project, e.g. '{"build":{"concurrency":2}}'.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { build } from 'astro';

const [outDir, cacheDir] = process.argv.slice(2);
if (!outDir || !cacheDir) throw new Error('usage: astro-build.ts <outDir> <cacheDir>');

const profileDir = process.env['BENCH_PROFILE_DIR'];
if (profileDir) {
  mkdirSync(profileDir, { recursive: true });
  const started = performance.now();
  const snapshotAt = Number(process.env['BENCH_HEAP_SNAPSHOT_MB'] ?? 0) * 1024 * 1024;
  let snapshotTaken = false;
  const MB = 1024 * 1024;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    const at = Math.round(performance.now() - started) / 1000;
    appendFileSync(
      join(profileDir, 'memory.jsonl'),
      `${JSON.stringify({
        at,
        rssMB: Math.round(m.rss / MB),
        heapUsedMB: Math.round(m.heapUsed / MB),
        heapTotalMB: Math.round(m.heapTotal / MB),
        externalMB: Math.round(m.external / MB),
        arrayBuffersMB: Math.round(m.arrayBuffers / MB),
      })}\n`,
    );
    if (snapshotAt > 0 && !snapshotTaken && m.heapUsed > snapshotAt) {
      snapshotTaken = true;
      const file = writeHeapSnapshot(join(profileDir, `heap-at-${at}s.heapsnapshot`));
      console.log(`[bench] heap snapshot at ${at} s: ${file}`);
    }
  }, 250);
  timer.unref();
}

const extra = process.env['BENCH_ASTRO_CONFIG'];
await build({
  ...(extra ? (JSON.parse(extra) as Record<string, unknown>) : {}),
  outDir,
  cacheDir,
  logLevel: 'info',
});
// Astro may leave handles open (watchers, workers); the benchmark only needs the files.
process.exit(0);
