/**
 * Labels of a choice's values as the site writes them (src/i18n/id.json), so the CMS offers
 * "Calon pekerja migran (CPMI)" with the very words a reader sees, never the code `cpmi`.
 */
import ui from '../i18n/id.json' with { type: 'json' };

export function labelsFrom<T extends string>(keys: Record<T, string>): Record<T, string> {
  const strings = ui as Record<string, string>;
  return Object.fromEntries(
    Object.entries<string>(keys).map(([value, key]) => [value, strings[key] ?? value]),
  ) as Record<T, string>;
}

/** The labels of `values`, each read from the string that `key` names for it. */
export function labelsOf<T extends string>(
  values: readonly T[],
  key: (value: T) => string,
): Record<T, string> {
  return labelsFrom(
    Object.fromEntries(values.map((value) => [value, key(value)])) as Record<T, string>,
  );
}
