/**
 * Renders the Markdown inside an author component for the CMS preview. micromark without options
 * drops raw HTML, so text an editor typed can never inject markup into the preview.
 */
import { micromark } from 'micromark';

export function renderMarkdown(markdown: string): string {
  return micromark(markdown);
}
