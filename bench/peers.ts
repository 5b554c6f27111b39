/**
 * The peers of `npm run bench -- --peers`: two small Astro projects written from templates here,
 * built on generated Indonesian MDX pages of the same count as the project's generated entries.
 *
 * - `bare`: Astro + @astrojs/mdx, one content collection, one page route, Pagefind run afterwards
 *   (its CLI), the least a static MDX site with search needs.
 * - `starlight`: Astro's documentation theme with its defaults (its sidebar lists every page, its
 *   search is Pagefind, run inside the build).
 *
 * Each peer lives in .bench/<peer>/ with its own package.json and node_modules (installed with
 * `npm install --prefix`), never in the project's dependencies. The pages carry the same kind of
 * text as the project's generated entries (bench/generate.ts), with headings, lists and, now and
 * then, a component: the peers' own (bare) or Starlight's Aside, Steps and Card.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { body, rng, sentence } from './generate.ts';
import { setAside } from './lib/trash.ts';

export const PEERS = ['bare', 'starlight'] as const;
export type PeerName = (typeof PEERS)[number];

/** Package versions the peers install: Astro, MDX and Pagefind as the project has them. */
export interface PeerVersions {
  astro: string;
  mdx: string;
  pagefind: string;
  starlight: string;
}

/** Starlight release the comparison uses (the issue's numbers were taken with 0.42). */
export const STARLIGHT_VERSION = '0.42.4';

export interface PeerPage {
  /** Folder of the page: its year, so that Starlight's sidebar groups pages as a real site would. */
  group: string;
  slug: string;
  title: string;
  description: string;
  date: string;
  /** MDX body written with the project's component names (Callout, Steps, Checklist). */
  body: string;
}

export interface PeerFile {
  /** Relative to the peer's directory. */
  path: string;
  text: string;
}

const pad = (n: number) => String(n).padStart(5, '0');

/** `count` pages of news-like Indonesian text, deterministic for a seed. */
export function peerPages(count: number, seed = 1): PeerPage[] {
  const r = rng(seed + 1000);
  return Array.from({ length: count }, (_, i) => {
    const year = 2026 - Math.floor((i * 10) / Math.max(count, 1));
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    return {
      group: String(year),
      slug: `berita-${pad(i + 1)}`,
      title: `Kabar ${i + 1}: ${sentence(r).split(' ').slice(0, 6).join(' ')}`,
      description: sentence(r),
      date: `${year}-${month}-${day}`,
      body: body(r, r.int(2, 5), 'id'),
    };
  });
}

/** Version of an installed package in `root`'s node_modules. */
export function installedVersion(root: string, name: string): string {
  const file = join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const TYPE_TO_ASIDE: Record<string, string> = {
  info: 'note',
  peringatan: 'caution',
  bahaya: 'danger',
};

/** The body with the project's component names replaced by Starlight's own components. */
export function starlightBody(text: string): string {
  return text
    .replace(/<Callout type="([a-z]+)">/g, (_m, t: string) => `<Aside type="${TYPE_TO_ASIDE[t]}">`)
    .replaceAll('</Callout>', '</Aside>')
    .replace(/<Checklist title="([^"]*)">/g, '<Card title="$1">')
    .replaceAll('</Checklist>', '</Card>');
}

const used = (text: string, names: string[]) => names.filter((n) => text.includes(`<${n}`));

function frontmatter(fields: Record<string, string>): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** The path of a page's MDX file inside the peer project. */
export function pagePath(peer: PeerName, page: PeerPage): string {
  return peer === 'bare'
    ? `src/content/berita/${page.group}/${page.slug}.mdx`
    : `src/content/docs/berita/${page.group}/${page.slug}.mdx`;
}

/** The text of a page's MDX file. */
export function pageFile(peer: PeerName, page: PeerPage): string {
  if (peer === 'bare') {
    const imports = used(page.body, ['Callout', 'Steps', 'Checklist'])
      .map((n) => `import ${n} from '../../../components/${n}.astro';`)
      .join('\n');
    const head = frontmatter({
      title: page.title,
      description: page.description,
      date: page.date,
    });
    return `${head}${imports ? `\n${imports}\n` : ''}\n${page.body}\n`;
  }
  const text = starlightBody(page.body);
  const names = used(text, ['Aside', 'Steps', 'Card']);
  const imports = names.length
    ? `\nimport { ${names.join(', ')} } from '@astrojs/starlight/components';\n`
    : '';
  return `${frontmatter({ title: page.title, description: page.description })}${imports}\n${text}\n`;
}

function packageJson(peer: PeerName, v: PeerVersions): string {
  const dependencies: Record<string, string> =
    peer === 'bare'
      ? { astro: v.astro, '@astrojs/mdx': v.mdx, pagefind: v.pagefind }
      : { astro: v.astro, '@astrojs/starlight': v.starlight };
  return `${JSON.stringify(
    { name: `migrasi-bench-peer-${peer}`, private: true, type: 'module', dependencies },
    null,
    2,
  )}\n`;
}

const BARE_FILES: PeerFile[] = [
  {
    path: 'astro.config.mjs',
    text: `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://example.org',
  trailingSlash: 'always',
  integrations: [mdx()],
});
`,
  },
  {
    path: 'src/content.config.ts',
    text: `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  berita: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: './src/content/berita' }),
    schema: z.object({ title: z.string(), description: z.string(), date: z.coerce.date() }),
  }),
};
`,
  },
  {
    path: 'src/layouts/Page.astro',
    text: `---
interface Props {
  title: string;
  description: string;
}
const { title, description } = Astro.props;
---

<html lang="id">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
    <meta name="description" content={description} />
  </head>
  <body>
    <header><a href="/">Beranda</a></header>
    <main data-pagefind-body>
      <slot />
    </main>
  </body>
</html>

<style>
  main {
    max-width: 40rem;
    margin: 0 auto;
    font-family: system-ui, sans-serif;
    line-height: 1.5;
  }
</style>
`,
  },
  {
    path: 'src/pages/index.astro',
    text: `---
import { getCollection } from 'astro:content';
import Page from '../layouts/Page.astro';

const latest = (await getCollection('berita'))
  .sort((a, b) => b.data.date.getTime() - a.data.date.getTime())
  .slice(0, 20);
---

<Page title="Berita" description="Berita terbaru">
  <h1>Berita</h1>
  <ul>
    {
      latest.map((e) => (
        <li>
          <a href={\`/berita/\${e.id}/\`}>{e.data.title}</a>
        </li>
      ))
    }
  </ul>
</Page>
`,
  },
  {
    path: 'src/pages/berita/[...id].astro',
    text: `---
import { getCollection, render } from 'astro:content';
import Page from '../../layouts/Page.astro';

export async function getStaticPaths() {
  const entries = await getCollection('berita');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---

<Page title={entry.data.title} description={entry.data.description}>
  <h1>{entry.data.title}</h1>
  <time datetime={entry.data.date.toISOString()}>{entry.data.date.toLocaleDateString('id-ID')}</time>
  <Content />
</Page>
`,
  },
  {
    path: 'src/components/Callout.astro',
    text: `---
interface Props {
  type: string;
}
---

<aside class={Astro.props.type}><slot /></aside>

<style>
  aside {
    border-left: 4px solid;
    padding: 0 1rem;
  }
</style>
`,
  },
  { path: 'src/components/Steps.astro', text: `<div class="steps"><slot /></div>\n` },
  {
    path: 'src/components/Checklist.astro',
    text: `---
interface Props {
  title: string;
}
---

<section><h3>{Astro.props.title}</h3><slot /></section>
`,
  },
];

const STARLIGHT_FILES: PeerFile[] = [
  {
    path: 'astro.config.mjs',
    text: `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://example.org',
  integrations: [
    starlight({
      title: 'Berita',
      defaultLocale: 'root',
      locales: { root: { label: 'Bahasa Indonesia', lang: 'id' } },
    }),
  ],
});
`,
  },
  {
    path: 'src/content.config.ts',
    text: `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
`,
  },
  {
    path: 'src/content/docs/index.mdx',
    text: `---\ntitle: Berita\ndescription: Berita terbaru\n---\n\nSemua berita ada di menu samping.\n`,
  },
];

/** Every file of a peer project except its pages. */
export function peerProject(peer: PeerName, versions: PeerVersions): PeerFile[] {
  const files = peer === 'bare' ? BARE_FILES : STARLIGHT_FILES;
  return [{ path: 'package.json', text: packageJson(peer, versions) }, ...files];
}

/**
 * Writes the peer into `dir`: its project files, then its pages (the old pages are removed first).
 * Returns true when package.json changed since the last install, i.e. `npm install` must run.
 */
export async function writePeer(
  dir: string,
  peer: PeerName,
  versions: PeerVersions,
  pages: PeerPage[],
): Promise<boolean> {
  const files = peerProject(peer, versions);
  const pkg = files[0]?.text ?? '';
  const installedFrom = join(dir, '.installed-package.json');
  const needsInstall =
    !existsSync(join(dir, 'node_modules', 'astro')) ||
    !existsSync(installedFrom) ||
    readFileSync(installedFrom, 'utf8') !== pkg;
  await setAside(join(dir, 'src'));
  for (const f of [
    ...files,
    ...pages.map((p) => ({ path: pagePath(peer, p), text: pageFile(peer, p) })),
  ]) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.text);
  }
  return needsInstall;
}

/** Remembers which package.json the peer's node_modules were installed from. */
export async function markInstalled(dir: string, peer: PeerName, versions: PeerVersions) {
  await writeFile(join(dir, '.installed-package.json'), packageJson(peer, versions));
}
