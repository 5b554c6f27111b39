/**
 * Astro's glob loader reads every entry file and parses its frontmatter before it looks at the
 * file's digest, although an entry whose digest is unchanged is kept as it is and its parsed
 * frontmatter only names its id. A publish after one edit parsed all of them again (js-yaml: about
 * a quarter of a second at 1,000 entries, ten times that at 10,000).
 *
 * `reuseUnchangedEntries` hands the loader a context whose entry types skip that parse for a file
 * whose text has the digest the content layer already holds for it: they answer with the entry's
 * stored id as `slug`, which the glob loader's id function takes as the id, so the loader finds the
 * stored entry, sees the same digest and keeps it. A changed, new or moved file is parsed as
 * before. When Astro passes no entry types (a later version that loads otherwise), the context is
 * returned unchanged and everything is parsed as before.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';

interface EntryInfoParams {
  contents: string;
  fileUrl: URL;
}
interface EntryType {
  getEntryInfo(params: EntryInfoParams): unknown;
}
/** What Astro passes to a loader besides the documented context (astro/dist/content/content-layer.js). */
type ContextWithEntryTypes = LoaderContext & { entryTypes?: unknown };

export function reuseUnchangedEntries(context: LoaderContext): LoaderContext {
  const { entryTypes } = context as ContextWithEntryTypes;
  if (!(entryTypes instanceof Map)) return context;
  const { store, generateDigest } = context;
  const root = fileURLToPath(context.config.root);
  // The stored entries by file (the path relative to the project, as the glob loader stores it).
  const idByFile = new Map<string, string>();
  for (const entry of store.values()) {
    if (entry.filePath && entry.digest) idByFile.set(entry.filePath, entry.id);
  }
  const stored = ({ contents, fileUrl }: EntryInfoParams): string | undefined => {
    const id = idByFile.get(relative(root, fileURLToPath(fileUrl)).split(sep).join('/'));
    // Read from the store now, not from the list above: in `astro dev` an entry edited and then
    // changed back holds the edited digest, and is parsed again.
    const entry = id === undefined ? undefined : store.get(id);
    return entry && entry.digest === generateDigest(contents) ? entry.id : undefined;
  };
  const types = new Map<unknown, unknown>();
  for (const [extension, type] of entryTypes as Map<unknown, EntryType>) {
    if (typeof type?.getEntryInfo !== 'function') {
      types.set(extension, type);
      continue;
    }
    // The entry type's other members (its renderer, its module types) stay as they are.
    const reusing: EntryType = Object.create(type as object);
    reusing.getEntryInfo = (params) => {
      const id = stored(params);
      return id === undefined
        ? type.getEntryInfo(params)
        : { data: { slug: id }, body: '', slug: id, rawData: '' };
    };
    types.set(extension, reusing);
  }
  return { ...context, entryTypes: types } as LoaderContext;
}
