/** The output folder of the link-preview images; src/integrations/og-images.ts owns it. */
export const CARDS_FOLDER = 'og';

/** Where a page's link-preview image lives: /panduan/x/ → /og/panduan/x.png (see src/pages/og/). */
export function ogImagePath(pagePath: string): string {
  const clean = pagePath.replace(/^\/+|\/+$/g, '');
  return `/${CARDS_FOLDER}/${clean || 'site'}.png`;
}
