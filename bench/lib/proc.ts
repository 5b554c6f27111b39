/**
 * Runs a command and samples the resident memory of its whole process tree every ~100 ms. A
 * command whose tree uses almost no CPU for a while is stopped as hung (a peer's Astro build once
 * waited on itself for ten minutes, every thread blocked): the benchmark fails, or retries, instead
 * of waiting forever. "Almost no" rather than "no": a blocked tree still ticks now and then (Node's
 * own timers, the Go runtime of the esbuild service a Vite build keeps open), so a watchdog that
 * waited for the CPU count to stand still never fired on the hang of 4 December.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';

// GNU time reports the CPU time of the whole tree: on a shared machine, wall time alone misleads.
const TIME = '/usr/bin/time';
const TIME_MARK = 'BENCH_CPU';

export interface RunResult {
  seconds: number;
  /** CPU seconds (user + system) of the command and its children, from GNU time when present. */
  cpuSeconds?: number | undefined;
  peakRssMB: number;
  /** Output lines with the second (since start) at which each arrived. */
  lines: { at: number; text: string }[];
}

/** The fields of /proc/<pid>/stat after the command name, or undefined once the process is gone. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: read the fields after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function parentOf(pid: string): number | undefined {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : undefined;
}

/** Clock ticks of CPU a process used, with those of the children it has waited for. */
function cpuTicks(pid: number): number {
  const fields = statFields(pid);
  // utime, stime, cutime, cstime: fields 14–17 of stat(5), 11–14 after the command name.
  return fields ? fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) : 0;
}

/** `root` and all its descendants. */
function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(name);
    if (ppid === undefined) continue;
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const pids: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return pids;
}

/** A command stopped because its whole process tree used no CPU for `idleSeconds`. */
export class HungError extends Error {
  override name = 'HungError';
}

/** Runs `attempt` again, once, when it failed as hung. */
export async function retryHung<T>(attempt: () => Promise<T>, log: (m: string) => void) {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof HungError)) throw error;
    log(`${error.message}; trying once more`);
    return attempt();
  }
}

function rssKB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function commandName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

/**
 * Sum of VmRSS over `root` and all its descendants, in kB; `parts` (when given) gets each
 * process's share under its command name, to see which process holds the peak.
 */
export function treeRssKB(root: number, parts?: Map<string, number>): number {
  let total = 0;
  for (const pid of treePids(root)) {
    const kB = rssKB(pid);
    total += kB;
    if (parts && kB > 0) {
      const name = `${commandName(pid)}:${pid}`;
      parts.set(name, (parts.get(name) ?? 0) + kB);
    }
  }
  return total;
}

/** How long a command's tree may use almost no CPU before it is stopped as hung (BENCH_IDLE_SECONDS). */
const IDLE_SECONDS = Number(process.env['BENCH_IDLE_SECONDS'] ?? 300);
/**
 * "Almost no CPU": under this share of one core over the idle window. A blocked Vite build with its
 * esbuild service measured about 0.1 %; any build at work, even one waiting on its disk, uses far
 * more than this.
 */
export const IDLE_SHARE = 0.02;
/** Clock ticks per CPU second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; quiet?: boolean; cwd?: string; idleSeconds?: number } = {},
): Promise<RunResult> {
  const idleSeconds = options.idleSeconds ?? IDLE_SECONDS;
  const started = performance.now();
  const timed = existsSync(TIME);
  const child = spawn(
    timed ? TIME : command,
    timed ? ['-f', `${TIME_MARK} %U %S`, command, ...args] : args,
    {
      env: { ...process.env, ...options.env },
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let peak = 0;
  // BENCH_RSS_LOG=<file>: one JSON line per sample with each process's RSS in MB.
  const rssLog = process.env.BENCH_RSS_LOG;
  const sample = () => {
    if (!child.pid) return;
    const parts = rssLog ? new Map<string, number>() : undefined;
    const total = treeRssKB(child.pid, parts);
    peak = Math.max(peak, total);
    if (rssLog && parts) {
      const at = Math.round(performance.now() - started) / 1000;
      const mb = Object.fromEntries([...parts].map(([k, v]) => [k, Math.round(v / 1024)]));
      appendFileSync(
        rssLog,
        `${JSON.stringify({ at, totalMB: Math.round(total / 1024), ...mb })}\n`,
      );
    }
  };
  // Once a second: the tree's CPU ticks. Under IDLE_SHARE of a core over the last idleSeconds:
  // stopped as hung.
  const samples: { at: number; ticks: number }[] = [];
  const idleTicks = Math.max(1, idleSeconds * TICKS_PER_SECOND * IDLE_SHARE);
  // Each process's last count, kept after it ends: the total never drops when a child exits
  // before its parent has waited for it (counted twice after, which only errs towards busy).
  const counted = new Map<number, number>();
  let hung = false;
  const watch = () => {
    if (!child.pid || hung) return;
    const pids = treePids(child.pid);
    for (const pid of pids) counted.set(pid, Math.max(counted.get(pid) ?? 0, cpuTicks(pid)));
    const at = performance.now();
    let ticks = 0;
    for (const n of counted.values()) ticks += n;
    samples.push({ at, ticks });
    // The window starts at the newest sample at least idleSeconds old; older ones go.
    const start = samples.findLastIndex((s) => at - s.at >= idleSeconds * 1000);
    if (start > 0) samples.splice(0, start);
    const first = start >= 0 ? samples[0] : undefined;
    if (first && ticks - first.ticks < idleTicks) {
      hung = true;
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  };
  const timer = setInterval(sample, 100);
  const watcher = setInterval(watch, 1000);
  const lines: RunResult['lines'] = [];
  let cpuSeconds: number | undefined;
  const take = (text: string, at: number) => {
    if (!text.trim()) return;
    if (text.startsWith(TIME_MARK)) {
      const [user = 0, sys = 0] = text.split(' ').slice(1).map(Number);
      cpuSeconds = Math.round((user + sys) * 100) / 100;
      return;
    }
    lines.push({ at, text });
    if (!options.quiet) process.stdout.write(`    ${text}\n`);
  };
  // Output arrives in arbitrary pieces (GNU time writes one character at a time): keep the
  // unfinished line of each stream until its end arrives.
  const collector = () => {
    let rest = '';
    return {
      data: (chunk: Buffer) => {
        const at = (performance.now() - started) / 1000;
        const parts = (rest + chunk.toString('utf8')).split('\n');
        rest = parts.pop() ?? '';
        for (const text of parts) take(text, at);
      },
      end: () => take(rest, (performance.now() - started) / 1000),
    };
  };
  const out = collector();
  const err = collector();
  child.stdout.on('data', out.data);
  child.stderr.on('data', err.data);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      clearInterval(watcher);
      out.end();
      err.end();
      const seconds = (performance.now() - started) / 1000;
      if (hung) {
        reject(
          new HungError(
            `${command} ${args.join(' ')} used almost no CPU (under ${IDLE_SHARE * 100} % of a core) for ${idleSeconds} s and was stopped as hung`,
          ),
        );
        return;
      }
      if (code !== 0) {
        const tail = lines
          .slice(-30)
          .map((l) => l.text)
          .join('\n');
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${tail}`));
        return;
      }
      resolve({ seconds, cpuSeconds, peakRssMB: Math.round(peak / 1024), lines });
    });
  });
}
