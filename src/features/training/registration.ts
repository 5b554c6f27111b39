/**
 * How a reader joins a session: the links behind the "Daftar" button and the other ways listed
 * beside it. WhatsApp opens a chat with a message already written (course, day, place and the
 * question), SMS the same text, a phone number a call; a form is a link; in person is text.
 */
import type { Locale } from '~/schemas/shared.ts';
import type { Translator } from '~/platform/i18n/i18n.ts';
import { sessionWhen, placeShort } from './session-format.ts';
import type { SessionView } from './sessions.ts';
import { internationalDigits, smsUrl, unbroken, whatsappUrl } from './phone.ts';
import { deadlineLine } from './session-format.ts';
import { attr, esc } from '~/platform/markup/html.ts';

/** The message a reader sends to register: which course, when, where, and how to sign up. */
export function registrationMessage(v: SessionView, locale: Locale, t: Translator): string {
  return t('join.message', {
    title: v.course.data.title,
    date: sessionWhen(v, locale, t).line,
    place: placeShort(v, t),
  });
}

export type JoinKind = 'whatsapp' | 'form' | 'call' | 'sms';

export interface JoinLink {
  kind: JoinKind;
  href: string;
  /** Button or link text. */
  label: string;
  /** The number written out, for a poster or a reader who types it by hand. */
  number?: string;
}

export interface JoinWays {
  /** The main action (one button), when the session can be joined through a link. */
  main?: JoinLink;
  /** The other links, in the order a reader would try them. */
  others: JoinLink[];
  /** How to register in person, as the editor wrote it. */
  inPerson?: string;
}

/**
 * Every way to register for a session, the most direct first: WhatsApp (a chat with the message
 * written), the form, a call, an SMS. The first one is the main button.
 */
export function joinWays(v: SessionView, locale: Locale, t: Translator): JoinWays {
  const r = v.session.registration;
  const message = registrationMessage(v, locale, t);
  const links: JoinLink[] = [];
  if (r.whatsapp)
    links.push({
      kind: 'whatsapp',
      href: whatsappUrl(r.whatsapp, message),
      label: t('join.whatsapp'),
      number: r.whatsapp,
    });
  if (r.url) links.push({ kind: 'form', href: r.url, label: t('join.form') });
  if (r.phone) {
    links.push({
      kind: 'call',
      href: `tel:+${internationalDigits(r.phone)}`,
      label: t('join.call'),
      number: r.phone,
    });
    links.push({
      kind: 'sms',
      href: smsUrl(r.phone, message),
      label: t('join.sms'),
      number: r.phone,
    });
  }
  const [main, ...others] = links;
  return {
    ...(main ? { main } : {}),
    others,
    ...(r.inPerson ? { inPerson: r.inPerson } : {}),
  };
}

/** A link's text: a number stays with its label, never split (no plain space in a tel: link). */
const linkText = (way: JoinLink, withNumber: boolean) =>
  withNumber && way.number ? `${way.label}\u00a0${unbroken(way.number)}` : way.label;

/**
 * How to join one session, as HTML (session cards, the poster, the CMS preview): one button of at
 * least 44 × 44 px for the most direct way with the deadline beside it, then the other ways. The
 * status script hides it (`data-join`) when a page read later finds registration closed.
 */
export function joinActionHtml(v: SessionView, locale: Locale, t: Translator): string {
  const { main, others, inPerson } = joinWays(v, locale, t);
  const link = (way: JoinLink, cls: string, withNumber: boolean) =>
    `<a${attr('class', cls || undefined)}${attr('href', way.href)} rel="noopener noreferrer">${esc(linkText(way, withNumber))}</a>`;
  const button = main ? link(main, 'button button--primary join-button', main.kind === 'call') : '';
  const deadline = `<span class="join-deadline">${esc(t('join.deadline'))} <time${attr('datetime', v.deadlineIso)}>${esc(deadlineLine(v, locale))}</time></span>`;
  const rest =
    others.length > 0
      ? `<p class="join-others">${esc(t('join.others'))} ${others.map((w) => link(w, '', true)).join(' · ')}</p>`
      : '';
  const person = inPerson
    ? `<p class="join-in-person">${esc(t('join.inPerson'))}: ${esc(inPerson)}</p>`
    : '';
  return `<div class="join" data-join><p class="join-main">${button}${deadline}</p>${rest}${person}</div>`;
}
