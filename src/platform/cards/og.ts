/** Where a page's link-preview image lives: /panduan/x/ → /og/panduan/x.png (see src/pages/og/). */
export function ogImagePath(pagePath: string): string {
  const clean = pagePath.replace(/^\/+|\/+$/g, '');
  return `/og/${clean || 'site'}.png`;
}
