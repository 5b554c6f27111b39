/**
 * The environment `npm run build` exports before its first step (package.json, `scripts.build`:
 * `export A=1 B=2 && …`), read from the script itself so the benchmark builds the project as the
 * build script does without a second list to keep in step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The variables exported at the start of a build command, in order. */
export function exportedEnv(command: string): Record<string, string> {
  const head = /^export ((?:[A-Z_][A-Z0-9_]*=\S+ ?)+) && /.exec(command)?.[1] ?? '';
  return Object.fromEntries(
    head
      .trim()
      .split(/ +/)
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
  );
}

/** What `npm run build` exports, from the project's package.json. */
export function buildScriptEnv(root: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const build = pkg.scripts?.['build'];
  if (!build) throw new Error('package.json has no build script');
  return exportedEnv(build);
}
