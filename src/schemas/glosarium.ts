/** Glossary terms: each gets an anchor on /glosarium/ that guides link to. */
import { z } from 'astro/zod';
import { SlugSchema, SourceSchema, editorialFields, field } from './shared.ts';

export const TermSchema = z.object({
  term: field.text('Istilah', 'Istilah atau singkatan, misalnya "CPMI".', 2, 60),
  expansion: field.optionalText('Kepanjangan', 'Kepanjangan singkatan, bila ada.'),
  definition: field.text('Arti', 'Arti dalam satu atau dua kalimat sederhana.', 10, 400),
  aliases: field.lines('Sebutan lain', 'Ejaan atau sebutan lain (misalnya "TKI" untuk PMI).', 1),
  related: field.list(SlugSchema, 'Terkait', 'Istilah lain yang berkaitan.', {
    relation: { collection: 'glosarium', display: 'term' },
  }),
  sources: field.list(SourceSchema, 'Sumber', 'Sumber arti istilah, bila ada.'),
  needsCheck: field.needsCheck(
    'Bagian arti yang belum pasti atau diperdebatkan: tampil dengan tanda "perlu dicek ulang".',
  ),
  ...editorialFields,
});

export type Term = z.infer<typeof TermSchema>;
