import { describe, expect, it } from 'vitest';
import {
  acronymWords,
  normaliseForSpeech,
  numberWords,
  unreadableCharacters,
} from '../../src/features/listen/normalise.ts';
import { numberToEnglish, numberToIndonesian } from '../../src/features/listen/numbers.ts';

describe('numbers as words', () => {
  it('reads Indonesian numbers the way people say them', () => {
    expect(numberToIndonesian(0)).toBe('nol');
    expect(numberToIndonesian(11)).toBe('sebelas');
    expect(numberToIndonesian(15)).toBe('lima belas');
    expect(numberToIndonesian(21)).toBe('dua puluh satu');
    expect(numberToIndonesian(100)).toBe('seratus');
    expect(numberToIndonesian(118)).toBe('seratus delapan belas');
    expect(numberToIndonesian(1000)).toBe('seribu');
    expect(numberToIndonesian(1500)).toBe('seribu lima ratus');
    expect(numberToIndonesian(2017)).toBe('dua ribu tujuh belas');
    expect(numberToIndonesian(25_000_000)).toBe('dua puluh lima juta');
    expect(numberToIndonesian(1_001_000)).toBe('satu juta seribu');
    expect(numberToIndonesian(3_000_000_000)).toBe('tiga miliar');
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

describe('normaliseForSpeech (Indonesian)', () => {
  const id = (s: string) => normaliseForSpeech(s, 'id');

  it('reads amounts of money with the currency after the number', () => {
    expect(id('Biayanya Rp25.000.000.')).toBe('Biayanya dua puluh lima juta rupiah.');
    expect(id('sekitar Rp 1,5 juta')).toBe('sekitar satu koma lima juta rupiah');
    expect(id('Rp459.526,-')).toBe(
      'empat ratus lima puluh sembilan ribu lima ratus dua puluh enam rupiah',
    );
    expect(id('gaji HK$4.630')).toBe('gaji empat ribu enam ratus tiga puluh dolar Hong Kong');
  });

  it('reads clock times and time zones', () => {
    expect(id('Buka 08.00–16.00 WIB.')).toBe(
      'Buka delapan sampai enam belas Waktu Indonesia Barat.',
    );
    expect(id('pukul 8.30')).toBe('pukul delapan lewat tiga puluh menit');
    expect(id('mulai 09.00 WITA')).toBe('mulai sembilan Waktu Indonesia Tengah');
  });

  it('reads laws and dates', () => {
    expect(id('UU No. 18 Tahun 2017')).toBe(
      'Undang-Undang nomor delapan belas Tahun dua ribu tujuh belas',
    );
    expect(id('Perban BP2MI 9/2020')).toBe(
      'Perban be pe dua em i sembilan tahun dua ribu dua puluh',
    );
    expect(id('diperiksa 2026-11-22')).toBe(
      'diperiksa dua puluh dua November dua ribu dua puluh enam',
    );
  });

  it('reads phone numbers digit by digit and percentages as words', () => {
    expect(id('Hubungi 0800-1000')).toBe('Hubungi nol delapan nol nol, satu nol nol nol');
    expect(id('naik 10%')).toBe('naik sepuluh persen');
  });

  it('expands abbreviations and reads the others letter by letter', () => {
    expect(id('dokumen (KTP, KK, dll)')).toBe('dokumen (ka te pe, ka ka, dan lain-lain)');
    expect(id('Tanya BP3MI dan/atau Disnaker')).toBe('Tanya be pe tiga em i dan atau Disnaker');
    expect(id('daftar di SIAPkerja')).toBe('daftar di siap kerja');
    expect(id('Kelas III')).toBe('Kelas tiga');
  });

  it('leaves plain text alone', () => {
    const plain = 'Periksa izin perusahaan sebelum membayar apa pun.';
    expect(id(plain)).toBe(plain);
  });
});

describe('normaliseForSpeech (English)', () => {
  const en = (s: string) => normaliseForSpeech(s, 'en');
  it('reads amounts, times and acronyms in English', () => {
    expect(en('a fee of Rp 25,000,000')).toBe('a fee of twenty-five million rupiah');
    expect(en('open 08.00 WIB')).toBe("open eight o'clock Western Indonesia Time");
    expect(en('Law No. 18/2017')).toBe('Law number eighteen of two thousand seventeen');
    expect(en('ask BP3MI')).toBe('ask B P three M I');
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
