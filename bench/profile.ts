/**
 * `node bench/profile.ts <dir>`: reads what `npm run bench -- --profile` left in .bench/profile-N/
 * (V8 .cpuprofile and .heapprofile files, memory.jsonl, log.txt) and prints where the build's CPU
 * time and memory went, grouped by package (or project folder) and by function, and the build's
 * memory at each of Astro's logged steps.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface CpuNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}
interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

/** "astro", "@astrojs/mdx", "src/features", "(garbage collector)", "node:fs", … */
export function owner(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const m = /\/(src|bench|scripts|cms)\/([^/]+)/.exec(url);
  if (m) return `${m[1]}/${m[2]}`;
  const tree = /\/(\.bench|dist|\.astro)\//.exec(url);
  return tree ? `(built code in ${tree[1]})` : url.replace(/^file:\/\/.*\//, '');
}

function top(map: Map<string, number>, n: number): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

export function cpuByOwner(p: CpuProfile): {
  totalMs: number;
  owners: [string, number][];
  functions: [string, number][];
} {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    total += ms;
    const o = owner(node.callFrame);
    owners.set(o, (owners.get(o) ?? 0) + ms);
    const f = `${node.callFrame.functionName || '(anonymous)'} · ${o}`;
    functions.set(f, (functions.get(f) ?? 0) + ms);
  });
  return { totalMs: total, owners: top(owners, 20), functions: top(functions, 25) };
}

export function heapByOwner(root: HeapNode): { totalMB: number; owners: [string, number][] } {
  const owners = new Map<string, number>();
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop() as HeapNode;
    if (n.selfSize > 0) {
      const o = owner(n.callFrame);
      owners.set(o, (owners.get(o) ?? 0) + n.selfSize / 1024 / 1024);
      total += n.selfSize / 1024 / 1024;
    }
    stack.push(...n.children);
  }
  return { totalMB: total, owners: top(owners, 20) };
}

const fmt = (rows: [string, number][], unit: string, total: number) =>
  rows
    .map(([k, v]) => `| ${k} | ${v.toFixed(0)} ${unit} | ${((v / total) * 100).toFixed(1)} % |`)
    .join('\n');

function main(dir: string) {
  const files = readdirSync(dir);
  for (const f of files.filter((x) => x.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile;
    const r = cpuByOwner(p);
    console.log(`\n## CPU ${f}: ${(r.totalMs / 1000).toFixed(1)} s sampled`);
    console.log('| package or folder | self time | share |\n| --- | ---: | ---: |');
    console.log(fmt(r.owners, 'ms', r.totalMs));
    console.log('\n| function | self time | share |\n| --- | ---: | ---: |');
    console.log(fmt(r.functions, 'ms', r.totalMs));
  }
  for (const f of files.filter((x) => x.endsWith('.heapprofile'))) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { head: HeapNode };
    const r = heapByOwner(p.head);
    console.log(`\n## Heap (sampled, live at the end) ${f}: ${r.totalMB.toFixed(0)} MB`);
    console.log('| allocated by | MB | share |\n| --- | ---: | ---: |');
    console.log(fmt(r.owners, 'MB', r.totalMB));
  }
  const memFile = join(dir, 'memory.jsonl');
  const logFile = join(dir, 'log.txt');
  if (existsSync(memFile) && existsSync(logFile)) {
    const mem = readFileSync(memFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { at: number; rssMB: number; heapUsedMB: number });
    // The log's times count from the spawn of the process, the memory's from the script's start:
    // both are within a second of each other, enough to tell the build's steps apart.
    const lines = readFileSync(logFile, 'utf8')
      .split('\n')
      .map((l) => {
        const [at, ...text] = l.split('\t');
        return { at: Number(at), text: text.join('\t') };
      })
      .filter((l) => /\[(build|content|types|vite|assets|.*pagefind|.*og|.*cms)/i.test(l.text));
    const peak = mem.reduce(
      (m, x) => (x.rssMB > m.rssMB ? x : m),
      mem[0] ?? { at: 0, rssMB: 0, heapUsedMB: 0 },
    );
    console.log(
      `\n## Memory over the build: peak RSS ${peak.rssMB} MB at ${peak.at} s (heap ${peak.heapUsedMB} MB)`,
    );
    console.log('| s | log line | RSS MB | heap MB |\n| ---: | --- | ---: | ---: |');
    let last = -1;
    for (const l of lines) {
      if (l.at - last < 1) continue;
      last = l.at;
      const m = mem.find((x) => x.at >= l.at) ?? mem.at(-1);
      console.log(
        `| ${l.at.toFixed(1)} | ${l.text.slice(0, 90).replaceAll('|', '/')} | ${m?.rssMB ?? ''} | ${m?.heapUsedMB ?? ''} |`,
      );
    }
  }
}

const dir = process.argv[2];
if (import.meta.main) {
  if (!dir) throw new Error('usage: node bench/profile.ts <profile directory>');
  main(dir);
}
