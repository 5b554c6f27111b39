/**
 * Draws one 1200×630 link-preview card (title, section, site name) with satori and resvg and
 * encodes it as PNG. src/platform/cards/og-image.ts runs this file in worker threads, so it is loaded by Node
 * straight from src/ as well as bundled by Astro: imports carry their `.ts` extension, the
 * TypeScript is erasable only, and nothing here may import `astro:*` modules.
 *
 * Fonts come from @fontsource/noto-sans (satori reads WOFF, not WOFF2).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateSync } from 'node:zlib';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** What og-image.ts passes as workerData, so that only its workers answer messages. */
export const OG_WORKER = 'migrasi-aman:og-render';
/** A drawing worker's data: the job counter its pool shares with every worker. */
export type OgWorkerData = { tag: typeof OG_WORKER; next: SharedArrayBuffer };

export type OgCard = {
  title: string;
  /** Section label above the title, e.g. "Panduan". */
  kicker: string;
  siteName: string;
  /** Small line at the bottom, e.g. the regency and the site's host. */
  footer: string;
};

const require = createRequire(join(process.cwd(), 'package.json'));
const font = (weight: 400 | 700) =>
  readFileSync(
    require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`),
  );
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style, children },
});

export function card({ title, kicker, siteName, footer }: OgCard): Node {
  // The green bar along the top is a box of its own rather than the content's top border: satori
  // draws a border as a stroke under three clip paths, and resvg spent a third of a card's drawing
  // on them (7.2 → 5.1 ms a card, the same pixels; tests/unit/og-image.test.ts compares the two).
  return el('div', { display: 'flex', flexDirection: 'column', background: '#ffffff' }, [
    el('div', { width: OG_WIDTH, height: BAR, background: '#0b4f4a' }),
    el(
      'div',
      {
        // Satori sizes the content box: subtract the padding and the bar.
        width: OG_WIDTH - 144,
        height: OG_HEIGHT - 128 - BAR,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '64px 72px',
        fontFamily: 'Noto Sans',
        color: '#1b1b1b',
      },
      [
        el('div', { fontSize: 34, fontWeight: 700, color: '#0b4f4a' }, kicker),
        el(
          'div',
          {
            display: 'flex',
            width: OG_WIDTH - 144,
            fontSize: title.length > 60 ? 60 : 72,
            fontWeight: 700,
            lineHeight: 1.15,
          },
          title,
        ),
        el(
          'div',
          { display: 'flex', width: OG_WIDTH - 144, justifyContent: 'space-between', fontSize: 30 },
          [el('div', { fontWeight: 700 }, siteName), el('div', { color: '#4a4a4a' }, footer)],
        ),
      ],
    ),
  ]);
}

/** Height of the green bar along the card's top. */
const BAR = 24;

/**
 * Satori writes an overflow mask for every box of text whether or not anything uses it, and
 * resvg prepares each one: removing the unused ones saved a tenth of a card's drawing.
 */
export function withoutUnusedMasks(svg: string): string {
  return svg.replace(/<mask id="([^"]+)">.*?<\/mask>/g, (mask, id: string) =>
    svg.includes(`url(#${id})`) ? mask : '',
  );
}

/** The card's fonts for satori, read once. */
export function cardFonts(): NonNullable<typeof fonts> {
  fonts ??= [
    { name: 'Noto Sans', data: font(400), weight: 400, style: 'normal' },
    { name: 'Noto Sans', data: font(700), weight: 700, style: 'normal' },
  ];
  return fonts;
}

/** The card as SVG, text already turned into paths. */
export async function cardSvg(input: OgCard): Promise<string> {
  const svg = await satori(card(input) as never, {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: cardFonts(),
  });
  return withoutUnusedMasks(svg);
}

/** PNG bytes of one card. */
export async function renderCard(input: OgCard): Promise<Buffer> {
  const svg = await cardSvg(input);
  // Satori has already turned the text into paths: resvg needs no fonts, and scanning the
  // system's fonts took longer than drawing the card.
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return palettePng(image.pixels, image.width, image.height) ?? image.asPng();
}

/** Colour → palette index (+1, 0 = unseen), reused between images and reset after each. */
let lookup: Uint16Array | undefined;
/** The pixels are read four bytes at a time, in the machine's byte order. */
const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * A card has white, two greens and greys with their anti-aliased edges: under a hundred colours.
 * An indexed PNG holds exactly the same pixels as resvg's RGBA PNG in less than half the bytes and
 * takes less time to compress. Returns undefined when the image has transparency or more than 256
 * colours (or on a big-endian machine); the caller then keeps resvg's own PNG.
 */
export function palettePng(rgba: Uint8Array, width: number, height: number): Buffer | undefined {
  if (!LITTLE_ENDIAN) return undefined;
  lookup ??= new Uint16Array(1 << 24);
  const table = lookup;
  // One pixel a number (alpha in the top byte, then blue, green, red), looked up in the table
  // only where it differs from the pixel before: most of a card is long runs of one colour
  // (3.0 → 2.0 ms a card).
  // A copy where the pixels do not start on a four-byte boundary (Buffer's slice would not copy).
  const source =
    rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba.subarray(0, width * height * 4));
  const pixels = new Uint32Array(source.buffer, source.byteOffset, width * height);
  // The same bytes as a Buffer, to compare whole rows natively: about half a card's rows (the
  // margins, the space between lines, the bar) equal the row above, and take its indices.
  const bytes = Buffer.from(source.buffer, source.byteOffset, width * height * 4);
  const rowBytes = width * 4;
  const colours: number[] = [];
  // One filter byte (0, none) before each row of indices.
  const rows = Buffer.allocUnsafe((width + 1) * height);
  let ok = true;
  let s = 0;
  let last = -1;
  let index = 0;
  scan: for (let y = 0; y < height; y++) {
    let d = y * (width + 1);
    rows[d++] = 0;
    const at = y * rowBytes;
    if (y > 0 && bytes.compare(bytes, at - rowBytes, at, at, at + rowBytes) === 0) {
      // Every pixel of the row above was checked and looked up; its last one is still `last`.
      rows.copyWithin(d, d - width - 1, d - 1);
      s += width;
      continue;
    }
    for (const end = s + width; s < end; s++) {
      const pixel = pixels[s] as number;
      if (pixel !== last) {
        if (pixel >>> 24 !== 255) {
          ok = false;
          break scan;
        }
        const key = pixel & 0xffffff;
        let entry = table[key] as number;
        if (entry === 0) {
          if (colours.length === 256) {
            ok = false;
            break scan;
          }
          colours.push(key);
          entry = colours.length;
          table[key] = entry;
        }
        last = pixel;
        index = entry - 1;
      }
      rows[d++] = index;
    }
  }
  for (const key of colours) table[key] = 0;
  if (!ok) return undefined;

  const palette = Buffer.alloc(colours.length * 3);
  colours.forEach((key, i) => {
    palette[i * 3] = key & 0xff;
    palette[i * 3 + 1] = (key >> 8) & 0xff;
    palette[i * 3 + 2] = key >> 16;
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // colour type: indexed
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    // Run-length compression: a card is long runs of one colour, and RLE is about three times
    // faster than the default strategy for a few kilobytes more (23 instead of 19 KB a card).
    chunk('IDAT', deflateSync(rows, { level: 9, strategy: constants.Z_RLE })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A function that collects V8's young generation at once: a scavenge, cheap, since little of a card
 * outlives it.
 *
 * resvg keeps a card's canvas and pixels, about 6 MB, outside V8's heap, and frees them only
 * when V8 collects the small objects that hold them; V8 does not count that memory, so it
 * collected them only every few dozen cards. Each card then drew on memory new to the process,
 * and on the build machine a page new to a process costs about 20 µs (3 MB: 15.6 ms, against
 * 0.25 ms to write memory the process already holds): that was a third of a card's time. Freed
 * after each card, the same memory serves the next one (README, "What changed here", "Each card
 * on the memory of the one before").
 *
 * `gc` exists only in a context made while the `--expose-gc` flag is set; the flag is unset
 * again at once, so no other context gets it.
 */
export function youngCollector(): () => void {
  setFlagsFromString('--expose-gc');
  try {
    const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
    return () => gc({ type: 'minor' });
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

// Started by og-image.ts as a worker thread: draws, one at a time, the next card no other worker
// has taken, and waits for more when it has taken them all.
const data = workerData as Partial<OgWorkerData> | undefined;
if (!isMainThread && parentPort && data?.tag === OG_WORKER && data.next) {
  const port = parentPort;
  const next = new Int32Array(data.next);
  const cards: OgCard[] = [];
  let arrived: (() => void) | undefined;
  const collectYoung = youngCollector();
  port.on('message', (more: OgCard[]) => {
    for (const one of more) cards.push(one);
    arrived?.();
  });
  void (async () => {
    for (;;) {
      const id = Atomics.add(next, 0, 1);
      // Taken before it reached this worker: the main thread sends every card to every worker.
      while (id >= cards.length) await new Promise<void>((resolve) => (arrived = resolve));
      try {
        port.postMessage({ id, png: await renderCard(cards[id] as OgCard) });
      } catch (error) {
        port.postMessage({ id, error: String(error) });
      }
      // Free this card's resvg objects now: a collection of the young generation finds them
      // unreachable, and their finalizers run when the event loop turns, which a loop of awaited
      // promises alone never lets it do. Their canvas and pixels (6 MB a card, outside V8's heap)
      // then serve the next card.
      collectYoung();
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
}
