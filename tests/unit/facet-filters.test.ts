/** Filter values with static pages, the compact filter index, and its rendering in the worker. */
import { describe, expect, it } from 'vitest';
import {
  choicePagePaths,
  facetChoices,
  facetPagePath,
  itemsWith,
} from '~/features/training/facet-pages.ts';
import {
  encodeFacets,
  filterTexts,
  matchHits,
  type FilterIndex,
} from '~/features/training/filter-index.ts';
import { useTranslations } from '~/platform/i18n/i18n.ts';
import {
  laterPagePaths,
  pageCount,
  pageItems,
  pageSegment,
} from '~/platform/content/pagination.ts';
import { facetOptions } from '~/features/training/sessions.ts';
import { renderHits } from '~/features/training/filter-worker.client.ts';

const records = [
  { kecamatan: ['Sanan Kulon'], cara: ['tatap-muka'], topik: ['modal usaha'] },
  { kecamatan: ['Sanan-Kulon'], cara: ['daring'], topik: ['modal usaha', 'tabungan'] },
  { kecamatan: ['Wlingi'], cara: ['tatap-muka'], topik: ['tabungan'] },
  { kecamatan: [], cara: ['daring'], topik: ['Pemasaran Daring'] },
];

describe('facet choices', () => {
  const choices = facetChoices(records, facetOptions(records));

  it('gives each value a URL segment that is unique within its facet', () => {
    const kec = choices.filter((c) => c.facet === 'kecamatan');
    expect(kec.map((c) => c.slug).sort()).toEqual(['sanan-kulon', 'sanan-kulon-2', 'wlingi']);
    expect(choices.find((c) => c.value === 'Pemasaran Daring')?.slug).toBe('pemasaran-daring');
  });

  it('counts the items of each value and leaves out facets with a single value', () => {
    expect(choices.find((c) => c.facet === 'topik' && c.value === 'tabungan')?.count).toBe(2);
    expect(choices.some((c) => c.facet === 'bulan')).toBe(false);
  });

  it('selects the items of a choice and builds its paths', () => {
    const items = ['a', 'b', 'c', 'd'];
    expect(itemsWith(items, records, { facet: 'cara', value: 'daring' })).toEqual(['b', 'd']);
    const choice = { facet: 'kecamatan' as const, slug: 'wlingi' };
    expect(facetPagePath('/jadwal/', choice)).toBe('/jadwal/saring/kecamatan/wlingi/');
    expect(facetPagePath('/jadwal/', choice, 3)).toBe('/jadwal/saring/kecamatan/wlingi/halaman/3/');
  });

  it('has one static page per page of each choice, in both languages', () => {
    const one = { facet: 'cara' as const, value: 'daring', slug: 'daring', count: 31 };
    const paths = choicePagePaths([one], 30);
    expect(paths.map((p) => [p.params.lang, p.params.page])).toEqual([
      [undefined, undefined],
      [undefined, 'halaman/2'],
      ['en', undefined],
      ['en', 'halaman/2'],
    ]);
  });
});

describe('pagination', () => {
  it('never has zero pages and slices by page', () => {
    expect(pageCount(0, 30)).toBe(1);
    expect(pageCount(61, 30)).toBe(3);
    expect(pageItems([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageSegment(1)).toBeUndefined();
    expect(laterPagePaths(61, 30).map((p) => p.params.page)).toEqual(['2', '3', '2', '3']);
    expect(laterPagePaths(30, 30)).toEqual([]);
  });
});

describe('filter index', () => {
  const facets = ['kecamatan', 'cara'] as const;
  const values = [
    ['Wlingi', 'Talun'],
    ['daring', 'tatap-muka'],
  ];
  const index: FilterIndex<{ id: string; f: number[][] }> = {
    facets: [...facets],
    values,
    items: [
      { id: 'a', f: encodeFacets({ kecamatan: ['Talun'], cara: ['tatap-muka'] }, facets, values) },
      { id: 'b', f: encodeFacets({ kecamatan: [], cara: ['daring'] }, facets, values) },
      {
        id: 'c',
        f: encodeFacets({ kecamatan: ['Talun', 'Gone'], cara: ['daring'] }, facets, values),
      },
    ],
  };

  it('stores values by position and drops values that are not offered', () => {
    expect(index.items[2]!.f).toEqual([[1], [0]]);
  });

  it('matches every chosen value, and nothing for an unknown facet or value', () => {
    expect(matchHits(index, [['kecamatan', 'Talun']]).map((h) => h.id)).toEqual(['a', 'c']);
    expect(
      matchHits(index, [
        ['kecamatan', 'Talun'],
        ['cara', 'daring'],
      ]).map((h) => h.id),
    ).toEqual(['c']);
    expect(matchHits(index, []).length).toBe(3);
    expect(matchHits(index, [['kecamatan', 'Blitar']])).toEqual([]);
    expect(matchHits(index, [['warna', 'merah']])).toEqual([]);
  });
});

describe('rendering matches (filter worker)', () => {
  const texts = filterTexts(useTranslations('id'));
  const session = (m: string, t: string) => ({
    u: '/pelatihan/x/1/',
    t,
    w: 'Sabtu, 5 Desember 2026, 08.00–12.00 WITA',
    p: 'Balai "Desa", Talun',
    s: '2026-12-05T08:00:00+08:00',
    e: '2026-12-05T12:00:00+08:00',
    d: '2026-12-04T23:59:00+08:00',
    x: 1 as const,
    m,
    f: [],
  });

  it('escapes every text and attribute', () => {
    const html = renderHits(
      [session('2026-12', '<img src=x onerror=alert(1)> & "kopi"')],
      { facets: [], values: [], items: [] },
      texts,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;kopi&quot;');
    expect(html).toContain('Balai &quot;Desa&quot;, Talun');
    expect(html).toContain('data-start="2026-12-05T08:00:00+08:00"');
    expect(html).toContain('badge--example');
  });

  it('groups sessions under one heading per month, in calendar order', () => {
    // C (WITA, just after midnight on 1 January) starts before B (WIB, late on 31 December).
    const html = renderHits(
      [session('2026-12', 'A'), session('2027-01', 'C'), session('2026-12', 'B')],
      { facets: [], values: [], groups: { '2026-12': 'Desember 2026' }, items: [] },
      texts,
    );
    expect(html.match(/<h2>/g)).toHaveLength(2);
    expect(html).toContain('<h2>Desember 2026</h2>');
    expect(html).toContain('<h2>2027-01</h2>');
    expect(html.match(/<section>/g)).toHaveLength(html.match(/<\/section>/g)!.length);
    expect(html.indexOf('>A<')).toBeLessThan(html.indexOf('>B<'));
    expect(html.indexOf('>B<')).toBeLessThan(html.indexOf('<h2>2027-01</h2>'));
  });

  it('renders a course with its next session and count', () => {
    const html = renderHits(
      [
        {
          u: '/pelatihan/kopi/',
          t: 'Kopi',
          sum: 'Ringkas',
          a: 'Purna PMI',
          c: 3,
          n: { w: 'Senin', p: 'Daring', s: 'a', e: 'b', d: 'c', o: 'penuh' },
          f: [],
        },
      ],
      { facets: [], values: [], items: [] },
      texts,
    );
    expect(html).toContain('(3 sesi akan datang)');
    expect(html).toContain('data-override="penuh"');
    expect(html.startsWith('<ul class="card-list"><li class="card">')).toBe(true);
  });
});
