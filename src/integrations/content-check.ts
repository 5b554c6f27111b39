/**
 * Runs the content check (scripts/check-content.ts) in its own process as soon as a build starts,
 * beside Astro's start (its config, integrations and the Vite server that loads the content
 * config), instead of before it, on the second core. At 1,000 entries (about 1 s alone) the
 * content layer no longer waits for it; at 10,000 (about 3.7 s alone) Astro's start is the shorter
 * of the two, and the content layer waits about 2 s for the rest (README, "What changed here").
 *
 * The content layer's loaders wait for it (src/platform/content/check-gate.ts): the first one to
 * ask prints the check's own output. When the check fails, its Indonesian list of problems is
 * printed as `npm run check:content` prints it and the build ends there, before the content sync
 * and before anything is written to the output or the caches of the content layer.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  contentChecked,
  setContentCheck,
  wiringLoadedByNode,
} from '../platform/content/check-gate.ts';

type Outcome = {
  code: number | null;
  stdout: string;
  stderr: string;
  /** How long the check's process ran, in ms. */
  ms: number;
  failedToStart?: Error;
};

const SCRIPT = fileURLToPath(new URL('../../scripts/check-content.ts', import.meta.url));

/** Starts the check for the project at `root`; resolves when it has ended, never rejects. */
export function runContentCheck(root: string): Promise<Outcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((done) => {
    const child = spawn(process.execPath, [SCRIPT, root], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', (failedToStart) =>
      done({ code: null, stdout, stderr, ms: ms(), failedToStart }),
    );
    child.on('close', (code) => done({ code, stdout, stderr, ms: ms() }));
  });
}

/** Prints the check's output; on a failure ends the process, as `check-content.ts && astro build` did. */
export function report(outcome: Outcome): void {
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  if (outcome.code === 0) return;
  if (outcome.failedToStart || !outcome.stderr.trim()) {
    process.stderr.write(
      `Pemeriksaan isi situs tidak dapat berjalan (${outcome.failedToStart?.message ?? (outcome.code === null ? 'dihentikan oleh sistem' : `kode keluar ${outcome.code}`)}). Jalankan npm run check:content untuk melihat sebabnya.\n`,
    );
  }
  process.exit(1);
}

export default function contentCheck(): AstroIntegration {
  return {
    name: 'migrasi-aman:content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const running = runContentCheck(fileURLToPath(config.root));
        let reported: Promise<void> | undefined;
        const wait = async () => {
          const asked = performance.now();
          const outcome = await running;
          report(outcome);
          // For the benchmark (bench/run.ts reads this line): what the check cost the build.
          logger.info(
            `passed in ${outcome.ms} ms beside Astro's start; the content layer waited ${Math.round(performance.now() - asked)} ms (content config loaded by ${wiringLoadedByNode() ? 'Node' : "Vite's module runner"})`,
          );
        };
        setContentCheck(() => (reported ??= wait()));
      },
      // The loaders have waited for it already; this covers a build whose content sync ran none.
      'astro:build:start': () => contentChecked(),
    },
  };
}
