/**
 * The journey of guides: buildJourney and its helpers with plain data, journeyFor over the fixture
 * guides in tests/fixtures/content/ (read through astro:content, as the site reads them).
 */
import { describe, expect, it } from 'vitest';
import {
  buildJourney,
  journeyFor,
  journeyOrder,
  positionOf,
  hasStepPage,
  STEP_LINK_LIMIT,
  STEP_LINK_SLACK,
  stepPath,
  stepPreview,
  type JourneyGuide,
} from '~/features/guides/journey.ts';

const g = (
  slug: string,
  stage: JourneyGuide['stage'],
  order: number,
  extra = {},
): JourneyGuide => ({
  slug,
  title: `Judul ${slug}`,
  stage,
  order,
  ...extra,
});

describe('buildJourney', () => {
  it('orders stages as the law does, whatever order the guides arrive in', () => {
    const journey = buildJourney([g('c', 'setelah', 1), g('a', 'sebelum', 1), g('b', 'selama', 1)]);
    expect(journey.stages.map((s) => s.stage)).toEqual(['sebelum', 'selama', 'setelah']);
    expect(journey.steps.map((s) => s.guides[0]!.slug)).toEqual(['a', 'b', 'c']);
  });

  it('numbers steps 1..N across the whole journey without gaps from the order field', () => {
    const journey = buildJourney([g('x', 'sebelum', 7), g('y', 'sebelum', 2), g('z', 'selama', 5)]);
    expect(journey.steps.map((s) => [s.number, s.guides[0]!.slug])).toEqual([
      [1, 'y'],
      [2, 'x'],
      [3, 'z'],
    ]);
  });

  it('makes guides with the same stage and order one step, and takes its sentence from any of them', () => {
    const journey = buildJourney([
      g('hongkong', 'sebelum', 4, { title: 'Hong Kong' }),
      g('taiwan', 'sebelum', 4, { title: 'Taiwan', step: 'Pelajari negara tujuan.' }),
      g('dokumen', 'sebelum', 5),
      g('hak', 'selama', 4),
    ]);
    expect(journey.steps).toHaveLength(3);
    const shared = journey.steps[0]!;
    expect(shared.guides.map((x) => x.slug)).toEqual(['hongkong', 'taiwan']);
    expect(shared.label).toBe('Pelajari negara tujuan.');
    // The same order number in another stage is a different step.
    expect(journey.steps[2]!.guides.map((x) => x.slug)).toEqual(['hak']);
  });

  it('uses the title when a step has no sentence, ignoring blank ones', () => {
    const journey = buildJourney([g('a', 'sebelum', 1, { step: '   ' })]);
    expect(journey.steps[0]!.label).toBe('Judul a');
  });

  it('leaves out a stage that has no guides, and drafts', () => {
    const journey = buildJourney([
      g('a', 'sebelum', 1),
      g('draf', 'selama', 1, { draft: true }),
      g('c', 'setelah', 1),
    ]);
    expect(journey.stages.map((s) => s.stage)).toEqual(['sebelum', 'setelah']);
    expect(journey.steps.flatMap((s) => s.guides.map((x) => x.slug))).not.toContain('draf');
  });

  it('returns an empty journey for no guides', () => {
    expect(buildJourney([])).toEqual({ stages: [], steps: [] });
  });
});

describe('uncertain guides', () => {
  it('are flagged on their link so the overview warns before the reader opens them', () => {
    const journey = buildJourney([
      g('pasti', 'sebelum', 1),
      g('diperdebatkan', 'sebelum', 1, { needsCheck: 2 }),
    ]);
    expect(journey.steps[0]!.guides.map((x) => [x.slug, x.uncertain])).toEqual([
      ['diperdebatkan', true],
      ['pasti', false],
    ]);
  });
});

describe('positionOf', () => {
  const journey = buildJourney([
    g('a', 'sebelum', 1),
    g('b1', 'sebelum', 2),
    g('b2', 'sebelum', 2),
    g('c', 'selama', 1),
    g('draf', 'setelah', 1, { draft: true }),
  ]);

  it('gives the first step no previous and the last step no next', () => {
    const first = positionOf(journey, 'a')!;
    expect(first.step.number).toBe(1);
    expect(first.total).toBe(3);
    expect(first.previous).toBeUndefined();
    expect(first.next?.guides[0]!.slug).toBe('b1');
    const last = positionOf(journey, 'c')!;
    expect(last.next).toBeUndefined();
    expect(last.previous?.number).toBe(2);
  });

  it('gives guides of a shared step the same number and neighbours, crossing stages', () => {
    const b1 = positionOf(journey, 'b1')!;
    const b2 = positionOf(journey, 'b2')!;
    expect(b1.step).toBe(b2.step);
    expect(b2.step.number).toBe(2);
    expect(b2.previous?.guides[0]!.slug).toBe('a');
    expect(b2.next?.stage).toBe('selama');
  });

  it('does not place a draft or an unknown guide', () => {
    expect(positionOf(journey, 'draf')).toBeUndefined();
    expect(positionOf(journey, 'tidak-ada')).toBeUndefined();
  });
});

describe('long steps', () => {
  const stepOf = (n: number) =>
    buildJourney(
      Array.from({ length: n }, (_, i) => ({
        slug: `g${i}`,
        title: `Panduan ${String(i).padStart(2, '0')}`,
        stage: 'sebelum' as const,
        order: 1,
      })),
    ).steps[0]!;

  it('list every guide of a step up to the limit plus slack (six countries stay in view)', () => {
    const step = stepOf(STEP_LINK_LIMIT + STEP_LINK_SLACK);
    expect(stepPreview(step)).toEqual({ shown: step.guides, more: 0 });
    expect(hasStepPage(step)).toBe(false);
  });

  it('beyond that list STEP_LINK_LIMIT and count the rest for the step page', () => {
    const step = stepOf(12);
    expect(hasStepPage(step)).toBe(true);
    expect(stepPreview(step).shown).toHaveLength(STEP_LINK_LIMIT);
    expect(stepPreview(step).more).toBe(12 - STEP_LINK_LIMIT);
    // On a guide page the guide itself is not among "other guides of this step".
    const fromG0 = stepPreview(step, 'g0');
    expect(fromG0.shown.map((g) => g.slug)).not.toContain('g0');
    expect(fromG0.more).toBe(11 - STEP_LINK_LIMIT);
    expect(stepPath(step)).toBe('/panduan/langkah/1/');
    expect(stepPath(step, 2)).toBe('/panduan/langkah/1/halaman/2/');
  });
});

describe('journeyOrder', () => {
  const g = (title: string, stage: 'sebelum' | 'selama' | 'setelah', order: number) => ({
    data: { title, stage, order },
  });

  it('orders by stage of the journey, then step, then title', () => {
    const sorted = journeyOrder(
      [
        g('Pulang', 'setelah', 1),
        g('Kontrak', 'selama', 1),
        g('Paspor', 'sebelum', 2),
        g('Izin', 'sebelum', 1),
        g('Asuransi', 'sebelum', 2),
      ],
      (x) => x.data,
    );
    expect(sorted.map((x) => x.data.title)).toEqual([
      'Izin',
      'Asuransi',
      'Paspor',
      'Kontrak',
      'Pulang',
    ]);
  });
});

describe('journeyFor, over the fixture guides', () => {
  it('numbers the published guides of a language in the order of the law, drafts left out', async () => {
    const journey = await journeyFor('id');
    expect(journey.stages.map((s) => s.stage)).toEqual(['sebelum', 'selama', 'setelah']);
    expect(
      journey.steps.map((s) => [s.number, s.label, s.guides.map((g) => g.slug)]),
    ).toEqual([
      [1, 'Siapkan dokumen.', ['siapkan-dokumen']],
      [2, 'Cek perusahaan.', ['cek-perusahaan-lanjut', 'cek-perusahaan']],
      [3, 'Cek izin perusahaan.', ['cek-izin-p3mi']],
      [4, 'Ketahui biayanya.', ['biaya-penempatan']],
      [5, 'Baca perjanjian kerja.', ['perjanjian-kerja']],
      [6, 'Kenali tanda bahaya.', ['tanda-perekrutan-ilegal']],
      [7, 'Kenali hak Anda.', ['hak-di-tempat-kerja']],
      [8, 'Tahu ke mana mengadu.', ['tempat-mengadu']],
      [9, 'Pulang dengan rencana.', ['pulang-uji']],
    ]);
  });

  it('flags a guide that carries "perlu dicek ulang" notes', async () => {
    const step = (await journeyFor('id')).steps[1];
    expect(step?.guides.map((g) => [g.slug, g.uncertain])).toEqual([
      ['cek-perusahaan-lanjut', true],
      ['cek-perusahaan', false],
    ]);
  });

  it('builds another language from its own guides only', async () => {
    const journey = await journeyFor('en');
    expect(journey.steps.map((s) => s.guides.map((g) => g.slug))).toEqual([['siapkan-dokumen']]);
  });
});
