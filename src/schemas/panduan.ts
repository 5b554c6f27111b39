/** Safe-migration guides: the steps of the journey before, during and after work abroad. */
import { z } from 'astro/zod';
import {
  AUDIENCES,
  AudienceSchema,
  DaySchema,
  DestinationSchema,
  SlugSchema,
  SourceSchema,
  StageSchema,
  editorialFields,
  NeedsCheckSchema,
} from './shared.ts';

export const GuideSchema = z.object({
  /** Judul panduan: singkat, dengan kata sehari-hari. */
  title: z.string().trim().min(5).max(90),
  /** Ringkasan satu atau dua kalimat; tampil di daftar, hasil pencarian dan pratinjau WhatsApp. */
  summary: z.string().trim().min(20).max(240),
  /** Tahap perjalanan: sebelum berangkat, selama bekerja atau setelah pulang. */
  stage: StageSchema,
  /** Urutan langkah dalam tahap ini (1 = pertama). Panduan dengan nomor sama menjadi satu langkah. */
  order: z.number().int().min(1).max(99),
  /** Kalimat singkat untuk langkah ini di halaman perjalanan (jika kosong, dipakai judul). */
  step: z.string().trim().max(140).optional(),
  /** Untuk siapa panduan ini. */
  audience: z
    .array(AudienceSchema)
    .min(1)
    .default([...AUDIENCES]),
  /** Negara tujuan yang dibahas (kosongkan bila berlaku untuk semua negara). */
  countries: z.array(DestinationSchema).default([]),
  /** Sumber resmi setiap fakta di panduan ini. Paling sedikit satu. */
  sources: z.array(SourceSchema).min(1, 'Panduan harus punya paling sedikit satu sumber.'),
  /** Tanggal terakhir semua fakta di panduan ini diperiksa. */
  checked: DaySchema,
  /** Fakta yang belum pasti: tiap catatan tampil dengan tanda "perlu dicek ulang". */
  needsCheck: NeedsCheckSchema,
  /** Panduan lain yang berkaitan (tulis nama berkasnya, misalnya "cek-izin-p3mi"). */
  related: z.array(SlugSchema).default([]),
  ...editorialFields,
});

export type Guide = z.infer<typeof GuideSchema>;
