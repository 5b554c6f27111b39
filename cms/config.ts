/**
 * The whole Decap CMS configuration, built from src/schemas/ (via cms/fields.ts): fields, labels
 * and hints all come from the schemas and their `.meta()`. Pure: the admin page and the unit
 * tests both call it.
 */
import { entryCollections, SETTINGS_FILE, SettingsSchema } from '../src/schemas/index.ts';
import { fieldsOf, type CmsField } from './fields.ts';
import { metaOf } from '../src/schemas/messages.ts';
import { editorComponents } from './editor-components.ts';
import { DEFAULT_LOCALE, LANGUAGES, language, type Locale } from '../src/model/languages.ts';
import { COLLECTIONS, entryExtension } from '../src/model/collections.ts';

/** decap-server's port for `npm start` (its default). The admin accepts ?decap=<port> to override. */
export const DECAP_SERVER_PORT = 8081;

/** Custom formats registered in cms/main.ts (see cms/format.ts), by file extension. */
export const ENTRY_FORMATS = { mdx: 'mdx-safe', md: 'md-safe' } as const;
export const YAML_FORMAT = 'yaml-clean';

export interface BuildOptions {
  /** The regency's time zone (settings): news dates typed in the CMS are written with its offset. */
  timezone?: string;
  /** GitHub "owner/name" for production; the README explains the OAuth client it needs. */
  repo?: string;
  /** OAuth client base URL (external OAuth client for the GitHub backend). */
  authBaseUrl?: string;
  siteUrl?: string;
  decapPort?: number;
  /** True when the admin runs on localhost and talks to decap-server (simple publish mode). */
  local?: boolean;
}

const IDENTIFIER = ['title', 'name', 'term'];

/**
 * The body: in MDX with a "+" menu of the author components; in plain Markdown (news, courses)
 * without it, because a component there would fail the build.
 */
function bodyField(extension: 'md' | 'mdx'): CmsField {
  const components = extension === 'mdx';
  return {
    name: 'body',
    label: 'Isi',
    widget: 'markdown',
    required: false,
    hint: components
      ? 'Tulis seperti biasa. Tanda { } < > aman diketik. Tombol "+" menambah kotak catatan, ' +
        'langkah bernomor, daftar periksa atau catatan sumber.'
      : 'Tulis seperti biasa: paragraf, daftar, judul, huruf tebal dan tautan. Tanda < > aman diketik.',
    editor_components: components ? editorComponents.map((c) => c.id) : [],
    sanitize_preview: true,
  };
}

/** The CMS collection of one content collection in one language: "berita", "berita_en". */
export function cmsCollectionName(name: string, locale: Locale): string {
  return locale === DEFAULT_LOCALE ? name : `${name}_${locale}`;
}

export function entryCollectionConfig(
  name: keyof typeof entryCollections,
  locale: Locale,
  timezone?: string,
) {
  const schema = entryCollections[name];
  const extension = entryExtension(name);
  const fields = [...fieldsOf(schema, timezone ? { timezone } : {}), bodyField(extension)];
  const identifier = IDENTIFIER.find((f) => fields.some((x) => x.name === f)) ?? 'title';
  const [plural, singular] = COLLECTIONS[name].cms;
  const translation = locale !== DEFAULT_LOCALE;
  const suffix = translation ? ` (${language(locale).label})` : '';
  const hasDate = fields.some((f) => f.name === 'date');
  return {
    name: cmsCollectionName(name, locale),
    label: `${plural}${suffix}`,
    label_singular: `${singular}${suffix}`,
    folder: `content/${name}/${locale}`,
    create: true,
    extension,
    format: ENTRY_FORMATS[extension],
    slug: '{{slug}}',
    identifier_field: identifier,
    summary: hasDate ? `{{${identifier}}} — {{date | date('D MMM YYYY')}}` : `{{${identifier}}}`,
    sortable_fields: hasDate ? ['date', identifier] : [identifier],
    ...(translation
      ? {
          description: `Terjemahan ${language(locale).label}. Nama berkas harus sama dengan tulisan bahasa Indonesianya.`,
        }
      : {}),
    fields,
  };
}

export function buildConfig(options: BuildOptions) {
  const { local = false, timezone } = options;
  const port = options.decapPort ?? DECAP_SERVER_PORT;
  const names = Object.keys(entryCollections) as (keyof typeof entryCollections)[];
  const collections = [
    ...names.map((name) => entryCollectionConfig(name, DEFAULT_LOCALE, timezone)),
    {
      name: 'settings',
      label: metaOf(SettingsSchema).item ?? 'Pengaturan',
      editor: { preview: false },
      files: [
        {
          name: 'site',
          label: metaOf(SettingsSchema).label ?? 'Pengaturan situs',
          file: SETTINGS_FILE,
          format: YAML_FORMAT,
          fields: fieldsOf(SettingsSchema, timezone ? { timezone } : {}),
        },
      ],
    },
    ...LANGUAGES.filter((l) => l.code !== DEFAULT_LOCALE).flatMap((l) =>
      names.map((name) => entryCollectionConfig(name, l.code, timezone)),
    ),
  ];
  return {
    load_config_file: false,
    locale: 'id',
    backend: {
      name: 'github',
      // Set cmsRepo in content/settings/site.yaml; the placeholder only keeps Decap's config valid.
      repo: options.repo ?? 'pemilik/migrasi-aman',
      branch: 'main',
      ...(options.authBaseUrl ? { base_url: options.authBaseUrl } : {}),
      commit_messages: {
        create: 'Tambah {{collection}} "{{slug}}"',
        update: 'Ubah {{collection}} "{{slug}}"',
        delete: 'Hapus {{collection}} "{{slug}}"',
        uploadMedia: 'Unggah "{{path}}"',
        deleteMedia: 'Hapus "{{path}}"',
      },
    },
    // decap-server's fs mode only knows the simple mode; production goes draft → review → ready.
    ...(local ? {} : { publish_mode: 'editorial_workflow' }),
    local_backend: {
      url: `http://localhost:${port}/api/v1`,
      allowed_hosts: ['localhost', '127.0.0.1'],
    },
    // Uploads live under src/ so the build can resize and compress them (astro:assets, see
    // src/platform/content/media.ts); the value written in the entry stays /media/<file>.
    media_folder: 'src/assets/media',
    public_folder: '/media',
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections,
  };
}

export type CmsConfig = ReturnType<typeof buildConfig>;
