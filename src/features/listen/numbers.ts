/**
 * Whole numbers as words, in Indonesian and English, for the speech synthesiser: eSpeak reads
 * "25.000.000" digit group by digit group, and a listener needs "dua puluh lima juta".
 */

const ID_UNITS = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
];

function idBelowThousand(n: number): string {
  if (n < 12) return ID_UNITS[n] as string;
  if (n < 20) return `${ID_UNITS[n - 10]} belas`;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const rest = n % 10;
    return `${ID_UNITS[tens]} puluh${rest ? ` ${ID_UNITS[rest]}` : ''}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 1 ? 'seratus' : `${ID_UNITS[hundreds]} ratus`;
  return rest ? `${head} ${idBelowThousand(rest)}` : head;
}

const ID_SCALES: [number, string][] = [
  [1e12, 'triliun'],
  [1e9, 'miliar'],
  [1e6, 'juta'],
  [1e3, 'ribu'],
];

/**
 * A whole number in words, group by group from the largest scale down: `group` says how many of a
 * scale there are ("dua juta"), `below` what is left under a thousand.
 */
function inWords(
  n: number,
  scales: readonly [number, string][],
  below: (n: number) => string,
  group: (count: number, size: number, name: string) => string,
): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Not a whole number: ${n}`);
  if (n < 1000) return below(n);
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of scales) {
    const count = Math.floor(rest / size);
    if (count === 0) continue;
    rest %= size;
    parts.push(group(count, size, name));
  }
  if (rest) parts.push(below(rest));
  return parts.join(' ');
}

/** 1500000 → "satu juta lima ratus ribu"; 1000 → "seribu" (Indonesian says "seribu", not "satu ribu"). */
export function numberToIndonesian(n: number): string {
  return inWords(n, ID_SCALES, idBelowThousand, (count, size, name) =>
    size === 1e3 && count === 1 ? 'seribu' : `${numberToIndonesian(count)} ${name}`,
  );
}

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];

function enBelowThousand(n: number): string {
  if (n < 20) return EN_UNITS[n] as string;
  if (n < 100) {
    const rest = n % 10;
    return `${EN_TENS[Math.floor(n / 10)]}${rest ? `-${EN_UNITS[rest]}` : ''}`;
  }
  const rest = n % 100;
  const head = `${EN_UNITS[Math.floor(n / 100)]} hundred`;
  return rest ? `${head} and ${enBelowThousand(rest)}` : head;
}

const EN_SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

/** 1500000 → "one million five hundred thousand". */
export function numberToEnglish(n: number): string {
  return inWords(
    n,
    EN_SCALES,
    enBelowThousand,
    (count, _, name) => `${numberToEnglish(count)} ${name}`,
  );
}

/** An English year: 2017 → "twenty seventeen", 2000 → "two thousand", 2005 → "two thousand five". */
export function yearToEnglish(n: number): string {
  if (n >= 1100 && n < 2000) return `${enBelowThousand(Math.floor(n / 100))} ${pairEn(n % 100)}`;
  if (n >= 2010 && n < 2100) return `twenty ${pairEn(n % 100)}`;
  return numberToEnglish(n);
}

function pairEn(n: number): string {
  if (n === 0) return 'hundred';
  return n < 10 ? `oh ${EN_UNITS[n]}` : enBelowThousand(n);
}
