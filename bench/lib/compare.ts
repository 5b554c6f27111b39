/**
 * The comparison of `npm run bench -- --peers`: medians of interleaved builds of the project and
 * its peers, the ratios the issue sets targets for, PASS/FAIL, and the readable table.
 */
import { table } from './report.ts';

/** What one build of one kind measured. */
export interface Sample {
  round: number;
  seconds: number;
  /** CPU seconds (user + system) of the build's process trees; undefined without GNU time. */
  cpuSeconds?: number | undefined;
  peakRssMB: number;
  /** One-minute load average when the build started: other work inflates wall seconds. */
  load: number;
}

export const BUILDS = [
  'project cold',
  'bare cold',
  /** The bare peer again, with as many HTML pages as the project's cold build wrote. */
  'bare cold, project page count',
  'starlight cold',
  'project publish',
  'bare publish',
  'starlight publish',
] as const;
export type BuildKind = (typeof BUILDS)[number];

export interface Summary {
  kind: BuildKind;
  runs: number;
  /** Medians over the rounds. */
  seconds: number;
  cpuSeconds: number | undefined;
  peakRssMB: number;
  /** The largest peak of any round: memory that must fit the CI runner. */
  maxPeakRssMB: number;
}

export interface Ratio {
  name: string;
  /** Wall-clock ratio of the medians; the verdict is on this one, as the issue states it. */
  wall: number;
  /** CPU ratio of the medians: steadier than wall seconds on a busy machine. */
  cpu: number | undefined;
  limit: number | undefined;
  goal?: number;
  /** null: reported only. */
  pass: boolean | null;
}

export interface Target {
  name: string;
  limit: string;
  measured: string;
  pass: boolean;
}

export interface Comparison {
  entries: number;
  rounds: number;
  date: string;
  machine: { cpus: number; node: string };
  versions: Record<string, string>;
  /** Which caches the publish builds kept, in words. */
  publishCaches: string;
  samples: Partial<Record<BuildKind, Sample[]>>;
  summaries: Summary[];
  ratios: Ratio[];
  targets: Target[];
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function summarise(kind: BuildKind, samples: Sample[]): Summary {
  const cpu = samples.map((s) => s.cpuSeconds).filter((c): c is number => c !== undefined);
  return {
    kind,
    runs: samples.length,
    seconds: round2(median(samples.map((s) => s.seconds))),
    // A CPU median over only some rounds would not compare with the wall median: all or none.
    cpuSeconds: cpu.length === samples.length && cpu.length > 0 ? round2(median(cpu)) : undefined,
    peakRssMB: Math.round(median(samples.map((s) => s.peakRssMB))),
    maxPeakRssMB: Math.max(...samples.map((s) => s.peakRssMB)),
  };
}

/** Targets of issue 18 for the cold build and for publishing one news item. */
export const COLD_LIMIT = 1.5;
export const COLD_GOAL = 1.3;
export const PUBLISH_LIMIT = 0.6;

function ratio(
  name: string,
  a: Summary | undefined,
  b: Summary | undefined,
  limit?: number,
  goal?: number,
): Ratio | undefined {
  if (!a || !b || a.runs === 0 || b.runs === 0) return undefined;
  const wall = round2(a.seconds / b.seconds);
  const cpu =
    a.cpuSeconds !== undefined && b.cpuSeconds !== undefined && b.cpuSeconds > 0
      ? round2(a.cpuSeconds / b.cpuSeconds)
      : undefined;
  return {
    name,
    wall,
    cpu,
    limit,
    ...(goal === undefined ? {} : { goal }),
    // Both clocks must agree: wall seconds swing with a busy machine's load, CPU seconds do not.
    pass: limit === undefined ? null : wall <= limit && (cpu === undefined || cpu <= limit),
  };
}

export function ratios(summaries: Summary[]): Ratio[] {
  const by = (k: BuildKind) => summaries.find((s) => s.kind === k);
  return [
    ratio('cold: project / bare', by('project cold'), by('bare cold'), COLD_LIMIT, COLD_GOAL),
    // The issue's targets compare with bare Astro building one page per entry; this says how much
    // of the difference is the project's extra pages (filters, sessions, calendars, cards' pages).
    ratio(
      'per page: project cold / bare cold with as many pages',
      by('project cold'),
      by('bare cold, project page count'),
    ),
    ratio('cold: project / starlight', by('project cold'), by('starlight cold')),
    ratio(
      'publish one news item: project warm / bare cold',
      by('project publish'),
      by('bare cold'),
      PUBLISH_LIMIT,
    ),
    ratio('publish: project warm / project cold', by('project publish'), by('project cold')),
    ratio('publish: bare warm / bare cold', by('bare publish'), by('bare cold')),
    ratio(
      'publish: starlight warm / starlight cold',
      by('starlight publish'),
      by('starlight cold'),
    ),
  ].filter((r): r is Ratio => r !== undefined);
}

/** The issue's absolute targets, which hold at 10,000 and 30,000 entries. */
export function targets(entries: number, summaries: Summary[]): Target[] {
  const cold = summaries.find((s) => s.kind === 'project cold');
  const publish = summaries.find((s) => s.kind === 'project publish');
  const out: Target[] = [];
  const gb = (mb: number) => `${(mb / 1024).toFixed(2)} GB`;
  if (entries === 10_000 && cold) {
    out.push({
      name: 'cold build at 10,000 entries',
      limit: '≤ 90 s',
      measured: `${cold.seconds} s`,
      pass: cold.seconds <= 90,
    });
    out.push({
      name: 'peak memory at 10,000 entries',
      limit: '≤ 3 GB',
      measured: gb(cold.maxPeakRssMB),
      pass: cold.maxPeakRssMB <= 3 * 1024,
    });
  }
  if (entries === 10_000 && publish)
    out.push({
      name: 'publish at 10,000 entries',
      limit: '≤ 30 s',
      measured: `${publish.seconds} s`,
      pass: publish.seconds <= 30,
    });
  if (entries === 30_000 && cold)
    out.push({
      name: 'peak memory at 30,000 entries',
      limit: '≤ 8 GB',
      measured: gb(cold.maxPeakRssMB),
      pass: cold.maxPeakRssMB <= 8 * 1024,
    });
  return out;
}

export function compare(base: Omit<Comparison, 'summaries' | 'ratios' | 'targets'>): Comparison {
  const summaries = BUILDS.flatMap((k) => {
    const s = base.samples[k];
    return s && s.length > 0 ? [summarise(k, s)] : [];
  });
  return {
    ...base,
    summaries,
    ratios: ratios(summaries),
    targets: targets(base.entries, summaries),
  };
}

const verdict = (pass: boolean | null) => (pass === null ? 'info' : pass ? 'PASS' : '**FAIL**');

export function comparisonMarkdown(c: Comparison): string {
  const loads = Object.values(c.samples)
    .flat()
    .map((s) => s.load);
  const parts = [
    `# Benchmark against peers: ${c.entries.toLocaleString('en')} entries, ${c.rounds} round${c.rounds === 1 ? '' : 's'}`,
    `${c.date} · ${c.machine.cpus} CPUs · Node ${c.machine.node} · ${Object.entries(c.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )} · load average at the builds' start ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (wall seconds grow with it; CPU seconds are steadier)`,
    `Builds ran interleaved, round by round (project, bare, bare again with as many HTML pages as the project wrote, Starlight, then the three publish builds). Cold: empty caches and output. Publish: one generated news item's text changed, rebuilt with the caches kept (${c.publishCaches}); the project builds over its previous output, as CI does with the output it restores, and each peer into an empty output directory.`,
    '## Builds (medians)',
    table(
      ['build', 'runs', 'wall s', 'CPU s', 'peak RSS MB (median / max)'],
      c.summaries.map((s) => [
        s.kind,
        s.runs,
        s.seconds,
        s.cpuSeconds ?? '–',
        `${s.peakRssMB} / ${s.maxPeakRssMB}`,
      ]),
    ),
    '## Ratios',
    table(
      ['ratio', 'wall', 'CPU', 'limit (goal)', 'result'],
      c.ratios.map((r) => [
        r.name,
        r.wall.toFixed(2),
        r.cpu === undefined ? '–' : r.cpu.toFixed(2),
        r.limit === undefined ? '–' : `≤ ${r.limit}${r.goal ? ` (${r.goal})` : ''}`,
        verdict(r.pass),
      ]),
    ),
  ];
  if (c.targets.length > 0)
    parts.push(
      '## Targets at this size',
      table(
        ['target', 'limit', 'measured', 'result'],
        c.targets.map((t) => [t.name, t.limit, t.measured, verdict(t.pass)]),
      ),
    );
  parts.push(
    '## Every build',
    table(
      ['build', 'round', 'wall s', 'CPU s', 'peak RSS MB', 'load at start'],
      BUILDS.flatMap((k) =>
        (c.samples[k] ?? []).map((s) => [
          k,
          s.round,
          s.seconds.toFixed(1),
          s.cpuSeconds?.toFixed(1) ?? '–',
          s.peakRssMB,
          s.load.toFixed(1),
        ]),
      ),
    ),
  );
  return `${parts.join('\n\n')}\n`;
}
