/**
 * Editor components: each author component (src/user-components/) becomes a block with a form in
 * the markdown editor. Their patterns also protect existing blocks: text they match is kept as a
 * block and written back by `toBlock`, exactly as the author wrote it, when an editor changes
 * something else in the body.
 */
import ui from '../src/i18n/id.json' with { type: 'json' };
import { renderMarkdown } from './markdown-preview.ts';

export interface EditorComponent {
  id: string;
  label: string;
  type?: 'inline';
  fields: Record<string, unknown>[];
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => Record<string, string>;
  toBlock: (data: Record<string, string | undefined>) => string;
  toPreview: (data: Record<string, string | undefined>) => string;
}

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

const escapeHtml = (s = '') =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CALLOUT_TYPES = ['info', 'peringatan', 'bahaya'];
// The same default headings as the site's Callout (src/user-components/Callout.astro).
const CALLOUT_LABELS: Record<string, string> = {
  info: ui['callout.info'],
  peringatan: ui['callout.peringatan'],
  bahaya: ui['callout.bahaya'],
};
const CALLOUT_CLASSES: Record<string, string> = {
  info: 'note',
  peringatan: 'note note--warn',
  bahaya: 'note note--danger',
};

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
        options: CALLOUT_TYPES,
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
    toPreview: (d) => {
      const type = CALLOUT_TYPES.includes(d.type ?? '') ? (d.type as string) : 'info';
      const title = d.title?.trim() || CALLOUT_LABELS[type];
      return `<aside class="${CALLOUT_CLASSES[type]} callout" data-callout="${type}"><p class="callout-title"><strong>${escapeHtml(title)}</strong></p>${renderMarkdown(d.body ?? '')}</aside>`;
    },
  },
  {
    id: 'steps',
    label: 'Langkah bernomor (Steps)',
    fields: [bodyField('Tulis daftar bernomor: 1. langkah pertama, 2. langkah kedua, …')],
    pattern: /^<Steps>\n\n([\s\S]*?)\n\n<\/Steps>/,
    fromBlock: (m) => ({ body: m[1] ?? '' }),
    toBlock: (d) => `<Steps>\n\n${(d.body ?? '').trim()}\n\n</Steps>`,
    toPreview: (d) => `<div class="steps">${renderMarkdown(d.body ?? '')}</div>`,
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
    toPreview: (d) =>
      `<section class="checklist"><h3 class="checklist-title">${escapeHtml(d.title)}</h3>${renderMarkdown(d.body ?? '')}</section>`,
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
    toPreview: (d) =>
      `<span class="source-note">(${ui['sources.inline']} <a href="${/^https?:\/\//.test(d.url ?? '') ? escapeHtml(d.url) : '#'}">${escapeHtml(d.publisher)}</a>)</span>`,
  },
];
