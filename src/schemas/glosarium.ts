/** Glossary terms: each gets an anchor on /glosarium/ that guides link to. */
import { z } from 'astro/zod';
import { NeedsCheckSchema, SlugSchema, SourceSchema, editorialFields } from './shared.ts';

export const TermSchema = z.object({
  term: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .meta({ label: 'Istilah', hint: 'Istilah atau singkatan, misalnya "CPMI".' }),
  expansion: z
    .string()
    .trim()
    .optional()
    .meta({ label: 'Kepanjangan', hint: 'Kepanjangan singkatan, bila ada.' }),
  definition: z
    .string()
    .trim()
    .min(10)
    .max(400)
    .meta({ label: 'Arti', hint: 'Arti dalam satu atau dua kalimat sederhana.' }),
  aliases: z
    .array(z.string().trim().min(1))
    .default([])
    .meta({ label: 'Sebutan lain', hint: 'Ejaan atau sebutan lain (misalnya "TKI" untuk PMI).' }),
  related: z
    .array(SlugSchema)
    .default([])
    .meta({
      label: 'Terkait',
      hint: 'Istilah lain yang berkaitan.',
      relation: { collection: 'glosarium', display: 'term' },
    }),
  sources: z
    .array(SourceSchema)
    .default([])
    .meta({ label: 'Sumber', hint: 'Sumber arti istilah, bila ada.' }),
  needsCheck: NeedsCheckSchema.meta({
    label: 'Perlu dicek ulang',
    hint: 'Bagian arti yang belum pasti atau diperdebatkan: tampil dengan tanda "perlu dicek ulang".',
  }),
  ...editorialFields,
});

export type Term = z.infer<typeof TermSchema>;
