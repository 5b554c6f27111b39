/** Launches Debian's Chromium through playwright-core with the flags this machine needs. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium ` +
        '(or set CHROMIUM_PATH to another Chromium binary).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
let axeSource: string | undefined;

/**
 * axe-core's WCAG 2.2 AA violations on the page as it is now, one line each; only inside the
 * first element matching `within` when given (and found).
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // evaluate() runs through the DevTools protocol, so the page's CSP does not block axe.
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    ([tags, selector]) =>
      (
        window as unknown as {
          axe: {
            run: (
              ctx: Node,
              opts: object,
            ) => Promise<{
              violations: { id: string; help: string; nodes: { target: string[] }[] }[];
            }>;
          };
        }
      ).axe.run((selector && document.querySelector(selector)) || document, {
        runOnly: { type: 'tag', values: tags },
      }),
    [WCAG_22_AA, within ?? ''] as const,
  );
  return result.violations.map(
    (v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
