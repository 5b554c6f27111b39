/** UI keys for a programme's status and audience, so templates never spell these words out. */
import type { UiKey } from '~/platform/i18n/i18n.ts';
import type { PROGRAM_STATUSES } from '~/schemas/program.ts';
import type { AUDIENCES } from '~/schemas/shared.ts';

export const STATUS_KEY: Record<(typeof PROGRAM_STATUSES)[number], UiKey> = {
  aktif: 'programs.statusAktif',
  berkala: 'programs.statusBerkala',
  selesai: 'programs.statusSelesai',
  direncanakan: 'programs.statusDirencanakan',
};

export const AUDIENCE_KEY: Record<(typeof AUDIENCES)[number], UiKey> = {
  cpmi: 'programs.audienceCpmi',
  pmi: 'programs.audiencePmi',
  purna: 'programs.audiencePurna',
  keluarga: 'programs.audienceKeluarga',
};
