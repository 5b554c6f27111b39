/**
 * Which news to show where: the choices with plain objects and a fixed "now", then the whole path
 * over the fixture news in tests/fixtures/content/ (read through astro:content, as pages read it).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { slugOf } from '~/platform/content/content.ts';
import {
  currentAnnouncements,
  isCurrentAnnouncement,
  newsNewestFirst,
  selectForProgram,
  selectHighlights,
  sortNewestFirst,
  type NewsLike,
} from '~/features/news/news.ts';

const NOW = new Date('2026-03-10T05:00:00Z');

interface Item extends NewsLike {
  id: string;
}

function item(
  id: string,
  kind: 'berita' | 'pengumuman',
  date: string,
  extra: { until?: string; program?: string; dateKnown?: boolean } = {},
): Item {
  return {
    id,
    data: {
      kind,
      date: new Date(date),
      dateKnown: extra.dateKnown,
      until: extra.until ? new Date(extra.until) : undefined,
      program: extra.program,
    },
  };
}

const ids = (items: Item[]) => items.map((i) => i.id);

describe('sortNewestFirst', () => {
  it('puts items without a printed date after every dated item, however late they were added', () => {
    const sorted = sortNewestFirst([
      item('added-last-week', 'berita', '2026-03-01T00:00:00Z', { dateKnown: false }),
      item('dated-2024', 'berita', '2024-05-04T00:00:00Z'),
      item('dated-2025', 'berita', '2025-07-29T00:00:00Z', { dateKnown: true }),
      item('added-yesterday', 'berita', '2026-03-09T00:00:00Z', { dateKnown: false }),
    ]);
    expect(ids(sorted)).toEqual(['dated-2025', 'dated-2024', 'added-yesterday', 'added-last-week']);
  });

  it('treats an item without the field as dated, as the schema default does', () => {
    const sorted = sortNewestFirst([
      item('undated', 'berita', '2026-03-09T00:00:00Z', { dateKnown: false }),
      item('plain', 'berita', '2020-01-01T00:00:00Z'),
    ]);
    expect(ids(sorted)).toEqual(['plain', 'undated']);
  });
});

describe('selectHighlights', () => {
  const news = [
    item('old-report', 'berita', '2026-01-01T00:00:00Z'),
    item('expired', 'pengumuman', '2026-02-01T00:00:00Z', { until: '2026-03-01T00:00:00Z' }),
    item('running', 'pengumuman', '2026-02-15T00:00:00Z', { until: '2026-03-31T00:00:00Z' }),
    item('open-ended', 'pengumuman', '2026-01-20T00:00:00Z'),
    item('new-report', 'berita', '2026-03-09T00:00:00Z'),
    item('future-report', 'berita', '2026-04-01T00:00:00Z'),
    item('future-announcement', 'pengumuman', '2026-04-01T00:00:00Z'),
  ];
  const { announcements, news: reports } = selectHighlights(news, NOW);

  it('lists running announcements, newest first', () => {
    expect(ids(announcements)).toEqual(['running', 'open-ended']);
  });

  it('hides expired announcements everywhere on the page', () => {
    expect(ids(announcements)).not.toContain('expired');
    expect(ids(reports)).not.toContain('expired');
  });

  it('lists only reports as news, newest first, never an announcement twice', () => {
    expect(ids(reports)).toEqual(['new-report', 'old-report']);
  });

  it('leaves out anything dated after now', () => {
    expect([...ids(announcements), ...ids(reports)]).not.toContain('future-report');
    expect(ids(announcements)).not.toContain('future-announcement');
  });

  it('respects the limits of each list', () => {
    const limited = selectHighlights(news, NOW, { announcements: 1, news: 1 });
    expect(ids(limited.announcements)).toEqual(['running']);
    expect(ids(limited.news)).toEqual(['new-report']);
  });
});

describe('isCurrentAnnouncement', () => {
  it('keeps an announcement up to and including its until instant', () => {
    const a = item('a', 'pengumuman', '2026-03-01T00:00:00Z', { until: NOW.toISOString() });
    expect(isCurrentAnnouncement(a, NOW)).toBe(true);
    expect(isCurrentAnnouncement(a, new Date(NOW.getTime() + 1))).toBe(false);
  });

  it('never treats a report as an announcement', () => {
    expect(isCurrentAnnouncement(item('r', 'berita', '2026-03-01T00:00:00Z'), NOW)).toBe(false);
  });
});

describe('selectForProgram', () => {
  it('keeps only the news that name the programme, announcements apart', () => {
    const news = [
      item('other', 'berita', '2026-03-01T00:00:00Z', { program: 'desmigratif' }),
      item('ours', 'berita', '2026-03-02T00:00:00Z', { program: 'pak-camat-pmi' }),
      item('ours-call', 'pengumuman', '2026-03-03T00:00:00Z', {
        program: 'pak-camat-pmi',
        until: '2026-03-20T00:00:00Z',
      }),
      item('ours-closed', 'pengumuman', '2026-01-03T00:00:00Z', {
        program: 'pak-camat-pmi',
        until: '2026-01-20T00:00:00Z',
      }),
      item('none', 'berita', '2026-03-04T00:00:00Z'),
    ];
    const result = selectForProgram(news, 'pak-camat-pmi', NOW);
    expect(ids(result.announcements)).toEqual(['ours-call']);
    expect(ids(result.news)).toEqual(['ours']);
  });
});

describe('over the fixture news', () => {
  // After every fixture item but one, which the build must hold back until its date.
  const BUILD_NOW = '2026-06-01T00:00:00Z';
  beforeEach(() => vi.stubEnv('BUILD_NOW', BUILD_NOW));
  afterEach(() => vi.unstubAllEnvs());
  const slugs = (entries: { id: string }[]) => entries.map(slugOf);

  it('lists the published news of a language newest first, undated items last', async () => {
    expect(slugs(await newsNewestFirst('id'))).toEqual([
      'berita-baru',
      'pengumuman-berjalan',
      'berita-lama',
      'pengumuman-selesai',
      'berita-tanpa-tanggal',
    ]);
    expect(await newsNewestFirst('en')).toEqual([]);
  });

  it('shows only the announcement that still runs', async () => {
    const news = await newsNewestFirst('id');
    expect(slugs(currentAnnouncements(news))).toEqual(['pengumuman-berjalan']);
    // The day after it ends, nothing runs any more.
    expect(currentAnnouncements(news, new Date('2027-01-01T00:00:00Z'))).toEqual([]);
  });

  it('headlines the running announcement, then the reports, for the site and for a programme', async () => {
    const news = await newsNewestFirst('id');
    const now = new Date(BUILD_NOW);
    const all = selectHighlights(news, now);
    expect(slugs(all.announcements)).toEqual(['pengumuman-berjalan']);
    expect(slugs(all.news)).toEqual(['berita-baru', 'berita-lama', 'berita-tanpa-tanggal']);
    const programme = selectForProgram(news, 'program-uji', now);
    expect(slugs(programme.announcements)).toEqual(['pengumuman-berjalan']);
    expect(slugs(programme.news)).toEqual(['berita-baru']);
  });
});
