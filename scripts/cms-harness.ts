/**
 * The real CMS in a real browser, for the browser tests and the handbook's screenshots: the built
 * admin page from dist/, a decap-server writing into a temporary copy of the project (so nothing
 * here touches content/), and Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitForDecap(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'info' }),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`decap-server did not start on port ${port}`);
}

export interface DecapCopy {
  /** The temporary copy of the project that decap-server reads and writes. */
  repo: string;
  port: number;
  stop(): void;
}

/** Copies content/ and src/assets/ to a temporary folder and serves it with decap-server. */
export async function startDecapCopy(
  root = resolve('.'),
  prepare?: (repo: string) => void,
): Promise<DecapCopy> {
  const repo = mkdtempSync(join(tmpdir(), 'migrasi-aman-cms-'));
  cpSync(join(root, 'content'), join(repo, 'content'), { recursive: true });
  cpSync(join(root, 'src/assets'), join(repo, 'src/assets'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'), 'dir');
  prepare?.(repo);
  const port = await freePort();
  const decap: ChildProcess = spawn(join(root, 'node_modules/.bin/decap-server'), [], {
    env: { ...process.env, PORT: String(port), MODE: 'fs', GIT_REPO_DIRECTORY: repo },
    stdio: 'ignore',
  });
  await waitForDecap(port);
  return {
    repo,
    port,
    stop() {
      decap.kill();
      rmSync(repo, { recursive: true, force: true });
    },
  };
}

/** Opens an admin route in a fresh tab, signing in to the local backend when asked. */
export async function openAdmin(
  newPage: () => Promise<Page>,
  baseUrl: string,
  decapPort: number,
  route: string,
  ready = '[id^="title-field"], [id^="name-field"]',
): Promise<Page> {
  const page = await newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${baseUrl}/admin/?decap=${decapPort}#${route}`);
  const login = page.getByRole('button', { name: 'Masuk' });
  const target = page.locator(ready).first();
  await Promise.race([login.waitFor(), target.waitFor()]);
  if (await login.isVisible()) await login.click();
  await target.waitFor();
  return page;
}
