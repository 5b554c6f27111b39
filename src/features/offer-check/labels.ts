/** Page title and breadcrumb of a state page of the job-offer check, unique per state. */
import { useTranslations, type UiKey } from '~/platform/i18n/i18n.ts';
import type { Locale } from '~/schemas/shared.ts';
import { offerKeys, verdictKeys, type State } from './logic.ts';
import { QUESTIONS } from './questions.ts';

export function stateLabels(locale: Locale, state: State): { title: string; crumb: string } {
  const t = useTranslations(locale);
  const verdict = t(verdictKeys(state.soFar).name as UiKey);
  const previous = t(offerKeys(state.previousQuestion, state.previous).answer as UiKey);
  const title = t('offerCheck.title');
  const total = QUESTIONS.length;
  if (typeof state.step === 'number') {
    return {
      title: t('offerCheck.stepTitle', { title, n: state.step, total, soFar: verdict, previous }),
      crumb: t('offerCheck.progress', { n: state.step, total }),
    };
  }
  return {
    title: t('offerCheck.resultTitle', { title, verdict, previous }),
    crumb: t('offerCheck.verdictHeading'),
  };
}
