import { describe, expect, it } from 'vitest';
import {
  groupServices,
  SERVICE_GROUPS,
  serviceGroupOf,
} from '~/features/services/service-groups.ts';
import type { ServiceLike } from '~/features/services/service-groups.ts';

const point = (kind: ServiceLike['data']['kind'], order = 50, country?: string): ServiceLike => ({
  data: { kind, order, country },
});

describe('serviceGroupOf', () => {
  it('puts Disnaker and LTSA in the home regency', () => {
    expect(serviceGroupOf(point('disnaker'))).toBe('di-kabupaten');
    expect(serviceGroupOf(point('ltsa'))).toBe('di-kabupaten');
  });

  it('puts ministries and BP3MI offices with the national channels', () => {
    expect(serviceGroupOf(point('kementerian'))).toBe('nasional');
    expect(serviceGroupOf(point('bp3mi'))).toBe('nasional');
  });

  it('puts anything tied to a destination country, and representations abroad, abroad', () => {
    expect(serviceGroupOf(point('hotline', 50, 'taiwan'))).toBe('di-negara-tujuan');
    expect(serviceGroupOf(point('perwakilan'))).toBe('di-negara-tujuan');
  });
});

describe('groupServices', () => {
  it('returns every group in reading order, even empty ones, each sorted by order', () => {
    const groups = groupServices([point('bp3mi', 20), point('kementerian', 10)]);
    expect(groups.map((g) => g.group)).toEqual([...SERVICE_GROUPS]);
    expect(groups[1]?.points.map((p) => p.data.order)).toEqual([10, 20]);
    expect(groups[0]?.points).toEqual([]);
  });
});
