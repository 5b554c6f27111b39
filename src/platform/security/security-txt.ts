/**
 * security.txt (RFC 9116): tells someone who finds a weakness in the site whom to tell. Generated at
 * build time so that "Expires" moves forward with every (daily) build.
 */
import type { Settings } from '~/schemas/settings.ts';
import { SETTINGS_FILE } from '~/schemas/index.ts';
import { formatProblem } from '~/platform/content/problems.ts';

/** RFC 9116 §2.5.5 recommends an Expires less than a year ahead. */
export const EXPIRES_AFTER_DAYS = 180;

export function securityContact(settings: Pick<Settings, 'securityContact' | 'contacts'>): string {
  if (settings.securityContact) return `mailto:${settings.securityContact}`;
  const office = settings.contacts.find((c) => c.email) ?? settings.contacts.find((c) => c.url);
  if (office?.email) return `mailto:${office.email}`;
  if (office?.url) return office.url;
  throw new Error(
    formatProblem({
      file: SETTINGS_FILE,
      field: 'securityContact',
      message:
        'isi alamat surel untuk laporan keamanan (atau beri kontak kantor sebuah alamat web).',
    }),
  );
}

export function securityTxt(
  settings: Pick<Settings, 'securityContact' | 'contacts' | 'siteUrl'>,
  now: Date,
): string {
  const expires = new Date(now.getTime() + EXPIRES_AFTER_DAYS * 24 * 60 * 60 * 1000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    `Contact: ${securityContact(settings)}`,
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    'Preferred-Languages: id, en',
    `Canonical: ${new URL('/.well-known/security.txt', settings.siteUrl).href}`,
    '',
  ].join('\n');
}
