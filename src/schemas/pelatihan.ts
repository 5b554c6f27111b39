/** Entrepreneurship training courses and their scheduled sessions. */
import { z } from 'astro/zod';
import {
  AudienceSchema,
  ContactSchema,
  PhoneSchema,
  SlugSchema,
  TimeZoneSchema,
  WebUrlSchema,
  editorialFields,
  isCalendarDay,
  field,
} from './shared.ts';
import { dayInWords } from './messages.ts';
import { slugify } from '../platform/content/slug.ts';
import { SESSION_STATUSES, STATUS_OVERRIDES } from '../model/session-statuses.ts';
import { labelsFrom } from './ui-labels.ts';

/** The override choices as editors read them: the statuses table's labels. */
const STATUS_LABELS = labelsFrom(
  Object.fromEntries(STATUS_OVERRIDES.map((s) => [s, SESSION_STATUSES[s].label])),
);

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Wall-clock time where the session happens, without an offset: "2026-12-05T08:00".
 * The zone comes from the session's `timezone`. YAML turns an unquoted date-time into a Date in
 * UTC; its UTC fields are the wall-clock time that was written, so they are read back as such.
 * A bare day ("2026-12-05") is allowed when `dayOnly` is set and means the end of that day.
 */
function localDateTime(dayEndsAt: string | null) {
  return z.union([z.date(), z.string()]).transform((value, ctx) => {
    let text: string;
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'berisi tanggal yang tidak bisa dibaca' });
        return z.NEVER;
      }
      const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
      // YAML reads an unquoted bare day (2026-12-05) as midnight UTC: keep it a bare day.
      const midnight = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() === 0;
      text = midnight ? day : `${day}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
    } else {
      text = value.trim();
    }
    const m = LOCAL_PATTERN.exec(text);
    if (!m || (!m[4] && dayEndsAt === null)) {
      ctx.addIssue({
        code: 'custom',
        message: `belum berbentuk tanggal dan jam setempat ("${text}"): tulis seperti 14-08-2027 08.00 (di berkas: 2027-08-14T08:00, tanpa zona waktu)`,
      });
      return z.NEVER;
    }
    if (!isCalendarDay(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `berisi tanggal yang mustahil: ${dayInWords(text)} tidak ada di kalender`,
      });
      return z.NEVER;
    }
    const hours = m[4] === undefined ? null : Number(m[4]);
    const minutes = Number(m[5] ?? 0);
    if (hours !== null && (hours > 23 || minutes > 59)) {
      ctx.addIssue({ code: 'custom', message: `berisi jam yang mustahil: ${m[4]}.${m[5]}` });
      return z.NEVER;
    }
    const time = hours === null ? (dayEndsAt ?? '00:00') : `${pad(hours)}:${pad(minutes)}`;
    return `${m[1]}-${m[2]}-${m[3]}T${time}`;
  });
}

export const LocalDateTimeSchema = localDateTime(null).meta({ date: 'local' });
/** A deadline may be a bare day, meaning registration closes at the end of it (23:59). */
export const LocalDeadlineSchema = localDateTime('23:59').meta({ date: 'local' });

export const SESSION_MODES = ['tatap-muka', 'daring', 'campuran'] as const;
export const SessionModeSchema = z.enum(SESSION_MODES).meta({
  options: labelsFrom({
    'tatap-muka': 'session.mode.tatapMuka',
    daring: 'session.mode.daring',
    campuran: 'session.mode.campuran',
  }),
});
export { STATUS_OVERRIDES };

export const VenueSchema = z.object({
  name: field.text('Nama tempat', 'Misalnya "Balai Desa Dayu".', 2),
  address: field.optionalText('Alamat', 'Alamat jalan, bila ada.'),
  desa: field.optionalText('Desa/kelurahan', 'Desa atau kelurahan.'),
  kecamatan: field.text('Kecamatan', 'Kecamatan.', 2),
  kabupaten: field.text('Kabupaten/kota', 'Kabupaten atau kota.', 2),
  lat: z
    .number()
    .min(-90)
    .max(90)
    .optional()
    .meta({ label: 'Garis lintang', hint: 'Misalnya -8.0954.' }),
  lng: z
    .number()
    .min(-180)
    .max(180)
    .optional()
    .meta({ label: 'Garis bujur', hint: 'Misalnya 112.1609.' }),
});

/**
 * A number WhatsApp can reach: an Indonesian mobile number (08…, 628…, +62 8…) or any number with
 * its country code (+…), written with digits, spaces, +, - and parentheses only.
 */
export function isWhatsAppNumber(value: string): boolean {
  const text = value.trim();
  if (!/^\+?[0-9][0-9 ()-]*$/.test(text)) return false;
  const digits = text.replace(/[^0-9]/g, '');
  if (text.startsWith('+')) {
    if (digits.startsWith('62')) return /^628\d{7,11}$/.test(digits);
    return /^[1-9]\d{7,14}$/.test(digits);
  }
  return /^08\d{8,11}$/.test(digits) || /^628\d{7,11}$/.test(digits);
}

export const WHATSAPP_MESSAGE =
  'Nomor WhatsApp harus nomor HP, misalnya 0812-3456-7890 atau +62 812 3456 7890 (hanya angka, spasi, +, - dan tanda kurung).';

export const WhatsAppNumberSchema = z
  .string({
    // YAML reads an unquoted 081234567890 as a number and drops the leading 0.
    error: 'Tulis nomor WhatsApp di antara tanda kutip, misalnya "0812-3456-7890".',
  })
  .trim()
  .refine(isWhatsAppNumber, { message: WHATSAPP_MESSAGE });

export const RegistrationSchema = z
  .object({
    url: WebUrlSchema.optional().meta({
      label: 'Alamat web',
      hint: 'Alamat formulir pendaftaran daring.',
    }),
    whatsapp: WhatsAppNumberSchema.optional().meta({
      label: 'WhatsApp',
      hint: 'Nomor WhatsApp pendaftaran (nomor HP); situs membuat pesan pendaftaran yang sudah terisi.',
    }),
    phone: PhoneSchema.optional().meta({
      label: 'Telepon',
      hint: 'Nomor telepon pendaftaran, untuk ditelepon atau dikirimi SMS.',
    }),
    inPerson: field.optionalText(
      'Daftar langsung',
      'Cara mendaftar langsung, misalnya "Datang ke kantor Disnaker membawa KTP".',
      5,
    ),
  })
  .refine((r) => r.url ?? r.whatsapp ?? r.phone ?? r.inPerson, {
    message:
      'Isi paling sedikit satu cara mendaftar: alamat web, WhatsApp, telepon atau cara datang langsung.',
  });

export const SessionSchema = z
  .object({
    id: SlugSchema.optional().meta({
      label: 'Kode sesi',
      hint: 'Kode sesi yang tetap (misalnya "2026-12-sanankulon"); dipakai kalender agar tidak dobel.',
    }),
    start: LocalDateTimeSchema.meta({
      label: 'Waktu mulai',
      hint: 'Tanggal dan jam setempat, misalnya 14-08-2027 08.00: jam diketik apa adanya menurut jam di tempat sesi (lihat Zona waktu), berapa pun jam di komputer Anda.',
    }),
    end: LocalDateTimeSchema.meta({ label: 'Waktu selesai', hint: 'Tanggal dan jam setempat.' }),
    timezone: TimeZoneSchema.optional().meta({
      label: 'Zona waktu',
      hint: 'Zona waktu tempat sesi (kosongkan untuk memakai zona di Pengaturan).',
    }),
    mode: SessionModeSchema.meta({
      label: 'Cara pelaksanaan',
      hint: 'Tatap muka, daring atau campuran.',
    }),
    venue: VenueSchema.optional().meta({
      label: 'Tempat',
      hint: 'Tempat pelaksanaan (wajib untuk tatap muka dan campuran).',
    }),
    onlineUrl: WebUrlSchema.optional().meta({
      label: 'Tautan kelas daring',
      hint: 'Tautan kelas daring (wajib untuk daring dan campuran).',
    }),
    capacity: z
      .number()
      .int()
      .min(1)
      .meta({ label: 'Kapasitas', hint: 'Jumlah peserta paling banyak.' }),
    seatsLeft: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ label: 'Sisa kursi', hint: 'Kursi yang masih kosong, bila diketahui.' }),
    deadline: LocalDeadlineSchema.meta({
      label: 'Batas pendaftaran',
      hint: 'Tanggal (dan jam) setempat; tanpa jam berarti sampai pukul 23.59.',
    }),
    registration: RegistrationSchema.meta({ label: 'Pendaftaran', hint: 'Cara mendaftar.' }),
    status: z
      .enum(STATUS_OVERRIDES)
      .meta({ options: STATUS_LABELS })
      .optional()
      .meta({ label: 'Status', hint: 'Status khusus bila sesi penuh, ditunda atau dibatalkan.' }),
    contact: ContactSchema.optional().meta({ label: 'Narahubung', hint: 'Narahubung sesi ini.' }),
    note: field.optionalText('Catatan', 'Catatan singkat untuk peserta.'),
  })
  .superRefine((s, ctx) => {
    if (s.end <= s.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'harus sesudah Waktu mulai',
      });
    }
    if (s.deadline > s.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['deadline'],
        message: 'tidak boleh sesudah Waktu mulai',
      });
    }
    if (s.seatsLeft !== undefined && s.seatsLeft > s.capacity) {
      ctx.addIssue({
        code: 'custom',
        path: ['seatsLeft'],
        message: 'tidak boleh lebih banyak dari Kapasitas',
      });
    }
    if (s.mode !== 'daring' && !s.venue) {
      ctx.addIssue({
        code: 'custom',
        path: ['venue'],
        message: 'wajib diisi untuk sesi tatap muka atau campuran',
      });
    }
    if (s.mode !== 'tatap-muka' && !s.onlineUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['onlineUrl'],
        message: 'wajib diisi untuk sesi daring atau campuran',
      });
    }
  });

/** "gratis" or a whole number of rupiah; the CMS edits it as text (cms/fields.ts). */
export const CostSchema = z.union([z.literal('gratis'), z.number().int().min(0)], {
  error: 'ditulis "gratis" atau jumlah rupiah tanpa titik, misalnya 150000',
});

/** A session's stable code: its `id`, or the start day and place ("2026-12-05-nglegok"). */
export function sessionKey(s: {
  id?: string | undefined;
  start: string;
  venue?: { kecamatan: string } | undefined;
}): string {
  if (s.id) return s.id;
  const place = slugify(s.venue?.kecamatan ?? 'daring');
  return `${s.start.slice(0, 10)}-${place || 'sesi'}`;
}

export const CourseSchema = z.object({
  title: field.text('Judul', 'Nama pelatihan.', 5, 120),
  program: SlugSchema.optional().meta({
    relation: { collection: 'program', display: 'name' },
    label: 'Program',
    hint: 'Program yang menaungi pelatihan ini (nama berkas program, misalnya "pak-camat-pmi").',
  }),
  summary: field.text('Ringkasan', 'Ringkasan satu atau dua kalimat.', 20, 240),
  topics: z
    .array(
      z
        .string()
        .trim()
        .min(2)
        // Open data lists topics separated by semicolons.
        .refine((topic) => !topic.includes(';'), 'tidak boleh memuat titik koma (;)'),
    )
    .min(1)
    .meta({ label: 'Topik', item: 'Topik', hint: 'Topik yang dipelajari, satu per baris.' }),
  audience: z
    .array(AudienceSchema)
    .min(1)
    .meta({ label: 'Untuk siapa', hint: 'Untuk siapa pelatihan ini.' }),
  provider: field.text('Penyelenggara', 'Penyelenggara pelatihan.', 2),
  partners: field.lines('Mitra', 'Mitra penyelenggara.', 2),
  cost: CostSchema.default('gratis').meta({
    label: 'Biaya',
    hint: '"gratis" atau jumlah rupiah tanpa titik (misalnya 150000).',
  }),
  requirements: field.lines('Syarat', 'Syarat peserta, satu per baris.', 3),
  outcomes: field.lines('Yang didapat', 'Yang didapat peserta, satu per baris.', 3),
  language: z.string().trim().min(2).max(12).default('id').meta({
    label: 'Bahasa pengantar',
    hint: 'Bahasa pengantar (kode bahasa, misalnya "id" atau "jv").',
  }),
  example: z.boolean().default(false).meta({
    label: 'Data contoh',
    hint: 'Hanya untuk data contoh di folder examples/ (bukan jadwal sungguhan); pelatihan di content/ tidak boleh dicentang.',
  }),
  sessions: z
    .array(SessionSchema)
    .default([])
    .superRefine((sessions, ctx) => {
      // Calendar UIDs and poster addresses come from the session code: two equal codes would
      // merge two sessions in a subscriber's calendar.
      const seen = new Map<string, number>();
      sessions.forEach((s, i) => {
        const key = sessionKey(s);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `Kode sesi "${key}" sama dengan kode sesi ke-${first + 1}: isi Kode sesi dengan kode lain`,
          });
      });
    })
    .meta({ label: 'Sesi', item: 'Sesi', itemKey: 'start', hint: 'Jadwal sesi pelatihan.' }),
  ...editorialFields,
});

/**
 * Said by the content check and the CMS when a course under content/ is marked as an example:
 * example data lives in examples/ and is built only on request (MIGRASI_EXAMPLES=1).
 */
export const EXAMPLE_IN_CONTENT_MESSAGE =
  'Data contoh tidak boleh disimpan di content/: situs kantor hanya memuat pelatihan sungguhan. ' +
  'Pindahkan berkas ini ke examples/pelatihan/id/, atau hapus centang "Data contoh" ' +
  '(baris "example: true") bila pelatihannya sungguhan.';

export type Course = z.infer<typeof CourseSchema>;
export type Session = z.infer<typeof SessionSchema>;
