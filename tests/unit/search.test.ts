import { describe, expect, it } from 'vitest';
import {
  cleanList,
  placeName,
  readSearchState,
  searchTypeFromPath,
  writeSearchState,
} from '~/platform/search/search.ts';
import { clientStrings } from '~/platform/search/search-strings.ts';

describe('searchTypeFromPath', () => {
  it.each([
    // The content type is the first path segment, in both languages…
    ['/panduan/cek-izin-p3mi/', 'panduan'],
    ['/en/panduan/', 'panduan'],
    ['/program/pak-camat-pmi/', 'program'],
    ['/en/berita/x/', 'berita'],
    ['/glosarium/', 'glosarium'],
    ['/layanan/', 'layanan'],
    // …the schedule is filed with the training courses…
    ['/jadwal/', 'pelatihan'],
    ['/en/pelatihan/kursus/', 'pelatihan'],
    // …and everything else is a plain page, the home pages included.
    ['/', 'halaman'],
    ['/en/', 'halaman'],
    ['/tentang/', 'halaman'],
    ['/en/constructor/', 'halaman'],
  ])('files %s under %s', (path, type) => {
    expect(searchTypeFromPath(path)).toBe(type);
  });
});

describe('cleanList and placeName', () => {
  it('drops empty values and case-insensitive duplicates, keeping the first spelling', () => {
    expect(cleanList(['TKI', ' tki ', undefined, '', 'calo  gelap', 'Calo gelap'])).toEqual([
      'TKI',
      'calo gelap',
    ]);
  });

  it('treats "Kabupaten Blitar", "Kab. Blitar" and "Blitar" as one kabupaten, but keeps Kota apart', () => {
    expect(placeName('Kabupaten Blitar')).toBe('Blitar');
    expect(placeName('Kab. Blitar')).toBe('Blitar');
    expect(placeName('kab  Blitar')).toBe('Blitar');
    expect(placeName('Blitar')).toBe('Blitar');
    expect(placeName('Kota Blitar')).toBe('Kota Blitar');
  });
});

describe('search page address', () => {
  it('reads the query and readable filter parameters', () => {
    const state = readSearchState(
      new URLSearchParams('q=%20paspor%20%20ditahan&jenis=panduan&tahap=sebelum&urut=baru'),
    );
    expect(state).toEqual({
      query: 'paspor ditahan',
      filters: { type: 'panduan', stage: 'sebelum' },
      newest: true,
    });
  });

  it('ignores empty and unknown parameters', () => {
    expect(readSearchState(new URLSearchParams('q=&jenis=&foo=bar&urut=lama'))).toEqual({
      query: '',
      filters: {},
      newest: false,
    });
  });

  it('round-trips a state, hostile text included, through the address', () => {
    const state = {
      query: '<script>alert(1)</script> & "biaya"',
      filters: { program: 'Pak Camat PMI', kabupaten: 'Blitar' },
      newest: false,
    };
    const search = writeSearchState(state);
    expect(search).not.toContain('<');
    expect(readSearchState(new URLSearchParams(search))).toEqual(state);
  });

  it('writes nothing for an empty search, so the address stays /cari/', () => {
    expect(writeSearchState({ query: '', filters: {}, newest: false })).toBe('');
  });
});

describe('search page strings', () => {
  it('names every content type and stage in both languages', () => {
    for (const locale of ['id', 'en'] as const) {
      const s = clientStrings(locale);
      expect(s.values['type:panduan']).toBeTruthy();
      expect(s.values['type:halaman']).toBeTruthy();
      expect(s.values['stage:setelah']).toBeTruthy();
      expect(s.resultMany).toContain('{count}');
      expect(s.noResults).toContain('{query}');
    }
    expect(clientStrings('id').values['type:berita']).not.toBe(
      clientStrings('en').values['type:berita'],
    );
  });
});
