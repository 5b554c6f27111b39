/**
 * Markdown pipeline plugins (Astro 7 runs Markdown and MDX through satteri; its mdast and hast
 * plugins are what remark and rehype plugins were): the MDX guard, which fails the build on
 * forbidden content, and external-link hardening.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defineHastPlugin,
  defineMdastPlugin,
  type MdastVisitorContext,
  type PluginFactoryContext,
} from 'satteri';
import {
  checkNode,
  formatGuardProblem,
  GUARDED_TYPES,
  type GuardProblem,
  type Node as GuardNode,
} from '../platform/content/mdx-guard.ts';

export class ContentGuardError extends Error {
  override name = 'ContentGuardError';
}

/** Where a document's problems gather while the parser hands over its nodes (satteri's data bag). */
const PROBLEMS = 'migrasiAmanGuardProblems';

type Visitor = (node: unknown, ctx: MdastVisitorContext) => void;

/** One visitor for every node type the guard checks (mdx-guard.ts, GUARDED_TYPES). */
const guardVisitor: Visitor = (node, ctx) => {
  const bag = ctx.data as Record<string, GuardProblem[] | undefined>;
  const problems = (bag[PROBLEMS] ??= []);
  const guarded = node as GuardNode;
  checkNode(guarded, guarded.position?.start.line ?? 1, problems);
};

/** Throws the problems gathered while the parser handed over the document's nodes, if any. */
function reportProblems(ctx: MdastVisitorContext): void {
  const bag = ctx.data as Record<string, GuardProblem[] | undefined>;
  const problems = bag[PROBLEMS] ?? [];
  delete bag[PROBLEMS];
  if (problems.length === 0) return;
  // In document order, as the content check reports them.
  problems.sort((a, b) => a.line - b.line);
  const file = ctx.fileURL
    ? relative(process.cwd(), fileURLToPath(ctx.fileURL)).split('\\').join('/')
    : '(isi)';
  throw new ContentGuardError(
    `Isi berkas tidak aman, perbaiki dulu:\n${problems.map((p) => `  ✗ ${formatGuardProblem(file, p)}`).join('\n')}`,
  );
}

/** The guard's plugin, visiting the given node types. */
const guardVisiting = (types: readonly string[]) =>
  defineMdastPlugin({
    name: 'migrasi-aman:mdx-guard',
    options: { position: true },
    ...(Object.fromEntries(types.map((type) => [type, guardVisitor])) as Record<
      (typeof GUARDED_TYPES)[number],
      Visitor
    >),
    after: (_root, ctx) => reportProblems(ctx),
  });

const everyType = guardVisiting(GUARDED_TYPES);
// Paragraphs are checked only for a line that starts like `import`/`export` (ESM_LINE); they are
// most of a document's nodes, so a text without those words is spared handing each one over. A
// character reference (`&#105;mport`) could spell one in the text, so `&` counts as well.
const noParagraphs = guardVisiting(GUARDED_TYPES.filter((type) => type !== 'paragraph'));

/**
 * Fails the build with every forbidden construct of the file, each as "file:line: message". The
 * parser hands over only the node types the guard checks (mdx-guard.ts, GUARDED_TYPES): a walk
 * over the whole tree made satteri build every node of every page in JavaScript (10,000 entries:
 * 2.6 s for the guard, now 0.4 s).
 */
export const mdxGuardPlugin = (document: PluginFactoryContext) =>
  /import|export|&/.test(document.source) ? everyType : noParagraphs;

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
