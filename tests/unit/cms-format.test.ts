// @vitest-environment happy-dom
/**
 * The CMS file format: whatever an editor types is saved as MDX that compiles and shows as typed,
 * and author components survive Decap re-writing the body (decap#1776). Round trips go through
 * Decap's own markdown serializer (decap-cms-widget-markdown), as the editor does in the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Map as ImmutableMap } from 'immutable';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMdxFormat, pruneEmpty, toSafeMdx } from '../../cms/format.ts';
import { attr, editorComponents, parseAttrs } from '../../cms/editor-components.ts';
import { NUMBER_OR_WORD_FIELDS } from '../../cms/fields.ts';
import { renderBody } from '../../cms/markdown-preview.ts';
import { buildConfig } from '../../cms/config.ts';
import { extractSchemaDocs } from '../../cms/schema-docs.ts';
import { entryCollections } from '~/schemas/index.ts';
import { splitFrontmatter } from '~/platform/content/content-check.ts';

// Builds the config once so NUMBER_OR_WORD_FIELDS is filled as in the browser.
buildConfig({ docs: extractSchemaDocs(), local: true });
const format = createMdxFormat(NUMBER_OR_WORD_FIELDS);

type Serializers = typeof import('decap-cms-widget-markdown/dist/esm/serializers/index.js');
let decap: Serializers;

beforeAll(async () => {
  // Decap's serializer reads the registered editor components through the markdown control,
  // which stores them when it is constructed; build one the way Decap's editor does.
  (globalThis as { localStorage?: unknown }).localStorage ??= {
    getItem: () => null,
    setItem: () => undefined,
  };
  const { default: MarkdownControl } =
    await import('decap-cms-widget-markdown/dist/esm/MarkdownControl/index.js');
  const plugins = ImmutableMap(editorComponents.map((c) => [c.id, c]));
  new MarkdownControl({
    getEditorComponents: () => plugins,
    field: ImmutableMap(),
    editorControl: null,
    t: (k: string) => k,
  } as never);
  decap = await import('decap-cms-widget-markdown/dist/esm/serializers/index.js');
});

/** What happens when an editor opens a body in the rich-text editor and Decap writes it back. */
function throughDecap(markdown: string): string {
  return decap.slateToMarkdown(decap.markdownToSlate(markdown));
}

const CONTENT = 'content';
function contentFiles(): string[] {
  return Object.keys(entryCollections).flatMap((c) =>
    ['id', 'en'].flatMap((locale) => {
      const dir = join(CONTENT, c, locale);
      try {
        return readdirSync(dir)
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => join(dir, f));
      } catch {
        return [];
      }
    }),
  );
}

describe('toSafeMdx', () => {
  it('escapes braces and angle brackets that MDX would read as code', () => {
    expect(toSafeMdx('Biaya <b>{gratis}</b> & "aman" 🙂 50% > 3')).toBe(
      'Biaya \\<b>\\{gratis\\}\\</b> & "aman" 🙂 50% > 3\n',
    );
  });

  it('is idempotent: an already safe body is left alone', () => {
    const once = toSafeMdx('a {b} <c> \\{d\\}');
    expect(toSafeMdx(once)).toBe(once);
  });

  it('keeps author component tags, inline code and fenced code verbatim', () => {
    const body = [
      '<Callout type="bahaya" title="Awas {calo}">',
      '',
      'Isi dengan `kode {x}` dan teks {y}.',
      '',
      '</Callout>',
      '',
      '```',
      'const a = {b: 1} < 2;',
      '```',
      '',
      'Lihat <SourceNote publisher="BP2MI" url="https://bp2mi.go.id/" /> ya.',
    ].join('\n');
    const safe = toSafeMdx(body);
    expect(safe).toContain('<Callout type="bahaya" title="Awas {calo}">');
    expect(safe).toContain('Isi dengan `kode {x}` dan teks \\{y\\}.');
    expect(safe).toContain('const a = {b: 1} < 2;');
    expect(safe).toContain('<SourceNote publisher="BP2MI" url="https://bp2mi.go.id/" />');
  });

  it('turns autolinks, which MDX does not allow, into ordinary links', () => {
    expect(toSafeMdx('<https://bp2mi.go.id/>')).toBe(
      '[https://bp2mi.go.id/](https://bp2mi.go.id/)\n',
    );
  });

  it('leaves every existing content body as it is (opening and saving changes nothing)', () => {
    const files = contentFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { body } = splitFrontmatter(readFileSync(file, 'utf8'));
      expect(toSafeMdx(body), file).toBe(`${body.trim()}\n`);
    }
  });
});

describe('editor components', () => {
  const callout = editorComponents.find((c) => c.id === 'callout');

  it('read and write back an author block exactly', () => {
    const block =
      '<Callout type="peringatan" title="Hati-hati">\n\nJangan bayar **calo**.\n\n- satu\n- dua\n\n</Callout>';
    const match = block.match(callout!.pattern);
    expect(match).not.toBeNull();
    expect(callout!.toBlock(callout!.fromBlock(match!))).toBe(block);
  });

  it('write quotes and ampersands in attributes as character references', () => {
    expect(attr('title', 'Kata "aman" & murah')).toBe(' title="Kata &quot;aman&quot; &amp; murah"');
    expect(parseAttrs(attr('title', 'Kata "aman" & murah'))).toEqual({
      title: 'Kata "aman" & murah',
    });
  });
});

describe("through Decap's markdown serializer", () => {
  it('keeps every author component of every content file when the body is re-written', () => {
    for (const file of contentFiles()) {
      const { body } = splitFrontmatter(readFileSync(file, 'utf8'));
      const saved = toSafeMdx(throughDecap(body));
      const tags = (text: string) => text.match(/<\/?(Callout|Steps|Checklist|SourceNote)[^>]*>/g);
      expect(tags(saved), file).toEqual(tags(body));
    }
  });

  it('saves typed hostile text so that it is escaped for MDX', () => {
    const typed = 'Biaya <b>{gratis}</b> & "aman" 🙂 \\{x\\} Supercalifragilistic_kata';
    const saved = toSafeMdx(throughDecap(typed));
    // Every { } < is escaped exactly once; nothing else is lost.
    expect(saved).not.toMatch(/(^|[^\\])[{}<]/);
    expect(saved.replace(/\\([{}<_])/g, '$1').trim()).toContain(
      'Biaya <b>{gratis}</b> & "aman" 🙂',
    );
  });

  it('keeps a guide identical after changing one word', () => {
    const body =
      'Menurut Pasal 13:\n\n1. Paspor.\n2. Visa kerja.\n\n<Callout type="peringatan">\n\nJangan pakai visa kunjungan.\n\n</Callout>\n';
    const saved = toSafeMdx(throughDecap(body.replace('Menurut', 'Sesuai')));
    expect(saved).toBe(body.replace('Menurut', 'Sesuai'));
  });
});

describe('the mdx-safe file format', () => {
  it('writes frontmatter the schema accepts from what Decap hands over', () => {
    const file = format.toFile(
      {
        title: 'Pelatihan usaha <baru>',
        summary: 'Ringkasan pelatihan usaha yang cukup panjang.',
        topics: ['usaha'],
        audience: ['cpmi'],
        provider: 'Disnaker',
        cost: '150000',
        program: '',
        venue: { name: '', kecamatan: '' },
        sessions: [],
        body: 'Teks {bebas}',
      },
      ['title', 'summary'],
    );
    const { data, body } = splitFrontmatter(file);
    const parsed = entryCollections.pelatihan.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect((data as Record<string, unknown>)['cost']).toBe(150000);
    expect(data).not.toHaveProperty('program');
    expect(body.trim()).toBe('Teks \\{bebas\\}');
  });

  it('reads every content file and writes it back valid for its schema', () => {
    for (const file of contentFiles()) {
      const collection = file.split('/')[1] as keyof typeof entryCollections;
      const entry = format.fromFile(readFileSync(file, 'utf8'));
      const { data } = splitFrontmatter(format.toFile(entry));
      const parsed = entryCollections[collection].safeParse(data);
      expect(parsed.success, `${file}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('drops empty optional values but keeps false, 0 and empty lists', () => {
    expect(pruneEmpty({ a: '', b: false, c: 0, d: [], e: { f: '' }, g: [' ', 'x'] })).toEqual({
      b: false,
      c: 0,
      d: [],
      g: ['x'],
    });
  });
});

describe('the body preview', () => {
  const render = (body: string) => renderBody(toSafeMdx(body), editorComponents);

  it('shows typed markup as text, as the site will', () => {
    const html = render('Biaya <b>{gratis}</b> & [klik](javascript:alert(1))');
    expect(html).toContain('Biaya &lt;b&gt;{gratis}&lt;/b&gt; &amp;');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('javascript:');
  });

  it("draws author components with the site's markup", () => {
    const html = render(
      'Awal <SourceNote publisher="BP2MI" url="https://bp2mi.go.id/" /> ya.\n\n<Callout type="bahaya" title="Awas">\n\nJangan **bayar**.\n\n</Callout>\n\n<Steps>\n\n1. Satu\n2. Dua\n\n</Steps>',
    );
    expect(html).toContain('<p>Awal <span class="source-note">');
    expect(html).toContain('<a href="https://bp2mi.go.id/">BP2MI</a>');
    expect(html).toMatch(
      /<aside class="note note--danger callout" data-callout="bahaya"><p class="callout-title"><strong>Awas<\/strong><\/p><p>Jangan <strong>bayar<\/strong>.<\/p>\n?<\/aside>/,
    );
    expect(html).toContain('<div class="steps"><ol>');
  });
});
