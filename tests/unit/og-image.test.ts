/** Link-preview images: the indexed PNG holds exactly resvg's pixels, and the worker pool draws them. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import satori from 'satori';
import {
  card,
  cardFonts,
  cardSvg,
  OG_HEIGHT,
  OG_WIDTH,
  palettePng,
  renderCard,
  withoutUnusedMasks,
  youngCollector,
  type OgCard,
} from '~/platform/cards/og-render.ts';
import { runInNewContext } from 'node:vm';
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';

const cache = mkdtempSync(join(tmpdir(), 'og-cache-'));
process.env['MIGRASI_OG_CACHE'] = cache;
const { cardsNotTaken, renderOgImage } = await import('~/platform/cards/og-image.ts');
const { startMoreWorkers } = await import('~/platform/cards/og-handoff.ts');
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const CARD: OgCard = {
  title: 'Cek izin P3MI sebelum membayar apa pun',
  kicker: 'Panduan',
  siteName: 'Migrasi Aman',
  footer: 'Kabupaten Blitar · migrasi.example.id',
};

function decode(png: Buffer) {
  return PNG.sync.read(png);
}

describe('palettePng', () => {
  it('keeps every pixel of an opaque image with few colours', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">
      <rect width="40" height="20" fill="#fff"/><circle cx="10" cy="10" r="7" fill="#0b4f4a"/>
      <rect x="22" y="3" width="15" height="14" fill="#1b1b1b" transform="rotate(10 30 10)"/></svg>`;
    const image = new Resvg(svg).render();
    const png = palettePng(image.pixels, image.width, image.height);
    expect(png).toBeDefined();
    // Colour type 3 (indexed) in the header.
    expect(png![25]).toBe(3);
    const back = decode(png!);
    expect([back.width, back.height]).toEqual([40, 20]);
    expect(Buffer.from(back.data).equals(Buffer.from(image.pixels))).toBe(true);
  });

  it('reads pixels that do not start on a four-byte boundary', () => {
    const image = new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="9" height="5"><rect width="9" height="5" fill="#fff"/><circle cx="4" cy="2" r="2" fill="#0b4f4a"/></svg>`,
    ).render();
    const aligned = palettePng(image.pixels, image.width, image.height)!;
    // A typed array and a Buffer, whose slice is a view rather than a copy.
    for (const whole of [
      new Uint8Array(image.pixels.length + 1),
      Buffer.alloc(image.pixels.length + 1),
    ]) {
      const shifted = whole.subarray(1);
      shifted.set(image.pixels);
      const png = palettePng(shifted, image.width, image.height);
      expect(png).toBeDefined();
      expect(png!.equals(aligned)).toBe(true);
      expect(Buffer.from(decode(png!).data).equals(Buffer.from(image.pixels))).toBe(true);
    }
  });

  it('keeps every pixel where rows repeat the row above, or differ from it in one pixel', () => {
    const [W, G, K] = [
      [255, 255, 255, 255],
      [11, 79, 74, 255],
      [27, 27, 27, 255],
    ];
    const rows = [
      [W, G, G, K],
      [W, G, G, K],
      [W, G, G, K],
      [W, G, G, W], // the last pixel differs
      [K, G, G, W], // the first one differs
      [K, G, G, W],
      [G, G, G, G], // starts with the colour the row above ended with
      [G, G, G, G],
    ];
    const pixels = new Uint8Array(rows.flat(2));
    const png = palettePng(pixels, 4, rows.length);
    expect(png).toBeDefined();
    expect(Buffer.from(decode(png!).data).equals(Buffer.from(pixels))).toBe(true);
    // A repeated row after a transparent pixel does not hide it.
    const transparent = new Uint8Array(rows.flat(2));
    transparent[3] = 128;
    expect(palettePng(transparent, 4, rows.length)).toBeUndefined();
  });

  it('refuses an image with transparency or with more than 256 colours', () => {
    const transparent = new Uint8Array([255, 255, 255, 255, 0, 0, 0, 128]);
    expect(palettePng(transparent, 2, 1)).toBeUndefined();
    const many = new Uint8Array(300 * 4);
    for (let i = 0; i < 300; i++) many.set([i % 256, i >> 8, 7, 255], i * 4);
    expect(palettePng(many, 300, 1)).toBeUndefined();
    // The same colours minus the last 44 fit.
    expect(palettePng(many.subarray(0, 256 * 4), 256, 1)).toBeDefined();
  });
});

describe('the card', () => {
  type Box = { type: string; props: { style: Record<string, unknown>; children: Box[] } };

  it('draws its green bar as a box, the same pixels as a top border, without clip paths or masks', async () => {
    // The plain way to write the design: the content box with a top border. Satori draws a
    // border under clip paths, which cost resvg a third of the card.
    const [bar, content] = (card(CARD) as unknown as Box).props.children;
    const bordered = {
      ...content!,
      props: {
        ...content!.props,
        style: {
          ...content!.props.style,
          background: '#ffffff',
          borderTop: `${bar!.props.style['height']}px solid ${bar!.props.style['background']}`,
        },
      },
    };
    const reference = await satori(bordered as never, {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      fonts: cardFonts(),
    });
    expect(reference).toContain('clip-path');
    const svg = await cardSvg(CARD);
    expect(svg).not.toMatch(/clip-?[Pp]ath|<mask/);
    const draw = (s: string) =>
      Buffer.from(new Resvg(s, { font: { loadSystemFonts: false } }).render().pixels);
    expect(draw(svg).equals(draw(reference))).toBe(true);
  });

  it('keeps the masks something uses and drops the others', () => {
    const svg =
      '<svg><mask id="a"><rect/></mask><mask id="b"><rect/><path/></mask>' +
      '<g mask="url(#b)"><path/></g><mask id="c"></mask></svg>';
    expect(withoutUnusedMasks(svg)).toBe(
      '<svg><mask id="b"><rect/><path/></mask><g mask="url(#b)"><path/></g></svg>',
    );
  });
});

describe('youngCollector', () => {
  // The card worker calls it after each card: resvg's canvas and pixels (6 MB, outside V8's heap)
  // are freed only when V8 collects the small objects that hold them.
  it('collects the young generation when called, and gives no other context gc', async () => {
    const collectYoung = youngCollector();
    expect(runInNewContext('typeof gc')).toBe('undefined');
    expect('gc' in globalThis).toBe(false);

    const minor: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
        if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) minor.push(entry.startTime);
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    const before = performance.now();
    collectYoung();
    collectYoung();
    // The observer hears of collections when the event loop turns.
    for (let turn = 0; turn < 100 && minor.filter((t) => t >= before).length < 2; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    observer.disconnect();
    expect(minor.filter((t) => t >= before).length).toBeGreaterThanOrEqual(2);
  });
});

describe('renderOgImage', () => {
  it('draws a 1200×630 card in the workers, the same as drawing it in this thread', async () => {
    const other = { ...CARD, title: 'Tempat mengadu bila hak Anda dilanggar' };
    const [png, second] = await Promise.all([renderOgImage(CARD), renderOgImage(other)]);
    const image = decode(png);
    expect([image.width, image.height]).toEqual([1200, 630]);
    expect(png.equals(await renderCard(CARD))).toBe(true);
    expect(png.equals(second)).toBe(false);
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('answers from the cache when the card did not change', async () => {
    const first = await renderOgImage(CARD);
    const again = await renderOgImage({ ...CARD });
    expect(again.equals(first)).toBe(true);
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('gives the cards still waiting a worker on every core once the pages are rendered', async () => {
    const cards = Array.from({ length: 6 }, (_, i) => ({ ...CARD, title: `Kartu antrean ${i}` }));
    const drawn = cards.map((card) => renderOgImage(card));
    // While Astro renders, one core stays with it (up to four workers in all); the cards that no
    // worker took yet wait for one.
    const cores = availableParallelism();
    const first = Math.max(1, Math.min(cores - 1, 4));
    const waiting = cardsNotTaken();
    expect(waiting).toBeGreaterThan(0);
    expect(startMoreWorkers()).toBe(Math.max(0, Math.min(Math.min(cores, 4) - first, waiting)));
    const pngs = await Promise.all(drawn);
    for (const [i, png] of pngs.entries()) {
      expect(png.equals(await renderCard(cards[i]!))).toBe(true);
    }
    // Nothing waits any more: no worker is started.
    expect(startMoreWorkers()).toBe(0);
  });

  it('keeps drawing while the main thread is busy and never turns its event loop', async () => {
    // Astro renders page after page, writing each one synchronously (patches/), for seconds at a
    // time: the workers take the cards from a counter they share, not one by one from this thread.
    const cards = Array.from({ length: 4 }, (_, i) => ({ ...CARD, title: `Kartu sibuk ${i}` }));
    const drawn = cards.map((card) => renderOgImage(card));
    // The cards reach the workers in one message, sent once this synchronous code has asked for
    // all of them (as the route does).
    await Promise.resolve();
    const blocked = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + 60_000;
    while (cardsNotTaken() > 0 && Date.now() < deadline) Atomics.wait(blocked, 0, 0, 5);
    // Every card was taken by a worker while this thread never returned to its event loop.
    expect(cardsNotTaken()).toBe(0);
    const pngs = await Promise.all(drawn);
    for (const [i, png] of pngs.entries()) {
      expect(png.equals(await renderCard(cards[i]!))).toBe(true);
    }
  });

  it('is drawn beside pages that the installed Astro writes synchronously (npm install applies patches/)', () => {
    // Through the thread pool, Astro's main thread waited for two round trips per page.
    const root = process.cwd();
    const code = readFileSync(join(root, 'node_modules/astro/dist/core/build/generate.js'), 'utf8');
    expect(code).toContain('nodeFs.writeFileSync(result.outFile, result.body)');
    expect(code).not.toContain('await nodeFs.promises.writeFile(result.outFile');
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')) as {
      version: string;
    };
    const patches = readFileSync(join(root, `patches/astro+${pkg.version}.patch`), 'utf8');
    expect(patches).toContain('nodeFs.writeFileSync(result.outFile, result.body)');
  });
});
