/**
 * The real CMS in a real browser, for the browser tests and the handbook's screenshots: the built
 * admin page from dist/, a decap-server writing into a temporary copy of the project (so nothing
 * here touches content/), and Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { entryExtension } from '../src/model/collections.ts';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

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

export interface DecapCopyOptions {
  /** The project to copy (default: this folder). */
  root?: string;
  /**
   * What to copy, folders and files, relative to the root: by default what the CMS reads and
   * writes (content/ and src/assets/); more when the copy must build too.
   */
  copy?: readonly string[];
  /** Adds test files to the copy before decap-server starts. */
  prepare?: (repo: string) => void;
}

/** Copies the project's content (or more) to a temporary folder and serves it with decap-server. */
export async function startDecapCopy({
  root = resolve('.'),
  copy = ['content', 'src/assets'],
  prepare,
}: DecapCopyOptions = {}): Promise<DecapCopy> {
  const repo = mkdtempSync(join(tmpdir(), 'migrasi-aman-cms-'));
  for (const path of copy) cpSync(join(root, path), join(repo, path), { recursive: true });
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

/** The alternative text of the picture that writePhotoNews() writes. */
export const TEST_PHOTO_ALT = 'Kotak abu-abu sebagai foto uji';

/**
 * Writes an uploaded picture (a grey PNG of the given size, src/assets/media/<picture>.png) and a
 * news item <slug> that shows it, into a temporary copy: test files that content/ never holds.
 */
export function writePhotoNews(
  repo: string,
  { slug, title, picture, width, height, body = ['Isi berita.'] }: PhotoNews,
): void {
  const photo = new PNG({ width, height });
  photo.data.fill(0x80);
  writeFileSync(join(repo, `src/assets/media/${picture}.png`), PNG.sync.write(photo));
  writeFileSync(
    join(repo, `content/berita/id/${slug}.${entryExtension('berita')}`),
    [
      '---',
      `title: ${title}`,
      'date: 2026-11-01T08:00:00+07:00',
      'summary: Berita untuk uji otomatis gambar; berkas ini hanya ada di salinan sementara.',
      'image:',
      `  src: /media/${picture}.png`,
      `  alt: ${TEST_PHOTO_ALT}`,
      '---',
      '',
      ...body,
      '',
    ].join('\n'),
  );
}

export interface PhotoNews {
  slug: string;
  title: string;
  /** The picture's file name, without .png. */
  picture: string;
  width: number;
  height: number;
  /** The body's lines (default: one sentence). */
  body?: string[];
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

/** Types a news item's fields into the open form; the fields left out stay as they are. */
export async function fillNews(
  page: Page,
  fields: { title?: string; date?: string; summary?: string; body?: string },
): Promise<void> {
  if (fields.title !== undefined) await page.locator('[id^="title-field"]').fill(fields.title);
  if (fields.date !== undefined) await page.locator('[id^="date-field"]').fill(fields.date);
  if (fields.summary !== undefined) {
    await page.locator('[id^="summary-field"]').fill(fields.summary);
  }
  if (fields.body !== undefined) {
    await page.locator('[data-slate-editor]').first().click();
    await page.keyboard.insertText(fields.body);
  }
}
