/**
 * The markup of the author components, written once: the .astro components render it with their
 * slot's HTML as `body`, and the CMS preview renders it with the body drawn from Markdown, so an
 * editor sees the very markup readers get. Pure functions, safe in the browser.
 */
import { useTranslations } from '../platform/i18n/i18n.ts';
import { attr, esc } from '../platform/markup/html.ts';
import type { Locale } from '../schemas/shared.ts';
import { CALLOUT_TYPES } from './contracts.ts';

export { CALLOUT_TYPES };
export type CalloutType = (typeof CALLOUT_TYPES)[number];

const VARIANT: Record<CalloutType, string> = {
  info: 'note',
  peringatan: 'note note--warn',
  bahaya: 'note note--danger',
};

/**
 * A <div role="note"> rather than <aside>: a callout belongs to the text around it, and several
 * unnamed <aside> landmarks on one page would clutter a screen reader's landmark list. The type
 * ("Perhatian", "Bahaya") is always part of the text, visually hidden when a title is given, so
 * the meaning never rests on colour alone (WCAG 1.4.1) and survives black-and-white printing.
 */
export function calloutHtml(
  locale: Locale,
  props: { type?: string | undefined; title?: string | undefined },
  body: string,
): string {
  const t = useTranslations(locale);
  const type: CalloutType = (CALLOUT_TYPES as readonly string[]).includes(props.type ?? '')
    ? (props.type as CalloutType)
    : 'info';
  const label = t(`callout.${type}`);
  const title = props.title?.trim();
  const heading = title
    ? `<strong><span class="visually-hidden">${esc(label)}: </span>${esc(title)}</strong>`
    : `<strong>${esc(label)}</strong>`;
  return (
    `<div class="${VARIANT[type]} callout" role="note" data-callout="${type}">` +
    `<p class="callout-title">${heading}</p>${body}</div>`
  );
}

/** Numbered steps around a Markdown ordered list; the numbers come from the list itself. */
export function stepsHtml(body: string): string {
  return `<div class="steps">${body}</div>`;
}

/** A printable checklist around a Markdown bullet list, each item with a box to tick on paper. */
export function checklistHtml(props: { title?: string | undefined }, body: string): string {
  return `<div class="checklist"><h3 class="checklist-title">${esc(props.title)}</h3>${body}</div>`;
}

/**
 * Names the public source of the fact just before it. Editors type the address by hand: only web
 * addresses become links, never javascript: or data:.
 */
export function sourceNoteHtml(
  locale: Locale,
  props: { publisher?: string | undefined; url?: string | undefined },
): string {
  const t = useTranslations(locale);
  const url = (props.url ?? '').trim();
  const publisher = esc(props.publisher);
  const link = /^https?:\/\//i.test(url)
    ? `<a${attr('href', url)} rel="noopener noreferrer">${publisher}</a>`
    : publisher;
  return `<span class="source-note">(${esc(t('sources.inline'))} ${link})</span>`;
}
