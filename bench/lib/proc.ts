/** Runs a command and samples the resident memory of its whole process tree every ~100 ms. */
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

function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: read the fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
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
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(name);
    if (ppid === undefined) continue;
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const kB = rssKB(pid);
    total += kB;
    if (parts && kB > 0) {
      const name = `${commandName(pid)}:${pid}`;
      parts.set(name, (parts.get(name) ?? 0) + kB);
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; quiet?: boolean; cwd?: string } = {},
): Promise<RunResult> {
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
  const timer = setInterval(sample, 100);
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
      out.end();
      err.end();
      const seconds = (performance.now() - started) / 1000;
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
