/**
 * One settings entry: everything that makes this copy of the site belong to one regency.
 * Another regency runs its own copy by editing this file and the content, never the code.
 */
import { z } from 'astro/zod';
import { ContactSchema, TimeZoneSchema, WebUrlSchema } from './shared.ts';
import { LANGUAGES, type Locale } from '../model/languages.ts';

export const NavItemSchema = z.object({
  /** Alamat halaman tanpa awalan bahasa, misalnya "/panduan/". */
  path: z
    .string()
    .regex(
      /^\/([a-z0-9-]+\/)*$/,
      'Tulis alamat seperti /panduan/ (diawali dan diakhiri garis miring).',
    ),
  /** Label menu dalam setiap bahasa situs. */
  labels: z.object(
    Object.fromEntries(
      LANGUAGES.map((l) => [
        l.code,
        z
          .string()
          .trim()
          .min(2)
          .meta({ label: `Label (${l.label})`, hint: `Label menu dalam ${l.label}.` }),
      ]),
    ) as Record<Locale, z.ZodString>,
  ),
});

export const SettingsSchema = z.object({
  /** Nama situs. */
  siteName: z.string().trim().min(2),
  /** Alamat situs yang sudah tayang, misalnya https://migrasiaman.namadaerah.go.id */
  siteUrl: WebUrlSchema,
  /** Kabupaten atau kota pengelola, misalnya "Kabupaten …" atau "Kota …". */
  regency: z.string().trim().min(3),
  /** Provinsi. */
  province: z.string().trim().min(3),
  /** Nama kantor pengelola, misalnya "Dinas Tenaga Kerja Kabupaten …". */
  office: z.string().trim().min(3),
  /** Zona waktu bawaan untuk jadwal pelatihan. */
  timezone: TimeZoneSchema,
  /** Kontak kantor yang tampil di kaki setiap halaman (setiap nomor wajib bersumber). */
  contacts: z.array(ContactSchema).default([]),
  /** Menu utama situs. */
  navigation: z.array(NavItemSchema).min(1),
  /** Repositori GitHub tempat isi situs disimpan, untuk masuk ke CMS (misalnya "dinas-tenaga-kerja/migrasi-aman"). */
  cmsRepo: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, 'Tulis seperti pemilik/nama-repositori.')
    .optional(),
  /** Alamat layanan OAuth yang dipakai CMS untuk masuk lewat GitHub (lihat README). */
  cmsAuthUrl: WebUrlSchema.optional(),
  /** Alamat surel untuk laporan keamanan situs (security.txt). */
  securityContact: z.email().optional(),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type NavItem = z.infer<typeof NavItemSchema>;
