/** /pelatihan/saring.json: the catalogue's filter index, read by the filter script (see filter-index.ts). */
import type { APIRoute } from 'astro';
import { catalogueFilterIndex } from '~/features/training/filter-hits.ts';
import { localeStaticPaths } from '~/platform/i18n/i18n.ts';
import type { Locale } from '~/schemas/shared.ts';

export const getStaticPaths = localeStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  Response.json(await catalogueFilterIndex((props as { locale: Locale }).locale));
