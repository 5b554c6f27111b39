/**
 * Markdown pipeline plugins (Astro 7 runs Markdown and MDX through satteri; its mdast and hast
 * plugins are what remark and rehype plugins were): the MDX guard, which fails the build on
 * forbidden content, and external-link hardening.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin, defineMdastPlugin } from 'satteri';
import { formatGuardProblem, guardTree } from '../platform/content/mdx-guard.ts';

export class ContentGuardError extends Error {
  override name = 'ContentGuardError';
}

/** Fails the build with every forbidden construct of the file, each as "file:line: message". */
export const mdxGuardPlugin = defineMdastPlugin({
  name: 'migrasi-aman:mdx-guard',
  options: { position: true },
  before(root, ctx) {
    const problems = guardTree(root as never);
    if (problems.length === 0) return;
    const file = ctx.fileURL
      ? relative(process.cwd(), fileURLToPath(ctx.fileURL)).split('\\').join('/')
      : '(isi)';
    throw new ContentGuardError(
      `Isi berkas tidak aman, perbaiki dulu:\n${problems.map((p) => `  ✗ ${formatGuardProblem(file, p)}`).join('\n')}`,
    );
  },
});

/**
 * Links to other sites get rel="noopener noreferrer": the other site learns nothing about where the
 * reader came from and cannot reach back into this page (the Referrer-Policy header says the same
 * for the whole site; this also holds on hosts that cannot send headers).
 */
export function externalLinksPlugin(siteUrl: string) {
  const site = new URL(siteUrl);
  return defineHastPlugin({
    name: 'migrasi-aman:external-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties?.['href'];
        if (typeof href !== 'string') return;
        let url: URL;
        try {
          url = new URL(href, site);
        } catch {
          return;
        }
        if (url.origin === site.origin || !/^https?:$/.test(url.protocol)) return;
        // satteri's setProperty sets one hast property of the element.
        ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
      },
    },
  });
}
