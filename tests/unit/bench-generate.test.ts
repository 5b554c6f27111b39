import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEntries, writeEntries } from '../../bench/generate.ts';
import { checkContent, splitFrontmatter } from '~/platform/content/content-check.ts';
import { entryCollections } from '~/schemas/index.ts';
import { CourseSchema } from '~/schemas/pelatihan.ts';
import { entryExtension } from '~/model/collections.ts';

describe('benchmark content generator', () => {
  const entries = generateEntries({ entries: 300, seed: 7, programs: ['pak-camat-pmi'] });

  it('generates the number of entries asked for, with unique file paths', () => {
    expect(entries).toHaveLength(300);
    expect(new Set(entries.map((e) => e.path)).size).toBe(300);
  });

  it('mixes guides, news and courses like a real site (20 % / 70 % / 10 %)', () => {
    const share = (c: string) => entries.filter((e) => e.collection === c).length / entries.length;
    expect(share('panduan')).toBeCloseTo(0.2, 1);
    expect(share('berita')).toBeCloseTo(0.7, 1);
    expect(share('pelatihan')).toBeCloseTo(0.1, 1);
  });

  it('writes files whose frontmatter passes the real schemas', () => {
    for (const e of entries) {
      const { data, body } = splitFrontmatter(e.text);
      const result = entryCollections[e.collection].safeParse(data);
      expect(result.success, `${e.path}: ${result.error?.message}`).toBe(true);
      expect(body.length).toBeGreaterThan(50);
    }
  });

  it('writes each collection the way the site stores it: news as plain Markdown', () => {
    for (const e of entries) {
      expect(e.path.endsWith(`.${entryExtension(e.collection)}`), e.path).toBe(true);
      if (entryExtension(e.collection) === 'md') expect(e.text, e.path).not.toMatch(/<[A-Z]/);
    }
    expect(entries.some((e) => e.collection === 'berita' && e.path.endsWith('.md'))).toBe(true);
  });

  it('gives every course one to four sessions', () => {
    for (const e of entries.filter((x) => x.collection === 'pelatihan')) {
      const course = CourseSchema.parse(splitFrontmatter(e.text).data);
      expect(course.sessions.length).toBeGreaterThanOrEqual(1);
      expect(course.sessions.length).toBeLessThanOrEqual(4);
    }
  });

  it('writes varied text with headings and lists', () => {
    const guides = entries.filter((e) => e.collection === 'panduan' && e.locale === 'id');
    expect(guides.every((g) => /^## /m.test(g.text))).toBe(true);
    expect(guides.some((g) => /^- /m.test(g.text))).toBe(true);
    expect(guides.some((g) => /^1\. /m.test(g.text))).toBe(true);
    expect(new Set(guides.map((g) => splitFrontmatter(g.text).body)).size).toBe(guides.length);
  });

  it('is deterministic for a seed and changes with another seed', () => {
    const again = generateEntries({ entries: 300, seed: 7, programs: ['pak-camat-pmi'] });
    expect(again.map((e) => e.text)).toEqual(entries.map((e) => e.text));
    const other = generateEntries({ entries: 300, seed: 8, programs: ['pak-camat-pmi'] });
    expect(other.map((e) => e.text)).not.toEqual(entries.map((e) => e.text));
  });

  it('passes the content check, references included, on top of the real content', async () => {
    const root = await mkdtemp(join(tmpdir(), 'migrasi-bench-'));
    await cp('content', join(root, 'content'), { recursive: true });
    await writeEntries(join(root, 'content'), entries);
    const { problems } = await checkContent(root);
    expect(problems).toEqual([]);
  });
});
