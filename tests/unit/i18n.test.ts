import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import id from '~/i18n/id.json';
import en from '~/i18n/en.json';
import { UiStringsSchema } from '~/schemas/i18n.ts';
import { LOCALES, localePath, useTranslations } from '~/platform/i18n/i18n.ts';

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

  // Astro imports astro.config.mjs with Node first and falls back to a Vite server when that fails
  // (the config alone then takes about 0.7 s longer to load). The config's integrations use this
  // module, so it must load without Vite too, and read the same strings as the site's build does.
  it('loads without Vite, with the same strings, as astro.config.mjs needs', () => {
    const script = `
      await import('./astro.config.mjs');
      const { LOCALES, useTranslations } = await import('./src/platform/i18n/i18n.ts');
      const keys = ${JSON.stringify(Object.keys(id))};
      console.log(JSON.stringify(LOCALES.map((l) => keys.map((k) => useTranslations(l)(k)))));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keys = Object.keys(id) as (keyof typeof id)[];
    const expected = LOCALES.map((l) => keys.map((k) => useTranslations(l)(k)));
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '')).toEqual(expected);
  });
});
