/**
 * The deployment pipeline keeps its promises: tests and audit gate every deploy, the site is
 * rebuilt daily, CMS pull requests get a preview, and /.well-known/ survives the Pages upload.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { exportedEnv } from '../../bench/lib/build-env.ts';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown> & { schedule?: { cron: string }[] };
  jobs: Record<string, { needs?: string | string[]; steps?: Step[]; if?: string }>;
}

const workflow = load(readFileSync('.github/workflows/site.yml', 'utf8')) as Workflow;
const steps = workflow.jobs['test']?.steps ?? [];

describe('the site workflow', () => {
  it('runs the same test script as local CI and fails on a high-severity audit finding', () => {
    expect(steps.some((s) => s.run?.trim() === 'bash .ci/run')).toBe(true);
    expect(steps.some((s) => /npm audit --omit=dev --audit-level=high/.test(s.run ?? ''))).toBe(
      true,
    );
  });

  it('rebuilds daily and on pushes, pull requests and demand', () => {
    expect(workflow.on.schedule?.[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(Object.keys(workflow.on)).toEqual(
      expect.arrayContaining(['push', 'pull_request', 'workflow_dispatch']),
    );
  });

  it('deploys to GitHub Pages only after the tests, keeping /.well-known/', () => {
    const deploy = workflow.jobs['deploy'];
    expect(deploy?.needs).toBe('test');
    expect(deploy?.steps?.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.['include-hidden-files']).toBe(true);
    expect(upload?.if).not.toMatch(/pull_request'\s*$/);
  });

  it('builds the deployed site with the address GitHub Pages publishes to (SITE_URL)', () => {
    const pages = steps.find((s) => s.uses?.startsWith('actions/configure-pages@'));
    expect(pages?.id).toBeTruthy();
    const test = steps.find((s) => s.run?.trim() === 'bash .ci/run');
    expect(test?.env?.['SITE_URL']).toBe(`\${{ steps.${pages!.id}.outputs.base_url }}`);
    expect(steps.indexOf(pages!)).toBeLessThan(steps.indexOf(test!));
  });

  it('uploads a preview for the pull requests the CMS opens', () => {
    const preview = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(preview?.if).toMatch(/startsWith\(github\.head_ref, 'cms\/'\)/);
    expect(preview?.with?.['path']).toBe('dist/');
  });

  it('restores the image and CMS caches before the build, keyed so every run saves a fresh one', () => {
    const cacheAt = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    const testAt = steps.findIndex((s) => s.run?.trim() === 'bash .ci/run');
    expect(cacheAt).toBeGreaterThanOrEqual(0);
    expect(cacheAt).toBeLessThan(testAt);
    const cache = steps[cacheAt]!;
    expect(String(cache.with?.['path'])).toContain('node_modules/.cache/og-images');
    expect(String(cache.with?.['path'])).toContain('node_modules/.cache/cms-admin');
    // Astro's cacheDir: its content layer and the incremental build's record (astro.config.mjs).
    const paths = String(cache.with?.['path']).trim().split('\n');
    // The builds run over their previous output, which holds the reused pages
    // (src/integrations/previous-output.ts); Astro keeps no copy of them in its cacheDir.
    for (const out of ['dist', 'dist-examples', 'dist-fixtures']) expect(paths).toContain(out);
    // Which cacheDir built each output last: without it no output is trusted.
    expect(paths).toContain('node_modules/.cache/previous-output');
    // The pages prepared for the search index (src/platform/search/prepared-pages.ts).
    expect(paths).toContain('node_modules/.cache/search-index');
    // What the content check found in each file (src/platform/content/check-cache.ts).
    expect(paths).toContain('node_modules/.cache/content-check');
    for (const dir of [
      'node_modules/.astro',
      'node_modules/.astro-examples',
      'node_modules/.astro-trees',
    ])
      expect(paths).toContain(dir);
    // A fixed key would be saved once and never updated: the newest entry must win.
    expect(String(cache.with?.['key'])).toMatch(/\$\{\{ github\.run_id \}\}/);
    expect(cache.with?.['restore-keys']).toBeTruthy();
  });

  it("keeps Node's compile cache where every build script puts it", () => {
    const scripts = (
      JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    const builds = Object.entries(scripts).filter(([name]) => /^build(:|$)/.test(name));
    expect(builds.length).toBeGreaterThan(0);
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
    const paths = String(cache?.with?.['path']).trim().split('\n');
    for (const [name, command] of builds) {
      // Exported before the first step, so the check, Astro and the search index all use it.
      const dir = exportedEnv(command)['NODE_COMPILE_CACHE'];
      expect(dir, name).toBeTruthy();
      expect(paths, name).toContain(dir);
    }
  });
});
