import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  audioMeta,
  fillPlayer,
  forgetSilenced,
  recordSilenced,
  removeUnplayed,
  restoredPlayers,
} from '../../src/integrations/listen-audio.ts';
import { assertPlayerAllowed } from '../../src/features/listen/routes.ts';
import { resample, synthesise } from '../../src/features/listen/synth.ts';

const player = (key: string) =>
  `<div class="listen no-print" data-listen="skip" data-listen-key="${key}" data-astro-cid-x><p><strong>Dengarkan</strong> <span class="listen__meta" data-astro-cid-x></span></p><audio controls preload="none" src="/audio/${key}.mp3"></audio></div>`;

describe('fillPlayer', () => {
  const page = `<h1>Judul</h1>${player('abc123')}<div class="note"><p>isi</p></div>`;

  it('says how long the audio is and what it costs to download', () => {
    const html = fillPlayer(page, 'abc123', '3 menit, 360 KB');
    expect(html).toContain('<span class="listen__meta" data-astro-cid-x>(3 menit, 360 KB)</span>');
    expect(html).toContain('<div class="note"><p>isi</p></div>');
  });

  it('removes the whole player when there is no audio, and nothing else', () => {
    expect(fillPlayer(page, 'abc123', null)).toBe(
      '<h1>Judul</h1><div class="note"><p>isi</p></div>',
    );
  });

  it('leaves other players alone', () => {
    expect(fillPlayer(page, 'other', null)).toBe(page);
  });
});

describe('restoredPlayers', () => {
  const dist = mkdtempSync(join(tmpdir(), 'listen-restored-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('fills the players of pages copied from the last build from the audio cache, or removes them', async () => {
    mkdirSync(join(dist, 'audio'));
    mkdirSync(join(dist, 'en/panduan/a'), { recursive: true });
    mkdirSync(join(dist, 'program/b'), { recursive: true });
    mkdirSync(join(dist, 'panduan/c'), { recursive: true });
    writeFileSync(
      join(dist, 'en/panduan/a/index.html'),
      `<html lang="en"><body>${player('aaa111')}</body></html>`,
    );
    writeFileSync(
      join(dist, 'program/b/index.html'),
      `<html lang="id"><body>${player('bbb222')}</body></html>`,
    );
    // Rendered in this build: its player is filled and its audio written already; both stay.
    const filled = `<html lang="id"><body>${fillPlayer(player('ccc333'), 'ccc333', '1 menit, 1 KB')}</body></html>`;
    writeFileSync(join(dist, 'panduan/c/index.html'), filled);
    writeFileSync(join(dist, 'audio/ccc333.mp3'), 'ccc');
    const audio = { mp3: new Uint8Array([1, 2, 3]), seconds: 185 };
    const asked: string[] = [];
    const written = await restoredPlayers(dist, (key) => {
      asked.push(key);
      return key === 'aaa111' ? audio : undefined;
    });
    expect(written).toBe(1);
    expect(asked.sort()).toEqual(['aaa111', 'bbb222']);
    expect([...readFileSync(join(dist, 'audio/aaa111.mp3'))]).toEqual([1, 2, 3]);
    expect(readFileSync(join(dist, 'en/panduan/a/index.html'), 'utf8')).toContain('(3 min, 1 KB)');
    expect(readFileSync(join(dist, 'program/b/index.html'), 'utf8')).toBe(
      '<html lang="id"><body></body></html>',
    );
    expect(readFileSync(join(dist, 'panduan/c/index.html'), 'utf8')).toBe(filled);
  });

  it('keeps the audio of pages kept from the previous output, or writes it again when it is missing', async () => {
    const kept = mkdtempSync(join(tmpdir(), 'listen-kept-'));
    try {
      const page = (key: string) =>
        `<html lang="id"><body>${fillPlayer(player(key), key, '1 menit, 1 KB')}</body></html>`;
      mkdirSync(join(kept, 'audio'));
      for (const key of ['eee555', 'fff666']) {
        mkdirSync(join(kept, `panduan/${key}`), { recursive: true });
        writeFileSync(join(kept, `panduan/${key}/index.html`), page(key));
      }
      // The last build wrote eee555's audio; fff666's is not in the output, nor ggg777's page.
      writeFileSync(join(kept, 'audio/eee555.mp3'), 'eee');
      writeFileSync(join(kept, 'audio/ggg777.mp3'), 'ggg');
      const asked: string[] = [];
      const playing = new Set<string>();
      const written = await restoredPlayers(
        kept,
        (key) => {
          asked.push(key);
          return { mp3: new Uint8Array([6]), seconds: 60 };
        },
        playing,
      );
      expect(asked).toEqual(['fff666']);
      expect(written).toBe(1);
      expect([...playing].sort()).toEqual(['eee555', 'fff666']);
      expect(readFileSync(join(kept, 'audio/eee555.mp3'), 'utf8')).toBe('eee');
      expect([...readFileSync(join(kept, 'audio/fff666.mp3'))]).toEqual([6]);
      for (const key of ['eee555', 'fff666'])
        expect(readFileSync(join(kept, `panduan/${key}/index.html`), 'utf8')).toBe(page(key));
      // The audio that no page plays any more goes; the rest stays.
      expect(await removeUnplayed(kept, playing)).toBe(1);
      expect(readdirSync(join(kept, 'audio')).sort()).toEqual(['eee555.mp3', 'fff666.mp3']);
    } finally {
      rmSync(kept, { recursive: true, force: true });
    }
  });

  it('makes a page that lost its player again in the next build, to try its sound again', async () => {
    const out = mkdtempSync(join(tmpdir(), 'listen-silenced-'));
    try {
      const cache = join(out, 'cache');
      const dist = join(out, 'dist');
      mkdirSync(join(dist, 'audio'), { recursive: true });
      mkdirSync(join(dist, 'panduan/h'), { recursive: true });
      mkdirSync(join(dist, 'panduan/i'), { recursive: true });
      writeFileSync(
        join(dist, 'panduan/h/index.html'),
        `<html lang="id">${player('abc888')}</html>`,
      );
      writeFileSync(
        join(dist, 'panduan/i/index.html'),
        `<html lang="id">${player('def999')}</html>`,
      );
      const silenced = new Set<string>();
      await restoredPlayers(
        dist,
        (key) => (key === 'def999' ? { mp3: new Uint8Array([9]), seconds: 60 } : undefined),
        new Set(),
        silenced,
      );
      expect([...silenced]).toEqual([join(dist, 'panduan/h/index.html')]);
      await recordSilenced(cache, dist, silenced);
      // The next build: the silenced page goes, so that Astro makes it again; the other stays.
      expect(await forgetSilenced(cache, dist)).toEqual(['panduan/h/index.html']);
      expect(readdirSync(join(dist, 'panduan/h'))).toEqual([]);
      expect(readdirSync(join(dist, 'panduan/i'))).toEqual(['index.html']);
      // Once: the record is gone with it.
      expect(await forgetSilenced(cache, dist)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('reads only the sections whose collections carry a player (listen: true)', async () => {
    const other = mkdtempSync(join(tmpdir(), 'listen-sections-'));
    try {
      mkdirSync(join(other, 'berita/d'), { recursive: true });
      const page = `<html lang="id"><body>${player('ddd444')}</body></html>`;
      writeFileSync(join(other, 'berita/d/index.html'), page);
      const asked: string[] = [];
      expect(await restoredPlayers(other, (key) => (asked.push(key), undefined))).toBe(0);
      expect(asked).toEqual([]);
      expect(readFileSync(join(other, 'berita/d/index.html'), 'utf8')).toBe(page);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('audioMeta', () => {
  it('rounds to whole minutes and kilobytes, in the page language', () => {
    const audio = { mp3: new Uint8Array(368_640), seconds: 185 };
    expect(audioMeta(audio, 'id')).toBe('3 menit, 360 KB');
    expect(audioMeta(audio, 'en')).toBe('3 min, 360 KB');
  });
});

describe('synthesise', () => {
  it('turns Indonesian text into MP3 of 16 kHz mono speech at about 2 KB per second', async () => {
    const { mp3, seconds } = await synthesise({
      text: 'Periksa izin perusahaan sebelum membayar apa pun.',
      locale: 'id',
    });
    expect(seconds).toBeGreaterThan(1.5);
    // An MPEG-2 Layer III frame header: sync bits, version 2, layer III; then 16 kbit/s, 16 kHz.
    const at = mp3.findIndex((b, i) => b === 0xff && (mp3[i + 1]! & 0xfe) === 0xf2);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(mp3[at + 2]! >> 4).toBe(2); // bitrate index 2 = 16 kbit/s in MPEG-2
    expect((mp3[at + 2]! >> 2) & 3).toBe(2); // sample-rate index 2 = 16,000 Hz in MPEG-2
    expect(mp3.length / seconds).toBeGreaterThan(1500);
    expect(mp3.length / seconds).toBeLessThan(2600);
  }, 60_000);

  it('speaks English text with the English voice', async () => {
    const { seconds } = await synthesise({
      text: 'Check the company before you pay.',
      locale: 'en',
    });
    expect(seconds).toBeGreaterThan(1);
  }, 60_000);

  it('refuses text that gives no sound', async () => {
    await expect(synthesise({ text: ' ', locale: 'id' })).rejects.toThrow(/no sound/);
  }, 60_000);
});

describe('resample', () => {
  it('keeps the duration when changing the sample rate', () => {
    const input = new Int16Array(22_050).fill(1000);
    const out = resample(input, 22_050, 16_000);
    expect(out.length).toBe(16_000);
    expect(out[100]).toBe(1000);
  });
});

describe('requestAudio', () => {
  const cache = mkdtempSync(join(tmpdir(), 'listen-cache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('gives no audio, with a message naming the characters, for text the voice cannot say', async () => {
    vi.stubEnv('MIGRASI_AUDIO_CACHE', cache);
    vi.resetModules();
    const { requestAudio } = await import('../../src/features/listen/audio-store.ts');
    const job = requestAudio('<p>Kantor 香港</p>', 'id', 'content/panduan/id/x.mdx', '/x/');
    await expect(job.audio).rejects.toThrow(/tidak dapat dibaca mesin suara: "香", "港"/);
    expect(readdirSync(cache)).toEqual([]);
    vi.unstubAllEnvs();
  });

  it('synthesises a text once and takes it from the cache in the next build', async () => {
    vi.stubEnv('MIGRASI_AUDIO_CACHE', cache);
    vi.resetModules();
    const first = await import('../../src/features/listen/audio-store.ts');
    const html = '<h1>Uji</h1><p>Satu kalimat pendek untuk diuji.</p>';
    const made = first.requestAudio(html, 'id', 'content/panduan/id/uji.mdx', '/uji/');
    expect(made.origin).toBe('synthesised');
    const audio = await made.audio;
    first.audioJobs().clear();
    vi.resetModules();
    const second = await import('../../src/features/listen/audio-store.ts');
    const again = second.requestAudio(html, 'id', 'content/panduan/id/uji.mdx', '/uji/');
    expect(again.origin).toBe('cache');
    expect(again.key).toBe(made.key);
    expect((await again.audio).mp3).toEqual(Buffer.from(audio.mp3));
    expect(readdirSync(cache).sort()).toEqual([`${made.key}.json`, `${made.key}.mp3`]);
    second.audioJobs().clear();
    vi.unstubAllEnvs();
  }, 60_000);
});

describe('assertPlayerAllowed', () => {
  it('allows players on guide and programme pages in every language', () => {
    for (const path of ['/panduan/paspor/', '/en/panduan/paspor/', '/program/desmigratif/'])
      expect(() => assertPlayerAllowed(path), path).not.toThrow();
  });

  it('refuses a player elsewhere, naming the page', () => {
    expect(() => assertPlayerAllowed('/berita/kabar/')).toThrow(/\/berita\/kabar\/.*"berita"/);
    expect(() => assertPlayerAllowed('/en/')).toThrow(/listen: true/);
  });
});
