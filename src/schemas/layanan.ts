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
  name: z.string().trim().min(2).max(120).meta({ label: 'Nama', hint: 'Nama tempat layanan.' }),
  kind: z
    .enum(SERVICE_KINDS)
    .meta({
      options: {
        disnaker: 'Dinas tenaga kerja (Disnaker)',
        ltsa: 'Layanan Terpadu Satu Atap (LTSA)',
        bp3mi: 'BP3MI',
        kementerian: 'Kementerian',
        perwakilan: 'Perwakilan RI di luar negeri',
        hotline: 'Layanan pengaduan (hotline)',
        lainnya: 'Lainnya',
      },
    })
    .meta({ label: 'Jenis', hint: 'Jenis layanan.' }),
  summary: z
    .string()
    .trim()
    .min(10)
    .max(280)
    .meta({ label: 'Ringkasan', hint: 'Ringkasan: apa yang bisa dibantu di sini.' }),
  region: z.string().trim().min(2).meta({
    label: 'Wilayah',
    hint: 'Wilayah layanan, misalnya "Kabupaten …" atau "Hong Kong".',
  }),
  country: DestinationSchema.optional().meta({
    label: 'Negara tujuan',
    hint: 'Negara tujuan, untuk layanan di luar negeri.',
  }),
  services: z
    .array(z.string().trim().min(3))
    .default([])
    .meta({ label: 'Layanan', hint: 'Layanan yang tersedia, satu per baris.' }),
  contacts: z
    .array(ContactSchema)
    .default([])
    .meta({ label: 'Kontak', hint: 'Cara menghubungi (setiap nomor wajib disertai sumbernya).' }),
  askInstead: z.string().trim().optional().meta({
    label: 'Tanya ke',
    hint: 'Bila nomor atau alamat belum bersumber: siapa yang bisa ditanya.',
  }),
  sources: z
    .array(SourceSchema)
    .min(1)
    .meta({ label: 'Sumber', hint: 'Sumber fakta di halaman ini.' }),
  checked: DaySchema.meta({
    label: 'Terakhir diperiksa',
    hint: 'Tanggal terakhir data diperiksa.',
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
    .meta({ label: 'Urutan', hint: 'Urutan di daftar (kecil tampil lebih dulu).' }),
  ...editorialFields,
});

export type ServicePoint = z.infer<typeof ServicePointSchema>;
