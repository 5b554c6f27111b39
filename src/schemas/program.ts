/** Programmes run by the regency and its partners (Pak Camat PMI, Desmigratif, LTSA, OPP, …). */
import { z } from 'astro/zod';
import {
  AudienceSchema,
  ContactSchema,
  editorialFields,
  factFields,
  linesField,
  listField,
  optionalTextField,
  orderField,
  textField,
} from './shared.ts';
import { labelsFrom } from './ui-labels.ts';

export const PROGRAM_STATUSES = ['aktif', 'berkala', 'selesai', 'direncanakan'] as const;

export const LegalBasisSchema = z.object({
  title: textField('Judul', 'Nama peraturan, misalnya "UU No. 18 Tahun 2017".', 3),
  url: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({ label: 'Alamat web', hint: 'Alamat web teks peraturan, bila ada.' }),
});

export const ProgramSchema = z.object({
  name: textField('Nama', 'Nama program, misalnya "Pak Camat PMI".', 2, 90),
  fullName: optionalTextField('Nama lengkap', 'Kepanjangan atau nama lengkap program, bila ada.'),
  summary: textField('Ringkasan', 'Ringkasan satu atau dua kalimat tentang program ini.', 20, 240),
  organiser: textField('Penyelenggara', 'Lembaga penyelenggara program.', 2),
  legalBasis: listField(LegalBasisSchema, 'Dasar hukum', 'Dasar hukum program.'),
  audience: listField(AudienceSchema, 'Untuk siapa', 'Siapa yang boleh ikut.'),
  eligibility: linesField('Syarat peserta', 'Syarat peserta, satu per baris.', 3),
  howToJoin: linesField('Cara ikut', 'Langkah untuk ikut, satu per baris dan berurutan.', 3),
  contacts: listField(ContactSchema, 'Kontak', 'Siapa yang bisa dihubungi.'),
  locations: linesField('Lokasi', 'Tempat program berjalan (desa, kecamatan, kabupaten).', 2),
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
  ...factFields({
    sources: 'Sumber resmi fakta di halaman ini.',
    checked: 'Tanggal terakhir fakta di halaman ini diperiksa.',
  }),
  order: orderField('Urutan di daftar program (kecil tampil lebih dulu).'),
  ...editorialFields,
});

export type Program = z.infer<typeof ProgramSchema>;
