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
import { card, OG_WORKER, palettePng, renderCard, type OgCard } from './og-render.ts';
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

type Job = { id: number; card: OgCard; resolve: (png: Buffer) => void; reject: (e: Error) => void };

/** Worker threads that each draw one card at a time from a shared queue. */
class Pool {
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private readonly idle: Worker[] = [];
  private next = 0;

  constructor(size: number) {
    this.grow(size);
  }

  get size(): number {
    return this.running.size + this.idle.length;
  }

  /** Starts `count` more workers; they take jobs from the queue at once. */
  grow(count: number) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_FILE, { workerData: OG_WORKER });
      // An idle worker must not keep `astro build` from exiting.
      worker.unref();
      worker.on('message', (msg: { id: number; png?: Uint8Array; error?: string }) => {
        const job = this.running.get(worker);
        this.running.delete(worker);
        if (job && msg.png) job.resolve(Buffer.from(msg.png));
        else job?.reject(new Error(`og image "${job.card.title}": ${msg.error}`));
        this.idle.push(worker);
        this.pump();
      });
      worker.on('error', (error) => {
        this.running.get(worker)?.reject(error);
        this.running.delete(worker);
      });
      this.idle.push(worker);
    }
    this.pump();
  }

  /** Cards waiting for a free worker. */
  get waiting(): number {
    return this.queue.length;
  }

  render(input: OgCard): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, card: input, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift() as Job;
      this.running.set(worker, job);
      worker.postMessage({ id: job.id, card: job.card });
    }
    // Keep the process alive exactly while a worker has something to draw.
    for (const worker of [...this.idle]) worker.unref();
    for (const worker of this.running.keys()) worker.ref();
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
