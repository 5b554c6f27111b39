/**
 * Structure of the real guide and glossary content: what editors add must keep the journey whole
 * and every link inside it working. No counts of editorial content are pinned here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent, type CheckedEntry } from '~/platform/content/content-check.ts';
import { STAGES } from '~/schemas/shared.ts';

// The allow-list map imports .astro files, which vitest cannot load; read its keys from the source.
const allowList = /export const userComponents = \{([^}]*)\}/.exec(
  readFileSync('src/user-components/index.ts', 'utf8'),
)?.[1];

const { entries, problems } = await checkContent(process.cwd());
const live = entries.filter((e) => e.data['draft'] !== true);
const guides = live.filter((e) => e.collection === 'panduan');
const terms = live.filter((e) => e.collection === 'glosarium');
const hasTerm = (locale: string, slug: string) =>
  terms.some((t) => t.locale === locale && t.slug === slug);
const hasGuide = (locale: string, slug: string) =>
  guides.some((g) => g.locale === locale && g.slug === slug);

/** Markdown link targets in a body: [text](target). */
/** The `related` slugs of the entries that name no entry of their own language. */
const missingRelated = (of: CheckedEntry[], exists: (locale: string, slug: string) => boolean) =>
  of.flatMap((e) =>
    (e.data['related'] as string[])
      .filter((slug) => !exists(e.locale, slug))
      .map((slug) => `${e.file}: related "${slug}"`),
  );
const linksIn = (body: string) => [...body.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

describe('guides', () => {
  it('the content passes its own check', () => {
    expect(problems).toEqual([]);
    expect(guides.length).toBeGreaterThan(0);
  });

  it('every guide names at least one source with a web address and has a checked date', () => {
    for (const g of guides) {
      const sources = g.data['sources'] as { url: string; accessed: Date }[];
      expect(sources.length, g.file).toBeGreaterThan(0);
      for (const s of sources) expect(s.url, g.file).toMatch(/^https?:\/\//);
      expect(g.data['checked'], g.file).toBeInstanceOf(Date);
    }
  });

  it('every stage of the journey has at least one Indonesian guide', () => {
    for (const stage of STAGES) {
      expect(
        guides.some((g) => g.locale === 'id' && g.data['stage'] === stage),
        `no guide in stage "${stage}"`,
      ).toBe(true);
    }
  });

  it('every related guide exists in the same language', () => {
    expect(missingRelated(guides, hasGuide)).toEqual([]);
  });

  it('every English guide translates an Indonesian guide at the same place in the journey', () => {
    for (const g of guides.filter((x) => x.locale === 'en')) {
      const original = guides.find((x) => x.locale === 'id' && x.slug === g.slug);
      expect(original, `${g.file} has no Indonesian original`).toBeDefined();
      expect([g.data['stage'], g.data['order']], g.file).toEqual([
        original!.data['stage'],
        original!.data['order'],
      ]);
    }
  });

  it('links to the glossary and to other guides point at entries that exist', () => {
    const broken: string[] = [];
    const check = (e: CheckedEntry) => {
      for (const target of linksIn(e.body)) {
        const glossary = /^(\/en)?\/glosarium\/#([a-z0-9-]+)$/.exec(target);
        if (glossary) {
          if (!hasTerm(glossary[1] ? 'en' : 'id', glossary[2]!))
            broken.push(`${e.file} → ${target}`);
          continue;
        }
        const guide = /^(\/en)?\/panduan\/([a-z0-9-]+)\/$/.exec(target);
        if (guide && !hasGuide(guide[1] ? 'en' : 'id', guide[2]!))
          broken.push(`${e.file} → ${target}`);
        if (/glosarium|panduan/.test(target) && !glossary && !guide && target.startsWith('/'))
          broken.push(`${e.file} → ${target} (write /glosarium/#slug or /panduan/slug/)`);
      }
    };
    guides.forEach(check);
    expect(broken).toEqual([]);
  });

  it('use only the author components, with plain string attributes', () => {
    expect(allowList, 'userComponents map not found in src/user-components/index.ts').toBeTruthy();
    const allowed = new Set(allowList!.split(',').map((name) => name.trim()));
    const bad: string[] = [];
    for (const g of guides) {
      for (const m of g.body.matchAll(/<\/?([A-Z][A-Za-z0-9]*)([^>]*)>/g)) {
        if (!allowed.has(m[1]!)) bad.push(`${g.file}: <${m[1]}> is not an author component`);
        if (m[2]!.includes('{')) bad.push(`${g.file}: <${m[1]}> has a {…} expression`);
      }
      if (/^\s*(import|export)\s/m.test(g.body)) bad.push(`${g.file}: import/export in MDX`);
    }
    expect(bad).toEqual([]);
  });
});

describe('glossary', () => {
  it('related terms exist in the same language', () => {
    expect(missingRelated(terms, hasTerm)).toEqual([]);
  });

  it('has an Indonesian term for every English one', () => {
    for (const t of terms.filter((x) => x.locale === 'en')) {
      expect(hasTerm('id', t.slug), t.file).toBe(true);
    }
  });
});
