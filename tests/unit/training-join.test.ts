/**
 * Joining a session and keeping example data apart: the registration links a reader taps, the
 * site address QR codes point to, and which pages count as example pages.
 */
import { describe, expect, it } from 'vitest';
import { joinWays, registrationMessage } from '~/features/training/registration.ts';
import { examplesIncluded, isExamplePage, markedTitle } from '~/features/training/examples.ts';
import { sessionsOf } from '~/features/training/sessions.ts';
import { isPlaceholderAddress, siteAddress } from '~/platform/content/site-address.ts';
import { useTranslations } from '~/platform/i18n/i18n.ts';
import { CourseSchema } from '~/schemas/pelatihan.ts';
import { courseInput, sessionInput } from './catalogue-fixtures.ts';

const t = useTranslations('id');

function viewWith(registration: Record<string, unknown>) {
  const data = CourseSchema.parse(courseInput({ sessions: [sessionInput({ registration })] }));
  return sessionsOf({ slug: 'uji', data }, 'Asia/Jakarta')[0]!;
}

describe('registration links', () => {
  it('opens a WhatsApp chat with the number and a message naming course, day and place', () => {
    const v = viewWith({ whatsapp: '0812-3456-7890', inPerson: 'Datang ke balai desa.' });
    const { main, others, inPerson } = joinWays(v, 'id', t);
    expect(main?.kind).toBe('whatsapp');
    const url = new URL(main!.href);
    expect(url.origin + url.pathname).toBe('https://wa.me/6281234567890');
    const text = url.searchParams.get('text')!;
    expect(text).toBe(registrationMessage(v, 'id', t));
    expect(text).toContain('Pelatihan usaha percobaan');
    expect(text).toContain('Sabtu, 5 Desember 2026');
    expect(text).toContain('Balai Desa Contoh');
    expect(text).toMatch(/cara mendaftar/i);
    expect(others).toEqual([]);
    expect(inPerson).toBe('Datang ke balai desa.');
  });

  it('offers a call and an SMS with the same message for a phone number', () => {
    const v = viewWith({ phone: '0342-123456' });
    const { main, others } = joinWays(v, 'id', t);
    expect(main).toMatchObject({ kind: 'call', href: 'tel:+62342123456' });
    const sms = others.find((o) => o.kind === 'sms')!;
    expect(sms.href.startsWith('sms:+62342123456?body=')).toBe(true);
    expect(decodeURIComponent(sms.href.split('body=')[1]!)).toBe(registrationMessage(v, 'id', t));
  });

  it('puts WhatsApp first, then the form, then the phone', () => {
    const v = viewWith({
      url: 'https://example.org/daftar',
      phone: '+62 812 0000 0000',
      whatsapp: '+62 812 1111 2222',
    });
    const { main, others } = joinWays(v, 'id', t);
    expect([main!.kind, ...others.map((o) => o.kind)]).toEqual(['whatsapp', 'form', 'call', 'sms']);
  });

  it('has no main button when registration is in person only', () => {
    const { main, inPerson } = joinWays(viewWith({ inPerson: 'Datang langsung.' }), 'id', t);
    expect(main).toBeUndefined();
    expect(inPerson).toBe('Datang langsung.');
  });
});

describe('site address', () => {
  it('takes SITE_URL from the deploy workflow over the settings', () => {
    const a = siteAddress('https://migrasi-aman.example/', {
      SITE_URL: 'https://migrasi.disnaker.test.go.id',
    });
    expect(a).toMatchObject({ url: 'https://migrasi.disnaker.test.go.id/', from: 'SITE_URL' });
    expect(a.warnings).toEqual([]);
  });

  it('warns while the address is a placeholder, and on an address with a path', () => {
    expect(siteAddress('https://migrasi-aman.example/', {}).warnings[0]).toMatch(/alamat contoh/);
    expect(siteAddress('https://x.github.io/migrasi/', {}).warnings[0]).toMatch(/jalur/);
    expect(siteAddress('https://x.github.io', { SITE_URL: '' }).from).toBe('settings');
  });

  it('knows the reserved example hosts', () => {
    expect(isPlaceholderAddress('https://migrasi-aman.example/')).toBe(true);
    expect(isPlaceholderAddress('https://example.org/')).toBe(true);
    expect(isPlaceholderAddress('https://migrasi.blitarkab.go.id/')).toBe(false);
  });
});

describe('example courses', () => {
  it('are built only with MIGRASI_EXAMPLES=1', () => {
    expect(examplesIncluded({})).toBe(false);
    expect(examplesIncluded({ MIGRASI_EXAMPLES: '0' })).toBe(false);
    expect(examplesIncluded({ MIGRASI_EXAMPLES: '1' })).toBe(true);
  });

  it('mark the pages of an example course, in both languages, and nothing else', () => {
    const slugs = ['contoh-a'];
    expect(isExamplePage('/pelatihan/contoh-a/', slugs)).toBe(true);
    expect(isExamplePage('/en/pelatihan/contoh-a/2027-01-x/', slugs)).toBe(true);
    expect(isExamplePage('/pelatihan/contoh-ab/', slugs)).toBe(false);
    expect(isExamplePage('/pelatihan/', slugs)).toBe(false);
    expect(markedTitle('Usaha', true, '[Contoh]')).toBe('[Contoh] Usaha');
    expect(markedTitle('Usaha', false, '[Contoh]')).toBe('Usaha');
  });
});
