/**
 * The job-offer check in the page, with JavaScript: the answer links of OfferQuestion.astro are
 * intercepted, the next question, the reason for each warning and the verdict are cloned from
 * the page's <template>, so the words are the same as on the static pages. Answers live only in
 * this script's memory: nothing is sent, stored or put in the address.
 */
import { verdictOf } from './logic.ts';
import { LEVELS, type Level } from './questions.ts';

interface Given {
  question: string;
  answer: string;
  level: Level;
  questionText: string;
  answerText: string;
}

const isLevel = (v: string | undefined): v is Level => LEVELS.includes(v as Level);

export function startOfferCheck(): void {
  const root = document.querySelector<HTMLElement>('[data-offer-check]');
  const bank = root?.querySelector<HTMLTemplateElement>('template[data-offer-bank]');
  const current = root?.querySelector<HTMLElement>('[data-offer-current]');
  const log = root?.querySelector<HTMLElement>('[data-offer-log]');
  const result = root?.querySelector<HTMLElement>('[data-offer-result]');
  if (!root || !bank || !current || !log || !result) return;
  const first = current.firstElementChild?.cloneNode(true);
  if (!first) return;
  let given: Given[] = [];

  const fromBank = (selector: string) =>
    bank.content.querySelector(selector)?.cloneNode(true) as HTMLElement | undefined;
  const focusHeading = (el: Element | undefined) =>
    el?.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();

  function finish() {
    current!.replaceChildren();
    log!.replaceChildren();
    const level = verdictOf(given.map((g) => g.level));
    const verdict = fromBank(`[data-verdict="${level}"]`);
    result!.querySelector('[data-offer-verdict]')!.replaceChildren(...(verdict ? [verdict] : []));
    const warnings = given.filter((g) => g.level !== 'aman');
    const found = warnings.flatMap((g) => fromBank(`[data-why="${g.question}:${g.answer}"]`) ?? []);
    result!.querySelector('[data-offer-found]')!.replaceChildren(...found);
    result!.querySelector<HTMLElement>('[data-offer-none]')!.hidden = found.length > 0;
    const list = result!.querySelector('[data-offer-answers]')!;
    list.replaceChildren(
      ...given.map((g) => {
        const li = document.createElement('li');
        const answer = document.createElement('strong');
        answer.textContent = g.answerText;
        li.append(`${g.questionText} `, answer);
        return li;
      }),
    );
    result!.hidden = false;
    focusHeading(verdict);
  }

  function answer(link: HTMLAnchorElement) {
    const section = link.closest<HTMLElement>('[data-offer-question]');
    const question = section?.dataset['offerQuestion'];
    const level = link.dataset['level'];
    if (!section || !question || !link.dataset['answer'] || !isLevel(level)) return false;
    given.push({
      question,
      answer: link.dataset['answer'],
      level,
      questionText: section.querySelector('h2')?.textContent?.trim() ?? '',
      answerText: link.textContent?.trim() ?? '',
    });
    const why = fromBank(`[data-why="${question}:${link.dataset['answer']}"]`);
    log!.replaceChildren(...(why ? [why] : []));
    const next = bank!.content.querySelectorAll('[data-offer-question]')[given.length - 1];
    if (!next) {
      finish();
      return true;
    }
    const clone = next.cloneNode(true) as HTMLElement;
    current!.replaceChildren(clone);
    // Focus goes to the next question, but the view starts at the reason for the last answer,
    // which sits just above it and would otherwise scroll out of sight on a small screen.
    clone.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus({ preventScroll: true });
    log!.scrollIntoView({ block: 'start' });
    return true;
  }

  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-answer]');
    if (link && root.contains(link) && answer(link)) event.preventDefault();
  });
  root.querySelector('[data-offer-restart]')?.addEventListener('click', () => {
    given = [];
    log.replaceChildren();
    result.hidden = true;
    const again = first.cloneNode(true) as HTMLElement;
    current.replaceChildren(again);
    focusHeading(again);
  });
}
