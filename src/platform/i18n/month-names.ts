/**
 * Indonesian month names, written out once for the places that spell dates without Intl: the
 * schemas' messages, the CMS's date picker and the spoken guides. Plain data, no imports: Node-run
 * scripts and the browser both load it.
 */
export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
