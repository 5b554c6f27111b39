/**
 * Another regency runs its own copy by changing content/ only (README "Run it for another
 * regency"). So the code must not name this copy's regency, office or address: each of those comes
 * from content/settings/site.yaml.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const CODE = ['src', 'scripts', 'cms', 'public', '.github', 'astro.config.mjs', 'package.json'];

function files(path: string): string[] {
  try {
    if (!statSync(path).isDirectory()) return [path];
  } catch {
    return [];
  }
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

describe('a fork for another regency', () => {
  const settings = parse(readFileSync('content/settings/site.yaml', 'utf8')) as {
    regency: string;
    office: string;
    siteUrl: string;
  };
  // "Kabupaten Blitar" → "Blitar": the words that name this regency and no other.
  const place = settings.regency.replace(/^(Kabupaten|Kota|Kab\.)\s+/i, '').trim();
  const needles = [place, settings.office, new URL(settings.siteUrl).host].filter(
    (n) => n.length >= 4,
  );

  it('needs no change in the code: it names no regency, office or site address', () => {
    expect(needles.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of CODE.flatMap(files)) {
      if (!/\.(ts|mjs|js|astro|json|ya?ml|css|svg|txt|md|html)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8').toLowerCase();
      for (const needle of needles)
        if (text.includes(needle.toLowerCase())) found.push(`${file}: "${needle}"`);
    }
    expect(found).toEqual([]);
  });
});
