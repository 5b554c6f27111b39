/** Service points and contacts: Disnaker, LTSA, BP3MI, representations abroad, hotlines. */
import { z } from 'astro/zod';
import {
  ContactSchema,
  DaySchema,
  DestinationSchema,
  SourceSchema,
  editorialFields,
  NeedsCheckSchema,
} from './shared.ts';

export const SERVICE_KINDS = [
  'disnaker',
  'ltsa',
  'bp3mi',
  'kementerian',
  'perwakilan',
  'hotline',
  'lainnya',
] as const;

export const ServicePointSchema = z.object({
  /** Nama tempat layanan. */
  name: z.string().trim().min(2).max(120),
  /** Jenis layanan. */
  kind: z.enum(SERVICE_KINDS),
  /** Ringkasan: apa yang bisa dibantu di sini. */
  summary: z.string().trim().min(10).max(280),
  /** Wilayah layanan, misalnya "Kabupaten …" atau "Hong Kong". */
  region: z.string().trim().min(2),
  /** Negara tujuan, untuk layanan di luar negeri. */
  country: DestinationSchema.optional(),
  /** Layanan yang tersedia, satu per baris. */
  services: z.array(z.string().trim().min(3)).default([]),
  /** Cara menghubungi (setiap nomor wajib disertai sumbernya). */
  contacts: z.array(ContactSchema).default([]),
  /** Bila nomor atau alamat belum bersumber: siapa yang bisa ditanya. */
  askInstead: z.string().trim().optional(),
  /** Sumber fakta di halaman ini. */
  sources: z.array(SourceSchema).min(1, 'Tempat layanan harus punya paling sedikit satu sumber.'),
  /** Tanggal terakhir data diperiksa. */
  checked: DaySchema,
  /** Fakta yang belum pasti: tampil dengan tanda "perlu dicek ulang". */
  needsCheck: NeedsCheckSchema,
  /** Urutan di daftar (kecil tampil lebih dulu). */
  order: z.number().int().min(0).default(50),
  ...editorialFields,
});

export type ServicePoint = z.infer<typeof ServicePointSchema>;
