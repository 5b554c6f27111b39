/**
 * The safe-migration journey: guides grouped into numbered steps inside the three stages of
 * UU No. 18/2017. The journey page, every guide page and the tests share one definition of "step N
 * of M", "previous" and "next": buildJourney takes plain guide data, journeyFor the published
 * guides of a language (tests/content/ runs it over fixture entries).
 */
import { STAGES, type Locale } from '~/schemas/shared.ts';
import { cached, published, slugOf } from '~/platform/content/content.ts';

export type Stage = (typeof STAGES)[number];

/** The fields of a guide the journey needs (from its frontmatter plus its slug). */
export interface JourneyGuide {
  slug: string;
  title: string;
  stage: Stage;
  order: number;
  /** Short sentence for the step; the title is used when it is missing. */
  step?: string | undefined;
  draft?: boolean | undefined;
  /** How many facts of the guide still need checking; the overview flags such guides. */
  needsCheck?: number | undefined;
}

export interface JourneyLink {
  slug: string;
  title: string;
  /** True when the guide carries "perlu dicek ulang" notes. */
  uncertain: boolean;
}

export interface JourneyStep {
  /** 1-based number across the whole journey, so "step 5 of 18" reads the same on every page. */
  number: number;
  stage: Stage;
  order: number;
  /** What to do in this step, in one sentence. */
  label: string;
  /** The guides of this step, at least one. */
  guides: JourneyLink[];
}

export interface JourneyStage {
  stage: Stage;
  steps: JourneyStep[];
}

export interface Journey {
  /** Stages in the order of the law; a stage without any guide is left out. */
  stages: JourneyStage[];
  /** Every step in reading order. */
  steps: JourneyStep[];
}

export interface JourneyPosition {
  step: JourneyStep;
  total: number;
  previous: JourneyStep | undefined;
  next: JourneyStep | undefined;
}

const collator = new Intl.Collator('id');

/**
 * Items in the journey's reading order: stage (in the order of the law), then step number, then
 * title. The journey page, the guide pages and the printable booklet all read guides this way.
 */
export function journeyOrder<T>(
  items: readonly T[],
  fields: (item: T) => { stage: Stage; order: number; title: string },
): T[] {
  return [...items].sort((x, y) => {
    const a = fields(x);
    const b = fields(y);
    return (
      STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
      a.order - b.order ||
      collator.compare(a.title, b.title)
    );
  });
}

/**
 * Builds the journey. Guides with the same stage and order form one step; gaps in the order
 * numbers (1, 3, 7) do not leave gaps in the step numbers. Drafts never appear.
 */
export function buildJourney(guides: readonly JourneyGuide[]): Journey {
  const stages: JourneyStage[] = [];
  const steps: JourneyStep[] = [];
  const ordered = journeyOrder(guides, (g) => g);
  for (const stage of STAGES) {
    const inStage = ordered.filter((g) => g.stage === stage && g.draft !== true);
    if (inStage.length === 0) continue;
    const stageSteps: JourneyStep[] = [];
    for (const guide of inStage) {
      const last = stageSteps.at(-1);
      const link = { slug: guide.slug, title: guide.title, uncertain: (guide.needsCheck ?? 0) > 0 };
      if (last && last.order === guide.order) {
        last.guides.push(link);
        continue;
      }
      const step: JourneyStep = {
        number: steps.length + 1,
        stage,
        order: guide.order,
        label: guide.step?.trim() || guide.title,
        guides: [link],
      };
      stageSteps.push(step);
      steps.push(step);
    }
    // A shared step takes its sentence from whichever of its guides has one.
    for (const step of stageSteps) {
      const withSentence = inStage.find(
        (g) => g.order === step.order && g.step !== undefined && g.step.trim() !== '',
      );
      if (withSentence?.step) step.label = withSentence.step.trim();
    }
    stages.push({ stage, steps: stageSteps });
  }
  return { stages, steps };
}

/** Where a guide sits in the journey, or undefined when it is not part of it (e.g. a draft). */
export function positionOf(journey: Journey, slug: string): JourneyPosition | undefined {
  const index = journey.steps.findIndex((s) => s.guides.some((g) => g.slug === slug));
  if (index === -1) return undefined;
  return {
    step: journey.steps[index]!,
    total: journey.steps.length,
    previous: journey.steps[index - 1],
    next: journey.steps[index + 1],
  };
}

/**
 * Guides a step shows where it is listed (the journey page, a guide's "other guides of this step"):
 * all of them up to STEP_LINK_LIMIT + STEP_LINK_SLACK (six destination countries stay in view),
 * beyond that the first STEP_LINK_LIMIT and a link to the step's own page
 * (/panduan/langkah/<number>/). Keeps those pages the same size however many guides a step gathers.
 */
export const STEP_LINK_LIMIT = 5;
export const STEP_LINK_SLACK = 3;

/** Guides per page of a step's own page. */
export const STEP_PAGE_SIZE = 30;

/** Whether a step has its own page (more guides than a listing shows). */
export const hasStepPage = (step: JourneyStep) =>
  step.guides.length > STEP_LINK_LIMIT + STEP_LINK_SLACK;

/** The guides of a step to list (without `except`), and how many more its own page holds. */
export function stepPreview(
  step: JourneyStep,
  except?: string,
): { shown: JourneyLink[]; more: number } {
  const guides = step.guides.filter((g) => g.slug !== except);
  if (guides.length <= STEP_LINK_LIMIT + STEP_LINK_SLACK) return { shown: guides, more: 0 };
  return { shown: guides.slice(0, STEP_LINK_LIMIT), more: guides.length - STEP_LINK_LIMIT };
}

/** Path (without locale prefix) of a step's own page, which lists all its guides. */
export const stepPath = (step: Pick<JourneyStep, 'number'>, page = 1) =>
  page > 1
    ? `/panduan/langkah/${step.number}/halaman/${page}/`
    : `/panduan/langkah/${step.number}/`;

/** The journey of one language, built from its published guides. */
export function journeyFor(locale: Locale): Promise<Journey> {
  // Built once per build and shared, so read-only: every guide page asks where it stands, and
  // building it for each of a thousand guides sorted the thousand each time.
  return cached(`journey:${locale}`, async () =>
    buildJourney(
      (await published('panduan', locale)).map((entry) => ({
        slug: slugOf(entry),
        title: entry.data.title,
        stage: entry.data.stage,
        order: entry.data.order,
        step: entry.data.step,
        draft: entry.data.draft,
        needsCheck: entry.data.needsCheck.length,
      })),
    ),
  );
}
