/** The real programme, news and service-point files: structure every entry must keep. */
import { describe, expect, it } from 'vitest';
import { checkContent } from '~/platform/content/content-check.ts';
import { ContactSchema } from '~/schemas/shared.ts';

const { entries, problems } = await checkContent(process.cwd());
const of = (collection: string) => entries.filter((e) => e.collection === collection);

describe('programme, news and service content', () => {
  it('passes the content check', () => {
    expect(problems).toEqual([]);
  });

  it('gives every programme and service point sources with https links and a checked date', () => {
    const withSources = [...of('program'), ...of('layanan')];
    expect(withSources.length).toBeGreaterThan(0);
    for (const e of withSources) {
      const sources = e.data['sources'] as { url: string }[];
      expect(sources.length, `${e.file} sources`).toBeGreaterThan(0);
      for (const s of sources) expect(s.url, `${e.file} source url`).toMatch(/^https:\/\//);
      expect(e.data['checked'], `${e.file} checked`).toBeInstanceOf(Date);
    }
  });

  it('links the original publisher of every summarised news item over https', () => {
    for (const e of of('berita')) {
      const source = e.data['source'] as { url: string } | undefined;
      if (source) expect(source.url, `${e.file} source.url`).toMatch(/^https:\/\//);
    }
  });

  it('names a source for every phone number, and refuses one without it', () => {
    for (const e of [...of('program'), ...of('layanan')]) {
      for (const c of e.data['contacts'] as { phone?: string; source?: unknown }[]) {
        if (c.phone) expect(c.source, `${e.file} contact ${c.phone}`).toBeDefined();
      }
    }
    const bare = ContactSchema.safeParse({ name: 'Hotline', phone: '1955' });
    expect(bare.success).toBe(false);
    expect(bare.error?.issues[0]?.path).toEqual(['source']);
  });

  it('tells the reader whom to ask when a service point has no sourced number', () => {
    for (const e of of('layanan')) {
      const contacts = e.data['contacts'] as { phone?: string }[];
      if (!contacts.some((c) => c.phone))
        expect(e.data['askInstead'], `${e.file} askInstead`).toBeTruthy();
    }
  });
});
