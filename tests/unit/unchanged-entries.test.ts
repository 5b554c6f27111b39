/**
 * src/platform/content/unchanged-entries.ts lets Astro's glob loader skip parsing the frontmatter of
 * files whose text the content layer already holds. Run here with Astro's own glob loader, data
 * store and Markdown entry type (rendered by the site's Markdown processor): an entry is parsed
 * only when its file is new or changed, and the store always ends as a load from scratch of the
 * same files would leave it.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type LoaderContext } from 'astro/loaders';
import { satteri } from '@astrojs/markdown-satteri';
import { afterEach, describe, expect, it } from 'vitest';
// Astro's own pieces, which the package does not export: what its content layer hands a loader.
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import { markdownContentEntryType } from '../../node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js';
import { reuseUnchangedEntries } from '../../src/platform/content/unchanged-entries.ts';

type EntryInfoParams = { contents: string; fileUrl: URL };
type Watcher = EventEmitter & { add(path: string): void };

let work = '';
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A project folder with content/berita/<locale>/<slug>.md files. */
function project(files: Record<string, string>): string {
  work = mkdtempSync(join(tmpdir(), 'unchanged-entries-'));
  for (const [name, text] of Object.entries(files)) write(name, text);
  return work;
}
function write(name: string, text: string): void {
  const file = join(work, 'content/berita', name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}
const news = (title: string, body = 'Isi berita.') => `---\ntitle: ${title}\n---\n\n${body}\n`;

/** A loader context as Astro's content layer builds it, around one store; counts the parses. */
function harness(
  root: string,
  { watcher, data = new MutableDataStore() }: { watcher?: Watcher; data?: MutableDataStore } = {},
) {
  const parsed: string[] = [];
  const entryType = {
    ...markdownContentEntryType,
    getEntryInfo(params: EntryInfoParams) {
      parsed.push(params.fileUrl.pathname.split('/content/berita/')[1]!);
      return markdownContentEntryType.getEntryInfo(params);
    },
  };
  const context = {
    collection: 'berita',
    store: data.scopedStore('berita'),
    meta: data.metaStore('berita'),
    logger: { info() {}, warn() {}, error() {}, debug() {} },
    config: {
      root: pathToFileURL(`${root}/`),
      srcDir: pathToFileURL(`${root}/src/`),
      markdown: { processor: satteri() },
      image: {},
    },
    parseData: async ({ data: parsedData }: { data: Record<string, unknown> }) => parsedData,
    renderMarkdown: async () => ({ html: '' }),
    generateDigest: (value: unknown) =>
      createHash('sha256')
        .update(typeof value === 'string' ? value : JSON.stringify(value))
        .digest('hex'),
    watcher,
    entryTypes: new Map([['.md', entryType]]),
  } as unknown as LoaderContext;
  const loader = glob({ pattern: '*/*.md', base: join(root, 'content/berita') });
  return {
    parsed,
    load: async () => {
      parsed.length = 0;
      await loader.load(reuseUnchangedEntries(context));
      return [...parsed].sort();
    },
    entries: () => Object.fromEntries([...context.store.entries()].sort()),
    data,
  };
}

/** What a load from scratch of the files as they are now leaves in the store. */
async function fromScratch(root: string) {
  const fresh = harness(root);
  await fresh.load();
  return fresh.entries();
}

describe('entries the content layer already holds', () => {
  it('are not parsed again, and the store stays as a load from scratch leaves it', async () => {
    const root = project({
      'id/satu.md': news('Satu', '# Halo\n\nTeks *satu*.'),
      'id/dua.md': news('Dua'),
      'en/one.md': news('One'),
    });
    const site = harness(root);
    expect(await site.load()).toEqual(['en/one.md', 'id/dua.md', 'id/satu.md']);
    const first = site.entries();
    expect(first['id/satu']?.rendered?.html).toContain('<em>satu</em>');

    expect(await site.load()).toEqual([]);
    expect(site.entries()).toEqual(first);

    write('id/dua.md', news('Dua, diperbaiki', 'Isi baru.'));
    write('id/tiga.md', news('Tiga'));
    unlinkSync(join(root, 'content/berita/en/one.md'));
    expect(await site.load()).toEqual(['id/dua.md', 'id/tiga.md']);
    const now = site.entries();
    expect(now['id/dua']?.data).toEqual({ title: 'Dua, diperbaiki' });
    expect(Object.keys(now).sort()).toEqual(['id/dua', 'id/satu', 'id/tiga']);
    expect(now).toEqual(await fromScratch(root));
  });

  it('keep an id given by the frontmatter', async () => {
    const root = project({ 'id/lama.md': '---\ntitle: Lama\nslug: arsip/lama\n---\n\nTeks.\n' });
    const site = harness(root);
    await site.load();
    expect(Object.keys(site.entries())).toEqual(['arsip/lama']);
    expect(await site.load()).toEqual([]);
    expect(site.entries()).toEqual(await fromScratch(root));
  });

  it('are parsed again in astro dev when a file is edited and changed back', async () => {
    const root = project({ 'id/satu.md': news('Satu') });
    // The store as the last build left it, which `astro dev` starts from.
    const built = harness(root);
    await built.load();
    const watcher: Watcher = Object.assign(new EventEmitter(), { add() {} });
    const site = harness(root, { watcher, data: built.data });
    expect(await site.load()).toEqual([]);
    const original = site.entries();
    const file = join(root, 'content/berita/id/satu.md');
    const changed = async () => {
      site.parsed.length = 0;
      await Promise.all(watcher.listeners('change').map((listener) => listener(file)));
      return [...site.parsed];
    };

    write('id/satu.md', news('Satu, diedit'));
    expect(await changed()).toEqual(['id/satu.md']);
    expect(site.entries()['id/satu']?.data).toEqual({ title: 'Satu, diedit' });
    // The text the load started with, while the store holds the edited one: parsed again.
    write('id/satu.md', news('Satu'));
    expect(await changed()).toEqual(['id/satu.md']);
    expect(site.entries()).toEqual(original);
  });

  it('are all parsed when Astro hands the loader no entry types', () => {
    const context = { store: new MutableDataStore().scopedStore('berita') } as LoaderContext;
    expect(reuseUnchangedEntries(context)).toBe(context);
  });
});
