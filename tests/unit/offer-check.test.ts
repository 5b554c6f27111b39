import { describe, expect, it } from 'vitest';
import id from '../../src/i18n/id.json';
import en from '../../src/i18n/en.json';
import {
  BASE_PATH,
  allStates,
  answerPath,
  offerKeys,
  statePath,
  verdictKeys,
  verdictOf,
  worse,
} from '../../src/features/offer-check/logic.ts';
import {
  LEVELS,
  OFFER_SOURCES,
  QUESTIONS,
  type Question,
} from '../../src/features/offer-check/questions.ts';
import { SourceSchema } from '../../src/schemas/shared.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('offer check: the questions as data', () => {
  it('gives every warning answer at least one source, and no source to a harmless answer', () => {
    for (const q of QUESTIONS) {
      for (const a of q.answers) {
        if (a.level === 'aman') expect(a.sources ?? [], `${q.id}:${a.id}`).toEqual([]);
        else expect(a.sources?.length ?? 0, `${q.id}:${a.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('has sources a reader can follow', () => {
    for (const [name, source] of Object.entries(OFFER_SOURCES)) {
      expect(SourceSchema.safeParse(source).success, name).toBe(true);
    }
  });

  it('uses address-safe, unique ids and offers a harmless answer to every question', () => {
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) {
      expect(q.id).toMatch(SLUG);
      const ids = q.answers.map((a) => a.id);
      expect(new Set(ids).size, q.id).toBe(ids.length);
      for (const a of ids) expect(a).toMatch(SLUG);
      expect(
        q.answers.some((a) => a.level === 'aman'),
        q.id,
      ).toBe(true);
    }
  });

  it('has every word in Indonesian and English', () => {
    const keys = QUESTIONS.flatMap((q) => [
      offerKeys(q).question,
      ...q.answers.flatMap((a) => {
        const k = offerKeys(q, a);
        return a.level === 'aman' ? [k.answer] : [k.answer, k.why];
      }),
    ]);
    keys.push(...LEVELS.flatMap((l) => Object.values(verdictKeys(l))));
    for (const key of keys) {
      expect(id, key).toHaveProperty([key]);
      expect(en, key).toHaveProperty([key]);
    }
  });
});

describe('offer check: the rules', () => {
  it('gives the worst level of the answers as the verdict', () => {
    expect(verdictOf([])).toBe('aman');
    expect(verdictOf(['aman', 'hati-hati', 'aman'])).toBe('hati-hati');
    expect(verdictOf(['hati-hati', 'bahaya', 'aman'])).toBe('bahaya');
    expect(worse('bahaya', 'aman')).toBe('bahaya');
  });

  it('puts the next question, the level so far and the answer in the address', () => {
    const q = QUESTIONS[0]!;
    const warn = q.answers.find((a) => a.level !== 'aman')!;
    expect(answerPath(1, warn, 'aman')).toBe(`${BASE_PATH}2/${warn.level}/${warn.id}/`);
    const last = QUESTIONS.at(-1)!;
    const ok = last.answers.find((a) => a.level === 'aman')!;
    expect(answerPath(QUESTIONS.length, ok, 'bahaya')).toBe(`${BASE_PATH}hasil/bahaya/${ok.id}/`);
  });

  it('builds a page for every answer a reader can give, and no page nobody can reach', () => {
    const built = new Set(allStates().map((s) => statePath(s.step, s.soFar, s.previous.id)));
    expect(built.size).toBe(allStates().length);
    // Walk every path a reader can take, one question at a time, from the start page.
    const linked = new Set<string>();
    let levels = new Set(['aman'] as const as readonly (typeof LEVELS)[number][]);
    QUESTIONS.forEach((q, i) => {
      const next = new Set<(typeof LEVELS)[number]>();
      for (const before of levels) {
        for (const a of q.answers) {
          const path = answerPath(i + 1, a, before);
          linked.add(path);
          next.add(worse(before, a.level));
        }
      }
      levels = next;
    });
    expect([...linked].sort()).toEqual([...built].sort());
  });

  it('keeps the number of pages linear in the questions: at most six per question', () => {
    expect(allStates().length).toBeLessThanOrEqual(QUESTIONS.length * 6);
  });

  it('reaches each verdict only with the answers that justify it', () => {
    const qs: Question[] = [
      {
        id: 'a',
        answers: [
          { id: 'ok', level: 'aman' },
          { id: 'x', level: 'hati-hati', sources: [] },
        ],
      },
      { id: 'b', answers: [{ id: 'ok', level: 'aman' }] },
    ];
    const results = allStates(qs).filter((s) => s.step === 'hasil');
    // "Bahaya" cannot be reached: no answer is a danger sign.
    expect(results.map((s) => s.soFar).sort()).toEqual(['aman', 'hati-hati']);
  });
});
