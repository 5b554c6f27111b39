/**
 * /jadwal.ics: every upcoming session of every course (and those of the last 30 days, so a
 * subscriber's calendar does not drop a session the moment it ends), for calendar apps.
 */
import type { APIRoute } from 'astro';
import { catalogue } from '~/features/training/catalogue.ts';
import { calendarResponse } from '~/features/training/calendar-endpoint.ts';
import { buildNow } from '~/platform/content/content.ts';

const KEEP_PAST_MS = 30 * 24 * 60 * 60 * 1000;

export const GET: APIRoute = async () => {
  const since = buildNow().getTime() - KEEP_PAST_MS;
  return calendarResponse((await catalogue()).sessions.filter((v) => v.end.getTime() > since));
};
