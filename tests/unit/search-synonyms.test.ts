import { describe, expect, it } from 'vitest';
import { alternativesFor, SYNONYM_GROUPS } from '~/platform/search/synonyms.ts';
import { prepareForIndex, typeOf } from '~/platform/search/index-html.ts';
import { SYNONYMS_META, TOPIC_META, TYPE_WEIGHTS } from '~/platform/search/search.ts';

describe('synonyms', () => {
  it('adds the other spelling of a word the text uses, and not the one it has', () => {
    expect(alternativesFor('Bekerja di Hong Kong')).toEqual(['Hongkong']);
    expect(alternativesFor('Kerja ke Hongkong')).toEqual(['Hong Kong']);
  });

  it('matches whole words only: "calon" is not "calo"', () => {
    expect(alternativesFor('calon pekerja')).not.toContain('perekrut ilegal');
    expect(alternativesFor('hati-hati dengan calo')).toContain('perekrut ilegal');
  });

  it('matches a two-letter word only in capitals', () => {
    expect(alternativesFor('nama PT-nya')).toContain('P3MI');
    expect(alternativesFor('pt')).toEqual([]);
  });

  it('keeps every word in one group only, so a word never pulls in two meanings', () => {
    const words = SYNONYM_GROUPS.flat().map((w) => w.toLowerCase());
    expect(new Set(words).size).toBe(words.length);
  });
});

const page = (main: string, type = 'panduan') =>
  `<html lang="id"><body><header>Hong Kong</header><main id="isi" data-pagefind-body><h1>${main}</h1><p>gaji</p>` +
  `<div hidden data-pagefind-ignore><span data-pagefind-filter="type[data-value]" data-value="${type}"></span></div></main></body></html>`;

describe('what the index reads of a page', () => {
  it('adds the synonyms of the title as the topic and of the body as synonyms', () => {
    const html = prepareForIndex(page('Bekerja di Hong Kong'));
    expect(html).toContain(`data-pagefind-meta="${TOPIC_META}[data-value]" data-value="Hongkong"`);
    expect(html).toContain(`data-pagefind-meta="${SYNONYMS_META}[data-value]" data-value="upah"`);
  });

  it('reads only the main content, not the header', () => {
    expect(prepareForIndex(page('Paspor'))).not.toContain('Hongkong');
  });

  it('weighs list pages down and leaves guides at the default weight', () => {
    expect(TYPE_WEIGHTS.glosarium).toBeLessThan(1);
    expect(prepareForIndex(page('Istilah', 'glosarium'))).toContain(
      `data-pagefind-weight="${TYPE_WEIGHTS.glosarium}"`,
    );
    expect(prepareForIndex(page('Paspor'))).not.toContain('data-pagefind-weight');
    expect(typeOf(page('x', 'layanan'))).toBe('layanan');
  });

  it('leaves a page outside the index untouched', () => {
    const html = '<html><body><main>Hong Kong</main></body></html>';
    expect(prepareForIndex(html)).toBe(html);
  });

  it('escapes what it writes into attributes', () => {
    const html = prepareForIndex(page('<b>"calo"</b> & PT'));
    expect(html).not.toMatch(/data-value="[^"]*<[^"]*"/);
  });
});
