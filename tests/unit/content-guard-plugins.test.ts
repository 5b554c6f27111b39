/**
 * The plugins the build registers in the Markdown/MDX pipeline (astro.config.mjs), run through the
 * same compiler Astro uses (satteri): the guard stops the compile naming file and line, and links to
 * other sites get rel="noopener noreferrer".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, markdownToMdast, mdxToJs, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  ContentGuardError,
  externalLinksPlugin,
  mdxGuardPlugin,
} from '~/integrations/content-guard.ts';
import { blankFrontmatter, formatGuardProblem, guardTree } from '~/platform/content/mdx-guard.ts';

const SITE = 'https://migrasi-aman.example';

describe('the guard plugin', () => {
  it('stops the MDX compile with every problem as file:line', () => {
    const fileURL = pathToFileURL(`${process.cwd()}/content/panduan/id/contoh.mdx`);
    const compile = () =>
      mdxToJs('Teks.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))', {
        mdastPlugins: [mdxGuardPlugin],
        fileURL,
      });
    expect(compile).toThrow(ContentGuardError);
    expect(compile).toThrow(/content\/panduan\/id\/contoh\.mdx:3: .*<script>/);
    expect(compile).toThrow(/content\/panduan\/id\/contoh\.mdx:5: .*javascript:/);
  });

  it('stops the Markdown render of a news item with a component or an import pasted in', () => {
    const fileURL = pathToFileURL(`${process.cwd()}/content/berita/id/contoh.md`);
    const render = () =>
      markdownToHtml(
        'Teks **tebal**.\n\n<Callout type="bahaya">\n\nAwas.\n\n</Callout>\n\nimport X from \'x\'',
        { mdastPlugins: [mdxGuardPlugin], fileURL },
      );
    expect(render).toThrow(ContentGuardError);
    expect(render).toThrow(/content\/berita\/id\/contoh\.md:3: Komponen <Callout>/);
    expect(render).toThrow(/content\/berita\/id\/contoh\.md:9: "import"/);
    const { html } = markdownToHtml('## Judul\n\n- [LTSA](/program/ltsa-pmi/) **buka**', {
      mdastPlugins: [mdxGuardPlugin],
      fileURL,
    });
    expect(html).toContain('<strong>buka</strong>');
  });

  it('lets allowed content compile', () => {
    const { code } = mdxToJs('<Callout type="info">Aman \\{ya\\}</Callout>', {
      mdastPlugins: [mdxGuardPlugin],
    });
    expect(code).toContain('Callout');
  });
});

/** What the build's plugin reports for a text, as "file:line: message" lines ([] when it passes). */
function pluginProblems(text: string, markdown: boolean): string[] {
  const fileURL = pathToFileURL(`${process.cwd()}/x.${markdown ? 'md' : 'mdx'}`);
  try {
    if (markdown) markdownToHtml(text, { mdastPlugins: [mdxGuardPlugin], fileURL });
    else mdxToJs(text, { mdastPlugins: [mdxGuardPlugin], fileURL });
    return [];
  } catch (error) {
    if (!(error instanceof ContentGuardError)) throw error;
    return error.message
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/^ {2}✗ /, ''));
  }
}

/** What the content check's walk over the whole tree reports for the same text. */
function treeProblems(text: string, markdown: boolean): string[] {
  const tree = markdown ? markdownToMdast(text) : mdxToMdast(text);
  return guardTree(tree as never).map((p) => formatGuardProblem(`x.${markdown ? 'md' : 'mdx'}`, p));
}

const HOSTILE = [
  "import Evil from '~/evil.ts'\n\nTeks.",
  'Teks {1 + 1} dan\n\n{fetch("https://evil.example")}',
  '<script>alert(1)</script>\n\n<iframe src="https://evil.example/"></iframe>',
  '<Callout type="info" onClick="alert(1)">\n\n[x](javascript:alert(1))\n\n<div>isi</div>\n\n</Callout>',
  '<Callout type={bahaya}>Isi</Callout>\n\n<Steps style="color:red">\n\n1. Satu\n\n</Steps>',
  '<Kartu>Isi</Kartu>\n\n<>kosong</>\n\n<abbr title="x" onmouseover="y">A</abbr>',
  '[a][ref]\n\n[ref]: javascript&#58;alert(1)\n\n![gambar](https://evil.example/a.png)',
  '![b](data:image/png;base64,AAAA)\n\n[c](vbscript:x) dan [d](/panduan/) dan [e](tel:+62341)',
  '![piksel][p]\n\n[p]: https://tracker.example/p.gif',
];
const ALLOWED = '<br />\n\nTeks biasa dengan <sup>2</sup> dan <kbd>Ctrl</kbd>.';
const HOSTILE_MARKDOWN = [
  '<div onclick="x">a</div>\n\n<!-- catatan -->\n\n<Callout>isi</Callout>',
  "import X from 'x'\n\nexport const y = 1\n\n<img src=x onerror=alert(1)>",
  '[a](javascript:alert(1)) <a href="https://evil.example/">b</a> ![c](//evil.example/c.png)',
  // "import" spelt with a character reference, and a text without the word.
  "&#105;mport X from 'x'\n\nTeks biasa tentang ekspor dan impor.",
];

/** Every entry file of a content tree. */
function contentFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => join(root, f));
}

describe('the guard plugin and the content check', () => {
  it('report the same problems, on the same lines, for hostile text', () => {
    for (const text of HOSTILE) {
      const expected = treeProblems(text, false);
      expect(expected.length, text).toBeGreaterThan(0);
      expect(pluginProblems(text, false), text).toEqual(expected);
    }
    for (const text of [...HOSTILE, ...HOSTILE_MARKDOWN, ALLOWED]) {
      const expected = treeProblems(text, true);
      expect(pluginProblems(text, true), text).toEqual(expected);
    }
    expect(pluginProblems(ALLOWED, false)).toEqual([]);
    expect(treeProblems(ALLOWED, false)).toEqual([]);
  });

  it('agree on every entry of the site, the examples and the test fixtures', () => {
    const files = ['content', 'examples', 'tests/fixtures/content'].flatMap(contentFiles);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = blankFrontmatter(readFileSync(file, 'utf8'));
      const markdown = file.endsWith('.md');
      expect(pluginProblems(text, markdown), file).toEqual(treeProblems(text, markdown));
    }
  });
});

describe('the external-links plugin', () => {
  const plugins = { hastPlugins: [externalLinksPlugin(SITE)] };

  it('marks links to other sites, in Markdown and in MDX', () => {
    const { html } = markdownToHtml('[BP2MI](https://bp2mi.go.id/)', plugins);
    expect(html).toContain('<a href="https://bp2mi.go.id/" rel="noopener noreferrer">');
    const { code } = mdxToJs('[BP2MI](http://bp2mi.go.id/)', plugins);
    expect(code).toMatch(/rel: "noopener noreferrer"/);
  });

  it('leaves links within the site, anchors, e-mail and phone alone', () => {
    const { html } = markdownToHtml(
      `[a](/panduan/) [b](${SITE}/berita/) [c](#isi) [d](mailto:x@example.go.id) [e](tel:+62341)`,
      plugins,
    );
    expect(html).not.toContain('rel=');
  });
});
