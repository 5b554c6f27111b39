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
import { unlocalizedPath } from '../../model/languages.ts';

export const LISTEN_ROUTES: readonly string[] = COLLECTION_NAMES.flatMap((name) => {
  const { routes, listen }: CollectionDescriptor = COLLECTIONS[name];
  return listen ? routes : [];
});

/**
 * Fails when a player is rendered on a page outside those routes (the audio step would never
 * fill it after the page is reused from the incremental cache), naming the page.
 */
export function assertPlayerAllowed(pathname: string): void {
  const section = unlocalizedPath(pathname).split('/')[1] ?? '';
  if (!LISTEN_ROUTES.includes(section)) {
    throw new Error(
      `Listen.astro on ${pathname}: "${section}" is not the route of a collection marked listen: true in src/model/collections.ts`,
    );
  }
}
