/** News reports and announcements written by editors. */
import { z } from 'astro/zod';
import {
  DestinationSchema,
  InstantSchema,
  SlugSchema,
  WebUrlSchema,
  editorialFields,
} from './shared.ts';

export const NEWS_KINDS = ['berita', 'pengumuman'] as const;

export const NewsImageSchema = z.object({
  /** Gambar yang diunggah lewat CMS (disimpan di src/assets/media/, ditulis sebagai /media/nama-berkas.jpg). */
  src: z
    .string()
    .trim()
    .regex(
      /^\/media\/[\w.-]+\.(jpe?g|png|webp|avif)$/i,
      'Unggah gambar lewat CMS (JPG, PNG, WebP atau AVIF); alamatnya berbentuk /media/nama-berkas.jpg.',
    ),
  /** Teks pengganti gambar untuk pembaca layar: jelaskan isi gambar. Wajib. */
  alt: z.string().trim().min(5, 'Tulis teks pengganti (alt) yang menjelaskan isi gambar.'),
});

export const NewsSourceSchema = z.object({
  /** Nama media atau lembaga yang pertama memberitakan. */
  publisher: z.string().trim().min(2),
  /** Alamat web berita asli. */
  url: WebUrlSchema,
});

export const NewsSchema = z
  .object({
    /** Judul berita atau pengumuman. */
    title: z.string().trim().min(5).max(120),
    /** Tanggal dan jam terbit dengan zona waktunya. Berita bertanggal nanti baru tampil pada tanggal itu. */
    date: InstantSchema,
    /**
     * Apakah berita asli mencantumkan tanggal terbitnya. Pilih "tidak" bila tanggal itu tidak ada:
     * tanggal di atas lalu berarti tanggal dimuat di situs ini, tampil sebagai "tanggal terbit tidak
     * diketahui", dan berita ini diurutkan sesudah berita yang tanggalnya diketahui.
     */
    dateKnown: z.boolean().default(true),
    /** Catatan tentang tanggal, misalnya bila tanggal di berita asli tidak cocok dengan harinya. */
    dateNote: z.string().trim().optional(),
    /** Ringkasan satu atau dua kalimat. */
    summary: z.string().trim().min(20).max(280),
    /** Jenis: berita (laporan) atau pengumuman (misalnya pendaftaran dibuka). */
    kind: z.enum(NEWS_KINDS).default('berita'),
    /** Khusus pengumuman: setelah tanggal ini pengumuman tidak lagi tampil di beranda. */
    until: InstantSchema.optional(),
    /** Gambar utama (opsional) dengan teks penggantinya. */
    image: NewsImageSchema.optional(),
    /** Daerah yang diberitakan, misalnya "Kabupaten …" atau "Kota …". */
    region: z.string().trim().min(2).optional(),
    /** Negara tujuan yang diberitakan, bila ada. */
    countries: z.array(DestinationSchema).default([]),
    /** Program yang berkaitan (nama berkas program, misalnya "pak-camat-pmi"). */
    program: SlugSchema.optional(),
    /** Label topik. */
    tags: z.array(z.string().trim().min(2)).default([]),
    /** Bila berita ini diringkas dari media lain: nama media dan alamat berita aslinya. */
    source: NewsSourceSchema.optional(),
    ...editorialFields,
  })
  .superRefine((news, ctx) => {
    if (news.until && news.kind !== 'pengumuman') {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message:
          '"until" hanya untuk pengumuman. Ubah jenis menjadi pengumuman atau hapus tanggal ini.',
      });
    }
    if (news.until && news.until.getTime() < news.date.getTime()) {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'Tanggal akhir pengumuman tidak boleh sebelum tanggal terbitnya.',
      });
    }
  });

export type News = z.infer<typeof NewsSchema>;
