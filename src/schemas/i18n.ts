/** UI strings: flat `area.key` keys, the same keys in every language. */
import { z } from 'astro/zod';

export const UiStringsSchema = z.record(
  z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/, 'Kunci harus berbentuk area.kunci'),
  z.string().min(1),
);
export type UiStrings = z.infer<typeof UiStringsSchema>;
