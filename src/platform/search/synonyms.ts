/**
 * Words readers type for the same thing, reviewed by hand: Pagefind has no synonym feature and no
 * typo tolerance (pagefind#2, #756), so at indexing time every page that uses one word of a group
 * gets the other words of that group as hidden, searchable metadata (src/integrations/pagefind.ts).
 * "TKI" then finds what "PMI" finds, "Hongkong" the guide that writes "Hong Kong".
 *
 * Reviewing: a group holds words a reader means the same by in a search box, not merely related
 * ones. Words are matched as whole words, case-insensitively; a word of two letters (PT) matches
 * only in capitals, so "pt" in running text does not count. Add a group here, then rebuild.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // The worker abroad: the official name (PMI), the old one (TKI, TKW for women), what migrant
  // organisations and the press say (BMI, buruh migran).
  ['PMI', 'TKI', 'TKW', 'BMI', 'buruh migran', 'pekerja migran'],
  // The same city, spelt both ways.
  ['Hong Kong', 'Hongkong'],
  // Who recruits: readers say agen, sponsor or PT for the licensed company (P3MI).
  ['P3MI', 'agen', 'sponsor', 'PT', 'PJTKI', 'PPTKIS'],
  // A common misspelling.
  ['paspor', 'pasport', 'passport'],
  ['gaji', 'upah'],
  // Money sent home.
  ['kiriman uang', 'kirim uang', 'transfer', 'remitansi'],
  // The unlicensed recruiter.
  ['calo', 'perekrut ilegal', 'perekrutan ilegal'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for one word or phrase as a whole word; short ones (PT) only in capitals. */
function pattern(term: string): RegExp {
  const body = escape(term).replace(/\s+/g, '\\s+');
  const flags = term.length <= 2 ? 'u' : 'iu';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, flags);
}

const compiled = SYNONYM_GROUPS.map((group) => group.map((term) => ({ term, re: pattern(term) })));

/**
 * The words to index with a text: for each group with a word in the text, the group's other
 * words that the text does not contain already. In group order, without duplicates.
 */
export function alternativesFor(text: string): string[] {
  const out: string[] = [];
  for (const group of compiled) {
    const present = group.filter(({ re }) => re.test(text));
    if (present.length === 0) continue;
    for (const { term, re } of group) if (!present.some((p) => p.re === re)) out.push(term);
  }
  return [...new Set(out)];
}
