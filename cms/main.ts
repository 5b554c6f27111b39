/**
 * The admin entry: registers the Indonesian locale, the file formats that change only what the
 * editor changed, the schema-checked fields and the date widget, the editor components, the
 * previews and the pre-save check, then starts Decap CMS with the config built from the schemas.
 * Bundled by Vite from src/pages/admin/index.astro; nothing is loaded from another host.
 */
import CMS from './decap.ts';
import dayjs from 'dayjs';
import globalCssUrl from '../src/styles/global.css?url';
import { buildConfig, ENTRY_FORMATS, YAML_FORMAT } from './config.ts';
import { NUMBER_OR_WORD_FIELDS } from './fields.ts';
import { createEntryFormat, createYamlFormat } from './format.ts';
import { checkFields } from './checked-widgets.ts';
import { DateControl, DatePreview } from './date-widget.ts';
import { DATE_WIDGET } from './fields.ts';
import { editorComponents } from './editor-components.ts';
import { id } from './locale-id.ts';
import { createPreview } from './previews.ts';
import { registerMediaThumbnails } from './media-thumbnails.ts';
import { EntryInvalidError, validateEntry } from './validate.ts';
import type { TimeZone } from '../src/schemas/shared.ts';
import { MONTHS_ID } from '../src/platform/i18n/month-names.ts';

export interface AdminData {
  siteUrl?: string;
  /** The regency's time zone (settings), for news dates and sessions without their own zone. */
  timezone?: TimeZone;
  /** From content/settings/site.yaml, so a fork sets its repository without touching code. */
  cmsRepo?: string;
  cmsAuthUrl?: string;
}

interface ImmutableEntry {
  get(key: string): unknown;
}

/**
 * Day and month names for Decap's summaries ("Sab, 14 Agu 2027"): dayjs's own Indonesian locale
 * abbreviates August "Agt"; these follow the site's writing.
 */
const INDONESIAN_DAYS = {
  name: 'id-cms',
  weekdays: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  weekdaysShort: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
  weekdaysMin: ['Mg', 'Sn', 'Sl', 'Rb', 'Km', 'Jm', 'Sb'],
  months: [...MONTHS_ID],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  ordinal: (n: number) => String(n),
};

/**
 * Decap writes field messages in capitals; a sentence in plain words reads better as written.
 * The message list follows the field's label in Decap's markup.
 */
const STYLE = `label[for] + ul { text-transform: none; font-weight: 600; }
.cms-date-words { margin: 4px 0 0; font-size: 13px; color: #555; }`;

// Decap's TypeScript types describe an older, stricter config shape than what 3.16 accepts
// (custom formats, editor_components); the config is checked by Decap itself at start-up.
type Loose = never;

export function startCms({ siteUrl, timezone, cmsRepo, cmsAuthUrl }: AdminData): void {
  const params = new URLSearchParams(window.location.search);
  const local = ['localhost', '127.0.0.1'].includes(window.location.hostname);
  const decapPort = Number(params.get('decap')) || undefined;
  const env = import.meta.env as Record<string, string | undefined>;
  const config = buildConfig({
    local,
    ...(timezone ? { timezone } : {}),
    ...(decapPort ? { decapPort } : {}),
    ...((env['PUBLIC_CMS_REPO'] ?? cmsRepo) ? { repo: env['PUBLIC_CMS_REPO'] ?? cmsRepo } : {}),
    ...((env['PUBLIC_CMS_AUTH_URL'] ?? cmsAuthUrl)
      ? { authBaseUrl: env['PUBLIC_CMS_AUTH_URL'] ?? cmsAuthUrl }
      : {}),
    ...(siteUrl ? { siteUrl } : {}),
  });

  CMS.registerLocale('id', id as Loose);
  for (const [extension, format] of Object.entries(ENTRY_FORMATS) as [
    keyof typeof ENTRY_FORMATS,
    string,
  ][]) {
    CMS.registerCustomFormat(
      format,
      extension,
      createEntryFormat(NUMBER_OR_WORD_FIELDS, extension) as Loose,
    );
  }
  CMS.registerCustomFormat(YAML_FORMAT, 'yml', createYamlFormat(NUMBER_OR_WORD_FIELDS) as Loose);
  CMS.registerWidget(DATE_WIDGET, DateControl as Loose, DatePreview as Loose);
  checkFields(CMS as Loose, NUMBER_OR_WORD_FIELDS, { [DATE_WIDGET]: 'leaf' }, timezone);
  dayjs.locale(INDONESIAN_DAYS as Loose);
  document.head.append(Object.assign(document.createElement('style'), { textContent: STYLE }));
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
