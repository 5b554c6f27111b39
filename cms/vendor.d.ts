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

/** The Decap parts cms/decap.ts registers (they ship no declarations). */
declare module 'decap-cms-backend-github' {
  import type { CmsBackendClass } from 'decap-cms-core';
  export const GitHubBackend: CmsBackendClass;
}
declare module 'decap-cms-backend-proxy' {
  import type { CmsBackendClass } from 'decap-cms-core';
  export const ProxyBackend: CmsBackendClass;
}
declare module 'decap-cms-widget-*' {
  import type { CmsWidgetParam } from 'decap-cms-core';
  const widget: { Widget(): CmsWidgetParam };
  export default widget;
}
