import { describe, expect, it } from 'vitest';
import {
  compare,
  comparisonMarkdown,
  median,
  summarise,
  type BuildKind,
  type Comparison,
  type Sample,
} from '../../bench/lib/compare.ts';

const sample = (round: number, seconds: number, cpuSeconds?: number, peakRssMB = 1000): Sample => ({
  round,
  seconds,
  cpuSeconds,
  peakRssMB,
  load: 1,
});
/** Three rounds with the given wall seconds; CPU 1.2 × wall. */
const three = (a: number, b: number, c: number, peak = 1000): Sample[] =>
  [a, b, c].map((s, i) => sample(i + 1, s, s * 1.2, peak + i * 100));

function comparison(samples: Partial<Record<BuildKind, Sample[]>>, entries = 1000): Comparison {
  return compare({
    entries,
    rounds: 3,
    date: '2026-11-30T00:00:00Z',
    machine: { cpus: 2, node: 'v24' },
    versions: { astro: '7.3.5' },
    publishCaches: 'content layer',
    samples,
  });
}
const ratioOf = (c: Comparison, name: string) => c.ratios.find((r) => r.name.startsWith(name));

describe('benchmark comparison with peers', () => {
  it('takes the median of an odd and an even number of runs', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([])).toBeNaN();
  });

  it('summarises a build by the medians of its rounds and keeps the largest peak', () => {
    const s = summarise('project cold', three(33, 30, 60, 1500));
    expect(s.seconds).toBe(33);
    expect(s.cpuSeconds).toBeCloseTo(39.6);
    expect(s.peakRssMB).toBe(1600);
    expect(s.maxPeakRssMB).toBe(1700);
  });

  it('reports no CPU median when a round lacks its CPU seconds', () => {
    const s = summarise('bare cold', [sample(1, 10, 12), sample(2, 11)]);
    expect(s.cpuSeconds).toBeUndefined();
    expect(s.seconds).toBe(10.5);
  });

  it('passes a cold build within 1.5 × bare Astro and fails one above it', () => {
    const ok = comparison({ 'project cold': three(19, 20, 21), 'bare cold': three(13, 14, 15) });
    expect(ratioOf(ok, 'cold: project / bare')).toMatchObject({ wall: 1.43, pass: true });
    const slow = comparison({ 'project cold': three(33, 34, 35), 'bare cold': three(13, 13, 13) });
    expect(ratioOf(slow, 'cold: project / bare')).toMatchObject({ wall: 2.62, pass: false });
  });

  it('judges the publish build against the bare cold build, not against its own cold build', () => {
    const c = comparison({
      'project cold': three(30, 30, 30),
      'bare cold': three(10, 10, 10),
      'project publish': three(7, 8, 9),
    });
    expect(ratioOf(c, 'publish one news item')).toMatchObject({ wall: 0.8, pass: false });
    expect(ratioOf(c, 'publish: project warm / project cold')).toMatchObject({
      wall: 0.27,
      pass: null,
    });
    const fast = comparison({ 'bare cold': three(10, 10, 10), 'project publish': three(5, 6, 6) });
    expect(ratioOf(fast, 'publish one news item')?.pass).toBe(true);
  });

  it('fails a ratio that only the wall clock meets (a busy machine early, a quiet one late)', () => {
    const c = comparison({
      'bare cold': [sample(1, 40, 14)],
      'project publish': [sample(1, 14, 21)],
    });
    expect(ratioOf(c, 'publish one news item')).toMatchObject({
      wall: 0.35,
      cpu: 1.5,
      pass: false,
    });
  });

  it('reports the page-for-page ratio to bare Astro without judging it', () => {
    const c = comparison({
      'project cold': three(24, 26, 28),
      'bare cold': three(10, 10, 11),
      'bare cold, project page count': three(20, 21, 22),
    });
    expect(ratioOf(c, 'per page: project cold / bare cold with as many pages')).toMatchObject({
      wall: 1.24,
      pass: null,
    });
    // The target stays on the bare build with one page per entry.
    expect(ratioOf(c, 'cold: project / bare')).toMatchObject({ wall: 2.6, pass: false });
    expect(comparisonMarkdown(c)).toMatch(
      /\| bare cold, project page count \| 3 \| 21 \| 25\.2 \| 1100 \/ 1200 \|/,
    );
  });

  it('only reports the ratio to Starlight, which has no target', () => {
    const c = comparison({
      'project cold': three(30, 30, 30),
      'starlight cold': three(25, 25, 25),
    });
    expect(ratioOf(c, 'cold: project / starlight')).toMatchObject({ wall: 1.2, pass: null });
    expect(ratioOf(c, 'cold: project / bare')).toBeUndefined();
  });

  it('applies the 10,000-entry time and memory targets at 10,000 entries only', () => {
    const samples = {
      'project cold': three(80, 85, 120, 3000),
      'project publish': three(25, 31, 40),
    };
    const at10k = comparison(samples, 10_000).targets;
    expect(at10k.find((t) => t.name.startsWith('cold build'))?.pass).toBe(true);
    // The largest peak of any round counts: a runner must survive the worst one.
    expect(at10k.find((t) => t.name.startsWith('peak memory'))?.pass).toBe(false);
    expect(at10k.find((t) => t.name.startsWith('publish'))?.pass).toBe(false);
    expect(comparison(samples, 1000).targets).toEqual([]);
    const at30k = comparison({ 'project cold': three(700, 711, 720, 14_600) }, 30_000).targets;
    expect(at30k).toMatchObject([{ name: 'peak memory at 30,000 entries', pass: false }]);
  });

  it('prints the ratios with their verdicts and every build with its load', () => {
    const md = comparisonMarkdown(
      comparison({ 'project cold': three(33, 34, 35), 'bare cold': three(13, 13, 13) }),
    );
    expect(md).toMatch(
      /\| cold: project \/ bare \| 2\.62 \| 2\.62 \| ≤ 1\.5 \(1\.3\) \| \*\*FAIL\*\* \|/,
    );
    const everyBuild = md.split('## Every build')[1] ?? '';
    expect(everyBuild.match(/^\| project cold \| \d \|/gm)).toHaveLength(3);
    expect(md).not.toContain('Targets at this size');
  });
});
