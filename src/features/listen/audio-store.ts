/**
 * Audio of the pages, made during `astro build`: a page hands its reading text to
 * `requestAudio` while it renders and gets back the file's address at once; a worker thread
 * synthesises the sound meanwhile (synth.ts) and src/integrations/listen-audio.ts writes the files
 * when the build is done.
 *
 * Cached by a hash of the text, the language and every sound setting in
 * node_modules/.cache/listen-audio (MIGRASI_AUDIO_CACHE overrides it; the benchmark points it at
 * its own folder): an unchanged page is never synthesised again, a changed one gets a new file
 * name, so a reader's browser never plays stale audio.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { normaliseForSpeech, unreadableCharacters, type SpeechLocale } from './normalise.ts';
import { speechText } from './speech-text.ts';
import { SOUND, SYNTH_WORKER } from './sound.ts';

const CACHE_DIR =
  process.env['MIGRASI_AUDIO_CACHE'] ??
  join(process.cwd(), 'node_modules', '.cache', 'listen-audio');
const WORKER_FILE = join(process.cwd(), 'src', 'features', 'listen', 'synth.ts');

/** The sound settings and the installed engines' versions: a change to any of them makes every
 * file again. */
function soundVersion(): string {
  const hash = createHash('sha256').update(JSON.stringify(SOUND));
  for (const name of ['@echogarden/espeak-ng-emscripten', '@breezystack/lamejs']) {
    const manifest = join(process.cwd(), 'node_modules', name, 'package.json');
    const { version } = existsSync(manifest)
      ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string })
      : { version: undefined };
    hash.update(`${name}@${version ?? '?'}`);
  }
  return hash.digest('hex');
}
let version: string | undefined;

export type AudioFile = { mp3: Uint8Array; seconds: number };
/** What the build writes: the audio, or why a page has none. */
export type AudioJob = {
  /** Address of the file, e.g. /audio/3f2a….mp3 */
  url: string;
  key: string;
  locale: SpeechLocale;
  /** The content file the text comes from, for messages. */
  source: string;
  /** Synthesised (or cached) sound; rejects with a message in plain Indonesian. */
  audio: Promise<AudioFile>;
  /** Whether the sound came from the cache or had to be synthesised in this build. */
  origin: 'cache' | 'synthesised';
  /** Pages (paths such as /panduan/x/) that carry this audio's player. */
  pages: Set<string>;
};

const KEY = Symbol.for('migrasi-aman:listen-audio');
type Holder = { [KEY]?: Map<string, AudioJob> };

/** Every audio file this build asked for, by key. */
export function audioJobs(): Map<string, AudioJob> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

export function audioKey(text: string, locale: SpeechLocale): string {
  return createHash('sha256')
    .update(`${(version ??= soundVersion())}\n${locale}\n${text}`)
    .digest('hex')
    .slice(0, 20);
}

type Pending = { resolve: (a: AudioFile) => void; reject: (e: Error) => void };
type Synth = { worker: Worker; pending: Map<number, Pending> };
const synths: Synth[] = [];
let nextId = 0;

function startWorker(): Synth {
  const synth: Synth = {
    worker: new Worker(WORKER_FILE, { workerData: SYNTH_WORKER }),
    pending: new Map(),
  };
  synth.worker.on(
    'message',
    (msg: { id: number; mp3?: Uint8Array; seconds?: number; error?: string }) => {
      const job = synth.pending.get(msg.id);
      synth.pending.delete(msg.id);
      if (msg.mp3 && msg.seconds) job?.resolve({ mp3: msg.mp3, seconds: msg.seconds });
      else job?.reject(new Error(msg.error ?? 'mesin suara tidak menghasilkan suara'));
      // An idle worker must not keep `astro build` from exiting.
      if (synth.pending.size === 0) synth.worker.unref();
    },
  );
  synth.worker.on('error', (error) => {
    for (const job of synth.pending.values()) job.reject(error);
    synth.pending.clear();
    synths.splice(synths.indexOf(synth), 1);
  });
  return synth;
}

/**
 * Synthesises in worker threads, one per core (at most two): while Astro renders, they share the
 * machine with it; once the pages are rendered, the build only waits for them.
 */
function synthesiseInWorker(text: string, locale: SpeechLocale): Promise<AudioFile> {
  if (!existsSync(WORKER_FILE)) {
    return Promise.reject(new Error(`mesin suara tidak ditemukan (${WORKER_FILE})`));
  }
  if (synths.length < Math.min(2, availableParallelism())) synths.push(startWorker());
  const synth = synths.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  synth.worker.ref();
  const id = nextId++;
  const promise = new Promise<AudioFile>((resolve, reject) =>
    synth.pending.set(id, { resolve, reject }),
  );
  synth.worker.postMessage({ id, text, locale });
  return promise;
}

/** Reads a cached file, or undefined. The duration is kept beside it. */
export function fromCache(key: string): AudioFile | undefined {
  const mp3 = join(CACHE_DIR, `${key}.mp3`);
  const meta = join(CACHE_DIR, `${key}.json`);
  if (!existsSync(mp3) || !existsSync(meta)) return undefined;
  const { seconds } = JSON.parse(readFileSync(meta, 'utf8')) as { seconds: number };
  return { mp3: readFileSync(mp3), seconds };
}

/** Written under a temporary name first: a build stopped half-way never leaves half a file. */
function toCache(key: string, audio: AudioFile) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = join(CACHE_DIR, `${key}.${process.pid}.tmp`);
  writeFileSync(tmp, audio.mp3);
  writeFileSync(join(CACHE_DIR, `${key}.json`), JSON.stringify({ seconds: audio.seconds }));
  renameSync(tmp, join(CACHE_DIR, `${key}.mp3`));
}

/**
 * The reading text of a page's HTML, normalised for the voice; throws (in plain Indonesian) when
 * it holds characters the voice cannot say.
 */
export function readingText(html: string, locale: SpeechLocale): string {
  const text = normaliseForSpeech(speechText(html), locale);
  const bad = unreadableCharacters(text);
  if (bad.length > 0) {
    throw new Error(
      `teks memuat huruf yang tidak dapat dibaca mesin suara: ${bad.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  return text;
}

/**
 * Asks for the audio of a page. Returns the job at once; its `audio` settles when the sound is
 * ready (from the cache, or synthesised in the worker).
 */
export function requestAudio(
  html: string,
  locale: SpeechLocale,
  source: string,
  page: string,
): AudioJob {
  let text: string;
  try {
    text = readingText(html, locale);
  } catch (error) {
    const key = audioKey(html, locale);
    const job: AudioJob = {
      url: `/audio/${key}.mp3`,
      key,
      locale,
      source,
      audio: Promise.reject(error instanceof Error ? error : new Error(String(error))),
      origin: 'synthesised',
      pages: new Set([page]),
    };
    job.audio.catch(() => {});
    audioJobs().set(key, job);
    return job;
  }
  const key = audioKey(text, locale);
  const known = audioJobs().get(key);
  if (known) {
    known.pages.add(page);
    return known;
  }
  const cached = fromCache(key);
  const audio = cached
    ? Promise.resolve(cached)
    : synthesiseInWorker(text, locale).then((file) => {
        toCache(key, file);
        return file;
      });
  audio.catch(() => {});
  const job: AudioJob = {
    url: `/audio/${key}.mp3`,
    key,
    locale,
    source,
    audio,
    origin: cached ? 'cache' : 'synthesised',
    pages: new Set([page]),
  };
  audioJobs().set(key, job);
  return job;
}
