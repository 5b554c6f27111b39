/** Glossary terms: each gets an anchor on /glosarium/ that guides link to. */
import { z } from 'astro/zod';
import { NeedsCheckSchema, SlugSchema, SourceSchema, editorialFields } from './shared.ts';

export const TermSchema = z.object({
  /** Istilah atau singkatan, misalnya "CPMI". */
  term: z.string().trim().min(2).max(60),
  /** Kepanjangan singkatan, bila ada. */
  expansion: z.string().trim().optional(),
  /** Arti dalam satu atau dua kalimat sederhana. */
  definition: z.string().trim().min(10).max(400),
  /** Ejaan atau sebutan lain (misalnya "TKI" untuk PMI). */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** Istilah lain yang berkaitan (nama berkas istilah). */
  related: z.array(SlugSchema).default([]),
  /** Sumber arti istilah, bila ada. */
  sources: z.array(SourceSchema).default([]),
  /** Bagian arti yang belum pasti atau diperdebatkan: tampil dengan tanda "perlu dicek ulang". */
  needsCheck: NeedsCheckSchema,
  ...editorialFields,
});

export type Term = z.infer<typeof TermSchema>;
