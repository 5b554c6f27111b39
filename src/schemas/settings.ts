/**
 * One settings entry: everything that makes this copy of the site belong to one regency.
 * Another regency runs its own copy by editing this file and the content, never the code.
 */
import { z } from 'astro/zod';
import { ContactSchema, TimeZoneSchema, WebUrlSchema } from './shared.ts';
import { LANGUAGES, type Locale } from '../model/languages.ts';

export const NavItemSchema = z.object({
  path: z
    .string()
    .regex(/^\/([a-z0-9-]+\/)*$/, 'ditulis seperti /panduan/ (diawali dan diakhiri garis miring)')
    .meta({
      label: 'Alamat halaman',
      hint: 'Alamat halaman tanpa awalan bahasa, misalnya "/panduan/".',
    }),
  labels: z
    .object(
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
    )
    .meta({ label: 'Label menu', hint: 'Label menu dalam setiap bahasa situs.' }),
});

export const SettingsSchema = z
  .object({
    siteName: z.string().trim().min(2).meta({ label: 'Nama situs', hint: 'Nama situs.' }),
    siteUrl: WebUrlSchema.meta({
      label: 'Alamat situs',
      hint: 'Alamat situs yang sudah tayang, misalnya https://migrasiaman.namadaerah.go.id',
    }),
    regency: z.string().trim().min(3).meta({
      label: 'Kabupaten/kota',
      hint: 'Kabupaten atau kota pengelola, misalnya "Kabupaten …" atau "Kota …".',
    }),
    province: z.string().trim().min(3).meta({ label: 'Provinsi', hint: 'Provinsi.' }),
    office: z.string().trim().min(3).meta({
      label: 'Kantor pengelola',
      hint: 'Nama kantor pengelola, misalnya "Dinas Tenaga Kerja Kabupaten …".',
    }),
    timezone: TimeZoneSchema.meta({
      label: 'Zona waktu',
      hint: 'Zona waktu bawaan untuk jadwal pelatihan.',
    }),
    contacts: z.array(ContactSchema).default([]).meta({
      label: 'Kontak',
      hint: 'Kontak kantor yang tampil di kaki setiap halaman (setiap nomor wajib bersumber).',
    }),
    navigation: z
      .array(NavItemSchema)
      .min(1)
      .meta({ label: 'Menu utama', hint: 'Menu utama situs.' }),
    cmsRepo: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, 'ditulis seperti pemilik/nama-repositori')
      .optional()
      .meta({
        label: 'Repositori CMS',
        hint: 'Repositori GitHub tempat isi situs disimpan, untuk masuk ke CMS (misalnya "dinas-tenaga-kerja/migrasi-aman").',
      }),
    cmsAuthUrl: WebUrlSchema.optional().meta({
      label: 'Alamat OAuth CMS',
      hint: 'Alamat layanan OAuth yang dipakai CMS untuk masuk lewat GitHub (lihat README).',
    }),
    securityContact: z.email().optional().meta({
      label: 'Kontak keamanan',
      hint: 'Alamat surel untuk laporan keamanan situs (security.txt).',
    }),
  })
  .meta({ label: 'Pengaturan situs', item: 'Pengaturan' });

export type Settings = z.infer<typeof SettingsSchema>;
export type NavItem = z.infer<typeof NavItemSchema>;
