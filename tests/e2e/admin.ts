/**
 * The real CMS for a browser test file: decap-server on a temporary copy of the project
 * (scripts/cms-harness.ts) and one Chromium, started before the file's tests and stopped after
 * them; the admin page is the one the test server serves from the build.
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject, onTestFinished } from 'vitest';
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
