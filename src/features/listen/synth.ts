/**
 * Text → MP3, offline, at build time. Runs in a worker thread started by audio-store.ts, loaded by
 * Node straight from src/ (imports carry `.ts`, the TypeScript is erasable only, nothing from
 * `astro:*`), so the synthesiser never enters Astro's bundle.
 *
 * - Voice: eSpeak NG compiled to WebAssembly (@echogarden/espeak-ng-emscripten, GPL-3.0), with its
 *   Indonesian (`id`) and English (`en`) voices. It runs as a separate program at build time; the
 *   site ships only the sound it produced. One instance in the worker reads every page.
 * - Sound: eSpeak speaks at 22,050 Hz; the samples are resampled to 16,000 Hz and encoded as MP3
 *   (MPEG-2 Layer III, mono, 16 kbit/s: 2 KB per second) with lamejs (@breezystack/lamejs,
 *   LGPL-3.0, pure JavaScript). Why MP3 and these numbers: README "Listen".
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import ESpeakNg from '@echogarden/espeak-ng-emscripten';
import { Mp3Encoder } from '@breezystack/lamejs';
import { SOUND, SYNTH_WORKER } from './sound.ts';

export type SynthRequest = { text: string; locale: 'id' | 'en' };
export type SynthResult = { mp3: Uint8Array; seconds: number };

type Worker = {
  set_voice(name: string): number;
  set_rate(rate: number): number;
  get_samplerate(): number;
  synthesize(text: string, callback: (audio: Int16Array | undefined) => boolean): void;
};
let engine: Promise<Worker> | undefined;

function espeak(): Promise<Worker> {
  engine ??= (async () => {
    const module = await ESpeakNg({ print() {}, printErr() {} });
    return new module.eSpeakNGWorker() as Worker;
  })();
  return engine;
}

/** Linear resampling is enough here: the MP3 encoder cuts everything above 4 kHz anyway. */
export function resample(input: Int16Array, from: number, to: number): Int16Array {
  if (from === to) return input;
  const ratio = from / to;
  const out = new Int16Array(Math.floor(input.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const x = i * ratio;
    const j = Math.floor(x);
    const f = x - j;
    out[i] = Math.round((input[j] ?? 0) * (1 - f) + (input[j + 1] ?? input[j] ?? 0) * f);
  }
  return out;
}

export function encodeMp3(pcm: Int16Array, sampleRate: number, kbps: number): Uint8Array {
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  // The type file says Uint8Array; the encoder really returns Int8Array views: copy bytes alike.
  const parts: ArrayBufferView[] = [];
  const block = 1152 * 16;
  for (let i = 0; i < pcm.length; i += block)
    parts.push(encoder.encodeBuffer(pcm.subarray(i, i + block)));
  parts.push(encoder.flush());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), offset);
    offset += part.byteLength;
  }
  return out;
}

export async function synthesise({ text, locale }: SynthRequest): Promise<SynthResult> {
  const voice = await espeak();
  if (voice.set_voice(SOUND.voices[locale]) !== 0)
    throw new Error(`eSpeak NG has no voice "${locale}"`);
  voice.set_rate(SOUND.rate);
  const chunks: Int16Array[] = [];
  voice.synthesize(text, (audio) => {
    if (audio && audio.length) chunks.push(audio);
    return false;
  });
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const pcm = new Int16Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    pcm.set(chunk, offset);
    offset += chunk.length;
  }
  const rate = voice.get_samplerate();
  const seconds = total / rate;
  if (seconds < 0.5) throw new Error('eSpeak NG produced no sound for this text');
  const mp3 = encodeMp3(resample(pcm, rate, SOUND.sampleRate), SOUND.sampleRate, SOUND.kbps);
  return { mp3, seconds };
}

if (!isMainThread && parentPort && workerData === SYNTH_WORKER) {
  const port = parentPort;
  port.on('message', async (msg: { id: number } & SynthRequest) => {
    try {
      const { mp3, seconds } = await synthesise(msg);
      port.postMessage({ id: msg.id, mp3, seconds }, [mp3.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({
        id: msg.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
