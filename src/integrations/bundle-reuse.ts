/**
 * The bundle the pages are rendered from, reused from the last build when nothing it is made of
 * changed.
 *
 * News and courses are Markdown, rendered in the content layer and read from its data store file
 * when the pages render (data-store-file.ts), so a publish of one news item changes no module of
 * the bundle; Astro still bundled ~1,300 modules again each time (3–4 s of a 1,000-entry publish,
 * more than a quarter of its CPU time). After a bundle this integration keeps in the cacheDir what
 * the step leaves for the rest of the build: the files Rolldown wrote for each environment (the
 * code the pages are rendered from, the client scripts and styles) and Astro's build internals
 * (each page's styles and scripts, the dependency hashes of the incremental build). A build with
 * the same key writes the files back and restores the internals instead of bundling. Astro's
 * image plugin keeps state for the pages in a global; a reuse sets it up as a bundle would (the
 * plugin's buildStart, and the images the bundle's code uses as they are).
 *
 * The key: every real file in the last bundle's module graph, by content (the site's code, the
 * packages bundled, the MDX entries, the lists of content modules and assets Astro generates from
 * the content layer, so an MDX entry added or removed counts); the code that makes the bundle
 * without being in it (src/, cms/, patches/, the config, tsconfig.json, package.json,
 * package-lock.json, .env files, a PostCSS config); Node's version, the routes, the config's
 * addresses and folders, and the environment variables the config and the bundle read
 * (MIGRASI_*, SITE_URL, PUBLIC_*, VITE_*, ASTRO_*, NODE_ENV).
 *
 * The graph's files are hashed as the bundle loads them: one saved while Rolldown runs leaves no
 * bundle kept. `astro build --force` bundles again.
 *
 * Astro keeps its internals out of reach; patches/astro+7.3.5.patch (applied by `npm install`)
 * hands them to the `astro:build:setup` hook. Without it (another Astro version), when the data
 * store was bundled after all, with Astro's fonts, or when a value cannot be kept, the build
 * bundles as Astro does and says why. The record is written last: a build stopped halfway leaves
 * no record to trust.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { codeVersion } from '../platform/output/code-version.ts';
import { listTree } from '../platform/output/tree.ts';
import { DATA_STORE_MODULE, readsStoreFile } from './data-store-file.ts';

/** Where patches/astro+7.3.5.patch puts Astro's build internals (on the Vite config's `builder`). */
export const INTERNALS = Symbol.for('astro.build.internals');

/** Bumped when what is kept changes shape. */
const FORMAT = 2;
const RECORD = 'record.json';
const STATE = 'internals.bin';
/**
 * The code and settings that make the bundle without being in its module graph, besides src/:
 * the config, the lock file, and files Vite reads when they exist (variables baked into the
 * code from .env files, a PostCSS config).
 */
const CODE_FILES = [
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
  'postcss.config.js',
  'postcss.config.cjs',
  'postcss.config.mjs',
  'postcss.config.ts',
  '.postcssrc',
  '.postcssrc.json',
];
const CODE_FOLDERS = ['cms', 'patches'];
/** Environment variables that can change what is bundled. */
const ENV = /^(?:MIGRASI_|PUBLIC_|VITE_|ASTRO_|SITE_URL$|NODE_ENV$)/;

/** A page's build data, as far as this integration touches it. */
interface PageData {
  key: string;
  component: string;
  route: { route: string; prerender?: boolean };
  styles: unknown[];
}
type Internals = Record<string, unknown> & { pagesByKeys: Map<string, PageData> };

/** Fields filled before the bundle, from the routes, which a reuse keeps as they are. */
const BEFORE_BUNDLE = new Set(['pagesByKeys', 'pagesByViteID']);
const PAGE = '\u0000page';

/** What a bundle left: its internals without the live page objects, which are named by key. */
export function encodeInternals(internals: Internals): Buffer {
  const pages = new Map<object, string>();
  for (const [key, page] of internals.pagesByKeys) pages.set(page, key);
  const encode = (value: unknown, at: string): unknown => {
    if (typeof value === 'function' || typeof value === 'symbol') {
      throw new Error(`${at} is a ${typeof value}`);
    }
    if (value === null || typeof value !== 'object') return value;
    const page = pages.get(value);
    if (page !== undefined) return { [PAGE]: page };
    if (value instanceof Map) {
      return new Map([...value].map(([k, v], i) => [encode(k, at), encode(v, `${at}[${i}]`)]));
    }
    if (value instanceof Set) return new Set([...value].map((v, i) => encode(v, `${at}[${i}]`)));
    if (Array.isArray(value)) return value.map((v, i) => encode(v, `${at}[${i}]`));
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new Error(`${at} is a ${(value as object).constructor?.name ?? 'class instance'}`);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v, `${at}.${k}`)]));
  };
  const fields = Object.fromEntries(
    Object.entries(internals)
      .filter(([name]) => !BEFORE_BUNDLE.has(name))
      .map(([name, value]) => [name, encode(value, name)]),
  );
  const styles = [...internals.pagesByKeys].map(([key, page]) => [
    key,
    encode(page.styles, `${key}.styles`),
  ]);
  return serialize({ fields, styles });
}

/** What encodeInternals kept, with this build's page objects in place of their keys. */
export interface DecodedInternals {
  fields: [string, unknown][];
  pageStyles: (readonly [PageData, unknown[]])[];
}

/** Decodes what encodeInternals kept; throws, changing nothing, if a page is not in this build. */
export function decodeInternals(
  pagesByKeys: Map<string, PageData>,
  kept: Buffer,
): DecodedInternals {
  const { fields, styles } = deserialize(kept) as {
    fields: Record<string, unknown>;
    styles: [string, unknown][];
  };
  const page = (key: string) => {
    const found = pagesByKeys.get(key);
    if (!found) throw new Error(`page ${key} is not in this build`);
    return found;
  };
  const decode = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof Map) return new Map([...value].map(([k, v]) => [decode(k), decode(v)]));
    if (value instanceof Set) return new Set([...value].map(decode));
    if (Array.isArray(value)) return value.map(decode);
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === PAGE) return page(entries[0]![1] as string);
    return Object.fromEntries(entries.map(([k, v]) => [k, decode(v)]));
  };
  const pageStyles = styles.map(([key, s]) => [page(key), decode(s) as unknown[]] as const);
  if (pageStyles.length !== pagesByKeys.size) {
    throw new Error(
      `this build has ${pagesByKeys.size} pages, the kept bundle ${pageStyles.length}`,
    );
  }
  return {
    fields: Object.entries(fields).map(([name, value]) => [name, decode(value)]),
    pageStyles,
  };
}

/** Puts decoded internals into this build's. */
export function restoreInternals(internals: Internals, decoded: DecodedInternals): void {
  for (const [name, value] of decoded.fields) internals[name] = value;
  for (const [p, s] of decoded.pageStyles) p.styles.splice(0, p.styles.length, ...s);
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The files one environment's bundle wrote, relative to its output folder. */
interface Output {
  environment: string;
  dir: string;
  files: string[];
  /** Vite copies public/ into this environment's output with its bundle. */
  publicDir: string | null;
}

interface KeptRecord {
  format: number;
  /** The code, versions, routes, config and variables (not the module graph's files). */
  key: string;
  /** Every real file of the module graph, relative to the root when inside it, with its hash. */
  graph: [string, string][];
  outputs: Output[];
  /** Images the bundle's code uses as they are (Astro keeps them beside their optimised copies). */
  images: string[];
}

/** A kept bundle read and checked against this build. */
interface Kept {
  decoded: DecodedInternals;
  contents: { target: string; data: Buffer }[];
  buildStart: () => Promise<void>;
}

/** Astro's global for images during a build (astro/dist/assets/vite-plugin-assets.js). */
interface AstroAsset {
  referencedImages?: Set<string>;
  [name: string]: unknown;
}
const astroAsset = () => (globalThis as { astroAsset?: AstroAsset }).astroAsset;
/** What Astro's image plugin keeps there during a build: the functions its buildStart sets, the images. */
const ASSET_GLOBALS = new Set([
  'referencedImages',
  'addStaticImage',
  'recordReferencedImage',
  'imageService',
  'staticImages',
]);

/** The buildStart hook of Astro's image plugin in the prerender environment, ready to call. */
function assetsBuildStart(builder: Builder): (() => Promise<void>) | null {
  const plugin = builder.environments['prerender']?.config.plugins.find(
    (p) => p.name === 'astro:assets',
  );
  const hook = plugin?.buildStart;
  const handler = typeof hook === 'function' ? hook : hook?.handler;
  if (typeof handler !== 'function') return null;
  return async () => {
    await handler.call({});
  };
}

interface Options {
  root: string;
  cacheDir: string;
  params: string[];
}

/** The key of everything but the module graph's files. */
export async function bundleKey({ root, params }: Options): Promise<string> {
  const folders = await Promise.all(CODE_FOLDERS.map((f) => listTree(join(root, f))));
  const extra = await Promise.all(
    folders
      .flatMap((t) => t.files)
      .map(async (file) => `${relative(root, file)}\0${sha256(await readFile(file))}`),
  );
  const env = Object.entries(process.env)
    .filter(([name]) => ENV.test(name))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`);
  return codeVersion(root, CODE_FILES, [
    `format ${FORMAT}`,
    `node ${process.version}`,
    ...extra,
    ...env,
    ...params,
  ]);
}

const graphPath = (root: string, file: string) => {
  const rel = relative(root, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
};

/** The first of the recorded files that is gone or differs now, or null when none does. */
export async function changedGraphFile(
  root: string,
  graph: readonly [string, string][],
): Promise<string | null> {
  const found = await Promise.all(
    graph.map(async ([file, hash]) => {
      const now = await readFile(isAbsolute(file) ? file : join(root, file)).catch(() => null);
      return now && sha256(now) === hash ? null : file;
    }),
  );
  return found.find((f) => f !== null) ?? null;
}

/** A real file's path from a module id (without its query), or null for a virtual module. */
function realFile(id: string): string | null {
  if (id.startsWith('\0') || !isAbsolute(id)) return null;
  const path = id.replace(/[?#].*$/, '');
  return existsSync(path) ? path : null;
}

interface Builder {
  environments: { [name: string]: BuildEnvironment | undefined };
  build: (environment: BuildEnvironment) => Promise<unknown>;
}
interface BuildEnvironment {
  name: string;
  isBuilt: boolean;
  config: {
    build: { outDir: string; copyPublicDir: boolean };
    publicDir: string | false;
    plugins: readonly {
      name: string;
      api?: { buildPostHook?: unknown };
      buildStart?: ((this: unknown) => unknown) | { handler: (this: unknown) => unknown };
    }[];
  };
}
type BuildApp = (builder: Builder) => Promise<void>;

/** The files a bundle wrote, from what Vite's `build` returned. */
function outputFiles(result: unknown): string[] {
  const outputs = (Array.isArray(result) ? result : [result]) as {
    output?: { fileName: string }[];
  }[];
  return outputs.flatMap((o) => (o.output ?? []).map((item) => item.fileName)).sort();
}

export default function bundleReuse(params: readonly string[] = []): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let configParams: string[] = [];
  /** Real files of the module graph of every environment this build bundled. */
  const graph = new Set<string>();
  /** Their hashes when the bundle loaded them (for the files Vite or Rolldown loads itself). */
  const loaded = new Map<string, Promise<string>>();
  let storeBundled = false;
  /** Astro's fonts set up files and settings while bundling that a reuse would not. */
  let fonts = false;
  return {
    name: 'migrasi-aman:bundle-reuse',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'migrasi-aman:bundle-reuse',
                apply: 'build',
                enforce: 'pre',
                async load(id) {
                  const file = realFile(id);
                  if (file && !loaded.has(file)) {
                    loaded.set(
                      file,
                      readFile(file).then(sha256, () => ''),
                    );
                  }
                  // Read before the module's loader reads it, so the hash is of the text bundled.
                  if (file) await loaded.get(file);
                  return null;
                },
                generateBundle() {
                  for (const id of this.getModuleIds()) {
                    const file = realFile(id);
                    if (file) graph.add(file);
                  }
                  const store = this.getModuleInfo(DATA_STORE_MODULE);
                  if (store && !readsStoreFile(store.code ?? '')) storeBundled = true;
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        fonts = ((config as { fonts?: unknown[] }).fonts?.length ?? 0) > 0;
        cacheDir = join(fileURLToPath(config.cacheDir), 'bundle');
        configParams = [
          `site ${config.site ?? ''}`,
          `base ${config.base}`,
          `trailingSlash ${config.trailingSlash}`,
          `format ${config.build.format}`,
          `assets ${config.build.assets}`,
          `outDir ${fileURLToPath(config.outDir)}`,
          `cacheDir ${fileURLToPath(config.cacheDir)}`,
          `publicDir ${fileURLToPath(config.publicDir)}`,
          `root ${root}`,
        ];
      },
      'astro:build:setup': ({ vite, pages, logger }) => {
        const builderOptions = vite.builder as
          ({ buildApp?: BuildApp } & { [INTERNALS]?: Internals }) | undefined;
        const internals = builderOptions?.[INTERNALS];
        const original = builderOptions?.buildApp;
        if (!builderOptions || !original) return;
        if (!internals) {
          logger.warn(
            'bundle: made as Astro makes it; this Astro is not patched to hand over its build internals (patches/, run npm install)',
          );
          return;
        }
        const routes = [...pages.values()]
          .map((p) => `${p.key} ${p.component} ${p.route.route} ${p.route.prerender}`)
          .sort();
        const options = {
          root,
          cacheDir,
          params: [...configParams, ...routes, ...params],
        };
        builderOptions.buildApp = (builder) =>
          buildOrReuse(builder, original, internals as Internals, options, logger);
      },
    },
  };

  async function buildOrReuse(
    builder: Builder,
    original: BuildApp,
    internals: Internals,
    options: Options,
    logger: AstroIntegrationLogger,
  ): Promise<void> {
    const started = performance.now();
    // One process may build more than once (the tests): what a bundle notes starts empty.
    graph.clear();
    loaded.clear();
    storeBundled = false;
    const key = await bundleKey(options);
    const recordFile = join(options.cacheDir, RECORD);
    const record = await readFile(recordFile, 'utf8')
      .then((text) => JSON.parse(text) as KeptRecord)
      .catch(() => null);
    let why = 'no bundle kept';
    if (process.argv.includes('--force')) why = '`astro build --force`';
    else if (record?.format === FORMAT && record.key === key && Array.isArray(record.graph)) {
      const changed = await changedGraphFile(options.root, record.graph);
      why = changed ? `${changed} changed` : '';
      if (!changed) {
        const kept = await readKept(builder, internals, options, record).catch((error: unknown) => {
          why = `the kept bundle could not be used (${error instanceof Error ? error.message : String(error)})`;
          return null;
        });
        if (kept) {
          // From here on the internals are this build's: a failure fails the build.
          const restored = await restore(builder, internals, options, record, kept);
          logger.info(
            `bundle: reused from the last build, nothing it is made of changed (${restored} files, the data store read from its file; ${Math.round(performance.now() - started)} ms)`,
          );
          return;
        }
      }
    } else if (record) why = 'the code, the routes or the settings changed';
    // Rolldown bundles; each environment's output is noted on the way.
    const outputs: Output[] = [];
    const build = builder.build;
    builder.build = async (environment) => {
      const result = await build.call(builder, environment);
      const { outDir, copyPublicDir } = environment.config.build;
      const { publicDir } = environment.config;
      outputs.push({
        environment: environment.name,
        dir: relative(options.root, outDir),
        // What is on disk when the step ends (Vite's manifest, say, is written and removed).
        files: outputFiles(result).filter((file) => existsSync(join(outDir, file))),
        publicDir: copyPublicDir && publicDir ? relative(options.root, publicDir) : null,
      });
      return result;
    };
    try {
      await original(builder);
    } finally {
      builder.build = build;
    }
    const notKept = keepable(builder);
    if (notKept) {
      await rm(options.cacheDir, { recursive: true, force: true });
      logger.info(`bundle: made (${why}); not kept for the next build: ${notKept}`);
      return;
    }
    try {
      await keep(internals, options, key, outputs);
      logger.info(`bundle: made (${why}); kept for the next build`);
    } catch (error) {
      await rm(options.cacheDir, { recursive: true, force: true });
      logger.warn(`bundle: not kept for the next build: ${String(error)}`);
    }
  }

  /** Why this build's bundle cannot be reused, or null. */
  function keepable(builder: Builder): string | null {
    if (storeBundled) return 'the data store is bundled, not read from its file';
    if (fonts) return "Astro's fonts are set up while bundling";
    // Astro's image handling keeps state for the pages in a global; what the bundle put there is
    // known (see restore), anything else is not.
    const unknown = Object.keys(astroAsset() ?? {}).filter((name) => !ASSET_GLOBALS.has(name));
    if (unknown.length > 0) return `astroAsset.${unknown.join(', ')} would be lost`;
    if (!assetsBuildStart(builder)) return "Astro's image plugin (astro:assets) was not found";
    for (const environment of Object.values(builder.environments)) {
      // Hooks Astro runs over the bundle's chunks after the step (none in this site).
      if (environment?.config.plugins.some((p) => typeof p.api?.buildPostHook === 'function')) {
        return `a plugin of ${environment.name} works on the chunks after the bundle`;
      }
    }
    return null;
  }

  async function keep(
    internals: Internals,
    options: Options,
    key: string,
    outputs: Output[],
  ): Promise<void> {
    const state = encodeInternals(internals);
    const files = [...graph].sort();
    const hashed = await Promise.all(
      files.map(async (f) => {
        // A file saved while Rolldown ran must not be kept with the output of its old text.
        const now = sha256(await readFile(f));
        const bundled = await loaded.get(f);
        if (bundled !== undefined && bundled !== now) {
          throw new Error(`${f} changed during the bundle`);
        }
        return [graphPath(options.root, f), bundled ?? now] as [string, string];
      }),
    );
    const images = [...(astroAsset()?.referencedImages ?? [])].sort();
    await rm(options.cacheDir, { recursive: true, force: true });
    for (const output of outputs) {
      for (const file of output.files) {
        const target = join(options.cacheDir, output.environment, file);
        await mkdir(dirname(target), { recursive: true });
        await cp(join(options.root, output.dir, file), target);
      }
    }
    await writeFile(join(options.cacheDir, STATE), state);
    const record: KeptRecord = { format: FORMAT, key, graph: [...hashed], outputs, images };
    await writeFile(join(options.cacheDir, RECORD), JSON.stringify(record));
  }

  /** Reads everything kept, checking it fits this build, before anything is changed. */
  async function readKept(
    builder: Builder,
    internals: Internals,
    options: Options,
    record: KeptRecord,
  ): Promise<Kept> {
    const state = await readFile(join(options.cacheDir, STATE));
    const contents = await Promise.all(
      record.outputs.flatMap((output) =>
        output.files.map(async (file) => ({
          target: join(options.root, output.dir, file),
          data: await readFile(join(options.cacheDir, output.environment, file)),
        })),
      ),
    );
    for (const output of record.outputs) {
      if (!builder.environments[output.environment]) {
        throw new Error(`no ${output.environment} environment`);
      }
    }
    if (!Array.isArray(record.images) || !Array.isArray(record.outputs)) {
      throw new Error('the record is incomplete');
    }
    const buildStart = assetsBuildStart(builder);
    if (!buildStart) throw new Error("Astro's image plugin (astro:assets) was not found");
    return { decoded: decodeInternals(internals.pagesByKeys, state), contents, buildStart };
  }

  /** Writes the kept files back and restores the internals; the number of files written. */
  async function restore(
    builder: Builder,
    internals: Internals,
    options: Options,
    record: KeptRecord,
    { decoded, contents, buildStart }: Kept,
  ): Promise<number> {
    restoreInternals(internals, decoded);
    // What the bundle does for the pages' images: Astro's plugin sets up the functions the pages
    // call when the bundle starts, and notes the images the code uses as they are.
    await buildStart();
    const referenced = (astroAsset()!.referencedImages ??= new Set<string>());
    for (const image of record.images) referenced.add(image);
    for (const { target, data } of contents) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, data);
    }
    for (const output of record.outputs) {
      if (output.publicDir && existsSync(join(options.root, output.publicDir))) {
        await cp(join(options.root, output.publicDir), join(options.root, output.dir), {
          recursive: true,
        });
      }
      builder.environments[output.environment]!.isBuilt = true;
    }
    return contents.length;
  }
}
