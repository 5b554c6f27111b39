/**
 * Every setting that changes the sound of the audio files. audio-store.ts keys its cache by these
 * (with the installed engines' versions), so changing one makes every file again, and nothing
 * else does.
 */
export const SOUND = {
  voices: { id: 'id', en: 'en' },
  /** Words per minute: slower than eSpeak's 175, for listeners new to the topic. */
  rate: 150,
  sampleRate: 16_000,
  kbps: 16,
} as const;

/** What audio-store.ts passes as workerData, so that only its workers answer messages. */
export const SYNTH_WORKER = 'migrasi-aman:listen-synth';
