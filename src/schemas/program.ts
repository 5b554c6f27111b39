/** Programmes run by the regency and its partners (Pak Camat PMI, Desmigratif, LTSA, OPP, …). */
import { z } from 'astro/zod';
import { AudienceSchema, ContactSchema, editorialFields, field } from './shared.ts';
import { labelsFrom } from './ui-labels.ts';

export const PROGRAM_STATUSES = ['aktif', 'berkala', 'selesai', 'direncanakan'] as const;
export const ProgramStatusSchema = z.enum(PROGRAM_STATUSES).meta({
  options: labelsFrom({
    aktif: 'programs.statusAktif',
    berkala: 'programs.statusBerkala',
    selesai: 'programs.statusSelesai',
    direncanakan: 'programs.statusDirencanakan',
  }),
});

export const LegalBasisSchema = z.object({
  title: field.text('Judul', 'Nama peraturan, misalnya "UU No. 18 Tahun 2017".', 3),
  url: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({ label: 'Alamat web', hint: 'Alamat web teks peraturan, bila ada.' }),
});

export const ProgramSchema = z.object({
  name: field.text('Nama', 'Nama program, misalnya "Pak Camat PMI".', 2, 90),
  fullName: field.optionalText('Nama lengkap', 'Kepanjangan atau nama lengkap program, bila ada.'),
  summary: field.text('Ringkasan', 'Ringkasan satu atau dua kalimat tentang program ini.', 20, 240),
  organiser: field.text('Penyelenggara', 'Lembaga penyelenggara program.', 2),
  legalBasis: field.list(LegalBasisSchema, 'Dasar hukum', 'Dasar hukum program.'),
  audience: field.list(AudienceSchema, 'Untuk siapa', 'Siapa yang boleh ikut.'),
  eligibility: field.lines('Syarat peserta', 'Syarat peserta, satu per baris.', 3),
  howToJoin: field.lines('Cara ikut', 'Langkah untuk ikut, satu per baris dan berurutan.', 3),
  contacts: field.list(ContactSchema, 'Kontak', 'Siapa yang bisa dihubungi.'),
  locations: field.lines('Lokasi', 'Tempat program berjalan (desa, kecamatan, kabupaten).', 2),
  status: ProgramStatusSchema.meta({
    label: 'Status',
    hint: 'Status program: aktif, berkala, selesai atau direncanakan.',
  }),
  ...field.facts({
    sources: 'Sumber resmi fakta di halaman ini.',
    checked: 'Tanggal terakhir fakta di halaman ini diperiksa.',
  }),
  order: field.order('Urutan di daftar program (kecil tampil lebih dulu).'),
  ...editorialFields,
});

export type Program = z.infer<typeof ProgramSchema>;
