/**
 * Text as a listener should hear it. eSpeak NG reads "Rp25.000.000" as digit groups, "BP3MI" as
 * one strange word and "08.00 WIB" as "nol delapan titik nol nol"; this turns such text into words
 * first: amounts, numbers, times, dates, legal references, abbreviations and acronyms.
 *
 * Indonesian first; English pages get the same treatment with English words.
 */
import { numberToEnglish, numberToIndonesian, yearToEnglish } from './numbers.ts';
import { MONTHS_ID } from '../../platform/i18n/month-names.ts';

export type SpeechLocale = 'id' | 'en';

const LETTERS_ID: Record<string, string> = {
  A: 'a',
  B: 'be',
  C: 'ce',
  D: 'de',
  E: 'e',
  F: 'ef',
  G: 'ge',
  H: 'ha',
  I: 'i',
  J: 'je',
  K: 'ka',
  L: 'el',
  M: 'em',
  N: 'en',
  O: 'o',
  P: 'pe',
  Q: 'ki',
  R: 'er',
  S: 'es',
  T: 'te',
  U: 'u',
  V: 'fe',
  W: 'we',
  X: 'eks',
  Y: 'ye',
  Z: 'zet',
};

const MONTHS = {
  id: MONTHS_ID,
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/** Names whose letters are not simply spelled out, and fixed phrases; matched as whole tokens. */
const WORDS: Record<SpeechLocale, Record<string, string>> = {
  id: {
    WIB: 'Waktu Indonesia Barat',
    WITA: 'Waktu Indonesia Tengah',
    WIT: 'Waktu Indonesia Timur',
    UU: 'Undang-Undang',
    SIAPkerja: 'siap kerja',
    BUMDes: 'bumdes',
    SISKOP2MI: 'siskop dua em i',
    SISKOTKLN: 'siskot ka el en',
    'dan/atau': 'dan atau',
    dll: 'dan lain-lain',
    dsb: 'dan sebagainya',
    dst: 'dan seterusnya',
    yg: 'yang',
    tsb: 'tersebut',
    km: 'kilometer',
    kg: 'kilogram',
    'a.n.': 'atas nama',
    's.d.': 'sampai dengan',
    'No.': 'nomor',
    'Kab.': 'Kabupaten',
    'Kec.': 'Kecamatan',
    'Jl.': 'Jalan',
    'hlm.': 'halaman',
  },
  en: {
    WIB: 'Western Indonesia Time',
    WITA: 'Central Indonesia Time',
    WIT: 'Eastern Indonesia Time',
    UU: 'Law',
    SIAPkerja: 'SIAP kerja',
    BUMDes: 'boom des',
    SISKOP2MI: 'siskop two M I',
    SISKOTKLN: 'siskot K L N',
    'e.g.': 'for example',
    'i.e.': 'that is',
    etc: 'et cetera',
    'No.': 'number',
    km: 'kilometres',
    kg: 'kilograms',
  },
};

/** Capitals that are said as a word, not letter by letter. */
const SAID_AS_WORD = new Set(['EMAS', 'TOPIK', 'AIDS', 'ASEAN', 'SIAP', 'COVID']);
const ROMAN: Record<string, number> = { II: 2, III: 3, IV: 4, VI: 6, VII: 7, VIII: 8, IX: 9 };

const CURRENCIES: Record<SpeechLocale, Record<string, string>> = {
  id: {
    Rp: 'rupiah',
    IDR: 'rupiah',
    USD: 'dolar Amerika',
    US$: 'dolar Amerika',
    HK$: 'dolar Hong Kong',
    HKD: 'dolar Hong Kong',
    NT$: 'dolar Taiwan',
    NTD: 'dolar Taiwan',
    RM: 'ringgit',
    SGD: 'dolar Singapura',
    S$: 'dolar Singapura',
  },
  en: {
    Rp: 'rupiah',
    IDR: 'rupiah',
    USD: 'US dollars',
    US$: 'US dollars',
    HK$: 'Hong Kong dollars',
    HKD: 'Hong Kong dollars',
    NT$: 'Taiwan dollars',
    NTD: 'Taiwan dollars',
    RM: 'ringgit',
    SGD: 'Singapore dollars',
    S$: 'Singapore dollars',
  },
};

const SCALE_WORDS = {
  id: ['ribu', 'juta', 'miliar', 'triliun'],
  en: ['thousand', 'million', 'billion', 'trillion'],
} as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function words(n: number, locale: SpeechLocale): string {
  return locale === 'id' ? numberToIndonesian(n) : numberToEnglish(n);
}

function digitsOneByOne(digits: string, locale: SpeechLocale): string {
  return [...digits.replace(/\D/g, '')].map((d) => words(Number(d), locale)).join(' ');
}

/**
 * A written number as words. Indonesian writes 25.000.000 and 1,5; English 25,000,000 and 1.5.
 * A number of four digits or more with a leading zero (a code) is read digit by digit.
 */
export function numberWords(raw: string, locale: SpeechLocale): string {
  const group = locale === 'id' ? '.' : ',';
  const decimal = locale === 'id' ? ',' : '.';
  const groups = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`);
  if (groups.test(raw)) return words(Number(raw.split(group).join('')), locale);
  const [whole = '', fraction] = raw.split(decimal);
  if (!/^\d+$/.test(whole) || (fraction !== undefined && !/^\d+$/.test(fraction))) {
    return digitsOneByOne(raw, locale);
  }
  // "No. 02" is number two; a longer number with a leading zero is a code, read digit by digit.
  const head =
    whole.length > 3 && whole.startsWith('0')
      ? digitsOneByOne(whole, locale)
      : whole.length > 15
        ? digitsOneByOne(whole, locale)
        : words(Number(whole), locale);
  if (fraction === undefined) return head;
  return `${head} ${locale === 'id' ? 'koma' : 'point'} ${digitsOneByOne(fraction, locale)}`;
}

function spell(part: string, locale: SpeechLocale): string {
  return [...part]
    .map((ch) =>
      /\d/.test(ch) ? words(Number(ch), locale) : locale === 'id' ? LETTERS_ID[ch] : ch,
    )
    .join(' ');
}

/** "BP3MI" → "be pe tiga em i"; "KemenP2MI" → "Kemen pe dua em i"; "DIPERDEBATKAN" → "diperdebatkan". */
export function acronymWords(token: string, locale: SpeechLocale): string {
  const parts = token.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [token];
  return parts
    .map((part) => {
      if (/^\d+$/.test(part)) return numberWords(part, locale);
      if (!/^[A-Z]+$/.test(part)) return part;
      if (SAID_AS_WORD.has(part)) return part.toLowerCase();
      // Six capitals or more are a word written in capitals (a heading, emphasis), not an acronym.
      if (part.length >= 6) return part.toLowerCase();
      return spell(part, locale);
    })
    .join(' ');
}

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;

function time(h: string, m: string, locale: SpeechLocale): string {
  const hours = words(Number(h), locale);
  if (locale === 'en') {
    return m === '00'
      ? `${hours} o'clock`
      : `${hours} ${Number(m) < 10 ? 'oh ' : ''}${words(Number(m), locale)}`;
  }
  return m === '00' ? hours : `${hours} lewat ${words(Number(m), locale)} menit`;
}

function dateWords(y: string, m: string, d: string, locale: SpeechLocale): string {
  const month = MONTHS[locale][Number(m) - 1];
  if (!month) return `${y} ${m} ${d}`;
  return locale === 'id'
    ? `${words(Number(d), locale)} ${month} ${words(Number(y), locale)}`
    : `${month} ${words(Number(d), locale)}, ${yearToEnglish(Number(y))}`;
}

/** Text that eSpeak NG reads the way a listener understands it. */
export function normaliseForSpeech(input: string, locale: SpeechLocale): string {
  const lang = locale;
  let text = input.normalize('NFC').replace(/\u00ad/g, '');

  // Dates written as 2026-11-30 or 30/11/2026.
  text = text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y, m, d) => dateWords(y, m, d, lang));
  text = text.replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (_, d, m, y) =>
    dateWords(y, m, d, lang),
  );

  // Legal references: "No. 18/2017", "Perban 9/2020" → number 18 of the year 2017.
  const year = lang === 'id' ? 'tahun' : 'of';
  text = text.replace(/\b(\d{1,3})\/(\d{4})\b/g, (_, n, y) => `${n} ${year} ${y}`);

  // Phone numbers: +62 812-3456-789, 0800 1000 — digit by digit, groups kept as pauses.
  text = text.replace(/(?<![\w.])(?:\+\d{1,3}|0\d{1,4})(?:[\s-]?\d{2,5}){1,4}\b/g, (m) =>
    m
      .replace(/^\+/, lang === 'id' ? 'plus ' : 'plus ')
      .split(/[\s-]+/)
      .map((g) => digitsOneByOne(g, lang))
      .join(', '),
  );

  // Clock times: "08.00 WIB", "pukul 8.30", "08:00"; a range "08.00–16.00 WIB".
  const zone = String.raw`(?:\s*(WIB|WITA|WIT)\b)`;
  text = text.replace(
    new RegExp(String.raw`\b(\d{1,2})[.:](\d{2})\s*[–—-]\s*(\d{1,2})[.:](\d{2})${zone}?`, 'g'),
    (_, h1, m1, h2, m2, z) =>
      `${time(h1, m1, lang)} ${lang === 'id' ? 'sampai' : 'to'} ${time(h2, m2, lang)}${z ? ` ${z}` : ''}`,
  );
  text = text.replace(
    new RegExp(String.raw`\b(\d{1,2})[.:](\d{2})${zone}`, 'g'),
    (_, h, m, z) => `${time(h, m, lang)} ${z}`,
  );
  text = text.replace(
    /\b(pukul|jam|at)\s+(\d{1,2})[.:](\d{2})\b/gi,
    (_, w, h, m) => `${w} ${time(h, m, lang)}`,
  );
  text = text.replace(/\b(\d{1,2}):(\d{2})\b/g, (_, h, m) => time(h, m, lang));

  // Amounts: "Rp25.000.000", "Rp 1,5 juta", "Rp459.526,-", "HK$ 4.630", "RM645".
  const currencies = CURRENCIES[lang];
  const codes = Object.keys(currencies)
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  const scales = SCALE_WORDS[lang].join('|');
  text = text.replace(
    new RegExp(
      String.raw`(?<![\w$])(${codes})\s?(${NUMBER})(?:,-)?(?:\s*[–—-]\s*(${NUMBER}))?(?:\s+(${scales})\b)?`,
      'g',
    ),
    (_, code: string, amount: string, upper: string | undefined, scale: string | undefined) => {
      const range = upper ? ` ${lang === 'id' ? 'sampai' : 'to'} ${numberWords(upper, lang)}` : '';
      return `${numberWords(amount, lang)}${range}${scale ? ` ${scale}` : ''} ${currencies[code] ?? code}`;
    },
  );

  // Percentages and number ranges.
  text = text.replace(
    new RegExp(String.raw`(${NUMBER})\s?%`, 'g'),
    (_, n) => `${numberWords(n, lang)} ${lang === 'id' ? 'persen' : 'percent'}`,
  );
  text = text.replace(
    new RegExp(String.raw`(?<![\w.,])(${NUMBER})\s*[–—]\s*(${NUMBER})(?![\w])`, 'g'),
    (_, a, b) => `${a} ${lang === 'id' ? 'sampai' : 'to'} ${b}`,
  );

  // Fixed words and abbreviations (whole tokens, case as written).
  for (const [written, said] of Object.entries(WORDS[lang])) {
    const end = /\w$/.test(written) ? String.raw`(?![\w/])` : '';
    text = text.replace(new RegExp(String.raw`(?<![\w/])${escape(written)}${end}`, 'g'), said);
  }
  text = text.replace(/&/g, lang === 'id' ? ' dan ' : ' and ');

  // Roman numerals standing alone (Kelas III), then acronyms and codes with capitals or digits.
  text = text.replace(/\b(II|III|IV|VI|VII|VIII|IX)\b/g, (m) => words(ROMAN[m] as number, lang));
  text = text.replace(
    /\b[\p{L}\d]*(?:\p{Lu}[\p{L}\d]*\p{Lu}|\p{Lu}[\p{L}]*\d|\d[\p{L}\d]*\p{Lu})[\p{L}\d]*\b/gu,
    (m) => acronymWords(m, lang),
  );

  // Remaining numbers.
  text = text.replace(new RegExp(`(?<![\\w])${NUMBER}(?![\\w])`, 'g'), (m) => {
    const trail = /[.,]$/.test(m) ? m.slice(-1) : '';
    return numberWords(trail ? m.slice(0, -1) : m, lang) + trail;
  });

  // Symbols a synthesiser would name or stumble over.
  text = text
    .replace(/\s*[–—]\s*/g, ', ')
    .replace(/[→←↗•·*_#|<>[\]{}]/g, ' ')
    .replace(/…/g, '...')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’]/g, "'");
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/**
 * Characters eSpeak NG's Indonesian and English voices cannot say (another script, emoji): the
 * page then gets no audio and the build names the file and these characters.
 */
export function unreadableCharacters(text: string): string[] {
  const bad = new Set<string>();
  for (const ch of text) {
    if (
      !/[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s]/u.test(ch) ||
      /\p{Extended_Pictographic}/u.test(ch)
    ) {
      bad.add(ch);
    }
  }
  return [...bad];
}
