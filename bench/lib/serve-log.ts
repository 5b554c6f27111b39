/** The project's static server (scripts/serve.ts) with a log of every response and its size. */
import { statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { startServer } from '../../scripts/serve.ts';

export interface Served {
  path: string;
  status: number;
  /** Bytes of the body as sent (gzip when the browser asked for it). */
  sent: number;
  /** Bytes of the file on disk. */
  raw: number;
  kind: 'html' | 'css' | 'js' | 'image' | 'font' | 'other';
  at: number;
}

const IMAGE = new Set(['.png', '.jpg', '.jpeg', '.webp', '.avif', '.svg', '.ico', '.gif']);

function kindOf(path: string, type: string): Served['kind'] {
  const ext = extname(path).toLowerCase();
  if (type.startsWith('text/html')) return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (IMAGE.has(ext)) return 'image';
  if (ext === '.woff2' || ext === '.woff') return 'font';
  return 'other';
}

function rawSize(root: string, path: string): number {
  const target = join(root, decodeURIComponent(path));
  try {
    const info = statSync(target);
    return info.isDirectory() ? statSync(join(target, 'index.html')).size : info.size;
  } catch {
    return 0;
  }
}

export async function serveWithLog(root: string) {
  const server = await startServer({ root });
  const log: Served[] = [];
  // Runs after the server's own handler has started; it answers later (after awaiting the disk),
  // so patching writeHead here sees every response.
  server.server.on('request', (req, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
    res.writeHead = ((status: number, headers?: Record<string, string>) => {
      const type = headers?.['Content-Type'] ?? '';
      log.push({
        path,
        status,
        sent: Number(headers?.['Content-Length'] ?? 0),
        raw: rawSize(root, path),
        kind: kindOf(path, type),
        at: performance.now(),
      });
      return writeHead(status, headers);
    }) as typeof res.writeHead;
  });
  return { ...server, log };
}
