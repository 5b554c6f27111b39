/** Service points and contacts: Disnaker, LTSA, BP3MI, representations abroad, hotlines. */
import { z } from 'astro/zod';
import { ContactSchema, DestinationSchema, editorialFields, field } from './shared.ts';

export const SERVICE_KINDS = [
  'disnaker',
  'ltsa',
  'bp3mi',
  'kementerian',
  'perwakilan',
  'hotline',
  'lainnya',
] as const;
export const ServiceKindSchema = z.enum(SERVICE_KINDS).meta({
  options: {
    disnaker: 'Dinas tenaga kerja (Disnaker)',
    ltsa: 'Layanan Terpadu Satu Atap (LTSA)',
    bp3mi: 'BP3MI',
    kementerian: 'Kementerian',
    perwakilan: 'Perwakilan RI di luar negeri',
    hotline: 'Layanan pengaduan (hotline)',
    lainnya: 'Lainnya',
  },
});

export const ServicePointSchema = z.object({
  name: field.text('Nama', 'Nama tempat layanan.', 2, 120),
  kind: ServiceKindSchema.meta({ label: 'Jenis', hint: 'Jenis layanan.' }),
  summary: field.text('Ringkasan', 'Ringkasan: apa yang bisa dibantu di sini.', 10, 280),
  region: field.text('Wilayah', 'Wilayah layanan, misalnya "Kabupaten …" atau "Hong Kong".', 2),
  country: DestinationSchema.optional().meta({
    label: 'Negara tujuan',
    hint: 'Negara tujuan, untuk layanan di luar negeri.',
  }),
  services: field.lines('Layanan', 'Layanan yang tersedia, satu per baris.', 3),
  contacts: field.list(
    ContactSchema,
    'Kontak',
    'Cara menghubungi (setiap nomor wajib disertai sumbernya).',
  ),
  askInstead: field.optionalText(
    'Tanya ke',
    'Bila nomor atau alamat belum bersumber: siapa yang bisa ditanya.',
  ),
  ...field.facts({
    sources: 'Sumber fakta di halaman ini.',
    checked: 'Tanggal terakhir data diperiksa.',
  }),
  order: field.order('Urutan di daftar (kecil tampil lebih dulu).'),
  ...editorialFields,
});

export type ServicePoint = z.infer<typeof ServicePointSchema>;
