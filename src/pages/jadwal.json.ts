/** /jadwal.json: upcoming sessions as open data (fields documented at /jadwal/data/). */
import type { APIRoute } from 'astro';
import { scheduleLists } from '~/features/training/catalogue.ts';
import { buildNow, getSettings } from '~/platform/content/content.ts';
import { openDataRecord } from '~/features/training/open-data.ts';

export const GET: APIRoute = async () => {
  const { siteUrl } = await getSettings();
  const now = buildNow();
  const sessions = (await scheduleLists()).upcoming.map((v) => openDataRecord(v, siteUrl, now));
  return new Response(JSON.stringify({ generated: now.toISOString(), sessions }, null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
