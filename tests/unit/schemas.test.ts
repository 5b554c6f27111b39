import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, checkEntryFile, formatProblem } from '~/platform/content/content-check.ts';
import { GuideSchema } from '~/schemas/panduan.ts';
import { describeIssue } from '~/schemas/messages.ts';
import { NewsSchema } from '~/schemas/berita.ts';
import { ContactSchema, SourceSchema } from '~/schemas/shared.ts';
import { guide, mdx, site } from './content-fixtures.ts';

describe('guide schema', () => {
  it('accepts a complete guide and fills in defaults', () => {
    const parsed = GuideSchema.parse(guide);
    expect(parsed.draft).toBe(false);
    expect(parsed.needsCheck).toEqual([]);
    expect(parsed.audience).toEqual(['cpmi', 'pmi', 'purna', 'keluarga']);
    expect(parsed.checked).toBeInstanceOf(Date);
  });

  it.each(['title', 'summary', 'stage', 'order', 'sources', 'checked'])(
    'refuses a guide without %s',
    (field) => {
      const broken: Record<string, unknown> = { ...guide };
      delete broken[field];
      const result = GuideSchema.safeParse(broken);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
    },
  );

  it('explains a missing field in Indonesian', () => {
    const { title: _title, ...rest } = guide;
    const result = GuideSchema.safeParse(rest);
    expect(result.error?.issues[0]?.message).toBe('wajib diisi');
    expect(describeIssue(GuideSchema, result.error!.issues[0]!, rest)).toBe('Judul wajib diisi');
  });

  it('refuses an unknown stage with the allowed values', () => {
    const result = GuideSchema.safeParse({ ...guide, stage: 'nanti' });
    // By their labels, as the editor sees them in the CMS, never by their codes.
    expect(result.error?.issues[0]?.message).toBe(
      'harus salah satu dari: Sebelum berangkat, Selama bekerja, Setelah pulang',
    );
  });
});

describe('sources and contacts', () => {
  it('refuses javascript: and data: URLs in sources', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.org/x']) {
      expect(SourceSchema.safeParse({ ...guide.sources[0], url }).success, url).toBe(false);
    }
  });

  it('accepts a number written with its area code in parentheses, as sources print it', () => {
    const source = guide.sources[0];
    expect(
      ContactSchema.safeParse({ name: 'Kantor', phone: '(021) 27808211', source }).success,
    ).toBe(true);
    expect(ContactSchema.safeParse({ name: 'Kantor', phone: '(021) x', source }).success).toBe(
      false,
    );
  });

  it('refuses a phone number without its source', () => {
    const result = ContactSchema.safeParse({ name: 'BP3MI', phone: '0800-1000' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['source']);
  });
});

/** A valid news item, for the tests to vary. */
const news = {
  title: 'Pendaftaran dibuka',
  date: '2026-01-05T08:00:00+07:00',
  summary: 'Pendaftaran pelatihan kewirausahaan dibuka untuk purna PMI.',
};

describe('news schema', () => {
  it('keeps the instant of a date-time with an offset', () => {
    expect(NewsSchema.parse(news).date.toISOString()).toBe('2026-01-05T01:00:00.000Z');
  });

  it('accepts the Date object YAML makes of an unquoted date', () => {
    expect(
      NewsSchema.parse({ ...news, date: new Date('2026-01-05T01:00:00Z') }).date.toISOString(),
    ).toBe('2026-01-05T01:00:00.000Z');
  });

  it('refuses a date-time without its time zone', () => {
    expect(NewsSchema.safeParse({ ...news, date: '2026-01-05T08:00' }).success).toBe(false);
  });

  it('refuses an impossible date', () => {
    expect(NewsSchema.safeParse({ ...news, date: '2026-02-31' }).success).toBe(false);
  });

  it('allows "until" only on announcements', () => {
    const result = NewsSchema.safeParse({ ...news, until: '2026-02-01' });
    expect(result.error?.issues[0]?.path).toEqual(['until']);
    expect(NewsSchema.safeParse({ ...news, kind: 'pengumuman', until: '2026-02-01' }).success).toBe(
      true,
    );
  });

  it('requires alt text when an image is set', () => {
    const result = NewsSchema.safeParse({ ...news, image: { src: '/media/foto.jpg' } });
    expect(result.error?.issues[0]?.path).toEqual(['image', 'alt']);
  });
});

describe('content check (what npm run check and npm run build run first)', () => {
  it('names the file and the field of a removed required field', async () => {
    const { title: _t, ...noTitle } = guide;
    const root = await site({ 'content/panduan/id/cek-izin.mdx': mdx(noTitle) });
    const { problems } = await checkContent(root);
    expect(problems.map(formatProblem)).toEqual([
      'content/panduan/id/cek-izin.mdx: title: Judul wajib diisi',
    ]);
  });

  it('reports broken YAML with its line instead of crashing', async () => {
    const root = await site({
      'content/panduan/id/rusak.mdx': '---\ntitle: "tidak ditutup\nstage: sebelum\n---\nIsi',
    });
    const { problems } = await checkContent(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe('content/panduan/id/rusak.mdx');
    expect(problems[0]?.message).toMatch(/baris \d+/);
  });

  it('reports a file without frontmatter', async () => {
    const root = await site({ 'content/glosarium/id/kosong.mdx': 'Hanya teks.' });
    const { problems } = await checkContent(root);
    expect(problems[0]?.message).toMatch(/frontmatter/);
  });

  it('refuses files outside a language folder and badly named files', async () => {
    const root = await site({
      'content/panduan/cek-izin.mdx': mdx(guide),
      'content/panduan/id/Cek Izin.mdx': mdx(guide),
    });
    const { problems } = await checkContent(root);
    expect(problems.map((p) => p.file).sort()).toEqual([
      'content/panduan/cek-izin.mdx',
      'content/panduan/id/Cek Izin.mdx',
    ]);
  });

  it('refuses a file name that the site already uses as an address', async () => {
    const root = await site({
      'content/panduan/id/cetak.mdx': mdx(guide),
      'content/panduan/id/saring.mdx': mdx(guide),
    });
    const { problems } = await checkContent(root);
    expect(problems.map(formatProblem)).toEqual([
      'content/panduan/id/cetak.mdx: Nama "cetak" sudah dipakai alamat halaman situs (/panduan/cetak/). Pilih nama berkas lain.',
    ]);
  });

  it('reports a related guide that does not exist', async () => {
    const root = await site({
      'content/panduan/id/cek-izin.mdx': mdx({ ...guide, related: ['tidak-ada'] }),
    });
    const { problems } = await checkContent(root);
    expect(problems.map(formatProblem)).toEqual([
      'content/panduan/id/cek-izin.mdx: related.0: "tidak-ada" tidak ditemukan di panduan. Periksa ejaan nama berkasnya.',
    ]);
  });

  it('takes a related guide only from the same language and only when it is published', async () => {
    const root = await site({
      'content/panduan/id/cek-izin.mdx': mdx({ ...guide, related: ['kontrak', 'visa', 'biaya'] }),
      'content/panduan/en/kontrak.mdx': mdx(guide),
      'content/panduan/id/visa.mdx': mdx({ ...guide, draft: true }),
      'content/panduan/id/biaya.mdx': mdx(guide),
    });
    const { problems } = await checkContent(root);
    expect(problems.map(formatProblem)).toEqual([
      'content/panduan/id/cek-izin.mdx: related.0: "kontrak" tidak ditemukan di panduan. Periksa ejaan nama berkasnya.',
      'content/panduan/id/cek-izin.mdx: related.1: "visa" tidak ditemukan di panduan. Periksa ejaan nama berkasnya.',
    ]);
  });

  it('reports a broken settings file', async () => {
    const root = await site({});
    await writeFile(
      join(root, 'content/settings/site.yaml'),
      'siteName: X\ntimezone: Europe/Berlin\n',
    );
    const { problems } = await checkContent(root);
    const fields = problems.map((p) => p.field);
    expect(fields).toContain('timezone');
    expect(fields).toContain('siteUrl');
    expect(problems.every((p) => p.file === 'content/settings/site.yaml')).toBe(true);
  });

  it('refuses a glossary term whose needsCheck is not a list, naming file and field', async () => {
    const term = { term: 'SIAPkerja', definition: 'Aplikasi Kemnaker untuk mendaftar kerja.' };
    const root = await site({
      'content/glosarium/id/siapkerja.mdx': mdx({ ...term, needsCheck: 'belum pasti' }),
      'content/glosarium/id/ltsa.mdx': mdx({ ...term, term: 'LTSA', needsCheck: ['ok', 42] }),
    });
    const { problems } = await checkContent(root);
    expect(problems.map(formatProblem).sort()).toEqual([
      'content/glosarium/id/ltsa.mdx: needsCheck.0: Catatan perlu dicek ulang ke-1 terlalu pendek: tulis fakta mana yang belum pasti',
      'content/glosarium/id/ltsa.mdx: needsCheck.1: Catatan perlu dicek ulang ke-2 harus berupa teks biasa (satu kalimat atau lebih)',
      'content/glosarium/id/siapkerja.mdx: needsCheck: Perlu dicek ulang harus berupa daftar: satu catatan per baris, diawali tanda "-"',
    ]);
  });

  it('passes on the repository content', async () => {
    const { problems } = await checkContent(process.cwd());
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('checks a single file as the CMS guard will', async () => {
    const root = await site({ 'content/panduan/id/cek-izin.mdx': mdx({ ...guide, order: -1 }) });
    const { problems } = await checkEntryFile(
      root,
      'panduan',
      join(root, 'content/panduan/id/cek-izin.mdx'),
    );
    expect(problems[0]?.field).toBe('order');
  });
});

describe('news images', () => {
  it('accept only images uploaded to /media/ in a web format', () => {
    const ok = { src: '/media/foto-pelatihan.jpg', alt: 'Peserta pelatihan di balai desa' };
    expect(NewsSchema.safeParse({ ...news, image: ok }).success).toBe(true);
    for (const src of [
      'https://example.org/x.jpg',
      '/media/../secret.jpg',
      '/media/x.svg',
      'javascript:alert(1)',
    ]) {
      const result = NewsSchema.safeParse({ ...news, image: { ...ok, src } });
      expect(result.success, src).toBe(false);
    }
  });

  it('report an image file that is missing, naming the file and field', async () => {
    const root = await site({
      'content/berita/id/pelatihan.md': mdx({
        ...news,
        image: { src: '/media/tidak-ada.jpg', alt: 'Foto yang hilang dari folder' },
      }),
    });
    const { problems } = await checkContent(root);
    expect(problems.map(formatProblem)).toEqual([
      'content/berita/id/pelatihan.md: image.src: Gambar "/media/tidak-ada.jpg" tidak ada di src/assets/media/. Unggah ulang gambarnya lewat CMS.',
    ]);
  });
});
