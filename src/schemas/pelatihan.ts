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
} from './shared.ts';
import { slugify } from '../platform/content/slug.ts';
import { STATUS_OVERRIDES } from '../model/session-statuses.ts';

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
        ctx.addIssue({ code: 'custom', message: 'Tanggal tidak valid.' });
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
        message: `Tulis tanggal dan jam setempat seperti 2026-12-05T08:00 (tanpa zona waktu), bukan "${text}".`,
      });
      return z.NEVER;
    }
    if (!isCalendarDay(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `Tanggal ${m[1]}-${m[2]}-${m[3]} tidak ada di kalender.`,
      });
      return z.NEVER;
    }
    const hours = m[4] === undefined ? null : Number(m[4]);
    const minutes = Number(m[5] ?? 0);
    if (hours !== null && (hours > 23 || minutes > 59)) {
      ctx.addIssue({ code: 'custom', message: `Jam ${m[4]}:${m[5]} tidak valid.` });
      return z.NEVER;
    }
    const time = hours === null ? (dayEndsAt ?? '00:00') : `${pad(hours)}:${pad(minutes)}`;
    return `${m[1]}-${m[2]}-${m[3]}T${time}`;
  });
}

export const LocalDateTimeSchema = localDateTime(null);
/** A deadline may be a bare day, meaning registration closes at the end of it (23:59). */
export const LocalDeadlineSchema = localDateTime('23:59');

export const SESSION_MODES = ['tatap-muka', 'daring', 'campuran'] as const;
export { STATUS_OVERRIDES };

export const VenueSchema = z.object({
  /** Nama tempat, misalnya "Balai Desa Dayu". */
  name: z.string().trim().min(2),
  /** Alamat jalan, bila ada. */
  address: z.string().trim().optional(),
  /** Desa atau kelurahan. */
  desa: z.string().trim().optional(),
  /** Kecamatan. */
  kecamatan: z.string().trim().min(2),
  /** Kabupaten atau kota. */
  kabupaten: z.string().trim().min(2),
  /** Garis lintang (opsional), misalnya -8.0954. */
  lat: z.number().min(-90).max(90).optional(),
  /** Garis bujur (opsional), misalnya 112.1609. */
  lng: z.number().min(-180).max(180).optional(),
});

export const RegistrationSchema = z
  .object({
    /** Alamat formulir pendaftaran daring. */
    url: WebUrlSchema.optional(),
    /** Nomor WhatsApp pendaftaran. */
    whatsapp: PhoneSchema.optional(),
    /** Cara mendaftar langsung, misalnya "Datang ke kantor Disnaker membawa KTP". */
    inPerson: z.string().trim().min(5).optional(),
  })
  .refine((r) => r.url ?? r.whatsapp ?? r.inPerson, {
    message:
      'Isi paling sedikit satu cara mendaftar: alamat web, WhatsApp atau cara datang langsung.',
  });

export const SessionSchema = z
  .object({
    /** Kode sesi yang tetap (misalnya "2026-12-sanankulon"); dipakai kalender agar tidak dobel. */
    id: SlugSchema.optional(),
    /** Mulai: tanggal dan jam setempat, misalnya 2026-12-05T08:00. */
    start: LocalDateTimeSchema,
    /** Selesai: tanggal dan jam setempat. */
    end: LocalDateTimeSchema,
    /** Zona waktu tempat sesi (kosongkan untuk memakai zona di Pengaturan). */
    timezone: TimeZoneSchema.optional(),
    /** Cara pelaksanaan: tatap muka, daring atau campuran. */
    mode: z.enum(SESSION_MODES),
    /** Tempat pelaksanaan (wajib untuk tatap muka dan campuran). */
    venue: VenueSchema.optional(),
    /** Tautan kelas daring (wajib untuk daring dan campuran). */
    onlineUrl: WebUrlSchema.optional(),
    /** Jumlah peserta paling banyak. */
    capacity: z.number().int().min(1, 'Kapasitas harus lebih dari 0.'),
    /** Sisa kursi (opsional). */
    seatsLeft: z.number().int().min(0, 'Sisa kursi tidak boleh negatif.').optional(),
    /** Batas akhir pendaftaran: tanggal (dan jam) setempat. */
    deadline: LocalDeadlineSchema,
    /** Cara mendaftar. */
    registration: RegistrationSchema,
    /** Status khusus bila sesi penuh, ditunda atau dibatalkan. */
    status: z.enum(STATUS_OVERRIDES).optional(),
    /** Narahubung sesi ini. */
    contact: ContactSchema.optional(),
    /** Catatan singkat untuk peserta. */
    note: z.string().trim().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.end <= s.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'Waktu selesai harus sesudah waktu mulai.',
      });
    }
    if (s.deadline > s.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['deadline'],
        message: 'Batas pendaftaran tidak boleh sesudah sesi dimulai.',
      });
    }
    if (s.seatsLeft !== undefined && s.seatsLeft > s.capacity) {
      ctx.addIssue({
        code: 'custom',
        path: ['seatsLeft'],
        message: 'Sisa kursi tidak boleh lebih banyak dari kapasitas.',
      });
    }
    if (s.mode !== 'daring' && !s.venue) {
      ctx.addIssue({
        code: 'custom',
        path: ['venue'],
        message: 'Sesi tatap muka atau campuran harus punya tempat.',
      });
    }
    if (s.mode !== 'tatap-muka' && !s.onlineUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['onlineUrl'],
        message: 'Sesi daring atau campuran harus punya tautan kelas daring.',
      });
    }
  });

export const CostSchema = z.union([
  z.literal('gratis'),
  z.number().int().min(0, 'Biaya tidak boleh negatif.'),
]);

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
  /** Nama pelatihan. */
  title: z.string().trim().min(5).max(120),
  /** Program yang menaungi pelatihan ini (nama berkas program, misalnya "pak-camat-pmi"). */
  program: SlugSchema.optional(),
  /** Ringkasan satu atau dua kalimat. */
  summary: z.string().trim().min(20).max(240),
  /** Topik yang dipelajari, satu per baris. */
  topics: z
    .array(
      z
        .string()
        .trim()
        .min(2)
        // Open data lists topics separated by semicolons.
        .refine((topic) => !topic.includes(';'), 'Topik tidak boleh memuat titik koma (;).'),
    )
    .min(1),
  /** Untuk siapa pelatihan ini. */
  audience: z.array(AudienceSchema).min(1),
  /** Penyelenggara pelatihan. */
  provider: z.string().trim().min(2),
  /** Mitra penyelenggara. */
  partners: z.array(z.string().trim().min(2)).default([]),
  /** Biaya: "gratis" atau jumlah rupiah tanpa titik (misalnya 150000). */
  cost: CostSchema.default('gratis'),
  /** Syarat peserta, satu per baris. */
  requirements: z.array(z.string().trim().min(3)).default([]),
  /** Yang didapat peserta, satu per baris. */
  outcomes: z.array(z.string().trim().min(3)).default([]),
  /** Bahasa pengantar (kode bahasa, misalnya "id" atau "jv"). */
  language: z.string().trim().min(2).max(12).default('id'),
  /** Centang bila ini data contoh, bukan jadwal sungguhan: tampil dengan tanda "Contoh". */
  example: z.boolean().default(false),
  /** Jadwal sesi pelatihan. */
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
            message: `Kode sesi "${key}" sama dengan sesi ke-${first + 1}. Isi kolom id dengan kode lain.`,
          });
      });
    }),
  ...editorialFields,
});

export type Course = z.infer<typeof CourseSchema>;
export type Session = z.infer<typeof SessionSchema>;
