/**
 * The search index outside Astro's process: `npm run build` runs Astro with
 * MIGRASI_SEARCH_INDEX=after (the build hook then leaves the index alone) and then
 * scripts/search-index.ts, which indexes the built site and stamps its search pages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import pagefindIntegration from '../../src/integrations/pagefind.ts';
import { INDEX_TAG_PLACEHOLDER } from '../../src/platform/search/search.ts';

const dirs: string[] = [];
// The pages prepared for the index are kept in a folder of the test's own.
const searchCache = mkdtempSync(join(tmpdir(), 'migrasi-search-cache-'));
process.env['MIGRASI_SEARCH_CACHE'] = searchCache;
afterAll(() => {
  rmSync(searchCache, { recursive: true, force: true });
  delete process.env['MIGRASI_SEARCH_CACHE'];
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  delete process.env['MIGRASI_SEARCH_INDEX'];
});

function page(lang: string, title: string, text: string): string {
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

/** A small built site: two pages per language and the two search pages with the placeholder. */
function builtSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrasi-search-site-'));
  dirs.push(dir);
  const files: Record<string, string> = {
    'index.html': page('id', 'Beranda', 'Migrasi aman untuk pekerja migran.'),
    'panduan/paspor/index.html': page('id', 'Paspor', 'Cara membuat paspor di kantor imigrasi.'),
    'en/index.html': page('en', 'Home', 'Safe migration for migrant workers.'),
    'en/panduan/paspor/index.html': page('en', 'Passport', 'How to get a passport.'),
    'cari/index.html': `<html lang="id"><body><div data-index-tag="${INDEX_TAG_PLACEHOLDER}"></div></body></html>`,
    'en/cari/index.html': `<html lang="en"><body><div data-index-tag="${INDEX_TAG_PLACEHOLDER}"></div></body></html>`,
  };
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

function script(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/search-index.ts', ...args], { encoding: 'utf8' });
}

const logger = { info: () => undefined } as never;
type BuildDone = (options: { dir: URL; logger: never }) => Promise<void>;
const hook = (dir: string) =>
  (pagefindIntegration().hooks['astro:build:done'] as unknown as BuildDone)({
    dir: pathToFileURL(`${dir}/`),
    logger,
  });

describe('the search index after the build', () => {
  it('indexes every language of a built site and stamps its search pages', () => {
    const site = builtSite();
    const run = script(site);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('indexed 4 pages');
    const entry = JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'id']);
    for (const search of ['cari/index.html', 'en/cari/index.html']) {
      const html = readFileSync(join(site, search), 'utf8');
      expect(html).not.toContain(INDEX_TAG_PLACEHOLDER);
      expect(html).toMatch(/data-index-tag="[0-9a-f]{12}"/);
    }
  });

  it('refuses, in Indonesian and naming the folder, a folder with no built site', () => {
    const empty = mkdtempSync(join(tmpdir(), 'migrasi-search-empty-'));
    dirs.push(empty);
    const run = script(empty);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Indeks pencarian tidak bisa dibuat: ${empty}`);
    expect(existsSync(join(empty, 'pagefind'))).toBe(false);
  });

  it('leaves the index to the script when the build runs with MIGRASI_SEARCH_INDEX=after', async () => {
    const later = builtSite();
    process.env['MIGRASI_SEARCH_INDEX'] = 'after';
    await hook(later);
    expect(existsSync(join(later, 'pagefind'))).toBe(false);

    // A plain `astro build` indexes in its last hook.
    const now = builtSite();
    delete process.env['MIGRASI_SEARCH_INDEX'];
    await hook(now);
    expect(existsSync(join(now, 'pagefind/pagefind-entry.json'))).toBe(true);
  });
});
