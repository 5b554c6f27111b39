/**
 * The CMS preview is the site: the same entries are rendered by the build (dist/) and by the real
 * CMS's preview pane (against decap-server on a copy of the content), and the markup that matters
 * is compared element by element — a guide's checked date, "perlu dicek ulang" notes, sources and
 * author components; a news item's date line; a course's session cards as on /jadwal/; and an
 * uploaded picture, which must load in the form and in the preview.
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HTMLElement, parse, TextNode, type Node } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_PHOTO_ALT, writePhotoNews } from '../../scripts/cms-harness.ts';
import { useAdmin } from './admin.ts';
import { DIST } from './site.ts';

const PHOTO_NEWS = 'berita-uji-foto-pratinjau';
const EXAMPLE_COURSES = join('examples', 'pelatihan', 'id');

const cms = useAdmin({
  prepare(repo) {
    // The example courses, whose sessions the examples build lists on /jadwal/ (the office's
    // content may hold no course): only in the temporary copy, for the session-card comparison.
    for (const file of readdirSync(EXAMPLE_COURSES))
      cpSync(join(EXAMPLE_COURSES, file), join(repo, 'content/pelatihan/id', file));
    // An uploaded picture and a news item that shows it (only in the temporary copy).
    writePhotoNews(repo, {
      slug: PHOTO_NEWS,
      title: 'Berita uji pratinjau foto',
      picture: 'uji-pratinjau',
      width: 320,
      height: 180,
    });
  },
});

/**
 * Markup in a canonical form: tags, attributes (sorted, decoded) and text (decoded, whitespace
 * collapsed; typographic quotes folded, because the site's Markdown makes quotes curly).
 */
function canon(node: Node): string {
  if (node instanceof TextNode) {
    return node.text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
  }
  if (!(node instanceof HTMLElement)) return '';
  const inner = node.childNodes.map(canon).join('');
  if (!node.tagName) return inner;
  const attrs = Object.entries(node.attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  const tag = node.tagName.toLowerCase();
  return `<${tag}${attrs}>${inner}</${tag}>`.replace(/> </g, '><');
}

const sitePage = (path: string) =>
  parse(readFileSync(join('dist', path, 'index.html'), 'utf8')).querySelector('main article')!;

/** The preview pane's article once its heading shows, parsed like the site's page. */
async function previewOf(page: Page): Promise<HTMLElement> {
  const frame = page.frameLocator('#preview-pane');
  await expect.poll(() => frame.locator('h1').textContent(), { timeout: 30_000 }).not.toBe('');
  return parse(await frame.locator('main').innerHTML()).querySelector('article')!;
}

/** Courses with sessions: the office's and the examples (both are in the CMS's copy). */
function coursesWithSessions(): string[] {
  const withSessions = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir).filter(
          (f) => /\.mdx?$/.test(f) && /\n\s+start: /.test(readFileSync(join(dir, f), 'utf8')),
        )
      : [];
  return [...withSessions(join('content', 'pelatihan', 'id')), ...withSessions(EXAMPLE_COURSES)]
    .map((f) => f.replace(/\.mdx?$/, ''))
    .sort();
}

/** Entries of a folder (MDX, or plain Markdown for news and courses) whose file passes `test`. */
function entriesWhere(folder: string, test: (text: string) => boolean): string[] {
  return readdirSync(join('content', folder))
    .filter((f) => /\.mdx?$/.test(f) && test(readFileSync(join('content', folder, f), 'utf8')))
    .map((f) => f.replace(/\.mdx?$/, ''))
    .sort();
}

/**
 * A body's markup with the attributes that only the build adds left out (heading ids for the
 * table of contents, rel on links to other sites): tags, link targets and text.
 */
function bodyCanon(node: Node): string {
  if (!(node instanceof HTMLElement) || !node.tagName) return canon(node);
  const inner = node.childNodes.map(bodyCanon).join('');
  const tag = node.tagName.toLowerCase();
  const href = node.getAttribute('href');
  return `<${tag}${href === undefined ? '' : ` href="${href}"`}>${inner}</${tag}>`;
}

function sameParts(site: HTMLElement, preview: HTMLElement, selector: string): number {
  const a = site.querySelectorAll(selector).map(canon);
  const b = preview.querySelectorAll(selector).map(canon);
  expect(b, selector).toEqual(a);
  return a.length;
}

describe('the CMS preview renders what the site renders', () => {
  it.each([
    ['id', 'panduan', ''],
    ['en', 'panduan_en', '/en'],
  ])(
    'a guide (%s): checked date, "perlu dicek ulang" notes, sources and callouts',
    async (locale, collection, prefix) => {
      const slug = entriesWhere(
        `panduan/${locale}`,
        (t) => /\nneedsCheck:\s*\n\s+- /.test(t) && t.includes('<Callout'),
      ).find((s) => existsSync(join('dist', prefix, 'panduan', s, 'index.html')));
      expect(slug, 'a guide with needsCheck notes and a Callout').toBeDefined();
      const site = sitePage(`${prefix}/panduan/${slug}`);
      const page = await cms.open(`/collections/${collection}/entries/${slug}`);
      const preview = await previewOf(page);
      expect(canon(preview.querySelector('h1')!)).toBe(canon(site.querySelector('h1')!));
      expect(sameParts(site, preview, ':scope > p.meta')).toBe(1);
      expect(sameParts(site, preview, '[aria-labelledby="perlu-dicek"]')).toBe(1);
      expect(sameParts(site, preview, 'p.pointer')).toBe(1);
      expect(sameParts(site, preview, '.sources')).toBe(1);
      // Callouts: the same element, attributes and heading; the same text inside.
      const callouts = (root: HTMLElement) =>
        root.querySelectorAll('[data-callout]').map((c) => {
          const shell = c.clone() as HTMLElement;
          shell.set_content('');
          return {
            shell: canon(shell),
            title: canon(c.querySelector('.callout-title')!),
            text: canon(new TextNode(c.text, c)).trim(),
          };
        });
      const expected = callouts(site);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected[0]!.shell).toContain('role="note"');
      expect(callouts(preview)).toEqual(expected);
    },
  );

  it('a news item: its date line as the site writes it', async () => {
    const slug = entriesWhere('berita/id', (t) => /\nregion: /.test(t)).find((s) =>
      existsSync(join('dist/berita', s, 'index.html')),
    );
    expect(slug, 'a published news item with a region').toBeDefined();
    const site = sitePage(`berita/${slug}`);
    const page = await cms.open(`/collections/berita/entries/${slug}`);
    const preview = await previewOf(page);
    expect(sameParts(site, preview, ':scope > p.meta')).toBe(1);
    expect(canon(preview.querySelector('.lead')!)).toBe(canon(site.querySelector('.lead')!));
  });

  it('every news item: its text (plain Markdown) as the site renders it', async () => {
    const slugs = entriesWhere('berita/id', () => true).filter((s) =>
      existsSync(join('dist/berita', s, 'index.html')),
    );
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      // On the page the text sits between the lead (or picture) and the source, unclassed.
      const site = sitePage(`berita/${slug}`)
        .childNodes.filter((n): n is HTMLElement => n instanceof HTMLElement)
        .filter((n) => n.tagName !== 'H1' && !n.getAttribute('class'));
      const page = await cms.open(`/collections/berita/entries/${slug}`);
      const preview = (await previewOf(page)).querySelector('[data-body]')!;
      const shown = preview.childNodes.filter((n): n is HTMLElement => n instanceof HTMLElement);
      expect(site.length, slug).toBeGreaterThan(0);
      expect(shown.map(bodyCanon), slug).toEqual(site.map(bodyCanon));
      await page.close();
    }
  });

  it('a course: its session cards as on /jadwal/', async () => {
    // Every card the schedule pages show, by the link of its heading and its start.
    const cards = new Map<string, string>();
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const path = join(dir, f);
        if (statSync(path).isDirectory()) walk(path);
        else if (f === 'index.html') {
          for (const li of parse(readFileSync(path, 'utf8')).querySelectorAll('li.card.session')) {
            const key = `${li.querySelector('h3 a, h2 a')?.getAttribute('href')} ${li.getAttribute('data-start')}`;
            cards.set(key, canon(li));
          }
        }
      }
    };
    walk(join(DIST, 'jadwal'));
    const course = coursesWithSessions().find((slug) =>
      [...cards.keys()].some((k) => k.startsWith(`/pelatihan/${slug}/`)),
    );
    expect(course, 'a course with sessions on /jadwal/').toBeDefined();
    const page = await cms.open(`/collections/pelatihan/entries/${course}`);
    const preview = await previewOf(page);
    const shown = preview.querySelectorAll('li.card.session');
    expect(shown.length).toBeGreaterThan(0);
    let compared = 0;
    for (const li of shown) {
      const key = `${li.querySelector('h3 a')?.getAttribute('href')} ${li.getAttribute('data-start')}`;
      const site = cards.get(key);
      if (site === undefined) continue; // a session the schedule no longer lists
      expect(canon(li)).toBe(site);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('an uploaded picture shows in the form and in the preview', async () => {
    const page = await cms.open(`/collections/berita/entries/${PHOTO_NEWS}`);
    const preview = await previewOf(page);
    expect(preview.querySelector('figure.news-image img')?.getAttribute('alt')).toBe(
      TEST_PHOTO_ALT,
    );
    const loaded = (img: ReturnType<Page['locator']>) =>
      img.evaluate(
        (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth,
      );
    await expect
      .poll(() => loaded(page.frameLocator('#preview-pane').locator('figure.news-image img')))
      .toBe(320);
    // The image field's own thumbnail (outside the preview pane).
    await expect
      .poll(() =>
        page
          .locator('img')
          .evaluateAll((imgs) =>
            imgs.map((i) => (i as HTMLImageElement).naturalWidth).filter((w) => w === 320),
          ),
      )
      .toHaveLength(1);
  });
});
