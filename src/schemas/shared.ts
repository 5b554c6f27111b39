/**
 * Building blocks shared by the collection schemas.
 *
 * Doc comments on schema fields are written in Indonesian on purpose: they are the hint text that
 * editors see in the CMS (cms/ reads them), so they are product copy, not developer notes.
 */
import { z } from 'astro/zod';
import { LOCALES } from '../model/languages.ts';

// Messages in Indonesian for editors; a missing field says so plainly instead of naming JS types.
z.config(z.locales.id());
z.config({
  customError: (issue) =>
    issue.input === undefined ? 'Wajib diisi, tetapi belum ada.' : undefined,
});

/** Lower-case words joined by hyphens: the form of every entry id and reference. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SlugSchema = z
  .string()
  .regex(
    SLUG_PATTERN,
    'Gunakan huruf kecil, angka dan tanda hubung saja, misalnya "cek-izin-p3mi".',
  );

/** Only web addresses a reader can open safely: no javascript:, data: or other schemes. */
export const WebUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'Tulis alamat web lengkap yang diawali https:// atau http://',
});

/** True when year-month-day names a real calendar day (no 31 February). */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** A calendar day. Decap writes dates unquoted, so YAML may hand us a Date object or a string. */
export const DaySchema = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? '' : value.trim();
  const date =
    value instanceof Date
      ? value
      : /^\d{4}-\d{2}-\d{2}$/.test(text) && isCalendarDay(text)
        ? new Date(`${text}T00:00:00Z`)
        : null;
  if (!date || Number.isNaN(date.getTime())) {
    ctx.addIssue({
      code: 'custom',
      message: `Tanggal tidak valid${text ? ` ("${text}")` : ''}. Tulis seperti 2026-01-31.`,
    });
    return z.NEVER;
  }
  return date;
});

const DATE_TIME_PATTERN =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * An instant: either a day (2026-01-31) or a date-time with its offset (2026-01-31T08:00:00+07:00).
 * A date-time without an offset is refused because the instant it names would depend on the
 * computer that builds the site.
 */
export const InstantSchema = z.union([z.date(), z.string()]).transform((value, ctx) => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'Tanggal tidak valid.' });
      return z.NEVER;
    }
    return value;
  }
  const text = value.trim();
  if (!DATE_TIME_PATTERN.test(text)) {
    ctx.addIssue({
      code: 'custom',
      message:
        'Tulis tanggal seperti 2026-01-31, atau tanggal dan jam dengan zona waktunya seperti 2026-01-31T08:00:00+07:00.',
    });
    return z.NEVER;
  }
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime()) || !isCalendarDay(text)) {
    ctx.addIssue({ code: 'custom', message: `Tanggal "${text}" tidak ada di kalender.` });
    return z.NEVER;
  }
  return parsed;
});

export { LOCALES, type Locale } from '../model/languages.ts';
export const LocaleSchema = z.enum(LOCALES);

/** Who a guide, programme or course is for. */
export const AUDIENCES = ['cpmi', 'pmi', 'purna', 'keluarga'] as const;
export const AudienceSchema = z.enum(AUDIENCES, {
  error: 'Pilih salah satu: cpmi, pmi, purna atau keluarga.',
});

/** The three stages of UU No. 18 Tahun 2017. */
export const STAGES = ['sebelum', 'selama', 'setelah'] as const;
export const StageSchema = z.enum(STAGES, { error: 'Pilih tahap: sebelum, selama atau setelah.' });

/** Time zones of Indonesia (WIB, WITA, WIT). */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export const TimeZoneSchema = z.enum(TIME_ZONES, {
  error: 'Zona waktu harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).',
});
export type TimeZone = z.infer<typeof TimeZoneSchema>;

/** Destination countries and regions that guides and news may be tagged with. */
export const DESTINATIONS = [
  'hongkong',
  'taiwan',
  'malaysia',
  'singapura',
  'brunei',
  'korea-selatan',
  'jepang',
  'timur-tengah',
  'arab-saudi',
  'eropa',
  'lainnya',
] as const;
export const DestinationSchema = z.enum(DESTINATIONS);

/** Phone numbers as written on official pages: digits, spaces, +, - and parentheses, as in (021) 1234567. */
export const PhoneSchema = z
  .string()
  .regex(
    /^\+?\(?[0-9][0-9 ()-]{2,20}$/,
    'Nomor telepon hanya boleh berisi angka, spasi, +, - dan tanda kurung.',
  );

export const SourceSchema = z.object({
  /** Judul dokumen, halaman atau berita yang menjadi sumber. */
  title: z.string().trim().min(3),
  /** Lembaga atau media yang menerbitkan sumber itu. */
  publisher: z.string().trim().min(2),
  /** Alamat web sumber (diawali https://) agar pembaca bisa memeriksanya sendiri. */
  url: WebUrlSchema,
  /** Tanggal sumber terakhir dibuka dan dibaca. */
  accessed: DaySchema,
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * A way to reach a person or office. Any number, address or e-mail must carry the source it was
 * taken from: the site never shows a contact detail that nobody can verify.
 */
export const ContactSchema = z
  .object({
    /** Nama kantor, layanan atau orang yang bisa dihubungi. */
    name: z.string().trim().min(2),
    /** Keterangan singkat, misalnya "Pengaduan 24 jam". */
    role: z.string().trim().optional(),
    /** Nomor telepon persis seperti di sumber. */
    phone: PhoneSchema.optional(),
    /** Nomor WhatsApp persis seperti di sumber. */
    whatsapp: PhoneSchema.optional(),
    /** Alamat surel (e-mail). */
    email: z.email({ error: 'Alamat surel tidak valid.' }).optional(),
    /** Alamat web layanan. */
    url: WebUrlSchema.optional(),
    /** Alamat kantor. */
    address: z.string().trim().optional(),
    /** Jam layanan, misalnya "Senin–Jumat 08.00–15.00". */
    hours: z.string().trim().optional(),
    /** Sumber tempat nomor atau alamat ini ditemukan (wajib bila ada nomor, surel atau alamat). */
    source: SourceSchema.optional(),
    /** Catatan bila data ini perlu dicek ulang. */
    needsCheck: z.string().trim().optional(),
  })
  .superRefine((contact, ctx) => {
    const hasDetail = contact.phone ?? contact.whatsapp ?? contact.email ?? contact.address;
    if (hasDetail && !contact.source) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message:
          'Nomor, surel atau alamat harus disertai sumbernya. Jika tidak ada sumber, hapus datanya dan tulis siapa yang bisa ditanya.',
      });
    }
  });
export type Contact = z.infer<typeof ContactSchema>;

/**
 * Uncertain or contested facts, one note per item: each is shown with a visible "perlu dicek ulang"
 * badge on screen and in print. Guides, programmes, service points and glossary terms share it.
 */
export const NeedsCheckSchema = z
  .array(
    z
      .string({ error: 'Tulis setiap catatan sebagai teks biasa (satu kalimat atau lebih).' })
      .trim()
      .min(5, 'Catatan "perlu dicek ulang" terlalu pendek: tulis fakta mana yang belum pasti.'),
    {
      error:
        'Tulis catatan "perlu dicek ulang" sebagai daftar: satu catatan per baris, diawali tanda "-".',
    },
  )
  .default([]);

/** Fields every editorial entry has. */
export const editorialFields = {
  /** Kata lain yang dipakai orang untuk mencari halaman ini (misalnya TKI, calo). Membantu pencarian. */
  keywords: z.array(z.string().trim().min(2)).default([]),
  /** Centang untuk menyimpan sebagai draf: draf tidak pernah tampil di situs. */
  draft: z.boolean().default(false),
};
