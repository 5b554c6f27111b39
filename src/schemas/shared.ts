/**
 * Building blocks shared by the collection schemas.
 *
 * What editors see of a field, its label and hint, is data on the schema (`.meta({ label, hint })`,
 * read at run time by the CMS and by the messages); messages come from ./messages.ts.
 */
import { z } from 'astro/zod';
import { dayInWords } from './messages.ts';
import { labelsFrom } from './ui-labels.ts';
import { LOCALES } from '../model/languages.ts';

/**
 * Field builders: each is one kind of field with what editors see of it (label and hint). They
 * build exactly the zod chain written out before (trim, then the lengths, then optional or default),
 * so the messages, the content check and the CMS read the same rules.
 */

/** A line of text, trimmed; `min` and `max` count its letters. */
function textField(label: string, hint: string, min?: number, max?: number) {
  let text = z.string().trim();
  if (min !== undefined) text = text.min(min);
  if (max !== undefined) text = text.max(max);
  return text.meta({ label, hint });
}

/** A line of text that may be left empty; when written, at least `min` letters. */
function optionalTextField(label: string, hint: string, min?: number) {
  const text = z.string().trim();
  return (min === undefined ? text : text.min(min)).optional().meta({ label, hint });
}

/** A list that may be empty (the default); `more` adds to what editors see (e.g. a relation). */
export function listField<T extends z.ZodType>(
  item: T,
  label: string,
  hint: string,
  more: z.core.GlobalMeta = {},
) {
  return z
    .array(item)
    .default([])
    .meta({ ...more, label, hint });
}

/** A list of lines of text (one per line in the CMS), each at least `min` letters. */
function linesField(label: string, hint: string, min: number) {
  return listField(z.string().trim().min(min), label, hint);
}

/** A place in a list: a whole number from 0, small first, 50 when not given. */
function orderField(hint: string) {
  return z.number().int().min(0).default(50).meta({ label: 'Urutan', hint });
}

/** Lower-case words joined by hyphens: the form of every entry id and reference. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SlugSchema = z
  .string()
  .regex(
    SLUG_PATTERN,
    'harus memakai huruf kecil, angka dan tanda hubung saja, misalnya "cek-izin-p3mi"',
  );

/** Only web addresses a reader can open safely: no javascript:, data: or other schemes. */
export const WebUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'belum berupa alamat web lengkap: tulis yang diawali https:// atau http://',
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
export const DaySchema = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
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
        message:
          /^\d{4}-\d{2}-\d{2}$/.test(text) && !isCalendarDay(text)
            ? `berisi tanggal yang mustahil: ${dayInWords(text)} tidak ada di kalender`
            : `belum berbentuk tanggal${text ? ` ("${text}")` : ''}: tulis seperti 31-01-2026 (di berkas: 2026-01-31)`,
      });
      return z.NEVER;
    }
    return date;
  })
  .meta({ date: 'day' });

const DATE_TIME_PATTERN =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * An instant: either a day (2026-01-31) or a date-time with its offset (2026-01-31T08:00:00+07:00).
 * A date-time without an offset is refused because the instant it names would depend on the
 * computer that builds the site.
 */
export const InstantSchema = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'berisi tanggal yang tidak bisa dibaca' });
        return z.NEVER;
      }
      return value;
    }
    const text = value.trim();
    if (!DATE_TIME_PATTERN.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'belum berbentuk tanggal: tulis seperti 31-01-2026 08.00 (di berkas: 2026-01-31 atau 2026-01-31T08:00:00+07:00, dengan zona waktunya)',
      });
      return z.NEVER;
    }
    const parsed = new Date(text);
    if (Number.isNaN(parsed.getTime()) || !isCalendarDay(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `berisi tanggal yang mustahil: ${dayInWords(text)} tidak ada di kalender`,
      });
      return z.NEVER;
    }
    return parsed;
  })
  .meta({ date: 'instant' });

export { LOCALES, type Locale } from '../model/languages.ts';
export const LocaleSchema = z.enum(LOCALES);

/** Who a guide, programme or course is for. */
export const AUDIENCES = ['cpmi', 'pmi', 'purna', 'keluarga'] as const;
export const AudienceSchema = z.enum(AUDIENCES).meta({
  options: labelsFrom({
    cpmi: 'courses.audience.cpmi',
    pmi: 'courses.audience.pmi',
    purna: 'courses.audience.purna',
    keluarga: 'courses.audience.keluarga',
  }),
});

/** The three stages of UU No. 18 Tahun 2017. */
export const STAGES = ['sebelum', 'selama', 'setelah'] as const;
export const StageSchema = z.enum(STAGES).meta({
  options: labelsFrom({
    sebelum: 'stage.sebelum',
    selama: 'stage.selama',
    setelah: 'stage.setelah',
  }),
});

/** Time zones of Indonesia (WIB, WITA, WIT). */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export const TimeZoneSchema = z.enum(TIME_ZONES).meta({
  options: {
    'Asia/Jakarta': 'WIB (Asia/Jakarta)',
    'Asia/Makassar': 'WITA (Asia/Makassar)',
    'Asia/Jayapura': 'WIT (Asia/Jayapura)',
  },
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
export const DestinationSchema = z.enum(DESTINATIONS).meta({
  options: {
    hongkong: 'Hong Kong',
    taiwan: 'Taiwan',
    malaysia: 'Malaysia',
    singapura: 'Singapura',
    brunei: 'Brunei Darussalam',
    'korea-selatan': 'Korea Selatan',
    jepang: 'Jepang',
    'timur-tengah': 'Timur Tengah',
    'arab-saudi': 'Arab Saudi',
    eropa: 'Eropa',
    lainnya: 'Lainnya',
  },
});

/** Phone numbers as written on official pages: digits, spaces, +, - and parentheses, as in (021) 1234567. */
export const PhoneSchema = z
  .string()
  .regex(/^\+?\(?[0-9][0-9 ()-]{2,20}$/, 'hanya boleh berisi angka, spasi, +, - dan tanda kurung');

export const SourceSchema = z.object({
  title: textField('Judul', 'Judul dokumen, halaman atau berita yang menjadi sumber.', 3),
  publisher: textField('Penerbit', 'Lembaga atau media yang menerbitkan sumber itu.', 2),
  url: WebUrlSchema.meta({
    label: 'Alamat web',
    hint: 'Alamat web sumber (diawali https://) agar pembaca bisa memeriksanya sendiri.',
  }),
  accessed: DaySchema.meta({
    label: 'Tanggal dibuka',
    hint: 'Tanggal sumber terakhir dibuka dan dibaca.',
  }),
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * A way to reach a person or office. Any number, address or e-mail must carry the source it was
 * taken from: the site never shows a contact detail that nobody can verify.
 */
export const ContactSchema = z
  .object({
    name: textField('Nama', 'Kantor, layanan atau orang yang bisa dihubungi.', 2),
    role: optionalTextField('Keterangan', 'Keterangan singkat, misalnya "Pengaduan 24 jam".'),
    phone: PhoneSchema.optional().meta({
      label: 'Telepon',
      hint: 'Nomor telepon persis seperti di sumber.',
    }),
    whatsapp: PhoneSchema.optional().meta({
      label: 'WhatsApp',
      hint: 'Nomor WhatsApp persis seperti di sumber.',
    }),
    email: z
      .email({ error: 'belum berupa alamat surel yang benar, misalnya nama@contoh.go.id' })
      .optional()
      .meta({ label: 'Surel', hint: 'Alamat surel (e-mail).' }),
    url: WebUrlSchema.optional().meta({ label: 'Alamat web', hint: 'Alamat web layanan.' }),
    address: optionalTextField('Alamat', 'Alamat kantor.'),
    hours: optionalTextField('Jam layanan', 'Jam layanan, misalnya "Senin–Jumat 08.00–15.00".'),
    source: SourceSchema.optional().meta({
      label: 'Sumber',
      hint: 'Sumber tempat nomor atau alamat ini ditemukan (wajib bila ada nomor, surel atau alamat).',
    }),
    needsCheck: optionalTextField('Perlu dicek ulang', 'Catatan bila data ini perlu dicek ulang.'),
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
      .string({ error: 'harus berupa teks biasa (satu kalimat atau lebih)' })
      .trim()
      .min(5, 'terlalu pendek: tulis fakta mana yang belum pasti'),
    {
      error: 'harus berupa daftar: satu catatan per baris, diawali tanda "-"',
    },
  )
  .default([])
  .meta({ item: 'Catatan perlu dicek ulang' });

/** The field of uncertain facts, with its hint for this collection. */
function needsCheckField(
  hint = 'Fakta yang belum pasti: tampil dengan tanda "perlu dicek ulang".',
) {
  return NeedsCheckSchema.meta({ label: 'Perlu dicek ulang', hint });
}

/**
 * Where a fact page's facts come from and how sure they are (guides, programmes, service points):
 * at least one source, the day the facts were last checked, and the uncertain ones.
 */
function factFields(hints: { sources: string; checked: string; needsCheck?: string }) {
  return {
    sources: z.array(SourceSchema).min(1).meta({ label: 'Sumber', hint: hints.sources }),
    checked: DaySchema.meta({ label: 'Terakhir diperiksa', hint: hints.checked }),
    needsCheck: needsCheckField(hints.needsCheck),
  };
}

/**
 * The field builders, read as `field.text('Judul', 'Nama pelatihan.', 5, 120)`; `field.facts` is
 * spread into a schema (`...field.facts({ … })`).
 */
export const field = {
  text: textField,
  optionalText: optionalTextField,
  list: listField,
  lines: linesField,
  order: orderField,
  needsCheck: needsCheckField,
  facts: factFields,
};

/** Fields every editorial entry has. */
export const editorialFields = {
  keywords: field.lines(
    'Kata kunci pencarian',
    'Kata lain yang dipakai orang untuk mencari halaman ini (misalnya TKI, calo). Membantu pencarian.',
    2,
  ),
  draft: z.boolean().default(false).meta({
    label: 'Draf',
    hint: 'Centang untuk menyimpan sebagai draf: draf tidak pernah tampil di situs.',
  }),
};
