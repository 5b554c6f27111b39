/**
 * Writes the pages' audio ("Dengarkan", src/features/listen/) into the build output when Astro has
 * rendered the pages, and fills in each player's length and size. A page whose audio could not be
 * made loses its player (the build says which file and why): never a player without sound, never
 * half a file.
 *
 * Must run before the service worker's precache list (reach) and the search index are built,
 * because it changes the pages' HTML.
 *
 * In `astro dev`, the audio is served from memory as soon as it is ready.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { audioJobs, fromCache, type AudioFile } from '../features/listen/audio-store.ts';
import { useTranslations } from '../platform/i18n/i18n.ts';
import { LISTEN_ROUTES } from '../features/listen/routes.ts';
import { LANGUAGES, type Locale } from '../model/languages.ts';
import { listTree } from '../platform/output/tree.ts';
import { inBatches } from '../platform/output/batches.ts';

/** The folder of the output that holds the pages' sound files (served at /audio/). */
export const AUDIO_FOLDER = 'audio';

/** "3 menit, 360 KB" — what pressing play costs, said before it is pressed. */
export function audioMeta(audio: AudioFile, locale: Locale): string {
  const t = useTranslations(locale);
  const minutes = Math.max(1, Math.round(audio.seconds / 60));
  const kb = Math.max(1, Math.round(audio.mp3.length / 1024));
  return t('listen.meta', { minutes, size: `${kb} KB` });
}

function htmlFile(dist: string, page: string): string {
  return join(dist, page.endsWith('/') ? `${page}index.html` : page);
}

/**
 * Fills in the player's length and size, or removes the player when there is no audio. The player
 * is the one `<div data-listen-key="…">` that Listen.astro writes, with no `<div>` inside.
 */
export function fillPlayer(html: string, key: string, meta: string | null): string {
  const player = new RegExp(`<div[^>]*\\sdata-listen-key="${key}"[^>]*>[\\s\\S]*?</div>`);
  return html.replace(player, (block) => {
    if (meta === null) return '';
    return block.replace(
      /(<span class="listen__meta"[^>]*>)(<\/span>)/,
      (_, open: string, close: string) => `${open}(${escapeHtml(meta)})${close}`,
    );
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The .html files under `dist` that may carry a player: those under the routes of the collections
 * marked `listen` (src/model/collections.ts), in every language. Reading only these, rather than
 * every page of the output, keeps this step from growing with the news archive (at 10,000 entries
 * it read 18,671 pages to find the ~2,200 that can have a player).
 */
async function playerPages(dist: string): Promise<{ file: string; locale: Locale }[]> {
  const files: { file: string; locale: Locale }[] = [];
  for (const { prefix, code } of LANGUAGES) {
    for (const route of LISTEN_ROUTES) {
      const { files: found } = await listTree(join(dist, prefix, route));
      for (const file of found) if (file.endsWith('.html')) files.push({ file, locale: code });
    }
  }
  return files;
}

const UNFILLED =
  /<div[^>]*\sdata-listen-key="([0-9a-f]+)"[^>]*>(?:(?!<\/div>)[\s\S])*?<span class="listen__meta"[^>]*><\/span>/g;
const PLAYER_KEY = /<div[^>]*\sdata-listen-key="([0-9a-f]+)"/g;

/**
 * Pages that Astro's incremental build reused were not rendered, so they asked for no audio.
 * A page copied from Astro's cache has its players still empty: their audio comes from the audio
 * cache (the same key names the same sound); without it, the player goes, as when the sound could
 * not be made. A page kept in the previous output (src/integrations/previous-output.ts) has its
 * players filled already: its audio file stays, or is written again from the audio cache when it
 * is missing. Every key whose player stays is added to `playing`, every page that loses a player
 * to `silenced`. Returns how many audio files were written.
 */
export async function restoredPlayers(
  dist: string,
  audioOf: (key: string, page: string) => AudioFile | undefined,
  playing: Set<string> = new Set(),
  silenced: Set<string> = new Set(),
): Promise<number> {
  const written = new Set<string>();
  // The pages are read and written a batch at a time; most have no player. Only the audio cache
  // decides whether a key plays, so the order in which pages are handled changes nothing.
  await inBatches(await playerPages(dist), async ({ file, locale }) => {
    const html = await readFile(file, 'utf8');
    const keys = [...new Set([...html.matchAll(PLAYER_KEY)].map((m) => m[1] as string))];
    if (keys.length === 0) return;
    const unfilled = new Set([...html.matchAll(UNFILLED)].map((m) => m[1] as string));
    let filled = html;
    for (const key of keys) {
      const mp3 = join(dist, AUDIO_FOLDER, `${key}.mp3`);
      // Written this build (a rendered page with the same text) or kept from the last one.
      if (!unfilled.has(key) && (playing.has(key) || existsSync(mp3))) {
        playing.add(key);
        continue;
      }
      const audio = audioOf(key, file.slice(dist.length));
      if (audio && !written.has(key)) {
        // Marked before the write, so that no other page of the batch writes the file too.
        written.add(key);
        await writeFile(mp3, audio.mp3);
      }
      if (audio) playing.add(key);
      if (!audio) silenced.add(file);
      filled = fillPlayer(filled, key, audio ? audioMeta(audio, locale) : null);
    }
    if (filled !== html) await writeFile(file, filled);
  });
  return written.size;
}

/**
 * A page that lost its player (its sound could not be made) would be kept as it is by the next
 * build over the same output, its sound never tried again: the pages are recorded in Astro's
 * cacheDir, and the next build removes them from the output first, so that Astro makes them
 * again (from its cache, with the player still empty, or rendered) and their sound is tried again.
 */
const SILENCED_RECORD = 'listen-without-player.json';

/** Removes the pages recorded as silenced by the last build from `dist`; forgets the record. */
export async function forgetSilenced(cacheDir: string, dist: string): Promise<string[]> {
  const file = join(cacheDir, SILENCED_RECORD);
  let pages: string[] = [];
  try {
    pages = JSON.parse(await readFile(file, 'utf8')) as string[];
  } catch {
    return [];
  }
  await Promise.all(pages.map((page) => rm(join(dist, page), { force: true })));
  await rm(file, { force: true });
  return pages;
}

/** Records the pages of `dist` that lost a player in this build (absolute paths). */
export async function recordSilenced(
  cacheDir: string,
  dist: string,
  silenced: ReadonlySet<string>,
): Promise<void> {
  if (silenced.size === 0) return;
  const pages = [...silenced].map((file) => relative(dist, file)).sort();
  await mkdir(cacheDir, { recursive: true });
  await writeFile(join(cacheDir, SILENCED_RECORD), `${JSON.stringify(pages, null, 2)}\n`);
}

/**
 * Removes the audio files of the output that no page plays any more (those of pages that were
 * deleted, or whose text changed, in the previous output this build ran over). Returns how many.
 */
export async function removeUnplayed(dist: string, playing: ReadonlySet<string>): Promise<number> {
  const folder = join(dist, AUDIO_FOLDER);
  const names = await readdir(folder).catch(() => [] as string[]);
  const unplayed = names.filter((name) => !playing.has(name.replace(/\.mp3$/, '')));
  await Promise.all(unplayed.map((name) => unlink(join(folder, name))));
  return unplayed.length;
}

export default function listenAudio(): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  return {
    name: 'migrasi-aman:listen-audio',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async ({ logger }) => {
        const pages = await forgetSilenced(cacheDir, outDir);
        if (pages.length > 0)
          logger.info(
            `listen: ${pages.length} pages without a player made again, to try their sound`,
          );
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const match = /^\/audio\/([0-9a-f]+)\.mp3$/.exec(req.url ?? '');
          const job = match && audioJobs().get(match[1] as string);
          if (!job) return next();
          job.audio.then(
            (audio) => {
              res.setHeader('Content-Type', 'audio/mpeg');
              res.end(audio.mp3);
            },
            (error: Error) => {
              res.statusCode = 404;
              res.end(error.message);
            },
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const jobs = audioJobs();
        const started = performance.now();
        let synthesised = 0;
        let seconds = 0;
        let bytes = 0;
        let failed = 0;
        await mkdir(join(dist, AUDIO_FOLDER), { recursive: true });
        /** The audio files that a page of this build plays, and the pages that lost a player. */
        const playing = new Set<string>();
        const silenced = new Set<string>();
        for (const job of jobs.values()) {
          let audio: AudioFile | null = null;
          try {
            audio = await job.audio;
          } catch (error) {
            failed++;
            logger.warn(
              `${job.source}: suara untuk "Dengarkan" tidak dibuat, halaman tampil tanpa pemutar suara: ${(error as Error).message}`,
            );
          }
          if (audio) {
            await writeFile(join(dist, AUDIO_FOLDER, `${job.key}.mp3`), audio.mp3);
            playing.add(job.key);
            if (job.origin === 'synthesised') synthesised++;
            seconds += audio.seconds;
            bytes += audio.mp3.length;
          }
          const meta = audio ? audioMeta(audio, job.locale) : null;
          for (const page of job.pages) {
            const file = htmlFile(dist, page);
            if (!audio) silenced.add(file);
            const html = await readFile(file, 'utf8');
            await writeFile(file, fillPlayer(html, job.key, meta));
          }
        }
        const restored = await restoredPlayers(
          dist,
          (key, page) => {
            const audio = fromCache(key);
            if (!audio)
              logger.warn(
                `${page}: suara untuk "Dengarkan" tidak ada di cache, halaman tampil tanpa pemutar suara; bangun ulang dengan \`astro build --force\``,
              );
            return audio;
          },
          playing,
          silenced,
        );
        await recordSilenced(cacheDir, dist, silenced);
        if (restored > 0)
          logger.info(`listen: ${restored} audio files of pages reused from the last build`);
        const unplayed = await removeUnplayed(dist, playing);
        if (unplayed > 0)
          logger.info(`listen: ${unplayed} audio files that no page plays any more removed`);
        const kbPerMinute = seconds > 0 ? Math.round(bytes / 1024 / (seconds / 60)) : 0;
        logger.info(
          `listen: ${jobs.size - failed} audio files, ${synthesised} synthesised, ${jobs.size - failed - synthesised} from cache, ${failed} failed; ${Math.round(seconds)} s of speech, ${Math.round(bytes / 1024)} KB (${kbPerMinute} KB per minute); waited ${Math.round(performance.now() - started)} ms`,
        );
        jobs.clear();
      },
    },
  };
}
