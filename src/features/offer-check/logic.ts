/**
 * The rules of the job-offer check, as pure functions shared by the static pages (no JavaScript:
 * one page per question, the state in its address) and the in-page script.
 *
 * Without JavaScript the address carries only what the next page needs: which question comes,
 * the worst level so far, and the previous answer (to show why it was a warning). That keeps the
 * number of pages linear in the number of questions (at most six per question) instead of
 * exponential, as one page per combination of answers would be:
 *   /cek-tawaran/                          question 1
 *   /cek-tawaran/<n>/<so-far>/<previous>/   question n (2…N)
 *   /cek-tawaran/hasil/<so-far>/<previous>/ the verdict
 */
import { LEVELS, QUESTIONS, type Answer, type Level, type Question } from './questions.ts';

export const BASE_PATH = '/cek-tawaran/';
export const RESULT_STEP = 'hasil';

const RANK: Record<Level, number> = { aman: 0, 'hati-hati': 1, bahaya: 2 };

/** The worse of two levels. */
export function worse(a: Level, b: Level): Level {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The verdict for a set of answers: the worst level among them (`aman` when none). */
export function verdictOf(levels: Iterable<Level>): Level {
  let out: Level = 'aman';
  for (const level of levels) out = worse(out, level);
  return out;
}

/** A UI string key part from an id: "tidak-tahu" → "tidakTahu" (keys allow no hyphens). */
export function keyPart(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The i18n keys of a question and of its answers. */
export function offerKeys(q: Question, a?: Answer) {
  const qk = keyPart(q.id);
  return {
    question: `offerCheck.q.${qk}`,
    answer: a ? `offerCheck.a.${qk}.${keyPart(a.id)}` : '',
    why: a ? `offerCheck.why.${qk}.${keyPart(a.id)}` : '',
  };
}

/** Step 1 is the start page; steps 2…N and "hasil" are static state pages. */
export type Step = number | typeof RESULT_STEP;

export interface State {
  step: Step;
  soFar: Level;
  /** The answer given to the question before this step. */
  previous: Answer;
  previousQuestion: Question;
}

/** The site path (without locale) of a state page, or of the start page for step 1. */
export function statePath(step: Step, soFar?: Level, previous?: string): string {
  if (step === 1) return BASE_PATH;
  return `${BASE_PATH}${step}/${soFar}/${previous}/`;
}

/** The step that follows question number `n` (1-based). */
export function nextStep(n: number, questions: readonly Question[] = QUESTIONS): Step {
  return n >= questions.length ? RESULT_STEP : n + 1;
}

/** Where answer `a` of question number `n` leads, given the level before it. */
export function answerPath(
  n: number,
  a: Answer,
  before: Level,
  questions: readonly Question[] = QUESTIONS,
): string {
  return statePath(nextStep(n, questions), worse(before, a.level), a.id);
}

/** Every state page a reader can reach: each step, previous answer and reachable level so far. */
export function allStates(questions: readonly Question[] = QUESTIONS): State[] {
  const out: State[] = [];
  let before = new Set<Level>(['aman']);
  questions.forEach((previousQuestion, i) => {
    const step = nextStep(i + 1, questions);
    const after = new Set<Level>();
    for (const previous of previousQuestion.answers) {
      const levels = new Set([...before].map((l) => worse(l, previous.level)));
      for (const soFar of LEVELS.filter((l) => levels.has(l))) {
        out.push({ step, soFar, previous, previousQuestion });
        after.add(soFar);
      }
    }
    before = after;
  });
  return out;
}

/** The question asked at a step (undefined for the result). */
export function questionAt(step: Step, questions: readonly Question[] = QUESTIONS) {
  return step === RESULT_STEP ? undefined : questions[step - 1];
}

/** The i18n keys of a verdict: its name ("Bahaya") and what to do. */
export function verdictKeys(level: Level) {
  const part = keyPart(level).replace(/^./, (c) => c.toUpperCase());
  return { name: `offerCheck.verdict${part}`, text: `offerCheck.verdictText${part}` };
}
