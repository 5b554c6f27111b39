/**
 * Runs `astro build` through Astro's JavaScript API in its own process, so the benchmark can send
 * the output and the content-layer cache to its temporary directory (the CLI has no cacheDir flag)
 * and measure the memory of this process alone. Usage: astro-build.ts <outDir> <cacheDir>
 */
import { build } from 'astro';

const [outDir, cacheDir] = process.argv.slice(2);
if (!outDir || !cacheDir) throw new Error('usage: astro-build.ts <outDir> <cacheDir>');
await build({ outDir, cacheDir, logLevel: 'info' });
// Astro may leave handles open (watchers, workers); the benchmark only needs the files.
process.exit(0);
