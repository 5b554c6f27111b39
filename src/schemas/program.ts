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

export const PROGRAM_STATUSES = ['aktif', 'berkala', 'selesai', 'direncanakan'] as const;

export const LegalBasisSchema = z.object({
  /** Nama peraturan, misalnya "UU No. 18 Tahun 2017". */
  title: z.string().trim().min(3),
  /** Alamat web teks peraturan, bila ada. */
  url: z.url({ protocol: /^https?$/ }).optional(),
});

export const ProgramSchema = z.object({
  /** Nama program, misalnya "Pak Camat PMI". */
  name: z.string().trim().min(2).max(90),
  /** Kepanjangan atau nama lengkap program, bila ada. */
  fullName: z.string().trim().optional(),
  /** Ringkasan satu atau dua kalimat tentang program ini. */
  summary: z.string().trim().min(20).max(240),
  /** Lembaga penyelenggara program. */
  organiser: z.string().trim().min(2),
  /** Dasar hukum program. */
  legalBasis: z.array(LegalBasisSchema).default([]),
  /** Siapa yang boleh ikut. */
  audience: z.array(AudienceSchema).default([]),
  /** Syarat peserta, satu per baris. */
  eligibility: z.array(z.string().trim().min(3)).default([]),
  /** Langkah untuk ikut, satu per baris dan berurutan. */
  howToJoin: z.array(z.string().trim().min(3)).default([]),
  /** Siapa yang bisa dihubungi. */
  contacts: z.array(ContactSchema).default([]),
  /** Tempat program berjalan (desa, kecamatan, kabupaten). */
  locations: z.array(z.string().trim().min(2)).default([]),
  /** Status program: aktif, berkala, selesai atau direncanakan. */
  status: z.enum(PROGRAM_STATUSES),
  /** Sumber resmi fakta di halaman ini. */
  sources: z.array(SourceSchema).min(1, 'Program harus punya paling sedikit satu sumber.'),
  /** Tanggal terakhir fakta di halaman ini diperiksa. */
  checked: DaySchema,
  /** Fakta yang belum pasti: tampil dengan tanda "perlu dicek ulang". */
  needsCheck: NeedsCheckSchema,
  /** Urutan di daftar program (kecil tampil lebih dulu). */
  order: z.number().int().min(0).default(50),
  ...editorialFields,
});

export type Program = z.infer<typeof ProgramSchema>;
