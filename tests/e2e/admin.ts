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
  // The editor copies the page's selection into its own model a moment later (much later on a
  // busy machine), and until then may put its old caret back: wait until its model holds the word.
  await expect.poll(() => editorSelection(page)).toBe(word);
}

/**
 * Puts the caret at the end of the paragraph that holds `phrase`, as an editor does with a click
 * and End, and waits until both the page and the editor's own model hold it there: the editor
 * takes the caret from the click late on a busy machine and may put it back mid-word.
 */
export async function caretAtEnd(page: Page, phrase: string): Promise<void> {
  const editor = page.locator('[data-slate-editor]').first();
  await editor.getByText(phrase).click();
  await expect
    .poll(async () => {
      await page.keyboard.press('End');
      const s = await editor.evaluate(selections);
      return (
        s.model?.leaf.includes(phrase) &&
        s.model.from === s.model.leaf.length &&
        s.model.to === s.model.from &&
        s.page.text.includes(phrase) &&
        s.page.collapsed &&
        s.page.offset === s.page.text.length
      );
    })
    .toBe(true);
}

/** The text the editor's own model has selected; '' when it has no selection of one text. */
async function editorSelection(page: Page): Promise<string> {
  const { model } = await page.locator('[data-slate-editor]').first().evaluate(selections);
  return model ? model.leaf.slice(model.from, model.to) : '';
}

/**
 * The selection of the rich-text editor's own model (Slate, inside Decap), read from the editor
 * object React holds for `[data-slate-editor]` (its text leaf and offsets, none when it spans
 * texts), and the page's selection. Runs in the page: it may not call other functions.
 */
function selections(root: Element) {
  type Point = { path: number[]; offset: number };
  type Node = { text?: string; children?: Node[] };
  type Editor = Node & { selection: { anchor: Point; focus: Point } | null };
  const key = Object.keys(root).find((k) => k.startsWith('__reactFiber$'));
  let fiber = key ? (root as unknown as Record<string, unknown>)[key] : undefined;
  let editor: Editor | undefined;
  while (fiber && !editor) {
    const f = fiber as { memoizedProps?: { editor?: Editor }; return?: unknown };
    editor = f.memoizedProps?.editor;
    fiber = f.return;
  }
  const domSelection = getSelection();
  const page = {
    text: domSelection?.anchorNode?.textContent ?? '',
    offset: domSelection?.anchorOffset ?? -1,
    collapsed: domSelection?.isCollapsed ?? false,
  };
  const selection = editor?.selection;
  if (!editor || !selection) return { model: undefined, page };
  const { anchor, focus } = selection;
  if (anchor.path.join() !== focus.path.join()) return { model: undefined, page };
  const leaf = anchor.path.reduce<Node | undefined>((node, i) => node?.children?.[i], editor);
  const [from, to] = [anchor.offset, focus.offset].sort((a, b) => a - b);
  return { model: { leaf: leaf?.text ?? '', from, to }, page };
}
