import { describe, expect, it } from 'vitest';
import { evaluate, toMarkdown, type Results } from '../../bench/lib/report.ts';
import type { PageTypeResult } from '../../bench/lib/browser.ts';
import type { LighthouseResult } from '../../bench/lib/lighthouse.ts';

const w = (gzip: number) => ({ gzip, raw: gzip * 3 });
function pageType(type: string, html: number, css = 1800, js = 0): PageTypeResult {
  return {
    type,
    path: `/${type}/`,
    html: w(html),
    css: w(css),
    js: w(js),
    other: w(0),
    transfer: html + css + js,
    requests: 3,
  };
}
function lighthouse(type: string, seo: number, failing: string[] = []): LighthouseResult {
  return {
    type,
    path: `/${type}/`,
    performance: 100,
    accessibility: 100,
    bestPractices: 100,
    seo,
    lcpMs: 800,
    tbtMs: 0,
    cls: 0,
    failing,
  };
}
function results(overrides: Partial<Results> = {}): Results {
  return {
    entries: 1000,
    generated: { panduan: 200, berita: 700, pelatihan: 100, total: 1000 },
    date: '2026-11-22T00:00:00Z',
    machine: { cpus: 2, node: 'v24', loadAverage: [1, 1] },
    buildSeconds: 15,
    buildCpuSeconds: 14,
    peakRssMB: 1000,
    phases: {
      contentCheck: { seconds: 1, waitedSeconds: 0 },
      astro: { seconds: 12, peakRssMB: 1000 },
      pagefind: { seconds: 2, peakRssMB: 200, inBuild: false },
    },
    output: {
      htmlPages: 1200,
      htmlBytes: { count: 1200, median: 6000, p95: 9000, max: 12000 },
      totalBytes: 10_000_000,
      largest: [],
      listsAll: [],
      pagefindIndex: { files: 10, bytes: 100_000 },
    },
    pageTypes: [pageType('home', 1600), pageType('guide', 2500), pageType('search', 1300)],
    search: [
      {
        query: 'paspor',
        mode: 'api',
        bytes: 120_000,
        pagefindBytes: 120_000,
        seconds: 2,
        results: 5,
      },
    ],
    lighthouse: [lighthouse('guide', 100), lighthouse('search', 66, ['seo: is-crawlable'])],
    budgets: [],
    ...overrides,
  };
}
const verdict = (r: Results, name: string) =>
  evaluate(r).find((b) => b.name.startsWith(name))?.pass;

describe('benchmark budgets', () => {
  it('passes a site within every budget', () => {
    expect(evaluate(results()).every((b) => b.pass !== false)).toBe(true);
  });

  it('fails a guide page heavier than 14 KB and a stylesheet over 8 KB', () => {
    const r = results({ pageTypes: [pageType('guide', 13_000, 9000)] });
    expect(verdict(r, 'guide page transfer')).toBe(false);
    expect(verdict(r, 'CSS per page')).toBe(false);
  });

  it('fails more than 2 KB of JavaScript at start on a content page, not on the search page', () => {
    expect(
      verdict(results({ pageTypes: [pageType('guide', 2500, 1800, 3000)] }), 'JS at start'),
    ).toBe(false);
    const search = results({
      pageTypes: [pageType('guide', 2500), pageType('search', 1300, 1800, 30_000)],
    });
    expect(verdict(search, 'JS at start')).toBe(true);
  });

  it('fails a slow build, too much memory and a page that lists every entry', () => {
    expect(verdict(results({ buildSeconds: 25 }), 'build at 1000')).toBe(false);
    expect(verdict(results({ entries: 10_000, buildSeconds: 59 }), 'build at 10000')).toBe(true);
    expect(verdict(results({ peakRssMB: 3500 }), 'peak memory')).toBe(false);
    const big = { path: '/panduan/', bytes: 200_000, gzip: 17_000, entryLinks: 1800 };
    const r = results();
    r.output.listsAll = [big];
    expect(verdict(r, 'no page lists every entry')).toBe(false);
  });

  it('accepts the noindex audit on the search page only', () => {
    const r = results({ lighthouse: [lighthouse('guide', 66, ['seo: is-crawlable'])] });
    expect(verdict(r, 'Lighthouse mobile, guide')).toBe(false);
    expect(verdict(results(), 'Lighthouse mobile, search')).toBe(true);
  });

  it('judges search bytes at 1,000 entries and only reports them at other sizes', () => {
    const heavy = [
      {
        query: 'q',
        mode: 'api' as const,
        bytes: 200_000,
        pagefindBytes: 0,
        seconds: 3,
        results: 1,
      },
    ];
    expect(verdict(results({ search: heavy }), 'first search results')).toBe(false);
    expect(verdict(results({ entries: 10_000, search: heavy }), 'first search results')).toBeNull();
  });

  it('prints FAIL in the table for a failed budget', () => {
    const r = results({ buildSeconds: 25 });
    r.budgets = evaluate(r);
    expect(toMarkdown(r)).toMatch(/build at 1000 entries.*\*\*FAIL\*\*/);
  });
});
