/** Runs a command and samples the resident memory of its whole process tree every ~100 ms. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface RunResult {
  seconds: number;
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

/** Sum of VmRSS over `root` and all its descendants, in kB. */
export function treeRssKB(root: number): number {
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
    total += rssKB(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): Promise<RunResult> {
  const started = performance.now();
  const child = spawn(command, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peak = 0;
  const sample = () => {
    if (child.pid) peak = Math.max(peak, treeRssKB(child.pid));
  };
  const timer = setInterval(sample, 100);
  const lines: RunResult['lines'] = [];
  const collect = (chunk: Buffer) => {
    const at = (performance.now() - started) / 1000;
    for (const text of chunk.toString('utf8').split('\n')) {
      if (!text.trim()) continue;
      lines.push({ at, text });
      if (!options.quiet) process.stdout.write(`    ${text}\n`);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        const tail = lines
          .slice(-30)
          .map((l) => l.text)
          .join('\n');
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${tail}`));
        return;
      }
      resolve({ seconds, peakRssMB: Math.round(peak / 1024), lines });
    });
  });
}
