/**
 * Reads what `npm run bench -- --profile` leaves in .bench/profile-N/ (V8 .cpuprofile and
 * .heapprofile files, memory.jsonl, log.txt) and writes where the build's time and memory went:
 * per step of the build (from Astro's log lines), CPU time by package or project folder and by
 * function, memory, and what the sampled heap still held at the end.
 * Also runs on its own: `node bench/profile.ts <dir>`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
}
interface CpuNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}
interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}
interface Memory {
  at: number;
  rssMB: number;
  heapUsedMB: number;
}

const ROOT = `file://${resolve(import.meta.dirname, '..')}/`;

/** "astro", "@astrojs/mdx", "src/features", "(garbage collector)", "node:fs", … */
export function owner(frame: CallFrame, root = ROOT): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  if (url.startsWith('node:'))
    return url.startsWith('node:internal/modules') ? 'node:modules' : url;
  if (url.startsWith('wasm://')) return '(WebAssembly)';
  const rel = url.startsWith(root) ? url.slice(root.length) : url;
  // The build's own bundle of the site (pages, components and Astro's runtime, in the output tree).
  if (rel.startsWith('.bench/') || rel.startsWith('dist/')) return '(the site, bundled)';
  const parts = rel.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : rel;
}

/** The steps of an Astro build, each starting at the first log line that matches. */
const STEPS: [string, RegExp][] = [
  ['start: config, integrations, types', /^/],
  ['content layer sync', /\[content\] Syncing content/],
  ['bundle (Vite/Rolldown)', /Building static entrypoints/],
  ['render pages', /generating static routes/],
  ['after the pages (cards, sitemap, offline, Pagefind)', /\[build\] ✓ Completed in/],
];

interface Line {
  at: number;
  text: string;
}

export function stepBounds(
  lines: Line[],
  end: number,
): { name: string; from: number; to: number }[] {
  const starts: { name: string; from: number }[] = [];
  let i = 0;
  for (const [name, re] of STEPS) {
    const hit = name.startsWith('start') ? { at: 0 } : lines.slice(i).find((l) => re.test(l.text));
    if (!hit) continue;
    i = Math.max(i, lines.indexOf(hit as Line));
    starts.push({ name, from: hit.at });
  }
  return starts.map((s, k) => ({ ...s, to: starts[k + 1]?.from ?? end }));
}

function top(map: Map<string, number>, n: number): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Self time per owner and per function, for samples taken between `from` and `to` seconds. */
export function cpu(p: CpuProfile, from = 0, to = Infinity) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let at = 0;
  let busy = 0;
  let idle = 0;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    at += ms / 1000;
    if (at < from || at >= to) return;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const o = owner(frame);
    if (o === '(idle)') {
      idle += ms;
      return;
    }
    busy += ms;
    add(owners, o, ms);
    add(functions, `${frame.functionName || '(anonymous)'} · ${o}`, ms);
  });
  return { busyMs: busy, idleMs: idle, owners, functions };
}

export function heap(root: HeapNode): { totalMB: number; owners: [string, number][] } {
  const owners = new Map<string, number>();
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop() as HeapNode;
    if (n.selfSize > 0) {
      add(owners, owner(n.callFrame), n.selfSize / 1024 / 1024);
      total += n.selfSize / 1024 / 1024;
    }
    stack.push(...n.children);
  }
  return { totalMB: total, owners: top(owners, 15) };
}

const s1 = (ms: number) => (ms / 1000).toFixed(1);
const share = (rows: [string, number][], total: number) =>
  rows.map(([k, v]) => `${k} ${((v / total) * 100).toFixed(0)} %`).join(', ');

/** The summary of a profile directory, as Markdown. */
export function profileSummary(dir: string): string {
  const out: string[] = [];
  const files = readdirSync(dir).sort();
  const read = <T>(f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as T;
  const mem: Memory[] = existsSync(join(dir, 'memory.jsonl'))
    ? readFileSync(join(dir, 'memory.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Memory)
    : [];
  const lines: Line[] = existsSync(join(dir, 'log.txt'))
    ? readFileSync(join(dir, 'log.txt'), 'utf8')
        .split('\n')
        .map((l) => {
          const [at, ...text] = l.split('\t');
          return { at: Number(at), text: text.join('\t') };
        })
    : [];
  const profiles = files.filter((f) => f.endsWith('.cpuprofile'));
  // V8 numbers its files in the order the threads started: the first is the main thread.
  const [mainFile, ...workerFiles] = profiles;
  if (mainFile) {
    const main = read<CpuProfile>(mainFile);
    const end = main.timeDeltas.reduce((s, d) => s + d, 0) / 1e6;
    const all = cpu(main);
    out.push(
      `## Main thread: ${s1(all.busyMs)} s busy, ${s1(all.idleMs)} s idle (waiting for I/O, the workers or the CPU) over ${end.toFixed(1)} s`,
      '| step | from s | wall s | busy s | GC | peak RSS MB | peak JS heap MB | where the busy time goes |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const step of stepBounds(lines, end)) {
      const c = cpu(main, step.from, step.to);
      const inStep = mem.filter((m) => m.at >= step.from && m.at < step.to);
      const gc = c.owners.get('(garbage collector)') ?? 0;
      c.owners.delete('(garbage collector)');
      out.push(
        `| ${step.name} | ${step.from.toFixed(1)} | ${(step.to - step.from).toFixed(1)} | ${s1(c.busyMs)} | ${s1(gc)} | ${Math.max(0, ...inStep.map((m) => m.rssMB))} | ${Math.max(0, ...inStep.map((m) => m.heapUsedMB))} | ${share(top(c.owners, 6), c.busyMs)} |`,
      );
    }
    out.push(
      '',
      '### Main thread, busiest functions',
      '| function · package | self s |',
      '| --- | ---: |',
      ...top(all.functions, 20).map(([k, v]) => `| ${k} | ${s1(v)} |`),
    );
  }
  for (const f of workerFiles) {
    const c = cpu(read<CpuProfile>(f));
    out.push(
      '',
      `## Worker thread ${f}: ${s1(c.busyMs)} s busy`,
      share(top(c.owners, 8), c.busyMs),
      '',
      '| function · package | self s |',
      '| --- | ---: |',
      ...top(c.functions, 6).map(([k, v]) => `| ${k} | ${s1(v)} |`),
    );
  }
  for (const f of files.filter((x) => x.endsWith('.heapprofile'))) {
    const h = heap(read<{ head: HeapNode }>(f).head);
    out.push(
      '',
      `## Sampled heap still live at the end, ${f}: ${h.totalMB.toFixed(0)} MB`,
      share(h.owners, h.totalMB),
    );
  }
  if (mem.length > 0) {
    const peak = mem.reduce((m, x) => (x.rssMB > m.rssMB ? x : m));
    const peakHeap = Math.max(...mem.map((m) => m.heapUsedMB));
    out.push(
      '',
      `## Memory: peak RSS ${peak.rssMB} MB at ${peak.at} s (main JS heap then ${peak.heapUsedMB} MB; its own peak ${peakHeap} MB)`,
    );
  }
  return `${out.join('\n')}\n`;
}

const dir = process.argv[2];
if (import.meta.main) {
  if (!dir) throw new Error('usage: node bench/profile.ts <profile directory>');
  console.log(profileSummary(dir));
}
