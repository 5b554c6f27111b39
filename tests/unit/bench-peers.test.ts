import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  pageFile,
  pagePath,
  peerPages,
  peerProject,
  starlightBody,
  type PeerVersions,
} from '../../bench/peers.ts';
import { splitFrontmatter } from '~/platform/content/content-check.ts';

const versions: PeerVersions = {
  astro: '7.3.5',
  mdx: '8.0.2',
  pagefind: '1.6.0',
  starlight: '0.42.4',
};

describe('benchmark peers', () => {
  const pages = peerPages(200, 3);

  it('generates as many pages as asked, with unique paths, deterministic for a seed', () => {
    expect(pages).toHaveLength(200);
    expect(new Set(pages.map((p) => pagePath('bare', p))).size).toBe(200);
    expect(peerPages(200, 3)).toEqual(pages);
    expect(peerPages(200, 4)).not.toEqual(pages);
  });

  it("replaces the project's components by Starlight's and leaves none behind", () => {
    const text = pages.map((p) => starlightBody(p.body)).join('\n');
    expect(text).toMatch(/<Aside type="(note|caution|danger)">/);
    expect(text).toContain('<Card title=');
    expect(text).not.toMatch(/<\/?(Callout|Checklist)\b/);
    expect(text).not.toContain('type="undefined"');
  });

  it('imports exactly the components a page uses, from a path that exists in the peer', () => {
    const bareFiles = new Set(peerProject('bare', versions).map((f) => f.path));
    for (const page of pages) {
      const bare = pageFile('bare', page);
      for (const [, name, from] of bare.matchAll(/^import (\w+) from '([^']+)';$/gm)) {
        expect(bare).toContain(`<${name}`);
        const target = posix.join(posix.dirname(pagePath('bare', page)), from as string);
        expect(bareFiles.has(target), `${target} in the bare peer`).toBe(true);
      }
      for (const name of ['Callout', 'Steps', 'Checklist'])
        if (page.body.includes(`<${name}`)) expect(bare).toContain(`import ${name} from`);
      const star = pageFile('starlight', page);
      const imported = /^import \{ ([\w, ]+) \}/m.exec(star)?.[1]?.split(', ') ?? [];
      for (const name of ['Aside', 'Steps', 'Card'])
        expect(imported.includes(name)).toBe(star.includes(`<${name}`));
    }
  });

  it('writes frontmatter that reads back with the title and description', () => {
    for (const page of pages.slice(0, 20)) {
      const { data } = splitFrontmatter(pageFile('bare', page));
      expect(data).toMatchObject({ title: page.title, description: page.description });
      expect(String((data as { date: unknown }).date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(splitFrontmatter(pageFile('starlight', page)).data).toMatchObject({
        title: page.title,
      });
    }
  });

  it("installs Astro, MDX and Pagefind at the project's versions and nothing of the project", () => {
    const pkg = JSON.parse(peerProject('bare', versions)[0]?.text ?? '{}') as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies).toEqual({
      astro: '7.3.5',
      '@astrojs/mdx': '8.0.2',
      pagefind: '1.6.0',
    });
    const star = JSON.parse(peerProject('starlight', versions)[0]?.text ?? '{}') as {
      dependencies: Record<string, string>;
    };
    expect(star.dependencies).toEqual({ astro: '7.3.5', '@astrojs/starlight': '0.42.4' });
  });
});
