/** /jadwal/saring.json: the schedule's filter index, read by the filter script (see filter-index.ts). */
import type { APIRoute } from 'astro';
import { scheduleFilterIndex } from '~/features/training/filter-hits.ts';
import { localeStaticPaths } from '~/platform/i18n/i18n.ts';
import type { Locale } from '~/schemas/shared.ts';

export const getStaticPaths = localeStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  Response.json(await scheduleFilterIndex((props as { locale: Locale }).locale));
