/**
 * The journey as built: /panduan/ lists every guide as numbered steps, every guide page states its
 * place ("Langkah N dari M") and links the neighbouring steps in the same order, and the journey
 * reads top to bottom on a 360 px phone with JavaScript off. The journey's behaviour is tested on
 * the fixture content's build; the checks of every real guide page (width, axe) on the site's.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './browser.ts';
import {
  type BuiltPage,
  builtPages,
  FIXTURE_DIST,
  fixtureUrl,
  siteUrl,
  useBrowser,
} from './site.ts';

const pages = builtPages();
const fixturePages = builtPages(FIXTURE_DIST);
const byPath = new Map(fixturePages.map((p) => [p.path, p]));

interface Step {
  number: number;
  heading: string;
  links: string[];
}

/** The steps of a journey page, in document order, read from its HTML. */
function stepsOf(page: BuiltPage): Step[] {
  return page.root.querySelectorAll('.step-nav > li').map((li) => {
    const heading = li.querySelector('h3')?.text.replace(/\s+/g, ' ').trim() ?? '';
    return {
      number: Number(/\d+/.exec(heading)?.[0]),
      heading,
      links: li.querySelectorAll('a').map((a) => a.getAttribute('href') ?? ''),
    };
  });
}

for (const [lang, prefix, stepWord, ofWord] of [
  ['id', '', 'Langkah', 'dari'],
  ['en', '/en', 'Step', 'of'],
] as const) {
  describe(`the ${lang} journey`, () => {
    const journey = byPath.get(`${prefix}/panduan/`)!;
    const steps = stepsOf(journey);
    const guidePaths = fixturePages
      .map((p) => p.path)
      .filter((p) => new RegExp(`^${prefix}/panduan/(?!cetak/)[^/]+/$`).test(p));

    it('lists every published guide exactly once, as numbered steps 1..N', () => {
      expect(guidePaths.length).toBeGreaterThan(0);
      const linked = steps.flatMap((s) => s.links);
      expect([...linked].sort()).toEqual([...guidePaths].sort());
      expect(steps.map((s) => s.number)).toEqual(steps.map((_, i) => i + 1));
      // The number is part of the heading text that screen readers announce.
      for (const s of steps) expect(s.heading).toMatch(new RegExp(`^${stepWord} ${s.number}:`));
    });

    it('puts each guide at its step, with the previous and next step linked', () => {
      for (const [index, step] of steps.entries()) {
        for (const path of step.links) {
          const guide = byPath.get(path)!;
          const position = guide.root.querySelector('.step-position')?.text ?? '';
          expect(position, path).toContain(`${stepWord} ${step.number} ${ofWord} ${steps.length}`);
          const prev = guide.root.querySelector('a[rel="prev"]')?.getAttribute('href');
          const next = guide.root.querySelector('a[rel="next"]')?.getAttribute('href');
          expect(prev, `${path} previous`).toBe(steps[index - 1]?.links[0]);
          expect(next, `${path} next`).toBe(steps[index + 1]?.links[0]);
        }
      }
    });
  });
}

describe('the journey on a 360 px phone without JavaScript', () => {
  const browser = useBrowser();

  it('shows every step heading and link, without sideways scrolling', async () => {
    const context = await browser().newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    await page.goto(fixtureUrl('/panduan/'));
    const expected = stepsOf(byPath.get('/panduan/')!);
    const headings = page.locator('.step-nav h3');
    expect(await headings.count()).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) {
      await expect.poll(() => headings.nth(i).isVisible()).toBe(true);
      const text = (await headings.nth(i).innerText()).replace(/\s+/g, ' ').trim();
      expect(text).toMatch(new RegExp(`(^|\\s)${i + 1}:?\\s`));
    }
    const links = page.locator('.step-nav a');
    for (let i = 0; i < (await links.count()); i++) {
      const box = await links.nth(i).boundingBox();
      expect(box, `link ${i} is not rendered`).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    }
    // Steps follow each other down the page, in order.
    const tops = await headings.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(360);
    await context.close();
  });

  it(
    'every guide and the glossary fit 360 px without sideways scrolling',
    { timeout: 120_000 },
    async () => {
      const context = await browser().newContext({
        javaScriptEnabled: false,
        viewport: { width: 360, height: 740 },
      });
      const page = await context.newPage();
      const wide: string[] = [];
      for (const p of pages.filter((x) =>
        /^(\/en)?\/(panduan\/(?!cetak\/)[^/]+|glosarium)\/$/.test(x.path),
      )) {
        await page.goto(siteUrl(p.path));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 360) wide.push(`${p.path}: ${width} px`);
      }
      await context.close();
      expect(wide).toEqual([]);
    },
  );

  // The page chrome is covered by a11y.test.ts; here only each guide's own article is checked,
  // because every guide mixes the author components differently.
  it('every guide article passes axe (WCAG 2.2 AA)', { timeout: 180_000 }, async () => {
    const failures: string[] = [];
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    for (const guide of pages.filter((p) =>
      /^(\/en)?\/panduan\/(?!cetak\/)[^/]+\/$/.test(p.path),
    )) {
      await page.goto(siteUrl(guide.path));
      const violations = await axeViolations(page, 'article');
      if (violations.length > 0) failures.push(`${guide.path}: ${violations.join('; ')}`);
    }
    await page.close();
    expect(failures).toEqual([]);
  });
});
