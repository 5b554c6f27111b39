/** What a build wrote: HTML page sizes, the largest pages, and pages that list too many entries. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageSize {
  path: string;
  bytes: number;
  gzip: number;
  /** Links to generated entries on this page: a page listing every entry grows with N. */
  entryLinks: number;
}

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function urlPath(outDir: string, file: string): string {
  const rel = relative(outDir, file).split('\\').join('/');
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

const ENTRY_LINK = /href="[^"]*\/(?:panduan|berita|pelatihan)\/bench-[a-z]+-\d+\/"/g;

export function htmlPages(outDir: string): PageSize[] {
  return walk(outDir)
    .filter((f) => f.endsWith('.html') && !f.includes('/admin/'))
    .map((file) => {
      const buf = readFileSync(file);
      return {
        path: urlPath(outDir, file),
        bytes: buf.length,
        gzip: gzipSync(buf).length,
        entryLinks: (buf.toString('utf8').match(ENTRY_LINK) ?? []).length,
      };
    });
}

export function dirBytes(dir: string): { files: number; bytes: number } {
  try {
    const files = walk(dir);
    return { files: files.length, bytes: files.reduce((s, f) => s + statSync(f).size, 0) };
  } catch {
    return { files: 0, bytes: 0 };
  }
}

/** Median and percentiles of a list of numbers. */
export function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { count: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}
