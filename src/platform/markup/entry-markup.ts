/**
 * Markup of the parts every fact page shows (guides, programmes, service points): when it was
 * checked, what still needs checking, its sources, contacts, the WhatsApp share link. The .astro
 * components and the CMS previews (cms/previews.ts) both render from these functions.
 */
import type { Contact, Locale, Source } from '../../schemas/shared.ts';
import { formatDay, isoDay } from '../i18n/dates.ts';
import { useTranslations } from '../i18n/i18n.ts';
import { telUrl, unbroken, whatsappUrl } from '../../features/training/phone.ts';
import { attr, esc } from './html.ts';

/** "Terakhir diperiksa: 26 Juli 2024", the day read in the site's zone. */
export function lastCheckedHtml(locale: Locale, date: Date, timeZone: string): string {
  const t = useTranslations(locale);
  return (
    `<p class="meta">${esc(t('check.lastChecked'))} ` +
    `<time${attr('datetime', isoDay(date, timeZone))}>${esc(formatDay(date, locale, timeZone))}</time></p>`
  );
}

/**
 * The visible "perlu dicek ulang" note listing uncertain facts; nothing when there are none.
 * A page's own note (guides, programmes) is a named landmark that the pointer line links to; a
 * note inside a list item (a glossary term, one of many service points) is `inline`: no landmark
 * name repeated down the page, and its own intro line.
 */
export function needsCheckHtml(
  locale: Locale,
  notes: readonly string[],
  inline?: { intro: 'check.intro' | 'check.termIntro' },
): string {
  if (notes.length === 0) return '';
  const t = useTranslations(locale);
  const intro = esc(t(inline?.intro ?? 'check.intro'));
  return (
    (inline
      ? `<div class="note note--warn"><p>`
      : `<div class="note note--warn" role="note" aria-labelledby="perlu-dicek"><p id="perlu-dicek">`) +
    `<span class="badge badge--check">${esc(t('check.badge'))}</span> <strong>${intro}</strong></p>` +
    `<ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></div>`
  );
}

/**
 * One line above a guide's text when some of its facts are uncertain. The notes themselves follow
 * the text, so the guide's answer comes first; this line makes sure nobody reads the answer
 * without knowing that doubts exist, on screen and on paper alike.
 */
export function needsCheckPointerHtml(locale: Locale, notes: readonly string[]): string {
  if (notes.length === 0) return '';
  const t = useTranslations(locale);
  return (
    `<p class="pointer" data-listen="skip"><span class="badge badge--check">${esc(t('check.badge'))}</span> ` +
    `${esc(t('check.pointer'))} <a href="#perlu-dicek">${esc(t('check.pointerLink'))}</a></p>`
  );
}

/** The numbered list of public sources, each with the day it was read. */
export function sourceListHtml(locale: Locale, sources: readonly Source[], timeZone: string) {
  const t = useTranslations(locale);
  const items = sources.map(
    (s) =>
      `<li><a${attr('href', s.url)}>${esc(s.title)}</a> – ${esc(s.publisher)}. ` +
      `<span class="meta">${esc(t('sources.accessed', { date: formatDay(s.accessed, locale, timeZone) }))}</span></li>`,
  );
  return `<div class="sources"><h2 id="sumber">${esc(t('sources.heading'))}</h2><ol>${items.join('')}</ol></div>`;
}

/** Contacts: numbers are tappable links; each detail names where it came from. */
export function contactListHtml(locale: Locale, contacts: readonly Contact[]): string {
  const t = useTranslations(locale);
  const item = (c: Contact) => {
    const lines: string[] = [];
    if (c.phone) {
      lines.push(
        `${esc(t('contact.phone'))}: <a${attr('href', telUrl(c.phone))}>${esc(unbroken(c.phone))}</a>`,
      );
    }
    if (c.whatsapp) {
      lines.push(
        `WhatsApp: <a${attr('href', whatsappUrl(c.whatsapp))}>${esc(unbroken(c.whatsapp))}</a>`,
      );
    }
    if (c.email) {
      lines.push(
        `${esc(t('contact.email'))}: <a${attr('href', `mailto:${c.email}`)}>${esc(c.email)}</a>`,
      );
    }
    if (c.url) lines.push(`<a${attr('href', c.url)}>${esc(c.url.replace(/^https?:\/\//, ''))}</a>`);
    if (c.address) lines.push(esc(c.address));
    if (c.hours) lines.push(esc(c.hours));
    if (c.needsCheck) {
      lines.push(
        `<span class="badge badge--check">${esc(t('check.badge'))}</span> ${esc(c.needsCheck)}`,
      );
    }
    if (c.source) {
      lines.push(
        `<span class="meta">${esc(t('contact.source'))}: <a${attr('href', c.source.url)}>${esc(c.source.publisher)}</a></span>`,
      );
    }
    const role = c.role ? `<span> – ${esc(c.role)}</span>` : '';
    return `<li><strong>${esc(c.name)}</strong>${role}${lines.map((l) => `<br>${l}`).join('')}</li>`;
  };
  return `<ul class="contacts">${contacts.map(item).join('')}</ul>`;
}

/** A plain link that opens WhatsApp with a prepared message: no script, works on any phone. */
export function whatsAppShareHtml(locale: Locale, text: string, url: string): string {
  const t = useTranslations(locale);
  const href = `https://wa.me/?text=${encodeURIComponent(`${text}\n${url}`)}`;
  return `<a class="share-wa no-print"${attr('href', href)} rel="noopener noreferrer">${esc(t('share.whatsapp'))}</a>`;
}
