import { describe, expect, it } from 'vitest';
import id from '~/i18n/id.json';
import en from '~/i18n/en.json';
import { UiStringsSchema } from '~/schemas/i18n.ts';
import { localePath, useTranslations } from '~/platform/i18n/i18n.ts';

describe('UI strings', () => {
  it('are valid in both languages', () => {
    expect(UiStringsSchema.safeParse(id).success).toBe(true);
    expect(UiStringsSchema.safeParse(en).success).toBe(true);
  });

  it('have the same keys in Indonesian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('use the same placeholders in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(holes((en as Record<string, string>)[key] ?? ''), key).toEqual(holes(id[key]));
    }
  });

  it('fills placeholders', () => {
    expect(useTranslations('id')('news.pageOf', { page: 2, pages: 5 })).toBe('halaman 2 dari 5');
  });

  it('puts English under /en/ and Indonesian at the root', () => {
    expect(localePath('id', '/panduan/')).toBe('/panduan/');
    expect(localePath('en', '/panduan/')).toBe('/en/panduan/');
  });
});
