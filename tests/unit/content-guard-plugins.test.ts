/**
 * The plugins the build registers in the Markdown/MDX pipeline (astro.config.mjs), run through the
 * same compiler Astro uses (satteri): the guard stops the compile naming file and line, and links to
 * other sites get rel="noopener noreferrer".
 */
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  ContentGuardError,
  externalLinksPlugin,
  mdxGuardPlugin,
} from '~/integrations/content-guard.ts';

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
