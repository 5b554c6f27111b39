/**
 * A small static server for the built site (dist/), used by `npm run preview`, the browser tests
 * and the benchmark. It serves directory indexes, the 404 page, correct content types and gzip.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { headersForPath, parseHeadersFile } from '../src/platform/security/headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest))|image\/svg/;

export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

export interface ServeOptions {
  root?: string;
  port?: number;
  host?: string;
  /** Extra response headers per path, e.g. read from a _headers file. */
  headersFor?: (path: string) => Record<string, string>;
}

/**
 * The `headersFor` hook that sends what a static host would send from `<root>/_headers` (written by
 * the build), or undefined when the build wrote none.
 */
export function headersFromFile(
  root = 'dist',
): ((path: string) => Record<string, string>) | undefined {
  const file = join(resolve(root), '_headers');
  if (!existsSync(file)) return undefined;
  const rules = parseHeadersFile(readFileSync(file, 'utf8'));
  return (path) => headersForPath(rules, path);
}

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  const decoded = decodeURIComponent(urlPath);
  const target = normalize(join(root, decoded));
  if (!target.startsWith(root)) return null;
  try {
    const info = await stat(target);
    if (info.isFile()) return target;
    if (info.isDirectory()) {
      const index = join(target, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    // fall through
  }
  return null;
}

export async function startServer(
  options: ServeOptions = {},
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const root = resolve(options.root ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const extra = options.headersFor?.(url.pathname) ?? {};
    // Directory URLs without a trailing slash redirect, as static hosts do.
    if (!extname(url.pathname) && !url.pathname.endsWith('/')) {
      const dir = await resolveFile(root, `${url.pathname}/`);
      if (dir) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}`, ...extra });
        res.end();
        return;
      }
    }
    let file = await resolveFile(root, url.pathname);
    let status = 200;
    if (!file) {
      file = await resolveFile(root, '/404.html');
      status = 404;
    }
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end('Not found');
      return;
    }
    let body: Buffer = await readFile(file);
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      ...extra,
    };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    // Audio players ask for byte ranges (to seek), as static hosts answer them.
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers['range'] ?? ''));
    if (range && status === 200 && !headers['Content-Encoding']) {
      const size = body.length;
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      headers['Accept-Ranges'] = 'bytes';
      if (start > end || start >= size) {
        res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
        res.end();
        return;
      }
      body = body.subarray(start, end + 1);
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
      status = 206;
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, host, done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env['PORT'] ?? 4321);
  const headersFor = headersFromFile('dist');
  const { url } = await startServer({ port, ...(headersFor ? { headersFor } : {}) });
  console.log(`Serving dist/ at ${url}/`);
}
