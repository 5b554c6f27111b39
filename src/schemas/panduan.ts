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
  title: z
    .string()
    .trim()
    .min(5)
    .max(90)
    .meta({ label: 'Judul', hint: 'Judul panduan: singkat, dengan kata sehari-hari.' }),
  summary: z.string().trim().min(20).max(240).meta({
    label: 'Ringkasan',
    hint: 'Ringkasan satu atau dua kalimat; tampil di daftar, hasil pencarian dan pratinjau WhatsApp.',
  }),
  stage: StageSchema.meta({
    label: 'Tahap',
    hint: 'Tahap perjalanan: sebelum berangkat, selama bekerja atau setelah pulang.',
  }),
  order: z.number().int().min(1).max(99).meta({
    label: 'Urutan',
    hint: 'Urutan langkah dalam tahap ini (1 = pertama). Panduan dengan nomor sama menjadi satu langkah.',
  }),
  step: z.string().trim().max(140).optional().meta({
    label: 'Kalimat langkah',
    hint: 'Kalimat singkat untuk langkah ini di halaman perjalanan (jika kosong, dipakai judul).',
  }),
  audience: z
    .array(AudienceSchema)
    .min(1)
    .default([...AUDIENCES])
    .meta({ label: 'Untuk siapa', hint: 'Untuk siapa panduan ini.' }),
  countries: z.array(DestinationSchema).default([]).meta({
    label: 'Negara tujuan',
    hint: 'Negara tujuan yang dibahas (kosongkan bila berlaku untuk semua negara).',
  }),
  sources: z.array(SourceSchema).min(1).meta({
    label: 'Sumber',
    hint: 'Sumber resmi setiap fakta di panduan ini. Paling sedikit satu.',
  }),
  checked: DaySchema.meta({
    label: 'Terakhir diperiksa',
    hint: 'Tanggal terakhir semua fakta di panduan ini diperiksa.',
  }),
  needsCheck: NeedsCheckSchema.meta({
    label: 'Perlu dicek ulang',
    hint: 'Fakta yang belum pasti: tiap catatan tampil dengan tanda "perlu dicek ulang".',
  }),
  related: z
    .array(SlugSchema)
    .default([])
    .meta({
      relation: { collection: 'panduan', display: 'title' },
      label: 'Terkait',
      hint: 'Panduan lain yang berkaitan (tulis nama berkasnya, misalnya "cek-izin-p3mi").',
    }),
  ...editorialFields,
});

export type Guide = z.infer<typeof GuideSchema>;
