import { describe, expect, it } from 'vitest';
import {
  acronymWords,
  normaliseForSpeech,
  numberWords,
  unreadableCharacters,
  type SpeechLocale,
} from '../../src/features/listen/normalise.ts';
import { numberToEnglish, numberToIndonesian } from '../../src/features/listen/numbers.ts';

describe('numbers as words', () => {
  it.each([
    [0, 'nol'],
    [11, 'sebelas'],
    [15, 'lima belas'],
    [21, 'dua puluh satu'],
    [100, 'seratus'],
    [118, 'seratus delapan belas'],
    [1000, 'seribu'],
    [1500, 'seribu lima ratus'],
    [2017, 'dua ribu tujuh belas'],
    [25_000_000, 'dua puluh lima juta'],
    [1_001_000, 'satu juta seribu'],
    [3_000_000_000, 'tiga miliar'],
  ] as const)('reads %i in Indonesian the way people say it: %s', (n, words) => {
    expect(numberToIndonesian(n)).toBe(words);
  });

  it('reads English numbers with "and" after the hundreds', () => {
    expect(numberToEnglish(118)).toBe('one hundred and eighteen');
    expect(numberToEnglish(1_500_000)).toBe('one million five hundred thousand');
    expect(numberToEnglish(42)).toBe('forty-two');
  });

  it('knows the Indonesian and English ways of writing thousands and decimals', () => {
    expect(numberWords('25.000.000', 'id')).toBe('dua puluh lima juta');
    expect(numberWords('1,5', 'id')).toBe('satu koma lima');
    expect(numberWords('25,000,000', 'en')).toBe('twenty-five million');
    expect(numberWords('1.5', 'en')).toBe('one point five');
    expect(numberWords('0812', 'id')).toBe('nol delapan satu dua');
    expect(numberWords('02', 'id')).toBe('dua');
  });

  it('refuses what is not a whole number', () => {
    expect(() => numberToIndonesian(-1)).toThrow(RangeError);
    expect(() => numberToEnglish(1.5)).toThrow(RangeError);
  });
});

describe('acronyms', () => {
  it('spells short capitals with Indonesian letter names and digits as words', () => {
    expect(acronymWords('BP3MI', 'id')).toBe('be pe tiga em i');
    expect(acronymWords('KemenP2MI', 'id')).toBe('Kemen pe dua em i');
    expect(acronymWords('LTSA', 'id')).toBe('el te es a');
  });
  it('reads long words in capitals and known names as words', () => {
    expect(acronymWords('DIPERDEBATKAN', 'id')).toBe('diperdebatkan');
    expect(acronymWords('EMAS', 'id')).toBe('emas');
  });
  it('leaves English letters to the English voice, spaced', () => {
    expect(acronymWords('BP3MI', 'en')).toBe('B P three M I');
  });
});

/** What the voice is given for a text: groups of examples, each one test of its own. */
const SPOKEN: { locale: SpeechLocale; does: string; cases: [text: string, spoken: string][] }[] = [
  {
    locale: 'id',
    does: 'reads amounts of money with the currency after the number',
    cases: [
      ['Biayanya Rp25.000.000.', 'Biayanya dua puluh lima juta rupiah.'],
      ['sekitar Rp 1,5 juta', 'sekitar satu koma lima juta rupiah'],
      ['Rp459.526,-', 'empat ratus lima puluh sembilan ribu lima ratus dua puluh enam rupiah'],
      ['gaji HK$4.630', 'gaji empat ribu enam ratus tiga puluh dolar Hong Kong'],
    ],
  },
  {
    locale: 'id',
    does: 'reads clock times and time zones',
    cases: [
      ['Buka 08.00–16.00 WIB.', 'Buka delapan sampai enam belas Waktu Indonesia Barat.'],
      ['pukul 8.30', 'pukul delapan lewat tiga puluh menit'],
      ['mulai 09.00 WITA', 'mulai sembilan Waktu Indonesia Tengah'],
    ],
  },
  {
    locale: 'id',
    does: 'reads laws and dates',
    cases: [
      ['UU No. 18 Tahun 2017', 'Undang-Undang nomor delapan belas Tahun dua ribu tujuh belas'],
      ['Perban BP2MI 9/2020', 'Perban be pe dua em i sembilan tahun dua ribu dua puluh'],
      ['diperiksa 2026-11-22', 'diperiksa dua puluh dua November dua ribu dua puluh enam'],
    ],
  },
  {
    locale: 'id',
    does: 'reads phone numbers digit by digit and percentages as words',
    cases: [
      ['Hubungi 0800-1000', 'Hubungi nol delapan nol nol, satu nol nol nol'],
      ['naik 10%', 'naik sepuluh persen'],
    ],
  },
  {
    locale: 'id',
    does: 'expands abbreviations and reads the others letter by letter',
    cases: [
      ['dokumen (KTP, KK, dll)', 'dokumen (ka te pe, ka ka, dan lain-lain)'],
      ['Tanya BP3MI dan/atau Disnaker', 'Tanya be pe tiga em i dan atau Disnaker'],
      ['daftar di SIAPkerja', 'daftar di siap kerja'],
      ['Kelas III', 'Kelas tiga'],
    ],
  },
  {
    locale: 'id',
    does: 'leaves plain text alone',
    cases: [
      [
        'Periksa izin perusahaan sebelum membayar apa pun.',
        'Periksa izin perusahaan sebelum membayar apa pun.',
      ],
    ],
  },
  {
    locale: 'en',
    does: 'reads amounts, times and acronyms in English',
    cases: [
      ['a fee of Rp 25,000,000', 'a fee of twenty-five million rupiah'],
      ['open 08.00 WIB', "open eight o'clock Western Indonesia Time"],
      ['Law No. 18/2017', 'Law number eighteen of two thousand seventeen'],
      ['ask BP3MI', 'ask B P three M I'],
    ],
  },
];

describe.each(SPOKEN)('normaliseForSpeech ($locale) $does', ({ locale, cases }) => {
  it.each(cases)('%s', (text, spoken) => {
    expect(normaliseForSpeech(text, locale)).toBe(spoken);
  });
});

describe('unreadableCharacters', () => {
  it('finds characters of other scripts and emoji', () => {
    expect(unreadableCharacters('Kantor di 香港 😀 buka')).toEqual(['香', '港', '😀']);
  });
  it('accepts Latin text with accents and punctuation', () => {
    expect(unreadableCharacters('Café – “ya”, 10 % (baik)!')).toEqual([]);
  });
});
