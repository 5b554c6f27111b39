/**
 * Editor components: each author component (src/user-components/) becomes a block with a form in
 * the markdown editor. Their patterns also protect existing blocks: text they match is kept as a
 * block and written back by `toBlock`, exactly as the author wrote it, when an editor changes
 * something else in the body.
 */
import {
  CALLOUT_TYPES,
  calloutHtml,
  checklistHtml,
  sourceNoteHtml,
  stepsHtml,
} from '../src/user-components/markup.ts';
import type { Locale } from '../src/schemas/shared.ts';
import { renderBody } from './markdown-preview.ts';

export interface EditorComponent {
  id: string;
  label: string;
  type?: 'inline';
  fields: Record<string, unknown>[];
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => Record<string, string>;
  toBlock: (data: Record<string, string | undefined>) => string;
  /** The site's markup of the component (src/user-components/markup.ts). */
  toPreview: (data: Record<string, string | undefined>, locale?: unknown) => string;
}

/** Decap calls `toPreview(data, getAsset)`; the CMS preview passes the entry's language. */
const asLocale = (value: unknown): Locale => (value === 'en' ? 'en' : 'id');

/** A block's body as the site renders it: Markdown with author components inside (a SourceNote in a Callout). */
const inner = (body: string | undefined, locale: unknown) =>
  renderBody(body ?? '', editorComponents, asLocale(locale));

const ATTRS = String.raw`((?:\s+[a-zA-Z]+="[^"\n]*")*)`;

/** Attribute values are plain strings; `"` and `&` are written as character references. */
export function parseAttrs(text = ''): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(/([a-zA-Z]+)="([^"\n]*)"/g)) {
    attrs[m[1] ?? ''] = (m[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  return attrs;
}

export function attr(name: string, value: string | undefined): string {
  const v = (value ?? '').trim();
  if (!v) return '';
  return ` ${name}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

const bodyField = (hint: string) => ({ name: 'body', label: 'Isi', widget: 'markdown', hint });

export const editorComponents: EditorComponent[] = [
  {
    id: 'callout',
    label: 'Kotak catatan (Callout)',
    fields: [
      {
        name: 'type',
        label: 'Jenis',
        widget: 'select',
        options: [...CALLOUT_TYPES],
        default: 'info',
        hint: 'info = keterangan, peringatan = hati-hati, bahaya = misalnya perekrutan ilegal.',
      },
      { name: 'title', label: 'Judul', widget: 'string', required: false },
      bodyField('Isi kotak catatan.'),
    ],
    pattern: new RegExp(String.raw`^<Callout${ATTRS}\s*>\n\n([\s\S]*?)\n\n<\/Callout>`),
    fromBlock: (m) => {
      const a = parseAttrs(m[1]);
      return { type: a['type'] ?? 'info', title: a['title'] ?? '', body: m[2] ?? '' };
    },
    toBlock: (d) =>
      `<Callout${attr('type', d.type || 'info')}${attr('title', d.title)}>\n\n${(d.body ?? '').trim()}\n\n</Callout>`,
    toPreview: (d, locale) =>
      calloutHtml(asLocale(locale), { type: d.type, title: d.title }, inner(d.body, locale)),
  },
  {
    id: 'steps',
    label: 'Langkah bernomor (Steps)',
    fields: [bodyField('Tulis daftar bernomor: 1. langkah pertama, 2. langkah kedua, …')],
    pattern: /^<Steps>\n\n([\s\S]*?)\n\n<\/Steps>/,
    fromBlock: (m) => ({ body: m[1] ?? '' }),
    toBlock: (d) => `<Steps>\n\n${(d.body ?? '').trim()}\n\n</Steps>`,
    toPreview: (d, locale) => stepsHtml(inner(d.body, locale)),
  },
  {
    id: 'checklist',
    label: 'Daftar periksa (Checklist)',
    fields: [
      { name: 'title', label: 'Judul', widget: 'string', hint: 'Misalnya "Dokumen yang dibawa".' },
      bodyField('Tulis daftar berpoin: satu hal per baris.'),
    ],
    pattern: new RegExp(String.raw`^<Checklist${ATTRS}\s*>\n\n([\s\S]*?)\n\n<\/Checklist>`),
    fromBlock: (m) => ({ title: parseAttrs(m[1])['title'] ?? '', body: m[2] ?? '' }),
    toBlock: (d) =>
      `<Checklist${attr('title', d.title)}>\n\n${(d.body ?? '').trim()}\n\n</Checklist>`,
    toPreview: (d, locale) => checklistHtml({ title: d.title }, inner(d.body, locale)),
  },
  {
    id: 'sourceNote',
    label: 'Catatan sumber (SourceNote)',
    fields: [
      { name: 'publisher', label: 'Penerbit', widget: 'string', hint: 'Misalnya "BP2MI".' },
      {
        name: 'url',
        label: 'Alamat web',
        widget: 'string',
        pattern: ['^https?://\\S+$', 'Tulis alamat web lengkap yang diawali https:// atau http://'],
      },
    ],
    pattern: new RegExp(String.raw`^<SourceNote${ATTRS}\s*\/>`),
    fromBlock: (m) => {
      const a = parseAttrs(m[1]);
      return { publisher: a['publisher'] ?? '', url: a['url'] ?? '' };
    },
    toBlock: (d) => `<SourceNote${attr('publisher', d.publisher)}${attr('url', d.url)} />`,
    toPreview: (d, locale) =>
      sourceNoteHtml(asLocale(locale), { publisher: d.publisher, url: d.url }),
  },
];
