/** Glossary terms: each gets an anchor on /glosarium/ that guides link to. */
import { z } from 'astro/zod';
import {
  SlugSchema,
  SourceSchema,
  editorialFields,
  linesField,
  listField,
  needsCheckField,
  optionalTextField,
  textField,
} from './shared.ts';

export const TermSchema = z.object({
  term: textField('Istilah', 'Istilah atau singkatan, misalnya "CPMI".', 2, 60),
  expansion: optionalTextField('Kepanjangan', 'Kepanjangan singkatan, bila ada.'),
  definition: textField('Arti', 'Arti dalam satu atau dua kalimat sederhana.', 10, 400),
  aliases: linesField('Sebutan lain', 'Ejaan atau sebutan lain (misalnya "TKI" untuk PMI).', 1),
  related: listField(SlugSchema, 'Terkait', 'Istilah lain yang berkaitan.', {
    relation: { collection: 'glosarium', display: 'term' },
  }),
  sources: listField(SourceSchema, 'Sumber', 'Sumber arti istilah, bila ada.'),
  needsCheck: needsCheckField(
    'Bagian arti yang belum pasti atau diperdebatkan: tampil dengan tanda "perlu dicek ulang".',
  ),
  ...editorialFields,
});

export type Term = z.infer<typeof TermSchema>;
