/** The Indonesian CMS locale covers every phrase of Decap's English one, placeholders included. */
import { describe, expect, it } from 'vitest';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import { id } from '../../cms/locale-id.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('Indonesian CMS locale', () => {
  const english = flatten(en as unknown as Tree);
  const indonesian = flatten(id as Tree);

  it("has every key of Decap's English locale", () => {
    expect(english.size).toBeGreaterThan(100);
    const missing = [...english.keys()].filter((k) => !indonesian.has(k));
    expect(missing).toEqual([]);
  });

  it('has no key that Decap does not know', () => {
    expect([...indonesian.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('keeps every %{placeholder} and translates every phrase', () => {
    for (const [key, text] of english) {
      const translated = indonesian.get(key) ?? '';
      expect(translated.trim().length, key).toBeGreaterThan(0);
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });
});
