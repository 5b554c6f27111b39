/** Fixed-size pages of long lists, so no page grows with the catalogue. */
import { LOCALES } from '~/model/languages.ts';
import { langParam } from '~/platform/i18n/i18n.ts';

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The items of page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** Static paths of pages 2…N of a list in every language, for the `…/halaman/[page]` routes. */
export function laterPagePaths(total: number, size: number) {
  return LOCALES.flatMap((locale) =>
    Array.from({ length: pageCount(total, size) - 1 }, (_, i) => ({
      params: { lang: langParam(locale), page: String(i + 2) },
      props: { locale, page: i + 2 },
    })),
  );
}

/** Path (without language prefix) of page n of a list whose first page is `base` ("/jadwal/"). */
export function listPagePath(base: string, n: number): string {
  return n > 1 ? `${base}halaman/${n}/` : base;
}

/** The `[...page]` segment of page n: nothing for the first page, "halaman/n" after it. */
export function pageSegment(n: number): string | undefined {
  return n > 1 ? `halaman/${n}` : undefined;
}
