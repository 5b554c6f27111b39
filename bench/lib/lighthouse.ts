/** Lighthouse (mobile preset: the default config) for each page type, in Debian's Chromium. */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from '../../tests/e2e/browser.ts';
import { serveWithLog } from './serve-log.ts';

export interface LighthouseResult {
  type: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits that cost points, to see at once why a score is below 100. */
  failing: string[];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export async function runLighthouse(
  outDir: string,
  pages: { type: string; path: string }[],
): Promise<LighthouseResult[]> {
  const server = await serveWithLog(outDir);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic'],
  });
  const results: LighthouseResult[] = [];
  try {
    for (const { type, path } of pages) {
      const runner = await lighthouse(`${server.url}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
      });
      const lhr = runner?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const failing = Object.values(lhr.categories).flatMap((cat) =>
        cat.auditRefs
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a && a.score !== null && a.score < 1)
          .map((a) => `${cat.id}: ${a?.id}`),
      );
      results.push({
        type,
        path,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: Math.round(numeric('largest-contentful-paint')),
        tbtMs: Math.round(numeric('total-blocking-time')),
        cls: Math.round(numeric('cumulative-layout-shift') * 1000) / 1000,
        failing,
      });
      console.log(
        `    lighthouse ${type}: ${score('performance')}/${score('accessibility')}/${score('best-practices')}/${score('seo')}`,
      );
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return results;
}
