/**
 * The real CMS for a browser test file: decap-server on a temporary copy of the project
 * (scripts/cms-harness.ts) and one Chromium, started before the file's tests and stopped after
 * them; the admin page is the one the test server serves from the build.
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFinished } from 'vitest';
import {
  openAdmin,
  startDecapCopy,
  type DecapCopy,
  type DecapCopyOptions,
} from '../../scripts/cms-harness.ts';
import { useBrowser } from './site.ts';

export interface Admin {
  /** The temporary copy of the project that the CMS reads and writes. */
  readonly repo: string;
  /** The browser context every admin tab opens in. */
  readonly context: BrowserContext;
  /** Opens an admin route in a fresh tab, signed in; the tab closes when the test ends. */
  open(route: string): Promise<Page>;
}

export function useAdmin({
  context: contextOptions,
  ...copy
}: DecapCopyOptions & { context?: BrowserContextOptions } = {}): Admin {
  const browser = useBrowser();
  let decap: DecapCopy | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    decap = await startDecapCopy(copy);
    context = await browser().newContext({
      viewport: { width: 1400, height: 1000 },
      ...contextOptions,
    });
  });
  afterAll(() => decap?.stop());
  const started = () => {
    if (!decap || !context) throw new Error('the CMS starts before the tests: use it in a test');
    return { decap, context };
  };
  return {
    get repo() {
      return started().decap.repo;
    },
    get context() {
      return started().context;
    },
    async open(route) {
      const { decap, context } = started();
      const page = await openAdmin(() => context.newPage(), inject('baseUrl'), decap.port, route);
      onTestFinished(() => page.close());
      return page;
    },
  };
}

/**
 * Double-clicks `word` where it stands in `phrase` in the CMS's rich-text editor, as an editor
 * does to select it, and waits until the page holds exactly that selection. Typing then replaces
 * the selection the page holds: the editor takes the range of the typed text from the browser's
 * own input event, so the test never depends on the editor having caught up with earlier key
 * presses (it lags under load).
 */
export async function selectWord(page: Page, phrase: string, word: string): Promise<void> {
  const editor = page.locator('[data-slate-editor]').first();
  await editor.waitFor();
  const at = phrase.indexOf(word);
  if (at < 0) throw new Error(`"${word}" is not in "${phrase}"`);
  const point = await editor.evaluate(
    (root, { phrase, at, length }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const found = node.textContent?.indexOf(phrase) ?? -1;
        if (found < 0) continue;
        const range = document.createRange();
        range.setStart(node, found + at);
        range.setEnd(node, found + at + length);
        node.parentElement?.scrollIntoView({ block: 'center' });
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return undefined;
    },
    { phrase, at, length: word.length },
  );
  if (!point) throw new Error(`"${phrase}" is not in the editor`);
  await page.mouse.dblclick(point.x, point.y);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(word);
}
