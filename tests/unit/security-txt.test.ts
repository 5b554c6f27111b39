/** security.txt (RFC 9116) from the settings, built fresh on every build. */
import { describe, expect, it } from 'vitest';
import {
  EXPIRES_AFTER_DAYS,
  securityContact,
  securityTxt,
} from '~/platform/security/security-txt.ts';

const base = {
  siteUrl: 'https://migrasi-aman.example',
  contacts: [{ name: 'Disnaker', url: 'https://disnaker.example.go.id/' }],
};

describe('security.txt', () => {
  it('prefers the security contact from the settings', () => {
    expect(securityContact({ ...base, securityContact: 'keamanan@example.go.id' })).toBe(
      'mailto:keamanan@example.go.id',
    );
  });

  it('falls back to the office e-mail, then to its web address', () => {
    expect(securityContact(base)).toBe('https://disnaker.example.go.id/');
    expect(
      securityContact({
        contacts: [...base.contacts, { name: 'Kantor', email: 'kantor@example.go.id' }],
      }),
    ).toBe('mailto:kantor@example.go.id');
  });

  it('refuses settings without any contact, naming the file and field', () => {
    expect(() => securityContact({ contacts: [] })).toThrow(/site\.yaml: securityContact/);
  });

  it('has the RFC 9116 fields, and expires less than a year after the build', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const text = securityTxt(base, now);
    expect(text).toMatch(/^Contact: https:\/\/disnaker\.example\.go\.id\/$/m);
    expect(text).toMatch(/^Preferred-Languages: id, en$/m);
    expect(text).toMatch(
      /^Canonical: https:\/\/migrasi-aman\.example\/\.well-known\/security\.txt$/m,
    );
    const expires = new Date(/^Expires: (\S+)$/m.exec(text)![1]!);
    const days = (expires.getTime() - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(EXPIRES_AFTER_DAYS - 1);
    expect(days).toBeLessThan(365);
    expect(/^Expires: \d{4}-\d\d-\d\dT00:00:00Z$/m.test(text)).toBe(true);
  });
});
