/**
 * Link-preview PNGs at build time: cached on disk by a hash of their inputs and drawn in worker
 * threads (src/platform/cards/og-render.ts), one per CPU core but one while Astro renders pages.
 *
 * In a build the route (src/pages/og/) asks for every card at once, before Astro renders any
 * page: the workers draw them on the other core while the main thread renders the HTML, and
 * src/integrations/og-images.ts writes them at the end. Once the pages are rendered the main
 * thread has little left to do, so the cards still to draw get a worker on that core too
 * (drawOnEveryCore, started by og-images.ts through og-handoff.ts).
 *
 * The cache lives in node_modules/.cache/og-images (MIGRASI_OG_CACHE overrides it: the benchmark
 * points it at its own temporary folder so that it always measures a cold build).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  card,
  OG_WORKER,
  palettePng,
  renderCard,
  type OgCard,
  type OgWorkerData,
} from './og-render.ts';
import { setMoreWorkers } from './og-handoff.ts';

export { OG_HEIGHT, OG_WIDTH, type OgCard } from './og-render.ts';

const CACHE_DIR =
  process.env['MIGRASI_OG_CACHE'] ?? join(process.cwd(), 'node_modules', '.cache', 'og-images');
/** Loaded by Node from the sources (Astro bundles this file, not the worker's). */
const WORKER_FILE = join(process.cwd(), 'src', 'platform', 'cards', 'og-render.ts');

// The design's and the encoder's source are part of the key: changing either draws every image again.
const VERSION = createHash('sha256')
  .update(card.toString())
  .update(palettePng.toString())
  .digest('hex');

function keyOf(input: OgCard): string {
  return createHash('sha256')
    .update(JSON.stringify(input))
    .update(VERSION)
    .digest('hex')
    .slice(0, 32);
}

type Settle = { resolve: (png: Buffer) => void; reject: (e: Error) => void };

/**
 * Worker threads that draw the cards. Every worker is sent every card, in order, and takes the
 * next one nobody has taken through a counter they share: a worker never waits for the main
 * thread to hand it a card. Astro's main thread can render pages for seconds without turning its
 * event loop, and a worker given one card at a time sat idle meanwhile.
 */
class Pool {
  /** Every card asked for, by job number: the workers draw them in this order. */
  private readonly cards: OgCard[] = [];
  private readonly unsettled = new Map<number, Settle>();
  /** The next job number a worker takes (shared with the workers, og-render.ts). */
  private readonly next = new Int32Array(new SharedArrayBuffer(4));
  private readonly workers: Worker[] = [];
  /** Cards asked for since the workers were last sent any. */
  private unsent: OgCard[] = [];

  constructor(size: number) {
    this.grow(size);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Cards that no worker has taken yet. */
  get waiting(): number {
    return Math.max(0, this.cards.length - Atomics.load(this.next, 0));
  }

  /** Starts `count` more workers; they take cards at once. */
  grow(count: number) {
    this.send();
    for (let i = 0; i < count; i++) {
      const data: OgWorkerData = { tag: OG_WORKER, next: this.next.buffer as SharedArrayBuffer };
      const worker = new Worker(WORKER_FILE, { workerData: data });
      worker.on('message', (msg: { id: number; png?: Uint8Array; error?: string }) => {
        const job = this.unsettled.get(msg.id);
        if (!job) return;
        this.unsettled.delete(msg.id);
        if (msg.png) job.resolve(Buffer.from(msg.png));
        else job.reject(new Error(`og image "${this.cards[msg.id]?.title}": ${msg.error}`));
        this.keepAlive();
      });
      // A worker that fails takes its card with it: every card not drawn yet fails the build.
      worker.on('error', (error) => {
        for (const job of this.unsettled.values()) job.reject(error);
        this.unsettled.clear();
        this.keepAlive();
      });
      if (this.cards.length > 0) worker.postMessage(this.cards);
      this.workers.push(worker);
    }
    this.keepAlive();
  }

  render(input: OgCard): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.unsettled.set(this.cards.length, { resolve, reject });
      this.cards.push(input);
      // The route asks for every card in one loop: they go to the workers in one message.
      if (this.unsent.push(input) === 1) queueMicrotask(() => this.send());
      this.keepAlive();
    });
  }

  private send() {
    if (this.unsent.length === 0) return;
    for (const worker of this.workers) worker.postMessage(this.unsent);
    this.unsent = [];
  }

  /** Keep the process alive exactly while a card is being drawn or waits. */
  private keepAlive() {
    for (const worker of this.workers) {
      if (this.unsettled.size > 0) worker.ref();
      else worker.unref();
    }
  }
}

/** At most this many workers: each holds satori and resvg (about 200 MB). */
const MAX_WORKERS = 4;

let pool: Pool | undefined;
function draw(input: OgCard): Promise<Buffer> {
  // Without the sources (e.g. a build started from another directory), draw in this thread.
  if (!existsSync(WORKER_FILE)) return renderCard(input);
  // One core stays with Astro, which renders the pages meanwhile.
  if (!pool) {
    pool = new Pool(Math.max(1, Math.min(availableParallelism() - 1, MAX_WORKERS)));
    setMoreWorkers(drawOnEveryCore);
  }
  return pool.render(input);
}

/** Cards asked for that no worker has started to draw yet. */
export function cardsNotTaken(): number {
  return pool?.waiting ?? 0;
}

/**
 * Called once Astro has rendered the pages: cards still waiting for a worker get one more worker
 * per core, up to one per core in all. At 10,000 entries (about 4,000 cards, ~17 ms each) the
 * one worker was still drawing ten seconds after the last page. Returns how many were started.
 */
export function drawOnEveryCore(): number {
  if (!pool || pool.waiting === 0) return 0;
  const more = Math.min(Math.min(availableParallelism(), MAX_WORKERS) - pool.size, pool.waiting);
  if (more <= 0) return 0;
  pool.grow(more);
  return more;
}

/** Drawings under way, by key: two pages with the same card share one. */
const drawing = new Map<string, Promise<Buffer>>();

/** The card's PNG file in the cache, when it was drawn before: the build copies it as it is. */
export function cachedOgImage(input: OgCard): string | undefined {
  const cached = join(CACHE_DIR, `${keyOf(input)}.png`);
  return existsSync(cached) ? cached : undefined;
}

/** PNG bytes of one card: from the cache, from a drawing under way, or drawn now. */
export function renderOgImage(input: OgCard): Promise<Buffer> {
  const key = keyOf(input);
  const under = drawing.get(key);
  if (under) return under;
  const cached = join(CACHE_DIR, `${key}.png`);
  if (existsSync(cached)) return Promise.resolve(readFileSync(cached));
  // Written in the thread pool: at 10,000 entries, writing the cards one by one on the main
  // thread took it 1.9 s, while Astro renders the pages there.
  const promise = draw(input)
    .then(async (png) => {
      await mkdir(CACHE_DIR, { recursive: true });
      await writeFile(cached, png);
      return png;
    })
    .finally(() => drawing.delete(key));
  drawing.set(key, promise);
  return promise;
}
