// @vitest-environment happy-dom
/**
 * The CMS file formats: whatever an editor types is saved as MDX (or, for news, plain Markdown)
 * that builds and shows as typed, and author components survive Decap re-writing the body
 * (decap#1776). Round trips go through
 * Decap's own markdown serializer (decap-cms-widget-markdown), as the editor does in the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Map as ImmutableMap } from 'immutable';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createEntryFormat,
  createYamlFormat,
  ORIGINAL_KEY,
  pruneEmpty,
  toSafeBody,
  toSafeMdx,
  type BodyDialect,
} from '../../cms/format.ts';
import { attr, editorComponents, parseAttrs } from '../../cms/editor-components.ts';
import { NUMBER_OR_WORD_FIELDS } from '../../cms/fields.ts';
import { renderBody } from '../../cms/markdown-preview.ts';
import { entryCollections } from '~/schemas/index.ts';
import { checkBody, splitFrontmatter } from '~/platform/content/content-check.ts';
import { entryExtension, type CollectionName } from '~/model/collections.ts';
import { lineDiff } from '../support/line-diff.ts';

const format = createEntryFormat(NUMBER_OR_WORD_FIELDS, 'mdx');
const markdownFormat = createEntryFormat(NUMBER_OR_WORD_FIELDS, 'md');
/** A content file's dialect, from its extension (.md news and courses, .mdx the rest). */
const dialectOf = (file: string): BodyDialect => (file.endsWith('.md') ? 'md' : 'mdx');
const formatOf = (file: string) => (dialectOf(file) === 'md' ? markdownFormat : format);
const EXAMPLE_COURSE = `examples/pelatihan/id/contoh-rencana-usaha.${entryExtension('pelatihan')}`;

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
          .filter((f) => f.endsWith(`.${entryExtension(c as CollectionName)}`))
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
      expect(toSafeBody(body, dialectOf(file)), file).toBe(`${body.trim()}\n`);
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
      const saved = toSafeBody(throughDecap(body), dialectOf(file));
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
      const entry = formatOf(file).fromFile(readFileSync(file, 'utf8'));
      const { data } = splitFrontmatter(formatOf(file).toFile(entry));
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

/** What Decap hands to the format: plain data, as after Immutable's toJS(). */
const copy = <T>(value: T): T => structuredClone(value);

describe('quiet diffs: saving rewrites only what the editor changed', () => {
  const files = contentFiles();

  it('writes every content file back byte for byte when nothing changed', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(formatOf(file).toFile(copy(formatOf(file).fromFile(text))), file).toBe(text);
    }
    const settings = readFileSync('content/settings/site.yaml', 'utf8');
    const yamlFormat = createYamlFormat(NUMBER_OR_WORD_FIELDS);
    expect(yamlFormat.toFile(copy(yamlFormat.fromFile(settings)))).toBe(settings);
  });

  it('changes one line when one field changes, in every content file', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const entry = copy(formatOf(file).fromFile(text));
      const key = ['title', 'name', 'term'].find((k) => typeof entry[k] === 'string')!;
      entry[key] = `${String(entry[key])} (diubah)`;
      const { added, removed } = lineDiff(text, formatOf(file).toFile(entry));
      expect(removed, file).toHaveLength(1);
      expect(added, file).toHaveLength(1);
      expect(added[0], file).toContain('(diubah)');
    }
  });

  it.each([
    ['a guide (.mdx)', 'content/panduan/id/biaya-penempatan.mdx'],
    ['a news item (.md)', 'content/berita/id/inovasi-disnaker-blitar.md'],
  ])('changes one line when one word of the body of %s changes', (_what, file) => {
    const text = readFileSync(file, 'utf8');
    const entry = copy(formatOf(file).fromFile(text));
    const body = String(entry['body']);
    const word = /\b[A-Za-z]{6,}\b/.exec(body.split('\n').find((l) => /^[A-Z]/.test(l))!)![0];
    entry['body'] = throughDecap(body.replace(word, 'Pokoknya'));
    const { added, removed } = lineDiff(text, formatOf(file).toFile(entry));
    expect(removed).toHaveLength(1);
    expect(added).toEqual([removed[0]!.replace(word, 'Pokoknya')]);
  });

  it('adds only the lines of a new session, keeping every other session as written', () => {
    const text = readFileSync(EXAMPLE_COURSE, 'utf8');
    const entry = copy(formatOf(EXAMPLE_COURSE).fromFile(text));
    const sessions = entry['sessions'] as Record<string, unknown>[];
    sessions.push({
      start: '2027-08-14T08:00',
      end: '2027-08-14T15:00',
      mode: 'daring',
      onlineUrl: 'https://contoh.go.id/kelas',
      capacity: 40,
      deadline: '2027-08-10',
      registration: { whatsapp: '0812 0000 0000' },
      venue: { name: '', kecamatan: '' },
    });
    const saved = formatOf(EXAMPLE_COURSE).toFile(entry);
    const { added, removed } = lineDiff(text, saved);
    expect(removed).toEqual([]);
    expect(added[0]).toBe('  - start: 2027-08-14T08:00');
    expect(added.join('\n')).not.toContain('venue');
    const parsed = entryCollections.pelatihan.safeParse(splitFrontmatter(saved).data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.sessions.at(-1)?.start).toBe('2027-08-14T08:00');
  });

  it('changes one nested value in place, and drops a field that was emptied', () => {
    const text = readFileSync(EXAMPLE_COURSE, 'utf8');
    const entry = copy(formatOf(EXAMPLE_COURSE).fromFile(text));
    const first = (entry['sessions'] as { venue: { name: string } }[])[0]!;
    const old = first.venue.name;
    first.venue.name = 'Balai Desa Uji';
    expect(lineDiff(text, formatOf(EXAMPLE_COURSE).toFile(entry))).toEqual({
      added: ['      name: Balai Desa Uji'],
      removed: [`      name: ${old}`],
    });
    const emptied = copy(format.fromFile(text));
    emptied['example'] = '';
    expect(lineDiff(text, format.toFile(emptied))).toEqual({
      added: [],
      removed: ['example: true'],
    });
  });

  it('keeps the original text out of the data the schema and the previews see', () => {
    const text = readFileSync('content/panduan/id/biaya-penempatan.mdx', 'utf8');
    expect(format.fromFile(text)[ORIGINAL_KEY]).toBe(text);
    const { data } = splitFrontmatter(format.toFile(format.fromFile(text)));
    expect(data).not.toHaveProperty(ORIGINAL_KEY);
  });
});

describe('the md-safe file format (news, plain Markdown)', () => {
  const NEWS_FILE = 'content/berita/id/uji.md';

  it('escapes only the angle brackets that Markdown would read as HTML', () => {
    expect(toSafeBody('Biaya <b>{gratis}</b> & "aman" 🙂 50% > 3', 'md')).toBe(
      'Biaya \\<b>{gratis}\\</b> & "aman" 🙂 50% > 3\n',
    );
  });

  it('is idempotent and keeps autolinks, line breaks and code as written', () => {
    const body =
      'Lihat <https://bp2mi.go.id/>,<br />kode `<b>` dan \\<i> {x}\n\n```\n<script>\n```';
    expect(toSafeBody(body, 'md')).toBe(`${body}\n`);
    const once = toSafeBody('a <c> \\<d>', 'md');
    expect(toSafeBody(once, 'md')).toBe(once);
  });

  it('saves typed hostile text and pasted components so that the content guard passes', () => {
    const typed =
      'Biaya <b>{gratis}</b> & "aman" 🙂 <script>alert(1)</script>\n\n<Callout type="bahaya">Awas</Callout>';
    const file = markdownFormat.toFile({
      title: 'Berita uji',
      date: new Date('2026-11-20T01:00:00Z'),
      summary: 'Ringkasan berita uji yang cukup panjang.',
      body: throughDecap(typed),
    });
    expect(checkBody(NEWS_FILE, file)).toEqual([]);
    const { data, body } = splitFrontmatter(file);
    expect(entryCollections.berita.safeParse(data).success).toBe(true);
    expect(body.replace(/\\([<_])/g, '$1')).toContain('Biaya <b>{gratis}</b> & "aman" 🙂');
    expect(body).toContain('{gratis}');
  });

  it('shows typed markup as text in the preview, without components', () => {
    const html = renderBody(toSafeBody('Biaya <b>{gratis}</b> dan <Callout>x</Callout>', 'md'), []);
    expect(html.trim()).toBe(
      '<p>Biaya &lt;b&gt;{gratis}&lt;/b&gt; dan &lt;Callout&gt;x&lt;/Callout&gt;</p>',
    );
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
    expect(html).toContain('<a href="https://bp2mi.go.id/" rel="noopener noreferrer">BP2MI</a>');
    expect(html).toMatch(
      /<div class="note note--danger callout" role="note" data-callout="bahaya"><p class="callout-title"><strong><span class="visually-hidden">Bahaya: <\/span>Awas<\/strong><\/p><p>Jangan <strong>bayar<\/strong>.<\/p>\n?<\/div>/,
    );
    expect(html).toContain('<div class="steps"><ol>');
  });

  it('draws author components inside a block, as the site does', () => {
    const html = render(
      '<Callout type="info">\n\nFakta <SourceNote publisher="BP2MI" url="https://bp2mi.go.id/" /> ini.\n\n</Callout>',
    );
    expect(html).toContain(
      '<p>Fakta <span class="source-note">(sumber: <a href="https://bp2mi.go.id/" rel="noopener noreferrer">BP2MI</a>)</span> ini.</p>',
    );
    expect(html).not.toContain('SourceNote');
  });
});
