/** Safe-migration guides: the steps of the journey before, during and after work abroad. */
import { z } from 'astro/zod';
import {
  AUDIENCES,
  AudienceSchema,
  DestinationSchema,
  SlugSchema,
  StageSchema,
  editorialFields,
  field,
} from './shared.ts';

export const GuideSchema = z.object({
  title: field.text('Judul', 'Judul panduan: singkat, dengan kata sehari-hari.', 5, 90),
  summary: field.text(
    'Ringkasan',
    'Ringkasan satu atau dua kalimat; tampil di daftar, hasil pencarian dan pratinjau WhatsApp.',
    20,
    240,
  ),
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
  countries: field.list(
    DestinationSchema,
    'Negara tujuan',
    'Negara tujuan yang dibahas (kosongkan bila berlaku untuk semua negara).',
  ),
  ...field.facts({
    sources: 'Sumber resmi setiap fakta di panduan ini. Paling sedikit satu.',
    checked: 'Tanggal terakhir semua fakta di panduan ini diperiksa.',
    needsCheck: 'Fakta yang belum pasti: tiap catatan tampil dengan tanda "perlu dicek ulang".',
  }),
  related: field.list(
    SlugSchema,
    'Terkait',
    'Panduan lain yang berkaitan (tulis nama berkasnya, misalnya "cek-izin-p3mi").',
    { relation: { collection: 'panduan', display: 'title' } },
  ),
  ...editorialFields,
});

export type Guide = z.infer<typeof GuideSchema>;
