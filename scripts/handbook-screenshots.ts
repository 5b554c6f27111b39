/**
 * Takes the editor's handbook's screenshots from the real CMS (`npm run handbook:screenshots`,
 * after a build): the built admin page, decap-server on a temporary copy of the content (nothing
 * is saved to content/), Chromium. Writes small palette PNGs and a manifest with the CMS's
 * fingerprint (scripts/handbook-fingerprint.ts), which a unit test compares with the CMS of now.
 *
 * What is typed here is example text, marked as such, and never saved.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchChromium } from '../tests/e2e/browser.ts';
import { fillNews, openAdmin, startDecapCopy } from './cms-harness.ts';
import {
  handbookFingerprint,
  MANIFEST,
  SCREENSHOT_DIR,
  sha256,
  type Manifest,
} from './handbook-fingerprint.ts';
import { headersFromFile, startServer } from './serve.ts';

const VIEWPORT = { width: 1200, height: 760 };

/** A palette PNG: UI screenshots have few colours, so 64 keep them readable and small. */
async function save(name: string, png: Buffer, files: Record<string, string>) {
  const small = await sharp(png)
    .resize({ width: 960, withoutEnlargement: true })
    .png({ palette: true, colours: 64, compressionLevel: 9, effort: 10 })
    .toBuffer();
  writeFileSync(join(SCREENSHOT_DIR, name), small);
  files[name] = sha256(small);
  process.stdout.write(`  ${name} (${Math.round(small.length / 1024)} KB)\n`);
}

const shot = (target: Page | Locator) => target.screenshot({ animations: 'disabled' });

function firstEntry(folder: string, test: (text: string) => boolean): string {
  const found = readdirSync(join('content', folder))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .find((f) => test(readFileSync(join('content', folder, f), 'utf8')));
  if (!found) throw new Error(`handbook-screenshots: no entry in content/${folder} to show`);
  return found.replace(/\.mdx$/, '');
}

async function main() {
  const headersFor = headersFromFile('dist');
  if (!headersFor) throw new Error('dist/ is missing: run `npm run build` first.');
  const { url, close } = await startServer({ root: 'dist', headersFor });
  const decap = await startDecapCopy();
  const browser = await launchChromium();
  // An office computer in Indonesia: Indonesian browser, WIB.
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const files: Record<string, string> = {};
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  try {
    // 1. The sign-in screen.
    const login = await context.newPage();
    await login.goto(`${url}/admin/?decap=${decap.port}#/`);
    await login.getByRole('button', { name: 'Masuk' }).waitFor();
    await save('masuk.png', await shot(login), files);
    await login.close();

    const open = (route: string, ready?: string) =>
      openAdmin(() => context.newPage(), url, decap.port, route, ready);

    // 2. The list of news items.
    const list = await open('/collections/berita', '[class*="ListCard"], [class*="GridCard"]');
    await save('daftar-berita.png', await shot(list), files);
    await list.close();

    // 3. A new news item, typed in, with its preview.
    const news = await open('/collections/berita/new');
    await fillNews(news, {
      title: 'Contoh: pendaftaran pelatihan menjahit dibuka',
      date: '2026-12-01T08:00',
      summary: 'Contoh ringkasan: pendaftaran dibuka untuk purna PMI dan keluarganya.',
      body: 'Contoh isi berita. Tulis siapa, apa, kapan dan di mana.',
    });
    await news.frameLocator('#preview-pane').locator('h1').getByText('Contoh:').waitFor();
    await save('berita-baru.png', await shot(news), files);

    // 4. The publish menu.
    await news.getByRole('button', { name: 'Terbitkan' }).click();
    await news.getByText('Terbitkan sekarang').waitFor();
    await save('terbitkan.png', await shot(news), files);
    await news.keyboard.press('Escape');

    // 5. A save refused: the summary is too short.
    await fillNews(news, { summary: 'Pendek' });
    await news.getByRole('button', { name: 'Terbitkan' }).click();
    await news.getByText('Terbitkan sekarang').click();
    // The refusal: on the field, or as a notice naming the field.
    await news
      .locator('[class*="ControlErrorsList"] li')
      .or(news.getByText(/belum benar/))
      .first()
      .waitFor();
    await save('simpan-ditolak.png', await shot(news), files);
    await news.close();

    // 6. A new session in a course: a new course, so the picture never shows an office's real
    // course (and works when content/pelatihan/ holds none yet). Nothing is saved.
    const course = await open('/collections/pelatihan/new');
    await course.getByRole('button', { name: /Tambah sesi/i }).click();
    const start = course.locator('[id^="start-field"]').last();
    await start.fill('09-01-2027 08.00');
    await course.locator('[id^="end-field"]').last().fill('09-01-2027 15.00');
    await course.locator('[id^="deadline-field"]').last().fill('05-01-2027');
    await start.scrollIntoViewIfNeeded();
    await save('sesi-baru.png', await shot(course), files);
    await course.close();

    // 7. A guide's "perlu dicek ulang" note in the preview.
    const guideSlug = firstEntry('panduan/id', (t) => /\nneedsCheck:\s*\n\s+- /.test(t));
    const guide = await open(`/collections/panduan/entries/${guideSlug}`);
    const note = guide.frameLocator('#preview-pane').locator('[aria-labelledby="perlu-dicek"]');
    await note.waitFor();
    await note.scrollIntoViewIfNeeded();
    await save('perlu-dicek-ulang.png', await shot(guide), files);
    await guide.close();
  } finally {
    await browser.close();
    decap.stop();
    await close();
  }
  const manifest: Manifest = { cms: handbookFingerprint(), files };
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`handbook screenshots written to ${SCREENSHOT_DIR}/\n`);
}

await main();
