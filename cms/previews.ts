/**
 * Preview templates: the entry drawn with the site's own markup and stylesheet
 * (src/styles/global.css is loaded into the preview frame by cms/main.ts). Every part a page shows
 * around its text comes from the same render function the page uses (src/platform/markup/,
 * src/user-components/markup.ts, src/features/news/news-markup.ts,
 * src/features/training/session-card-markup.ts): a guide shows its checked date, its "perlu
 * dicek ulang" notes and its sources; a news item its date line and picture; a course its session
 * cards as on /jadwal/. The body is rendered from the MDX or Markdown the save will write, so typed
 * text shows exactly as the site will show it.
 *
 * The form is checked field by field: a field that is still empty or wrong is left out of the
 * preview (the form says what is wrong), the rest shows as it will on the site.
 */
import { createElement as h, type ReactNode } from 'react';
import type { z } from 'astro/zod';
import { newsMetaHtml, newsSourceHtml } from '../src/features/news/news-markup.ts';
import { sessionCardHtml } from '../src/features/training/session-card-markup.ts';
import { sessionsOf } from '../src/features/training/sessions.ts';
import { useTranslations } from '../src/platform/i18n/i18n.ts';
import { attr, esc } from '../src/platform/markup/html.ts';
import {
  lastCheckedHtml,
  needsCheckHtml,
  needsCheckPointerHtml,
  sourceListHtml,
} from '../src/platform/markup/entry-markup.ts';
import { entryCollections } from '../src/schemas/index.ts';
import { COLLECTION_NAMES, entryExtension, type CollectionName } from '../src/model/collections.ts';
import { SessionSchema, type Session } from '../src/schemas/pelatihan.ts';
import type { Locale, Source, TimeZone } from '../src/schemas/shared.ts';
import { editorComponents } from './editor-components.ts';
import { toSafeBody } from './format.ts';
import { renderBody } from './markdown-preview.ts';
import { uploadPath } from './media-thumbnails.ts';

interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
}

export interface PreviewProps {
  entry: ImmutableLike;
  /** Decap's asset resolver: an uploaded file not yet saved is only known to the CMS. */
  getAsset?: (path: string) => unknown;
}

export interface PreviewContext {
  /** The site's address (settings.siteUrl), for the links a page shares. */
  siteUrl: string;
  /** The site's zone (settings.timezone): days are read in it, as on the site. */
  timeZone: TimeZone;
  /** The clock the session statuses are computed at (tests pass a fixed one). */
  now?: () => Date;
  /** config.public_folder: uploads are asked for by file name (see cms/media-thumbnails.ts). */
  publicFolder?: string;
}

type Data = Record<string, unknown>;

function toJs(value: unknown): unknown {
  return value && typeof value === 'object' && 'toJS' in value
    ? (value as { toJS(): unknown }).toJS()
    : value;
}

/** What Decap leaves in empty fields ('' , null, empty objects) is the same as no value. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune).filter((v) => v !== undefined);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const s = schema as unknown as {
    shape?: Record<string, z.ZodType>;
    _zod?: { def?: { in?: { shape?: Record<string, z.ZodType> } } };
  };
  return s.shape ?? s._zod?.def?.in?.shape ?? {};
}

/**
 * The form's values as the site will read them: each field parsed by its own schema, so one
 * unfinished field does not blank the whole preview. Sessions are parsed one by one.
 */
export function readForm(collection: string, raw: Data): Data {
  const base = collection.replace(/_en$/, '') as keyof typeof entryCollections;
  const schema = entryCollections[base];
  const data = (prune(raw) ?? {}) as Data;
  if (!schema) return data;
  const out: Data = {};
  for (const [key, field] of Object.entries(shapeOf(schema))) {
    if (key === 'sessions') {
      const list = Array.isArray(data[key]) ? (data[key] as unknown[]) : [];
      out[key] = list.flatMap((s) => {
        const parsed = SessionSchema.safeParse(s);
        return parsed.success ? [parsed.data] : [];
      });
      continue;
    }
    const parsed = field.safeParse(data[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out;
}

const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The page's HTML for an entry of a collection, from the raw form values and the body text. */
export function previewHtml(
  collection: string,
  raw: Data,
  ctx: PreviewContext,
  assetUrl: (path: string) => string = (p) => p,
): string {
  const locale: Locale = collection.endsWith('_en') ? 'en' : 'id';
  const base = collection.replace(/_en$/, '');
  const d = readForm(collection, raw);
  const title = str(d['title']) || str(d['name']) || str(d['term']);
  const summary = str(d['summary']) || str(d['definition']);
  // As the save will write it: plain Markdown (news, courses) has no components to draw.
  const extension = (COLLECTION_NAMES as readonly string[]).includes(base)
    ? entryExtension(base as CollectionName)
    : 'mdx';
  const components = extension === 'mdx' ? editorComponents : [];
  const body = `<div data-body>${renderBody(toSafeBody(str(raw['body']), extension), components, locale)}</div>`;
  const parts: string[] = [`<h1>${esc(title)}</h1>`];

  if (base === 'berita') {
    if (isDate(d['date'])) {
      parts.push(
        newsMetaHtml(
          locale,
          {
            kind: (d['kind'] as 'berita' | 'pengumuman' | undefined) ?? 'berita',
            date: d['date'],
            dateKnown: d['dateKnown'] !== false,
            until: isDate(d['until']) ? d['until'] : undefined,
            region: str(d['region']) || undefined,
            dateNote: str(d['dateNote']) || undefined,
          },
          ctx.timeZone,
        ),
      );
    }
    if (summary) parts.push(`<p class="lead">${esc(summary)}</p>`);
    const image = d['image'] as { src: string; alt: string } | undefined;
    if (image) {
      // The site writes a resized WebP set (astro:assets); the preview shows the uploaded file.
      parts.push(
        `<figure class="news-image"><img${attr('src', assetUrl(image.src))}${attr('alt', image.alt)} loading="lazy" decoding="async"></figure>`,
      );
    }
    parts.push(body);
    parts.push(newsSourceHtml(locale, d['source'] as { publisher: string; url: string }));
    const tags = (d['tags'] as string[] | undefined) ?? [];
    if (tags.length > 0) {
      const t = useTranslations(locale);
      parts.push(
        `<dl class="news-facts"><dt>${esc(t('news.tags'))}</dt><dd><ul class="tags">${tags.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></dd></dl>`,
      );
    }
  } else {
    if (summary) parts.push(`<p class="lead">${esc(summary)}</p>`);
    if (isDate(d['checked'])) parts.push(lastCheckedHtml(locale, d['checked'], ctx.timeZone));
    const notes = (d['needsCheck'] as string[] | undefined) ?? [];
    // A guide answers first: a pointer above its text, the notes after it (as its page does).
    if (base === 'panduan') parts.push(needsCheckPointerHtml(locale, notes), body);
    parts.push(needsCheckHtml(locale, notes));
    if (base !== 'panduan') parts.push(body);
    const sessions = (d['sessions'] as Session[] | undefined) ?? [];
    if (base === 'pelatihan' && sessions.length > 0) {
      const course = { slug: str(raw['slug']) || 'kursus', data: { ...d, sessions } as never };
      const now = ctx.now?.() ?? new Date();
      const cards = sessionsOf(course, ctx.timeZone).map((v) =>
        sessionCardHtml(locale, v, now, { site: ctx.siteUrl, showCourse: true, level: 3 }),
      );
      parts.push(`<div class="sessions"><ul class="card-list">${cards.join('')}</ul></div>`);
    }
    const sources = (d['sources'] as Source[] | undefined) ?? [];
    if (sources.length > 0) parts.push(sourceListHtml(locale, sources, ctx.timeZone));
  }
  return `<article class="prose">${parts.join('')}</article>`;
}

/** A React preview template for Decap, bound to the site's settings. */
export function createPreview(ctx: PreviewContext) {
  return function EntryPreview({ entry, getAsset }: PreviewProps): ReactNode {
    const collection = String(entry.get('collection') ?? '');
    const raw = (toJs(entry.get('data')) ?? {}) as Data;
    const slug = entry.get('slug');
    const assetUrl = (path: string) => {
      const asset = getAsset?.(uploadPath(path, ctx.publicFolder ?? '/media'));
      return asset ? String(asset) : path;
    };
    return h('main', {
      id: 'main',
      dangerouslySetInnerHTML: {
        __html: previewHtml(
          collection,
          typeof slug === 'string' && slug ? { ...raw, slug } : raw,
          ctx,
          assetUrl,
        ),
      },
    });
  };
}
