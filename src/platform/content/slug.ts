/** "Kec. Sanan Kulon" → "kec-sanan-kulon": lower case ASCII letters, digits and single hyphens. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      // Drop the accents NFKD split off ("é" → "e" + U+0301) instead of turning them into hyphens.
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  );
}
