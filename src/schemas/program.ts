/** Programmes run by the regency and its partners (Pak Camat PMI, Desmigratif, LTSA, OPP, …). */
import { z } from 'astro/zod';
import {
  AudienceSchema,
  ContactSchema,
  DaySchema,
  SourceSchema,
  editorialFields,
  NeedsCheckSchema,
} from './shared.ts';
import { labelsFrom } from './ui-labels.ts';

export const PROGRAM_STATUSES = ['aktif', 'berkala', 'selesai', 'direncanakan'] as const;

export const LegalBasisSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3)
    .meta({ label: 'Judul', hint: 'Nama peraturan, misalnya "UU No. 18 Tahun 2017".' }),
  url: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({ label: 'Alamat web', hint: 'Alamat web teks peraturan, bila ada.' }),
});

export const ProgramSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2)
    .max(90)
    .meta({ label: 'Nama', hint: 'Nama program, misalnya "Pak Camat PMI".' }),
  fullName: z
    .string()
    .trim()
    .optional()
    .meta({ label: 'Nama lengkap', hint: 'Kepanjangan atau nama lengkap program, bila ada.' }),
  summary: z
    .string()
    .trim()
    .min(20)
    .max(240)
    .meta({ label: 'Ringkasan', hint: 'Ringkasan satu atau dua kalimat tentang program ini.' }),
  organiser: z
    .string()
    .trim()
    .min(2)
    .meta({ label: 'Penyelenggara', hint: 'Lembaga penyelenggara program.' }),
  legalBasis: z
    .array(LegalBasisSchema)
    .default([])
    .meta({ label: 'Dasar hukum', hint: 'Dasar hukum program.' }),
  audience: z
    .array(AudienceSchema)
    .default([])
    .meta({ label: 'Untuk siapa', hint: 'Siapa yang boleh ikut.' }),
  eligibility: z
    .array(z.string().trim().min(3))
    .default([])
    .meta({ label: 'Syarat peserta', hint: 'Syarat peserta, satu per baris.' }),
  howToJoin: z
    .array(z.string().trim().min(3))
    .default([])
    .meta({ label: 'Cara ikut', hint: 'Langkah untuk ikut, satu per baris dan berurutan.' }),
  contacts: z
    .array(ContactSchema)
    .default([])
    .meta({ label: 'Kontak', hint: 'Siapa yang bisa dihubungi.' }),
  locations: z
    .array(z.string().trim().min(2))
    .default([])
    .meta({ label: 'Lokasi', hint: 'Tempat program berjalan (desa, kecamatan, kabupaten).' }),
  status: z
    .enum(PROGRAM_STATUSES)
    .meta({
      options: labelsFrom({
        aktif: 'programs.statusAktif',
        berkala: 'programs.statusBerkala',
        selesai: 'programs.statusSelesai',
        direncanakan: 'programs.statusDirencanakan',
      }),
    })
    .meta({
      label: 'Status',
      hint: 'Status program: aktif, berkala, selesai atau direncanakan.',
    }),
  sources: z
    .array(SourceSchema)
    .min(1)
    .meta({ label: 'Sumber', hint: 'Sumber resmi fakta di halaman ini.' }),
  checked: DaySchema.meta({
    label: 'Terakhir diperiksa',
    hint: 'Tanggal terakhir fakta di halaman ini diperiksa.',
  }),
  needsCheck: NeedsCheckSchema.meta({
    label: 'Perlu dicek ulang',
    hint: 'Fakta yang belum pasti: tampil dengan tanda "perlu dicek ulang".',
  }),
  order: z
    .number()
    .int()
    .min(0)
    .default(50)
    .meta({ label: 'Urutan', hint: 'Urutan di daftar program (kecil tampil lebih dulu).' }),
  ...editorialFields,
});

export type Program = z.infer<typeof ProgramSchema>;
