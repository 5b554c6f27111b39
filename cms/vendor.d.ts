/** Types for the Decap internals the tests import directly (they ship no declarations). */
declare module 'decap-cms-widget-markdown/dist/esm/serializers/index.js' {
  export function markdownToSlate(markdown: string): unknown;
  export function slateToMarkdown(raw: unknown): string;
}
declare module 'decap-cms-widget-markdown/dist/esm/MarkdownControl/index.js' {
  const MarkdownControl: new (props: Record<string, unknown>) => unknown;
  export default MarkdownControl;
}
declare module 'decap-cms-locales/dist/esm/en/index.js' {
  const en: Record<string, unknown>;
  export default en;
}
