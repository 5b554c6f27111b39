/** Budgets (PASS/FAIL) and the readable table of a benchmark run. */
import type { PageTypeResult, SearchResult } from './browser.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { PageSize } from './output.ts';

const KB = 1024;

export interface Results {
  entries: number;
  /** Whether the CMS admin bundle came from node_modules/.cache (--cms-cache) or was built. */
  cmsBundle?: 'built' | 'cached';
  generated: Record<string, number>;
  date: string;
  machine: { cpus: number; node: string; loadAverage: number[] };
  /** The whole build as `npm run build` does it: Astro (with the content check beside its start), Pagefind. */
  buildSeconds: number;
  /** CPU seconds of the same phases (0 when GNU time is missing). */
  buildCpuSeconds?: number;
  /** Peak resident memory of the largest phase's whole process tree. */
  peakRssMB: number;
  phases: {
    /** The content check's own process, beside Astro's start; `waitedSeconds` is what Astro waited. */
    contentCheck: { seconds: number; waitedSeconds?: number };
    astro: Phase;
    pagefind: Phase & { inBuild: boolean };
  };
  output: {
    htmlPages: number;
    htmlBytes: { count: number; median: number; p95: number; max: number };
    totalBytes: number;
    largest: (PageSize & { grows?: string })[];
    listsAll: PageSize[];
    sizes?: Record<string, number>;
    pagefindIndex: { files: number; bytes: number };
  };
  /** The audio of the cold build (src/integrations/listen-audio.ts's log line). */
  listen?: ListenStats | undefined;
  /** The same build again with the caches the first filled (--warm). */
  warm?: (Phase & { listen: ListenStats | undefined }) | undefined;
  pageTypes: PageTypeResult[];
  search: SearchResult[];
  lighthouse: LighthouseResult[] | null;
  budgets: Budget[];
}

export interface ListenStats {
  files: number;
  synthesised: number;
  fromCache: number;
  failed: number;
  speechSeconds: number;
  kb: number;
  kbPerMinute: number;
  /** How long the build waited for the audio after rendering the pages. */
  waitedSeconds: number;
}

/** Reads the audio integration's summary line from the build's output. */
export function listenStats(lines: string[]): ListenStats | undefined {
  const re =
    /listen: (\d+) audio files, (\d+) synthesised, (\d+) from cache, (\d+) failed; (\d+) s of speech, (\d+) KB \((\d+) KB per minute\); waited (\d+) ms/;
  for (const line of lines) {
    const m = re.exec(line);
    if (!m) continue;
    const n = m.slice(1).map(Number) as number[];
    return {
      files: n[0]!,
      synthesised: n[1]!,
      fromCache: n[2]!,
      failed: n[3]!,
      speechSeconds: n[4]!,
      kb: n[5]!,
      kbPerMinute: n[6]!,
      waitedSeconds: Math.round(n[7]! / 100) / 10,
    };
  }
  return undefined;
}

/**
 * Reads the content check's line from the build's output (src/integrations/content-check.ts): how
 * long its process ran beside Astro's start, and how long the content layer waited for it.
 */
export function contentCheckLine(lines: string[]): { seconds: number; waitedSeconds: number } {
  const re =
    /content-check\] passed in (\d+) ms beside Astro's start; the content layer waited (\d+) ms/;
  for (const line of lines) {
    const m = re.exec(line);
    if (m) return { seconds: Number(m[1]) / 1000, waitedSeconds: Number(m[2]) / 1000 };
  }
  throw new Error('the build printed no content check line (src/integrations/content-check.ts)');
}

function listenSection(r: Results): string[] {
  const row = (label: string, l: ListenStats | undefined, build: string) =>
    l
      ? [
          label,
          l.files,
          l.synthesised,
          l.fromCache,
          l.failed,
          Math.round(l.speechSeconds / 60),
          l.kbPerMinute,
          l.waitedSeconds,
          build,
        ]
      : [label, '–', '–', '–', '–', '–', '–', '–', build];
  return [
    '## Audio ("Dengarkan")',
    'Audio is synthesised in worker threads while Astro renders; "waited" is the time the build spent after rendering until the last file was ready.',
    table(
      [
        'build',
        'audio files',
        'synthesised',
        'from cache',
        'failed',
        'minutes of speech',
        'KB per minute',
        'waited s',
        'astro build s (CPU s)',
      ],
      [
        row('cold (empty caches)', r.listen, `${r.phases.astro.seconds} (${cpu(r.phases.astro)})`),
        ...(r.warm
          ? [
              row(
                'warm (caches filled by the cold build)',
                r.warm.listen,
                `${r.warm.seconds} (${cpu(r.warm)})`,
              ),
            ]
          : []),
      ],
    ),
  ];
}

export interface Phase {
  seconds: number;
  cpuSeconds?: number | undefined;
  peakRssMB: number;
}

export interface Budget {
  name: string;
  limit: string;
  measured: string;
  /** null: reported only, the target applies to another N. */
  pass: boolean | null;
}

const cpu = (p: Phase) => (p.cpuSeconds === undefined ? '–' : p.cpuSeconds);
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

export function evaluate(r: Results): Budget[] {
  const budgets: Budget[] = [];
  const add = (name: string, limit: string, measured: string, pass: boolean | null) =>
    budgets.push({ name, limit, measured, pass });

  const guide = r.pageTypes.find((p) => p.type === 'guide');
  if (guide)
    add(
      'guide page transfer (no images, gzip)',
      '≤ 14 KB',
      kb(guide.transfer),
      guide.transfer <= 14 * KB,
    );
  const css = Math.max(0, ...r.pageTypes.map((p) => p.css.gzip));
  add('CSS per page (gzip)', '≤ 8 KB', kb(css), css <= 8 * KB);
  // The search page is a tool, not a content page: its script is reported, not budgeted.
  const content = r.pageTypes.filter((p) => p.type !== 'search');
  const js = content.reduce(
    (m, p) => (p.js.gzip > m.js.gzip ? p : m),
    content[0] as PageTypeResult,
  );
  if (js)
    add(
      'JS at start, content pages (gzip)',
      '≤ 2 KB',
      `${kb(js.js.gzip)} (${js.type})`,
      js.js.gzip <= 2 * KB,
    );

  const buildLimit = r.entries <= 1000 ? 20 : r.entries <= 10_000 ? 60 : undefined;
  if (buildLimit)
    add(
      `build at ${r.entries} entries`,
      `≤ ${buildLimit} s`,
      // The CPU time and load say whether a FAIL is the build or a busy machine.
      `${r.buildSeconds.toFixed(1)} s${r.buildCpuSeconds ? ` (CPU ${r.buildCpuSeconds.toFixed(1)} s, load ${(r.machine.loadAverage[0] ?? 0).toFixed(1)})` : ''}`,
      r.buildSeconds <= buildLimit,
    );
  add('peak memory (RSS, process tree)', '≤ 3 GB', `${r.peakRssMB} MB`, r.peakRssMB <= 3 * KB);
  const first = r.search[0];
  if (first)
    add(
      `first search results downloaded (${first.mode})`,
      '≤ 150 KB (target at 1,000 entries)',
      kb(first.bytes),
      r.entries <= 1000 ? first.bytes <= 150 * KB : null,
    );
  add(
    'no page lists every entry (flat bytes per page)',
    'no page links > 50 entries',
    r.output.listsAll.length === 0 ? 'none' : r.output.listsAll.map((p) => p.path).join(', '),
    r.output.listsAll.length === 0,
  );
  for (const l of r.lighthouse ?? []) {
    const all = [l.performance, l.accessibility, l.bestPractices, l.seo];
    // The search page says noindex on purpose (a results page must not be indexed): that audit
    // is expected to fail there and is not counted.
    const seoFails = l.failing.filter((f) => f.startsWith('seo:'));
    const noindexOnly = l.type === 'search' && seoFails.join() === 'seo: is-crawlable';
    const pass =
      [l.performance, l.accessibility, l.bestPractices].every((s) => s === 100) &&
      (l.seo === 100 || noindexOnly);
    add(
      `Lighthouse mobile, ${l.type}`,
      '100/100/100/100',
      `${all.join('/')}${noindexOnly ? ' (SEO: noindex on purpose)' : ''}`,
      pass,
    );
  }
  return budgets;
}

/** A Markdown table: the first column aligned left, the others (numbers) right. */
export function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

export function toMarkdown(r: Results): string {
  const p = r.phases;
  const parts = [
    `# Benchmark: ${r.entries.toLocaleString('en')} entries`,
    `${r.date} · ${r.machine.cpus} CPUs, load average ${r.machine.loadAverage.map((l) => l.toFixed(1)).join(' → ')} (other work on the machine inflates wall-clock seconds; CPU seconds are steadier) · Node ${r.machine.node} · generated: ${Object.entries(
      r.generated,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} · caches: ${
      r.cmsBundle === 'cached'
        ? 'link-preview images empty, CMS admin bundle reused (--cms-cache, as in CI with a restored cache)'
        : 'all empty (cold build: link-preview images and the CMS admin bundle are drawn and bundled)'
    }`,
    '## Build',
    table(
      ['phase', 'wall seconds', 'CPU seconds', 'peak RSS MB'],
      [
        [
          `content check (beside Astro's start${p.contentCheck.waitedSeconds === undefined ? '' : `; Astro waited ${p.contentCheck.waitedSeconds} s`})`,
          p.contentCheck.seconds,
          '(in astro)',
          '(in astro)',
        ],
        ['astro build', p.astro.seconds, cpu(p.astro), p.astro.peakRssMB],
        [
          `pagefind (${p.pagefind.inBuild ? 'inside the astro build' : 'run separately'})`,
          p.pagefind.seconds,
          p.pagefind.inBuild ? '(in astro)' : cpu(p.pagefind),
          p.pagefind.inBuild ? '–' : p.pagefind.peakRssMB,
        ],
        [
          '**whole build**',
          `**${r.buildSeconds}**`,
          r.buildCpuSeconds ? `**${r.buildCpuSeconds}**` : '–',
          `**${r.peakRssMB}**`,
        ],
      ],
    ),
    ...listenSection(r),
    '## Output',
    `${r.output.htmlPages} HTML pages, ${(r.output.totalBytes / KB / KB).toFixed(1)} MB in all; HTML per page: median ${kb(r.output.htmlBytes.median)}, p95 ${kb(r.output.htmlBytes.p95)}, max ${kb(r.output.htmlBytes.max)}. Pagefind index: ${r.output.pagefindIndex.files} files, ${kb(r.output.pagefindIndex.bytes)}.`,
    '### Largest HTML pages',
    table(
      ['page', 'raw', 'gzip', 'links to entries', 'grows with N?'],
      r.output.largest.map((l) => [l.path, kb(l.bytes), kb(l.gzip), l.entryLinks, l.grows ?? '–']),
    ),
    r.output.listsAll.length > 0
      ? `**Pages that list every entry (grow with N):** ${r.output.listsAll.map((l) => `${l.path} (${l.entryLinks} links, ${kb(l.bytes)})`).join(', ')}`
      : 'No page links to more than 50 generated entries: listings paginate.',
    '## Per page type (Chromium, loaded at start, no images)',
    table(
      [
        'type',
        'page',
        'HTML gz / raw',
        'CSS gz / raw',
        'JS gz / raw',
        'other gz',
        'transfer gz',
        'requests',
      ],
      r.pageTypes.map((t) => [
        t.type,
        t.path,
        `${kb(t.html.gzip)} / ${kb(t.html.raw)}`,
        `${kb(t.css.gzip)} / ${kb(t.css.raw)}`,
        `${kb(t.js.gzip)} / ${kb(t.js.raw)}`,
        kb(t.other.gzip),
        kb(t.transfer),
        t.requests,
      ]),
    ),
    '## Search (Pagefind, throttled: 150 ms RTT, 1.6 Mbps down, 750 kbps up)',
    table(
      [
        'mode',
        'query',
        'downloaded until first results',
        'of which /pagefind/',
        'time to first results',
        'results',
      ],
      r.search.map((s) => [
        s.mode === 'ui' ? '/cari/ UI' : 'pagefind.js search() + 5 × data()',
        s.query,
        kb(s.bytes),
        kb(s.pagefindBytes),
        `${s.seconds} s`,
        s.results,
      ]),
    ),
  ];
  if (r.lighthouse) {
    parts.push(
      '## Lighthouse (mobile preset)',
      table(
        [
          'type',
          'perf',
          'a11y',
          'best pr.',
          'SEO',
          'LCP ms',
          'TBT ms',
          'CLS',
          'runs',
          'audits losing points',
        ],
        r.lighthouse.map((l) => [
          l.type,
          l.performance,
          l.accessibility,
          l.bestPractices,
          l.seo,
          l.lcpMs,
          l.tbtMs,
          l.cls,
          l.runs ?? 1,
          l.failing.join(', ') || '–',
        ]),
      ),
    );
  } else parts.push('Lighthouse skipped (--skip-lighthouse).');
  parts.push(
    '## Budgets',
    table(
      ['budget', 'limit', 'measured', 'result'],
      r.budgets.map((b) => [
        b.name,
        b.limit,
        b.measured,
        b.pass === null ? 'info' : b.pass ? 'PASS' : '**FAIL**',
      ]),
    ),
  );
  return `${parts.join('\n\n')}\n`;
}
