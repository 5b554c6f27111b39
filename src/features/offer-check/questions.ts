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

// The builders below only return data: marked so, a bundle that needs LEVELS alone (the browser's
// script) leaves the questions out.

/** An answer that is no warning sign. */
/* @__NO_SIDE_EFFECTS__ */
function safe(id: string): Answer {
  return { id, level: 'aman' };
}

/** A sign to check before going on; a non-empty list of sources is part of its type. */
/* @__NO_SIDE_EFFECTS__ */
function caution(id: string, sources: readonly [SourceId, ...SourceId[]]): Answer {
  return { id, level: 'hati-hati', sources };
}

/** A sign the sources call a mark of fraud or illegal recruitment. */
/* @__NO_SIDE_EFFECTS__ */
function danger(id: string, sources: readonly [SourceId, ...SourceId[]]): Answer {
  return { id, level: 'bahaya', sources };
}

/** The questions, in the order they are asked. */
export const QUESTIONS: readonly Question[] = [
  {
    id: 'siapa',
    answers: [
      safe('resmi'),
      caution('perorangan', ['kemnakerBanjarnegara', 'kemnakerKompas', 'bp3miBanten']),
      caution('tidak-tahu', ['kemnakerBanjarnegara']),
    ],
  },
  {
    id: 'izin',
    guide: 'cek-izin-p3mi',
    answers: [
      safe('ada'),
      danger('tidak-ada', ['kemnakerBanjarnegara', 'cekP3mi']),
      caution('belum-dicek', ['cekP3mi', 'tanyaLtsa']),
    ],
  },
  { id: 'kantor', answers: [safe('ada'), caution('tidak', ['faktaKalbar'])] },
  {
    id: 'biaya',
    guide: 'biaya-penempatan',
    answers: [
      safe('tidak'),
      danger('ya', ['kemnakerBanjarnegara', 'kemnakerKompas', 'perban9']),
      danger('rekening-pribadi', ['kemnakerBanjarnegara', 'faktaKalbar']),
    ],
  },
  {
    id: 'visa',
    answers: [
      safe('kerja'),
      danger('kunjungan', ['kemnakerBanjarnegara', 'kemnakerKompas', 'wamenaker']),
      caution('tidak-tahu', ['wamenaker']),
    ],
  },
  {
    id: 'kontrak',
    guide: 'perjanjian-kerja',
    answers: [
      safe('ya'),
      caution('bahasa-asing', ['faktaKalbar']),
      danger('tidak', ['kemnakerBanjarnegara', 'kemnakerKompas', 'ikhbar']),
    ],
  },
  { id: 'cepat', answers: [safe('tidak'), caution('ya', ['ikhbar'])] },
  {
    id: 'janji',
    answers: [safe('tidak'), caution('ya', ['kemnakerBanjarnegara', 'kemnakerKompas'])],
  },
  {
    id: 'gratis',
    answers: [safe('tidak'), caution('ya', ['kemnakerBanjarnegara', 'ikhbar', 'perban9'])],
  },
  {
    id: 'data',
    answers: [safe('tidak'), caution('ya', ['kemnakerBanjarnegara', 'kemnakerKompas'])],
  },
  { id: 'hindari', answers: [safe('tidak'), danger('ya', ['ikhbar', 'kemnakerBanjarnegara'])] },
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
