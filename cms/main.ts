/**
 * The admin entry: registers the Indonesian locale, the MDX-safe format, the editor components,
 * the previews and the pre-save check, then starts Decap CMS with the config built from the
 * schemas. Bundled by Vite from src/pages/admin/index.astro; nothing is loaded from another host.
 */
import CMS from 'decap-cms-app';
import { parse } from 'yaml';
import globalCssUrl from '../src/styles/global.css?url';
import { buildConfig, MDX_FORMAT, YAML_FORMAT } from './config.ts';
import { NUMBER_OR_WORD_FIELDS } from './fields.ts';
import { createMdxFormat, inFieldOrder, normaliseData, toYaml } from './format.ts';
import { editorComponents } from './editor-components.ts';
import { id } from './locale-id.ts';
import { createPreview } from './previews.ts';
import { registerMediaThumbnails } from './media-thumbnails.ts';
import type { TimeZone } from '../src/schemas/shared.ts';
import type { SchemaDocs } from './schema-docs.ts';
import { EntryInvalidError, validateEntry } from './validate.ts';

export interface AdminData {
  docs: SchemaDocs;
  siteUrl?: string;
  /** From content/settings/site.yaml, so a fork sets its repository without touching code. */
  cmsRepo?: string;
  cmsAuthUrl?: string;
  /** settings.timezone: previews read days in it, as the site does. */
  timezone?: TimeZone;
}

interface ImmutableEntry {
  get(key: string): unknown;
}

// Decap's TypeScript types describe an older, stricter config shape than what 3.16 accepts
// (custom formats, editor_components); the config is checked by Decap itself at start-up.
type Loose = never;

export function startCms({ docs, siteUrl, cmsRepo, cmsAuthUrl, timezone }: AdminData): void {
  const params = new URLSearchParams(window.location.search);
  const local = ['localhost', '127.0.0.1'].includes(window.location.hostname);
  const decapPort = Number(params.get('decap')) || undefined;
  const env = import.meta.env as Record<string, string | undefined>;
  const config = buildConfig({
    docs,
    local,
    ...(decapPort ? { decapPort } : {}),
    ...((env['PUBLIC_CMS_REPO'] ?? cmsRepo) ? { repo: env['PUBLIC_CMS_REPO'] ?? cmsRepo } : {}),
    ...((env['PUBLIC_CMS_AUTH_URL'] ?? cmsAuthUrl)
      ? { authBaseUrl: env['PUBLIC_CMS_AUTH_URL'] ?? cmsAuthUrl }
      : {}),
    ...(siteUrl ? { siteUrl } : {}),
  });

  CMS.registerLocale('id', id as Loose);
  CMS.registerCustomFormat(MDX_FORMAT, 'mdx', createMdxFormat(NUMBER_OR_WORD_FIELDS) as Loose);
  CMS.registerCustomFormat(YAML_FORMAT, 'yml', {
    fromFile: (content: string) => parse(content) ?? {},
    toFile: (data: Record<string, unknown>, sortedKeys: string[] = []) =>
      toYaml(inFieldOrder(normaliseData(data, NUMBER_OR_WORD_FIELDS), sortedKeys)),
  } as Loose);
  for (const component of editorComponents) CMS.registerEditorComponent(component as Loose);
  CMS.registerPreviewStyle(globalCssUrl);
  registerMediaThumbnails(CMS as Loose, config.public_folder);
  const EntryPreview = createPreview({
    siteUrl: siteUrl ?? window.location.origin,
    timeZone: timezone ?? 'Asia/Jakarta',
    publicFolder: config.public_folder,
  });
  for (const collection of config.collections) {
    if ('folder' in collection) CMS.registerPreviewTemplate(collection.name, EntryPreview as Loose);
  }
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }: { entry: ImmutableEntry }) => {
      const collection = String(entry.get('collection'));
      const data = (entry.get('data') as { toJS(): Record<string, unknown> }).toJS();
      const problems = validateEntry(collection, data, NUMBER_OR_WORD_FIELDS);
      if (problems.length > 0) throw new EntryInvalidError(problems);
    },
  } as Loose);
  CMS.init({ config: config as Loose });
}
