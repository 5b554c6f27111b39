/**
 * Synthetic content for the benchmark: guides, news and courses (with sessions) in the proportions
 * of a real site, with varied, plausible Indonesian text. Every entry is serialised the way an
 * editor's file looks (YAML frontmatter + a body in its collection's format: MDX with author
 * components, or plain Markdown for news), parsed back and validated with the real zod schemas, so
 * the benchmark fails loudly when a schema changes under it.
 *
 * The text is made up and never published: it only gives the build realistic work to do.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { splitFrontmatter } from '../src/platform/content/content-check.ts';
import { entryCollections, type EntryCollectionName } from '../src/schemas/index.ts';
import { AUDIENCES, DESTINATIONS, STAGES, type Locale } from '../src/schemas/shared.ts';
import { NEWS_KINDS } from '../src/schemas/berita.ts';
import { SESSION_MODES } from '../src/schemas/pelatihan.ts';
import { entryExtension } from '../src/model/collections.ts';

export interface GeneratedEntry {
  collection: Extract<EntryCollectionName, 'panduan' | 'berita' | 'pelatihan'>;
  locale: Locale;
  slug: string;
  /** File path relative to the content directory, e.g. berita/id/bench-berita-00012.md */
  path: string;
  text: string;
}

export interface GenerateOptions {
  /** Number of entry files to generate. */
  entries: number;
  seed?: number;
  /** Programme slugs that exist in the content tree (news and courses may reference them). */
  programs?: string[];
}

/** Share of each collection; the rest of the entries are news. */
export const MIX = { panduan: 0.2, pelatihan: 0.1 } as const;
/** Share of guides and news that also get an English translation (counted in `entries`). */
const EN_SHARE = 0.1;
/** All dates are relative to this fixed day so that a seed always gives the same files. */
const BASE_DAY = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;

/** mulberry32: small, fast and deterministic. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    const n = Math.min(copy.length, int(min, max));
    while (out.length < n) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0] as T);
    return out;
  };
  return { next, int, pick, some };
}
export type Rng = ReturnType<typeof rng>;

const WHO = [
  'Calon pekerja migran',
  'Pekerja migran',
  'Keluarga di rumah',
  'Purna pekerja migran',
  'Petugas desa',
  'Kepala desa',
  'Petugas LTSA',
  'Pendamping dari Disnaker',
  'Warga yang ingin bekerja ke luar negeri',
];
const ACT = [
  'perlu memeriksa',
  'sebaiknya menyimpan salinan',
  'wajib menanyakan',
  'bisa mengurus',
  'harus membaca dengan teliti',
  'dapat meminta penjelasan tentang',
  'jangan menandatangani',
  'perlu mencatat',
  'boleh menolak',
];
const WHAT = [
  'perjanjian kerja',
  'perjanjian penempatan',
  'paspor dan visa kerja',
  'izin perusahaan penempatan',
  'surat keterangan sehat',
  'sertifikat kompetensi',
  'rincian biaya penempatan',
  'nomor pengaduan resmi',
  'jaminan sosial ketenagakerjaan',
  'kontrak dan slip gaji',
  'alamat kantor perwakilan',
  'jadwal pelatihan kerja',
];
const WHERE = [
  'di kantor LTSA',
  'di Dinas Tenaga Kerja',
  'sebelum berangkat',
  'bersama keluarga',
  'di balai desa',
  'selama masa kerja',
  'setelah pulang ke kampung',
  'lewat layanan pengaduan',
  'di kantor imigrasi',
];
const WHY = [
  'agar hak Anda terlindungi.',
  'supaya tidak tertipu calo.',
  'karena dokumen ini sering diminta petugas.',
  'sehingga keluarga tahu harus menghubungi siapa.',
  'agar biaya yang dibayar sesuai aturan.',
  'supaya masalah cepat ditangani.',
  'karena perjanjian lisan sulit dibuktikan.',
  'agar gaji dikirim dengan aman.',
];
const TOPICS = [
  'Dokumen',
  'Biaya',
  'Perjanjian kerja',
  'Pelatihan',
  'Keberangkatan',
  'Pengaduan',
  'Pengiriman uang',
  'Kepulangan',
  'Usaha setelah pulang',
  'Kesehatan',
  'Asuransi',
];
const HEADINGS = [
  'Yang perlu disiapkan',
  'Langkah demi langkah',
  'Hal yang sering terjadi',
  'Tanda bahaya',
  'Ke mana bertanya',
  'Yang harus dibawa',
  'Setelah selesai',
  'Pertanyaan yang sering muncul',
];
const PLACES = [
  'Sanankulon',
  'Srengat',
  'Wlingi',
  'Kanigoro',
  'Talun',
  'Ponggok',
  'Nglegok',
  'Kademangan',
  'Sutojayan',
  'Wonodadi',
];
const EN_SENTENCES = [
  'Check the licence of the placement company before you sign anything.',
  'Keep a copy of your work contract and passport at home.',
  'Ask the labour office if a fee seems too high.',
  'Your family should know the official complaint number.',
  'Training sessions are free for returning workers.',
  'Never travel on a visitor visa to work abroad.',
];

export function sentence(r: Rng): string {
  return `${r.pick(WHO)} ${r.pick(ACT)} ${r.pick(WHAT)} ${r.pick(WHERE)} ${r.pick(WHY)}`;
}

function paragraph(r: Rng, min = 2, max = 5): string {
  return Array.from({ length: r.int(min, max) }, () => sentence(r)).join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listItems(r: Rng, n: number): string[] {
  return Array.from(
    { length: n },
    () => `${capitalise(r.pick(ACT))} ${r.pick(WHAT)} ${r.pick(WHERE)}.`,
  );
}

/**
 * A body: paragraphs, headings, bullet and numbered lists, and, when `components` (MDX), now and
 * then a user component.
 */
export function body(r: Rng, sections: number, locale: Locale, components = true): string {
  if (locale === 'en') {
    return Array.from({ length: sections }, (_, i) =>
      [`## Part ${i + 1}`, r.some(EN_SENTENCES, 2, 5).join(' ')].join('\n\n'),
    ).join('\n\n');
  }
  const parts: string[] = [paragraph(r)];
  for (let i = 0; i < sections; i++) {
    parts.push(`## ${r.pick(HEADINGS)} ${i + 1}`, paragraph(r));
    const roll = r.int(0, 5);
    // Without components (plain Markdown) the component slots become plain lists.
    const kind = components || roll < 2 || roll === 5 ? roll : roll % 2;
    if (kind === 0)
      parts.push(
        listItems(r, r.int(3, 6))
          .map((s) => `- ${s}`)
          .join('\n'),
      );
    if (kind === 1)
      parts.push(
        listItems(r, r.int(3, 6))
          .map((s, n) => `${n + 1}. ${s}`)
          .join('\n'),
      );
    if (kind === 2)
      parts.push(
        `<Callout type="${r.pick(['info', 'peringatan', 'bahaya'] as const)}">\n\n${sentence(r)}\n\n</Callout>`,
      );
    if (kind === 3)
      parts.push(
        `<Steps>\n\n${listItems(r, r.int(3, 5))
          .map((s, n) => `${n + 1}. ${s}`)
          .join('\n')}\n\n</Steps>`,
      );
    if (kind === 4)
      parts.push(
        `<Checklist title="${r.pick(HEADINGS)}">\n\n${listItems(r, r.int(3, 6))
          .map((s) => `- ${s}`)
          .join('\n')}\n\n</Checklist>`,
      );
    if (r.next() < 0.4) parts.push(paragraph(r, 1, 3));
  }
  return parts.join('\n\n');
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const pad = (n: number) => String(n).padStart(5, '0');

function source(r: Rng, i: number) {
  return {
    title: `Sumber contoh ${i + 1}: ${r.pick(WHAT)}`,
    publisher: r.pick(['KemenP2MI', 'BP3MI Jawa Timur', 'Disnaker', 'LTSA']),
    url: `https://example.org/sumber/${r.int(1, 999)}`,
    accessed: isoDay(BASE_DAY - r.int(0, 300) * DAY),
  };
}

function guide(r: Rng, n: number, locale: Locale, related: string[]) {
  const title = `${r.pick(TOPICS)}: ${r.pick(WHAT)} ${n}`;
  return {
    data: {
      title: locale === 'en' ? `Guide ${n}: ${r.pick(TOPICS)}` : title,
      summary: locale === 'en' ? r.pick(EN_SENTENCES) + ' ' + r.pick(EN_SENTENCES) : sentence(r),
      stage: r.pick(STAGES),
      order: r.int(1, 99),
      audience: r.some(AUDIENCES, 1, 3),
      countries: r.some(DESTINATIONS, 0, 2),
      sources: Array.from({ length: r.int(1, 3) }, (_, i) => source(r, i)),
      checked: isoDay(BASE_DAY - r.int(0, 200) * DAY),
      needsCheck: r.next() < 0.15 ? [`Besaran biaya ${r.pick(WHAT)} perlu dicek ulang.`] : [],
      related,
      keywords: r.some(TOPICS, 1, 3).map((k) => k.toLowerCase()),
    },
    body: body(r, r.int(3, 7), locale),
  };
}

function news(r: Rng, n: number, locale: Locale, programs: string[]) {
  const date = BASE_DAY - r.int(1, 3650) * DAY + r.int(7, 16) * 3_600_000;
  const kind = r.next() < 0.15 ? NEWS_KINDS[1] : NEWS_KINDS[0];
  const program = programs.length > 0 && r.next() < 0.3 ? r.pick(programs) : undefined;
  return {
    data: {
      title:
        locale === 'en'
          ? `News ${n}: ${r.pick(TOPICS)} in ${r.pick(PLACES)}`
          : `${r.pick(TOPICS)} di ${r.pick(PLACES)}: kabar ${n}`,
      date: new Date(date).toISOString().replace('.000Z', '+00:00'),
      summary: locale === 'en' ? r.pick(EN_SENTENCES) + ' ' + r.pick(EN_SENTENCES) : sentence(r),
      kind,
      ...(kind === 'pengumuman' ? { until: isoDay(date + r.int(7, 60) * DAY) } : {}),
      region: `Kecamatan ${r.pick(PLACES)}`,
      countries: r.some(DESTINATIONS, 0, 2),
      ...(program ? { program } : {}),
      tags: r.some(TOPICS, 1, 3).map((k) => k.toLowerCase()),
    },
    body: body(r, r.int(1, 3), locale, entryExtension('berita') === 'mdx'),
  };
}

function course(r: Rng, n: number, programs: string[]) {
  const sessions = Array.from({ length: r.int(1, 4) }, (_, i) => {
    const start = BASE_DAY + r.int(-200, 200) * DAY + r.int(7, 13) * 3_600_000;
    const mode = r.pick(SESSION_MODES);
    return {
      id: `sesi-${pad(n)}-${i + 1}`,
      start: local(start),
      end: local(start + r.int(2, 8) * 3_600_000),
      mode,
      ...(mode !== 'daring'
        ? {
            venue: {
              name: `Balai Desa ${r.pick(PLACES)}`,
              kecamatan: r.pick(PLACES),
              kabupaten: 'Kabupaten Blitar',
            },
          }
        : {}),
      ...(mode !== 'tatap-muka' ? { onlineUrl: `https://example.org/kelas/${n}-${i}` } : {}),
      capacity: r.int(10, 60),
      deadline: isoDay(start - r.int(2, 14) * DAY),
      registration: { inPerson: 'Datang ke kantor Disnaker membawa KTP.' },
      ...(r.next() < 0.1 ? { status: r.pick(['penuh', 'ditunda', 'dibatalkan'] as const) } : {}),
    };
  });
  return {
    data: {
      title: `Pelatihan ${r.pick(TOPICS).toLowerCase()} angkatan ${n}`,
      ...(programs.length > 0 && r.next() < 0.5 ? { program: r.pick(programs) } : {}),
      summary: sentence(r),
      topics: r.some(TOPICS, 1, 4).map((k) => k.toLowerCase()),
      audience: r.some(AUDIENCES, 1, 2),
      provider: 'Dinas Tenaga Kerja (data contoh)',
      cost: r.next() < 0.8 ? 'gratis' : r.int(1, 20) * 25_000,
      requirements: listItems(r, r.int(1, 3)),
      outcomes: listItems(r, r.int(1, 3)),
      // Not marked as examples: they stay in the benchmark's temporary tree and measure the pages
      // of real courses (Course data, sitemap, search index). The repository's example courses
      // come in through MIGRASI_EXAMPLES=1 (bench/run.ts).
      sessions,
    },
    body: body(r, r.int(1, 3), 'id', entryExtension('pelatihan') === 'mdx'),
  };
}

/**
 * Serialises one entry with its collection's extension (src/model/collections.ts), parses it back
 * like the content check does, and validates it.
 */
function toFile(
  collection: GeneratedEntry['collection'],
  locale: Locale,
  slug: string,
  entry: { data: Record<string, unknown>; body: string },
): GeneratedEntry {
  const text = `---\n${yaml.dump(entry.data, { lineWidth: -1 })}---\n\n${entry.body}\n`;
  const path = `${collection}/${locale}/${slug}.${entryExtension(collection)}`;
  const result = entryCollections[collection].safeParse(splitFrontmatter(text).data);
  if (!result.success) {
    const issues = result.error.issues
      .map((i) => `${i.path.map(String).join('.')}: ${i.message}`)
      .join('; ');
    throw new Error(`bench generator: ${path} does not match the ${collection} schema: ${issues}`);
  }
  return { collection, locale, slug, path, text };
}

/** Generates the entries in memory (deterministic for a given seed). */
export function generateEntries(options: GenerateOptions): GeneratedEntry[] {
  const r = rng(options.seed ?? 1);
  const programs = options.programs ?? [];
  const total = options.entries;
  const guides = Math.round(total * MIX.panduan);
  const courses = Math.round(total * MIX.pelatihan);
  const newsCount = Math.max(0, total - guides - courses);
  const out: GeneratedEntry[] = [];

  // Translations count towards the total: a share of the guides and news are English versions.
  const split = (n: number) => {
    const en = Math.floor(n * EN_SHARE);
    return { id: n - en, en };
  };
  const g = split(guides);
  const guideSlugs = Array.from({ length: g.id }, (_, i) => `bench-panduan-${pad(i + 1)}`);
  guideSlugs.forEach((slug, i) => {
    const related = i > 0 ? r.some(guideSlugs.slice(Math.max(0, i - 20), i), 0, 2) : [];
    out.push(toFile('panduan', 'id', slug, guide(r, i + 1, 'id', related)));
  });
  for (let i = 0; i < g.en; i++) {
    out.push(toFile('panduan', 'en', guideSlugs[i] as string, guide(r, i + 1, 'en', [])));
  }

  const nw = split(newsCount);
  const newsFile = (locale: Locale, i: number) =>
    toFile('berita', locale, `bench-berita-${pad(i + 1)}`, news(r, i + 1, locale, programs));
  for (let i = 0; i < nw.id; i++) out.push(newsFile('id', i));
  for (let i = 0; i < nw.en; i++) out.push(newsFile('en', i));

  for (let i = 0; i < courses; i++) {
    out.push(
      toFile('pelatihan', 'id', `bench-pelatihan-${pad(i + 1)}`, course(r, i + 1, programs)),
    );
  }
  return out;
}

/** Writes generated entries under `contentDir` (the copy of content/ the benchmark builds). */
export async function writeEntries(contentDir: string, entries: GeneratedEntry[]): Promise<void> {
  const dirs = new Set(entries.map((e) => join(contentDir, e.collection, e.locale)));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  for (const e of entries) await writeFile(join(contentDir, e.path), e.text);
}
