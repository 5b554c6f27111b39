/** /jadwal.csv: the same records as /jadwal.json, one row per upcoming session (RFC 4180). */
import type { APIRoute } from 'astro';
import { scheduleLists } from '~/features/training/catalogue.ts';
import { buildNow, getSettings } from '~/platform/content/content.ts';
import { openDataRecord, toCsv } from '~/features/training/open-data.ts';

export const GET: APIRoute = async () => {
  const { siteUrl } = await getSettings();
  const now = buildNow();
  const rows = (await scheduleLists()).upcoming.map((v) => openDataRecord(v, siteUrl, now));
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
