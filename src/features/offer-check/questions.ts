/**
 * The job-offer check ("Cek tawaran kerja"): its questions, what each answer means, and the public
 * source behind every warning, declared once. Pages, the in-page script and the tests all read
 * this file; the words a reader sees live in src/i18n/<locale>.json under `offerCheck.*`
 * (keys derived from the ids below by `offerKeys`).
 *
 * Every answer that is a warning sign names at least one source; a unit test refuses one that
 * does not. Levels: `bahaya` (a sign the sources call a mark of fraud or illegal recruitment),
 * `hati-hati` (a sign to check before going on), `aman` (no warning in this answer).
 */
import type { Source } from '~/schemas/shared.ts';

export const LEVELS = ['aman', 'hati-hati', 'bahaya'] as const;
export type Level = (typeof LEVELS)[number];

/** The public sources of the warning signs, by a short id used in QUESTIONS. */
export const OFFER_SOURCES = {
  kemnakerBanjarnegara: {
    title: 'Waspada penipuan lowongan kerja ke luar negeri melalui media sosial',
    publisher: 'Disnaker Kabupaten Banjarnegara (ciri-ciri dari Kemnaker)',
    url: 'https://disnaker.banjarnegarakab.go.id/2022/08/waspada-penipuan-lowongan-kerja-ke-luar-negeri-melalui-media-sosial',
    accessed: new Date('2026-11-30'),
  },
  kemnakerKompas: {
    title: 'Waspada, ini ciri-ciri penipuan lowongan kerja ke luar negeri',
    publisher: 'Kompas.com (mengutip Kemnaker)',
    url: 'https://money.kompas.com/read/2022/08/28/171000326/waspada-ini-ciri-ciri-penipuan-lowongan-kerja-ke-luar-negeri',
    accessed: new Date('2026-11-30'),
  },
  faktaKalbar: {
    title: 'Jangan sampai terjebak, kenali 5 ciri lowongan kerja luar negeri palsu yang berbahaya',
    publisher: 'Fakta Kalbar',
    url: 'https://faktakalbar.id/2025/12/06/jangan-sampai-terjebak-kenali-5-ciri-lowongan-kerja-luar-negeri-palsu-yang-berbahaya/2',
    accessed: new Date('2026-11-22'),
  },
  ikhbar: {
    title: 'Hati-hati, ini 5 ciri rekrutmen kerja luar negeri ilegal',
    publisher: 'Ikhbar',
    url: 'https://ikhbar.com/akhbar/tips/hati-hati-ini-5-ciri-rekrutmen-kerja-luar-negeri-ilegal',
    accessed: new Date('2026-11-22'),
  },
  wamenaker: {
    title: 'Marak agen TKI ilegal, ini penjelasan Wamenaker',
    publisher: 'IDX Channel',
    url: 'https://www.idxchannel.com/news/marak-agen-tki-ilegal-ini-penjelasan-wamenaker/2',
    accessed: new Date('2026-11-22'),
  },
  bp3miBanten: {
    title: 'BP3MI imbau masyarakat tak mudah tergiur ajakan kerja di luar negeri',
    publisher: 'IDN Times Banten',
    url: 'https://banten.idntimes.com/news/banten/bp3mi-imbau-masyarakat-tak-mudah-tergiur-ajakan-kerja-di-luar-negeri-00-5f5kb-c16fwx/amp',
    accessed: new Date('2026-11-22'),
  },
  cekP3mi: {
    title: 'Penipuan CPMI ke Timur Tengah, Disnakertrans Cianjur hanya sebatas koordinasi',
    publisher: 'Jabar News',
    url: 'https://www.jabarnews.com/daerah/penipuan-cpmi-ke-timur-tengah-disnakertrans-cianjur-hanya-sebatas-koordinasi/3',
    accessed: new Date('2026-11-22'),
  },
  tanyaLtsa: {
    title: 'Hendak ke Arab, 12 calon pekerja migran ilegal asal NTB digagalkan Satgas PMI',
    publisher: 'NTT Pedia',
    url: 'https://nttpedia.id/2022/01/17/hendak-ke-arab-12-calon-pekerja-migran-ilegal-asal-ntb-digagalkan-satgas-pmi/2',
    accessed: new Date('2026-11-22'),
  },
  perban9: {
    title: 'BP2MI terbitkan aturan pembebasan biaya penempatan pekerja migran',
    publisher: 'Kompas.com',
    url: 'https://nasional.kompas.com/read/2020/08/17/23193871/bp2mi-terbitkan-aturan-pembebasan-biaya-penempatan-pekerja-migran',
    accessed: new Date('2026-11-22'),
  },
} as const satisfies Record<string, Source>;
export type SourceId = keyof typeof OFFER_SOURCES;

export interface Answer {
  /** Part of the page address of the next question (kebab-case, stable: links depend on it). */
  id: string;
  level: Level;
  /** Why this answer is a warning sign: required unless the level is `aman`. */
  sources?: readonly SourceId[];
}

export interface Question {
  /** Stable id; also names its strings (`offerCheck.q.<id>`). */
  id: string;
  /** A help line under the question (`offerCheck.q.<id>.help`) with a link to a guide. */
  guide?: string;
  answers: readonly Answer[];
}

/** The questions, in the order they are asked. */
export const QUESTIONS: readonly Question[] = [
  {
    id: 'siapa',
    answers: [
      { id: 'resmi', level: 'aman' },
      {
        id: 'perorangan',
        level: 'hati-hati',
        sources: ['kemnakerBanjarnegara', 'kemnakerKompas', 'bp3miBanten'],
      },
      { id: 'tidak-tahu', level: 'hati-hati', sources: ['kemnakerBanjarnegara'] },
    ],
  },
  {
    id: 'izin',
    guide: 'cek-izin-p3mi',
    answers: [
      { id: 'ada', level: 'aman' },
      { id: 'tidak-ada', level: 'bahaya', sources: ['kemnakerBanjarnegara', 'cekP3mi'] },
      { id: 'belum-dicek', level: 'hati-hati', sources: ['cekP3mi', 'tanyaLtsa'] },
    ],
  },
  {
    id: 'kantor',
    answers: [
      { id: 'ada', level: 'aman' },
      { id: 'tidak', level: 'hati-hati', sources: ['faktaKalbar'] },
    ],
  },
  {
    id: 'biaya',
    guide: 'biaya-penempatan',
    answers: [
      { id: 'tidak', level: 'aman' },
      { id: 'ya', level: 'bahaya', sources: ['kemnakerBanjarnegara', 'kemnakerKompas', 'perban9'] },
      {
        id: 'rekening-pribadi',
        level: 'bahaya',
        sources: ['kemnakerBanjarnegara', 'faktaKalbar'],
      },
    ],
  },
  {
    id: 'visa',
    answers: [
      { id: 'kerja', level: 'aman' },
      {
        id: 'kunjungan',
        level: 'bahaya',
        sources: ['kemnakerBanjarnegara', 'kemnakerKompas', 'wamenaker'],
      },
      { id: 'tidak-tahu', level: 'hati-hati', sources: ['wamenaker'] },
    ],
  },
  {
    id: 'kontrak',
    guide: 'perjanjian-kerja',
    answers: [
      { id: 'ya', level: 'aman' },
      { id: 'bahasa-asing', level: 'hati-hati', sources: ['faktaKalbar'] },
      {
        id: 'tidak',
        level: 'bahaya',
        sources: ['kemnakerBanjarnegara', 'kemnakerKompas', 'ikhbar'],
      },
    ],
  },
  {
    id: 'cepat',
    answers: [
      { id: 'tidak', level: 'aman' },
      { id: 'ya', level: 'hati-hati', sources: ['ikhbar'] },
    ],
  },
  {
    id: 'janji',
    answers: [
      { id: 'tidak', level: 'aman' },
      { id: 'ya', level: 'hati-hati', sources: ['kemnakerBanjarnegara', 'kemnakerKompas'] },
    ],
  },
  {
    id: 'gratis',
    answers: [
      { id: 'tidak', level: 'aman' },
      { id: 'ya', level: 'hati-hati', sources: ['kemnakerBanjarnegara', 'ikhbar', 'perban9'] },
    ],
  },
  {
    id: 'data',
    answers: [
      { id: 'tidak', level: 'aman' },
      { id: 'ya', level: 'hati-hati', sources: ['kemnakerBanjarnegara', 'kemnakerKompas'] },
    ],
  },
  {
    id: 'hindari',
    answers: [
      { id: 'tidak', level: 'aman' },
      { id: 'ya', level: 'bahaya', sources: ['ikhbar', 'kemnakerBanjarnegara'] },
    ],
  },
];

/**
 * Where the verdict sends the reader next. Guides are linked in the reader's language when
 * translated; `hotline` names the service point whose contacts are printed with the verdict.
 */
export const NEXT_STEPS = {
  checkCompany: 'cek-izin-p3mi',
  complain: 'tempat-mengadu',
  signs: 'tanda-perekrutan-ilegal',
  hotline: 'kemenp2mi-pengaduan',
} as const;
