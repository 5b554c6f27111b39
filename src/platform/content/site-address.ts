/**
 * The site's public address. Every canonical link, sitemap entry, QR code and calendar UID is
 * built from it, so it must be an address the office controls: a printed QR code that leads to a
 * host someone else can register sends readers to whoever holds it.
 *
 * Where it comes from, first match wins:
 * 1. the environment variable SITE_URL — the deploy workflow passes the address it publishes to
 *    (the GitHub Pages URL);
 * 2. `siteUrl` in content/settings/site.yaml — the office's own domain.
 * The repository ships a placeholder under the reserved `.example` top-level domain (RFC 2606),
 * which nobody can register; the build warns while the address is still that placeholder.
 */

import { SETTINGS_FILE } from '../../schemas/index.ts';

/** Hosts that mean "not set yet": the reserved example domains (RFC 2606 / RFC 6761). */
export function isPlaceholderAddress(url: string): boolean {
  const host = new URL(url).hostname;
  return /(^|\.)(example|invalid|test|localhost)$/.test(host) || /(^|\.)example\.(com|net|org)$/.test(host);
}

export interface SiteAddress {
  /** The address the build uses, always ending in "/". */
  url: string;
  /** Where it came from. */
  from: 'SITE_URL' | 'settings';
  /** Warnings for the build log, in plain Indonesian. */
  warnings: string[];
}

/** Picks the site address from the environment or the settings and says what is wrong with it. */
export function siteAddress(
  settingsUrl: string,
  env: Record<string, string | undefined> = process.env,
): SiteAddress {
  const fromEnv = env['SITE_URL']?.trim();
  const raw = fromEnv || settingsUrl;
  const url = new URL(raw);
  const warnings: string[] = [];
  if (isPlaceholderAddress(url.href))
    warnings.push(
      `Alamat situs masih alamat contoh (${url.origin}). Isi siteUrl di ${SETTINGS_FILE} ` +
        'dengan alamat milik kantor, atau atur SITE_URL saat build. Kode QR, tautan kanonik dan ' +
        'kalender memakai alamat ini.',
    );
  if (url.pathname !== '/')
    warnings.push(
      `Alamat situs ${url.href} punya jalur (${url.pathname}), tetapi situs harus tayang di akar ` +
        'alamat. Pakai domain sendiri untuk GitHub Pages (lihat README, bagian Deployment).',
    );
  return { url: `${url.origin}${url.pathname.replace(/\/?$/, '/')}`, from: fromEnv ? 'SITE_URL' : 'settings', warnings };
}
