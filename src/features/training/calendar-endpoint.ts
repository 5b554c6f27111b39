/** Shared by the .ics endpoints: one calendar response from a list of sessions. */
import { getSettings, buildNow } from '~/platform/content/content.ts';
import { sessionsToIcs } from './ics.ts';
import { useTranslations } from '~/platform/i18n/i18n.ts';
import type { SessionView } from './sessions.ts';
import { DEFAULT_LOCALE } from '~/model/languages.ts';

export async function calendarResponse(list: SessionView[], name?: string): Promise<Response> {
  const settings = await getSettings();
  const t = useTranslations(DEFAULT_LOCALE);
  const body = sessionsToIcs(list, {
    siteUrl: settings.siteUrl,
    calName: name ?? t('schedule.calName', { site: settings.siteName }),
    now: buildNow(),
    exampleLabel: t('session.exampleLabel'),
    texts: {
      reminderSession: t('ics.reminderSession'),
      reminderDeadline: t('ics.reminderDeadline'),
      whatsapp: t('join.whatsappShort'),
      phone: t('join.callShort'),
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
