/** News reports and announcements written by editors. */
import { z } from 'astro/zod';
import {
  DestinationSchema,
  InstantSchema,
  SlugSchema,
  WebUrlSchema,
  editorialFields,
  field,
} from './shared.ts';

export const NEWS_KINDS = ['berita', 'pengumuman'] as const;

export const NewsImageSchema = z.object({
  src: z
    .string()
    .trim()
    .regex(
      /^\/media\/[\w.-]+\.(jpe?g|png|webp|avif)$/i,
      'harus gambar yang diunggah lewat CMS (JPG, PNG, WebP atau AVIF), alamatnya berbentuk /media/nama-berkas.jpg',
    )
    .meta({
      label: 'Berkas gambar',
      hint: 'Unggah foto JPG, PNG, WebP atau AVIF; situs mengecilkannya sendiri.',
      upload: 'image',
    }),
  alt: field.text(
    'Teks pengganti (alt)',
    'Teks pengganti gambar untuk pembaca layar: jelaskan isi gambar.',
    5,
  ),
});

export const NewsSourceSchema = z.object({
  publisher: field.text('Penerbit', 'Nama media atau lembaga yang pertama memberitakan.', 2),
  url: WebUrlSchema.meta({ label: 'Alamat web', hint: 'Alamat web berita asli.' }),
});

export const NewsSchema = z
  .object({
    title: field.text('Judul', 'Judul berita atau pengumuman.', 5, 120),
    date: InstantSchema.meta({
      label: 'Tanggal terbit',
      hint: 'Tanggal dan jam terbit. Berita bertanggal nanti tetap tersembunyi sampai situs dibangun ulang pada atau sesudah tanggal itu (situs dibangun ulang setiap hari).',
    }),
    dateKnown: z.boolean().default(true).meta({
      label: 'Tanggal terbit tercantum di berita asli',
      hint: 'Pilih "tidak" bila berita asli tidak mencantumkan tanggal terbitnya: tanggal di atas lalu berarti tanggal dimuat di situs ini, tampil sebagai "tanggal terbit tidak diketahui", dan berita ini diurutkan sesudah berita yang tanggalnya diketahui.',
    }),
    dateNote: field.optionalText(
      'Catatan tanggal',
      'Catatan tentang tanggal, misalnya bila tanggal di berita asli tidak cocok dengan harinya.',
    ),
    summary: field.text('Ringkasan', 'Ringkasan satu atau dua kalimat.', 20, 280),
    kind: z
      .enum(NEWS_KINDS)
      .meta({ options: { berita: 'Berita', pengumuman: 'Pengumuman' } })
      .default('berita')
      .meta({
        label: 'Jenis',
        hint: 'Jenis: berita (laporan) atau pengumuman (misalnya pendaftaran dibuka).',
      }),
    until: InstantSchema.optional().meta({
      label: 'Tampil sampai',
      hint: 'Khusus pengumuman: setelah tanggal ini pengumuman tidak lagi tampil di beranda.',
    }),
    image: NewsImageSchema.optional().meta({
      label: 'Gambar utama',
      hint: 'Foto untuk berita ini, dengan teks penggantinya.',
    }),
    region: field.optionalText(
      'Wilayah',
      'Daerah yang diberitakan, misalnya "Kabupaten …" atau "Kota …".',
      2,
    ),
    countries: field.list(
      DestinationSchema,
      'Negara tujuan',
      'Negara tujuan yang diberitakan, bila ada.',
    ),
    program: SlugSchema.optional().meta({
      relation: { collection: 'program', display: 'name' },
      label: 'Program',
      hint: 'Program yang berkaitan (nama berkas program, misalnya "pak-camat-pmi").',
    }),
    tags: field.lines('Label topik', 'Label topik.', 2),
    source: NewsSourceSchema.optional().meta({
      label: 'Sumber',
      hint: 'Bila berita ini diringkas dari media lain: nama media dan alamat berita aslinya.',
    }),
    ...editorialFields,
  })
  .superRefine((news, ctx) => {
    if (news.until && news.kind !== 'pengumuman') {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'hanya untuk pengumuman: ubah Jenis menjadi Pengumuman atau kosongkan tanggal ini',
      });
    }
    if (news.until && news.until.getTime() < news.date.getTime()) {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'tidak boleh sebelum Tanggal terbit',
      });
    }
  });

export type News = z.infer<typeof NewsSchema>;
