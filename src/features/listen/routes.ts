/**
 * Where "Dengarkan" players may appear: the first path segments (without language prefix) of the
 * collections marked `listen: true` in src/model/collections.ts. Its own module, not the
 * collections table's: the browser's search script imports that table, and this list must not
 * reach phones with it.
 */
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionDescriptor,
} from '../../model/collections.ts';

export const LISTEN_ROUTES: readonly string[] = COLLECTION_NAMES.flatMap((name) => {
  const { routes, listen }: CollectionDescriptor = COLLECTIONS[name];
  return listen ? routes : [];
});
