/**
 * Builds the site from a copy of the content (MIGRASI_CONTENT_DIR in `env`) through Astro's
 * JavaScript API, as the benchmark does, so the content-layer cache goes to `cacheDir` and not to
 * the project's, with the content check beside its start and then its search index, as `npm run
 * build` does; then `astro sync` describes content/ again in .astro/ for later builds. Resolves with the build's log; fails with the log's
 * tail when the content check or the build fails.
 */
import { spawn } from 'node:child_process';

export async function buildContentCopy(
  outDir: string,
  cacheDir: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const build = spawn(
    'sh',
    [
      '-c',
      // As `npm run build`: the content check beside Astro's start (src/integrations/content-check.ts),
      // the search index in its own process once Astro's has ended.
      `MIGRASI_SEARCH_INDEX=after node bench/astro-build.ts "${outDir}" "${cacheDir}" && node scripts/search-index.ts "${outDir}"; ` +
        'status=$?; env -u MIGRASI_CONTENT_DIR -u MIGRASI_EXAMPLES npx astro sync >/dev/null; exit $status',
    ],
    // The pages prepared for the search index and the content check's results go with the
    // cacheDir (prepared-pages.ts, check-cache.ts): a cold build with a new cacheDir prepares and
    // checks every page and entry, a rebuild with the same one only the changed.
    {
      env: {
        MIGRASI_SEARCH_CACHE: `${cacheDir}-search-index`,
        MIGRASI_CHECK_CACHE: `${cacheDir}-content-check`,
        ...env,
      },
      stdio: 'pipe',
    },
  );
  let log = '';
  build.stdout?.on('data', (d) => (log += d));
  build.stderr?.on('data', (d) => (log += d));
  const code = await new Promise<number | null>((done) => build.on('close', done));
  if (code !== 0) throw new Error(`The build of the content copy failed:\n${log.slice(-4000)}`);
  return log;
}
