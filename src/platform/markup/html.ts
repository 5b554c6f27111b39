/**
 * The smallest HTML writer: markup that both an .astro component (through `set:html`) and a CMS
 * preview (in the browser) render from one function, so the preview cannot drift from the site.
 * Every value is escaped unless it is already HTML (`raw`).
 */

/** Escapes text for an element's content or an attribute value, as Astro does. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** ` name="value"`, or nothing when the value is missing (undefined, null, false or ''). */
export function attr(name: string, value: unknown): string {
  if (value === undefined || value === null || value === false || value === '') return '';
  // Inside double quotes only `&` and `"` need escaping; `'` stays as Astro writes it.
  const text = String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return ` ${name}="${text}"`;
}
