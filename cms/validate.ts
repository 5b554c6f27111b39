/**
 * The whole-entry check run before every save (Decap `preSave` event), after each field has
 * checked itself (cms/checked-widgets.ts): the same zod schema and the same words as
 * `npm run check:content` and the build, so an entry the build would refuse never reaches git.
 */
import { entryProblems, schemaFor } from './checked-widgets.ts';
import { EXAMPLE_IN_CONTENT_MESSAGE } from '../src/schemas/pelatihan.ts';

export { schemaFor };

/** Problems in the words of the content check ("Sesi ke-8 (14 Agustus 2027): Nama tempat …"). */
export function validateEntry(
  collection: string,
  data: Record<string, unknown>,
  numberOrWord: ReadonlySet<string>,
): string[] {
  const problems = entryProblems(collection, data, numberOrWord).map((p) => p.message);
  // The CMS edits content/, where a course marked as an example is refused (see the content check).
  if (collection === 'pelatihan' && data['example'] === true)
    problems.push(EXAMPLE_IN_CONTENT_MESSAGE);
  return problems;
}

export class EntryInvalidError extends Error {
  constructor(problems: string[]) {
    super(`Belum disimpan. Perbaiki dulu: ${problems.join(' · ')}`);
    this.name = 'EntryInvalidError';
  }
}
