/**
 * One session card: when (with its zone), where, status, how to register, and the actions a reader
 * needs — calendar file, WhatsApp share, printable poster. The data-* attributes carry the
 * instants with their offsets so the status script can recompute the status in the browser.
 * SessionCard.astro and the CMS preview of a course both render this, so they cannot differ.
 */
import { localePath, useTranslations } from '~/platform/i18n/i18n.ts';
import { attr, esc } from '~/platform/markup/html.ts';
import { contactListHtml, whatsAppShareHtml } from '~/platform/markup/entry-markup.ts';
import type { Locale } from '~/schemas/shared.ts';
import { joinActionHtml } from './registration.ts';
import { facetsOf, placeLine, statusAt, type SessionView } from './sessions.ts';
import { deadlineLine, modeLabel, sessionWhen, shareText, statusLabel } from './session-format.ts';
import type { SessionStatus } from './schedule-status.ts';
import { statusRow } from '~/model/session-statuses.ts';

/** The status as a badge; the status script rewrites its text and tone when it changes. */
export function sessionStatusBadgeHtml(locale: Locale, status: SessionStatus): string {
  const t = useTranslations(locale);
  return `<span class="badge status"${attr('data-tone', statusRow(status).tone)} data-status-label>${esc(statusLabel(status, t))}</span>`;
}

export interface SessionCardOptions {
  /** The site's address, for the link that is shared. */
  site: string | URL;
  /** Show the course title as the heading (schedule lists) instead of the date (course page). */
  showCourse?: boolean;
  /** Element id, for links to this session (course page only: codes repeat across courses). */
  anchor?: string | undefined;
  /** Heading level inside the surrounding page. */
  level?: 2 | 3;
}

export function sessionCardHtml(
  locale: Locale,
  v: SessionView,
  now: Date,
  { site, showCourse = true, anchor, level = 3 }: SessionCardOptions,
): string {
  const t = useTranslations(locale);
  const s = v.session;
  const c = v.course.data;
  const status = statusAt(v, now);
  const ended = v.end.getTime() <= now.getTime();
  const when = sessionWhen(v, locale, t);
  const sessionPath = localePath(locale, `/pelatihan/${v.course.slug}/${v.id}/`);
  const pageUrl = new URL(sessionPath, site).href;
  const place = placeLine(v);
  const h = `h${level}`;
  const fact = (term: string, detail: string) => `<dt>${esc(term)}</dt><dd>${detail}</dd>`;

  const online = s.onlineUrl
    ? ` · <a${attr('href', s.onlineUrl)} rel="noopener noreferrer">${esc(t('session.onlineLink'))}</a>`
    : '';
  const seats =
    s.seatsLeft !== undefined ? esc(`, ${t('session.seatsLeft', { n: s.seatsLeft })}`) : '';
  const facts = [
    showCourse
      ? fact(t('session.when'), `<time${attr('datetime', v.startIso)}>${esc(when.line)}</time>`)
      : '',
    fact(t('session.place'), `${esc(place || t('session.online'))}${online}`),
    fact(t('session.mode'), esc(modeLabel(s.mode, t))),
    fact(
      t('session.deadline'),
      `<time${attr('datetime', v.deadlineIso)}>${esc(deadlineLine(v, locale))}</time>`,
    ),
    fact(t('session.capacity'), `${esc(t('session.people', { n: s.capacity }))}${seats}`),
    s.contact ? fact(t('session.contact'), contactListHtml(locale, [s.contact])) : '',
    s.note ? fact(t('session.note'), esc(s.note)) : '',
  ].join('');

  // A session that has ended (the archive) is not worth a calendar entry or a share.
  const actions = [
    ended
      ? ''
      : `<a${attr('href', `/pelatihan/${v.course.slug}/${v.id}.ics`)} download>${esc(t('session.addToCalendar'))}</a>`,
    `<a${attr('href', sessionPath)}>${esc(t('session.poster'))}</a>`,
    ended ? '' : whatsAppShareHtml(locale, shareText(v, locale, t), pageUrl),
  ].join('');

  const heading = showCourse
    ? `<a${attr('href', sessionPath)}>${esc(c.title)}</a>`
    : esc(when.line);
  const example = c.example
    ? `<span class="badge badge--example">${esc(t('courses.example'))}</span>`
    : '';
  return (
    `<li class="card session"${attr('id', anchor)}${attr('data-start', v.startIso)}` +
    `${attr('data-end', v.endIso)}${attr('data-deadline', v.deadlineIso)}${attr('data-status', status)}` +
    `${attr('data-override', s.status)}${attr('data-seats-left', s.seatsLeft)}` +
    `${attr('data-facets', JSON.stringify(facetsOf(v)))}>` +
    `<${h}>${heading}</${h}>` +
    `<p>${sessionStatusBadgeHtml(locale, status)}${example}</p>` +
    `<dl class="facts">${facts}</dl>` +
    // Joining: only while registration is open (the status script hides it when it closes).
    (statusRow(status).bookable ? joinActionHtml(v, locale, t) : '') +
    `<p class="session-actions no-print">${actions}</p></li>`
  );
}
