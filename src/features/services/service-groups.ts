/**
 * Groups service points the way a worried reader looks for them: help in the home regency, national
 * channels, and help in the destination country. Pure, so unit tests can check the rules.
 */
import type { SERVICE_KINDS } from '~/schemas/layanan.ts';

export const SERVICE_GROUPS = ['di-kabupaten', 'nasional', 'di-negara-tujuan'] as const;
export type ServiceGroup = (typeof SERVICE_GROUPS)[number];

export interface ServiceLike {
  data: { kind: (typeof SERVICE_KINDS)[number]; country?: string | undefined; order: number };
}

/** Local offices are Disnaker and LTSA; anything tied to a destination country or to Indonesia's
 * representations abroad is help abroad; the rest (ministries, BP3MI, other) is national. */
export function serviceGroupOf(point: ServiceLike): ServiceGroup {
  if (point.data.country || point.data.kind === 'perwakilan') return 'di-negara-tujuan';
  if (point.data.kind === 'disnaker' || point.data.kind === 'ltsa') return 'di-kabupaten';
  return 'nasional';
}

/** Every group in reading order, each sorted by `order`; empty groups are kept so anchors exist. */
export function groupServices<T extends ServiceLike>(
  points: readonly T[],
): { group: ServiceGroup; points: T[] }[] {
  return SERVICE_GROUPS.map((group) => ({
    group,
    points: points
      .filter((p) => serviceGroupOf(p) === group)
      .sort((a, b) => a.data.order - b.data.order),
  }));
}
