import { describe, expect, it } from 'vitest';
import { scriptUrls } from '~/platform/offline/service-worker.ts';

describe('scripts precached with the pages that run them', () => {
  it("finds a page's own module scripts, not other sites' or inline ones", () => {
    const html =
      '<script src="/sw-register.js" defer></script>' +
      '<script type="module" src="/_astro/Checklist.abc123.js"></script>' +
      '<script src="https://example.org/x.js"></script>';
    expect(scriptUrls(html)).toEqual(['/_astro/Checklist.abc123.js']);
  });

  it('follows the static imports of a bundled script, not its dynamic ones', () => {
    const js = 'import{a as b}from"./logic.D1.js";import"./side.E2.js";import("./lazy.F3.js")';
    expect(scriptUrls(js)).toEqual(['/_astro/logic.D1.js', '/_astro/side.E2.js']);
  });
});
