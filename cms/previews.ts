/**
 * Preview templates: the entry drawn with the site's own CSS classes (src/styles/global.css is
 * loaded into the preview frame by cms/main.ts). The body is rendered from the MDX the save will
 * write, so it shows typed text exactly as the site will; author components are drawn by the editor
 * components' `toPreview`; session times are shown in the session's zone as the site shows them.
 */
import { createElement as h, type ReactNode } from 'react';
import { ZONE_ABBR } from '../src/platform/i18n/dates.ts';
import type { TimeZone } from '../src/schemas/shared.ts';
import { editorComponents } from './editor-components.ts';
import { toSafeMdx } from './format.ts';
import { renderBody } from './markdown-preview.ts';

interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  toJS?(): unknown;
}

export interface PreviewProps {
  entry: ImmutableLike;
}

const text = (entry: ImmutableLike, field: string): string => {
  const v = entry.getIn(['data', field]);
  return v === undefined || v === null ? '' : String(v);
};

function toJs(value: unknown): unknown {
  return value && typeof value === 'object' && 'toJS' in value
    ? (value as { toJS(): unknown }).toJS()
    : value;
}

/** "2026-12-05T08:00" in Asia/Makassar → "2026-12-05 08.00 WITA": exactly what was typed. */
export function sessionTime(local: string, zone: string | undefined): string {
  const abbr = ZONE_ABBR[(zone ?? 'Asia/Jakarta') as TimeZone] ?? zone ?? '';
  return `${local.replace('T', ' ').replace(':', '.')} ${abbr}`.trim();
}

function sessions(entry: ImmutableLike): ReactNode {
  const list = (toJs(entry.getIn(['data', 'sessions'])) ?? []) as Record<string, unknown>[];
  if (!Array.isArray(list) || list.length === 0) return null;
  return h(
    'ul',
    { className: 'sessions' },
    list.map((s, i) =>
      h(
        'li',
        { key: i, 'data-session': i },
        `${sessionTime(String(s['start'] ?? ''), s['timezone'] as string | undefined)} – ` +
          `${sessionTime(String(s['end'] ?? ''), s['timezone'] as string | undefined)}`,
      ),
    ),
  );
}

export function EntryPreview({ entry }: PreviewProps): ReactNode {
  const title = text(entry, 'title') || text(entry, 'name') || text(entry, 'term');
  const summary = text(entry, 'summary') || text(entry, 'definition');
  const date = text(entry, 'date');
  return h(
    'main',
    { id: 'main' },
    h(
      'article',
      { className: 'prose' },
      h('h1', null, title),
      date ? h('p', { className: 'meta' }, h('time', null, date.slice(0, 10))) : null,
      summary ? h('p', { className: 'lead' }, summary) : null,
      sessions(entry),
      h('div', {
        'data-body': '',
        dangerouslySetInnerHTML: {
          __html: renderBody(toSafeMdx(text(entry, 'body')), editorComponents),
        },
      }),
    ),
  );
}
