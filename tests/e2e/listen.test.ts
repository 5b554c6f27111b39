/**
 * "Dengarkan" (listen), thumb-sized actions and what offline reading costs, in Chromium against the
 * built site: every guide and programme page carries audio that plays without JavaScript, a played
 * audio plays again offline, primary actions are at least 44 × 44 px on a 360 px phone.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { builtPages, DIST, siteUrl, useBrowser } from './site.ts';

const browser = useBrowser();

const pages = builtPages();
const READ_ALOUD = /^\/(en\/)?(panduan\/(?!cetak\/)[^/]+|program\/[^/]+)\/$/;
const readAloud = pages.filter((p) => READ_ALOUD.test(p.path));
const guides = readAloud.filter((p) => p.path.includes('/panduan/'));

/** Duration in seconds as Chromium's media stack decodes it, for each address. */
async function durations(page: Page, srcs: string[]): Promise<number[]> {
  return page.evaluate(
    (list) =>
      Promise.all(
        list.map(
          (src) =>
            new Promise<number>((resolve, reject) => {
              const audio = new Audio();
              audio.preload = 'metadata';
              audio.onloadedmetadata = () => resolve(audio.duration);
              audio.onerror = () => reject(new Error(`${src}: ${audio.error?.message}`));
              audio.src = src;
            }),
        ),
      ),
    srcs,
  );
}

describe('Dengarkan: every guide and programme page can be listened to', () => {
  it('has a plain player that costs nothing until pressed, and a download link', () => {
    expect(guides.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const page of readAloud) {
      const audio = page.root.querySelector('.listen audio');
      const download = page.root.querySelector('.listen a[download]');
      const src = audio?.getAttribute('src') ?? '';
      if (
        !audio ||
        audio.getAttribute('preload') !== 'none' ||
        !audio.hasAttribute('controls') ||
        !/^\/audio\/[0-9a-f]+\.mp3$/.test(src) ||
        download?.getAttribute('href') !== src ||
        !existsSync(join(DIST, src))
      ) {
        missing.push(page.path);
      }
    }
    expect(missing).toEqual([]);
  });

  it('says how long the audio is and how much it downloads, truthfully', () => {
    for (const page of readAloud) {
      const src = page.root.querySelector('.listen audio')?.getAttribute('src') ?? '';
      const meta = page.root.querySelector('.listen__meta')?.text ?? '';
      const match = /\((\d+) (?:menit|min), (\d+) KB\)/.exec(meta);
      expect(match, `${page.path}: "${meta}"`).not.toBeNull();
      const kb = Math.round(statSync(join(DIST, src)).size / 1024);
      expect(Number(match?.[2]), page.path).toBe(Math.max(1, kb));
    }
  });

  it('reads the page in its language, with the guide text and not the navigation', () => {
    const en = readAloud.filter((p) => p.path.startsWith('/en/'));
    for (const page of en) {
      expect(page.root.querySelector('.listen')?.text, page.path).toMatch(/Listen to this page/);
    }
    // The player sits after the title and lead, inside the article, and is left out of search.
    for (const page of guides) {
      const player = page.root.querySelector('article .listen');
      expect(player?.getAttribute('data-pagefind-ignore'), page.path).not.toBeUndefined();
    }
  });

  it('plays with JavaScript off: audio/mpeg with the length of a read guide', async () => {
    const base = inject('baseUrl');
    const context = await browser().newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const srcs: string[] = [];
      for (const guide of guides) {
        await page.goto(`${base}${guide.path}`);
        const player = page.locator('.listen audio');
        expect(await player.isVisible(), guide.path).toBe(true);
        const src = (await player.getAttribute('src')) ?? '';
        const response = await context.request.get(`${base}${src}`);
        expect(response.status(), src).toBe(200);
        expect(response.headers()['content-type'], src).toBe('audio/mpeg');
        srcs.push(src);
      }
      // Decoding needs the media stack, not the page's JavaScript: measured in a second context.
      const probe = await (await browser().newContext()).newPage();
      await probe.goto(`${base}/`);
      const seconds = await durations(probe, srcs);
      seconds.forEach((s, i) => expect(s, srcs[i]).toBeGreaterThan(20));
      await probe.context().close();
    } finally {
      await context.close();
    }
  });

  it('plays when pressed, and plays again offline once heard', async () => {
    const server = await startServer({ root: DIST, port: 0 });
    const context = await browser().newContext();
    try {
      const page = await context.newPage();
      const guide = guides[0]!.path;
      await page.goto(`${server.url}${guide}`);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const src = (await page.locator('.listen audio').getAttribute('src')) ?? '';
      await page.evaluate(async () => {
        const audio = document.querySelector<HTMLAudioElement>('.listen audio')!;
        audio.muted = true;
        await audio.play();
      });
      await page.waitForFunction(
        () => (document.querySelector<HTMLAudioElement>('.listen audio')?.currentTime ?? 0) > 0.2,
      );
      await page.waitForFunction(
        async (path) => Boolean(await (await caches.open('ma-audio')).match(path)),
        src,
      );
      server.server.closeAllConnections();
      await server.close();
      await context.setOffline(true);
      const offline = await page.evaluate(async (path) => {
        const audio = new Audio(path);
        audio.muted = true;
        const playing = new Promise<void>((resolve, reject) => {
          audio.ontimeupdate = () => audio.currentTime > 0 && resolve();
          audio.onerror = () => reject(new Error(`offline: ${audio.error?.message}`));
        });
        await audio.play();
        await playing;
        return { duration: audio.duration, time: audio.currentTime };
      }, src);
      expect(offline.duration).toBeGreaterThan(20);
      expect(offline.time).toBeGreaterThan(0);
      // Never fetched ahead: other guides' audio is not kept.
      const kept = await page.evaluate(async () =>
        (await (await caches.open('ma-audio')).keys()).map((r) => new URL(r.url).pathname),
      );
      expect(kept).toEqual([src]);
    } finally {
      await context.close();
      server.server.closeAllConnections();
      await server.close().catch(() => undefined);
    }
  });
});

describe('Thumb-sized actions on a 360 px phone', () => {
  const session = pages.find((p) => /^\/pelatihan\/[^/]+\/[^/]+\/$/.test(p.path))?.path;
  const targets: [string, string][] = [
    [guides[0]?.path ?? '/panduan/', '.listen audio, .listen a[download], .share-wa'],
    ['/jadwal/', '.session-actions a, a.action'],
    [session ?? '/jadwal/', '.session-actions a, a.action'],
  ];

  it.each(targets)('%s: actions are at least 44 × 44 px, 8 px apart', async (path, selector) => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      await page.goto(siteUrl(path));
      const boxes = await page.$$eval(selector, (els) =>
        els
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { what: el.outerHTML.slice(0, 80), x: r.x, y: r.y, w: r.width, h: r.height };
          }),
      );
      expect(boxes.length, path).toBeGreaterThan(0);
      for (const b of boxes) {
        expect(b.w, b.what).toBeGreaterThanOrEqual(44);
        expect(b.h, b.what).toBeGreaterThanOrEqual(44);
      }
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const gapX = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w));
          const gapY = Math.max(b.y - (a.y + a.h), a.y - (b.y + b.h));
          expect(Math.max(gapX, gapY), `${a.what} / ${b.what}`).toBeGreaterThanOrEqual(8);
        }
      }
    } finally {
      await context.close();
    }
  });
});

describe('What offline reading costs', () => {
  it('is said on the journey page with the measured size, only when the worker will run', async () => {
    for (const path of ['/panduan/', '/en/panduan/']) {
      const page = pages.find((p) => p.path === path)!;
      const note = page.root.querySelector('[data-offline-note="full"]');
      expect(note?.hasAttribute('hidden'), path).toBe(true);
      expect(note?.querySelector('[data-offline-size]')?.text, path).toMatch(/^\d+ KB$/);
    }
    const context = await browser().newContext();
    try {
      const page = await context.newPage();
      await page.goto(siteUrl('/panduan/'));
      await expect.poll(() => page.locator('[data-offline-note="full"]').isVisible()).toBe(true);
      expect(await page.locator('[data-offline-note="save-data"]').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('with Save-Data on, says that only opened pages are kept', async () => {
    const context = await browser().newContext();
    try {
      await context.addInitScript(() =>
        Object.defineProperty(navigator, 'connection', { value: { saveData: true } }),
      );
      const page = await context.newPage();
      await page.goto(siteUrl('/panduan/'));
      await expect
        .poll(() => page.locator('[data-offline-note="save-data"]').isVisible())
        .toBe(true);
      expect(await page.locator('[data-offline-note="full"]').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
