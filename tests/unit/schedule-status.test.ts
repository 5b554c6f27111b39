import { describe, expect, it } from 'vitest';
import { SOON_MS, sessionStatus } from '~/features/training/schedule-status.ts';
import { SESSION_STATUSES } from '~/model/session-statuses.ts';
import { SessionSchema } from '~/schemas/pelatihan.ts';
import { localToInstant } from '~/platform/i18n/time.ts';

const MIN = 60_000;
const at = (local: string, zone = 'Asia/Jakarta') => localToInstant(local, zone).getTime();

/** A two-day session in WIB with registration until the end of 28 November. */
const base = {
  start: at('2026-12-05T08:00'),
  end: at('2026-12-06T15:00'),
  deadline: at('2026-11-28T23:59'),
};

describe('session status', () => {
  it('is open well before the deadline', () => {
    expect(sessionStatus(base, at('2026-11-20T12:00'))).toBe('dibuka');
  });

  it('closes soon inside the threshold, not one minute before it', () => {
    const closes = base.deadline + MIN;
    expect(sessionStatus(base, closes - SOON_MS - MIN)).toBe('dibuka');
    expect(sessionStatus(base, closes - SOON_MS)).toBe('segera-ditutup');
  });

  it('accepts registrations during the whole deadline minute and closes right after', () => {
    expect(sessionStatus(base, base.deadline + 59_999)).toBe('segera-ditutup');
    expect(sessionStatus(base, base.deadline + MIN)).toBe('ditutup');
  });

  it('is running from the start instant until the end of a multi-day session', () => {
    expect(sessionStatus(base, base.start - 1)).toBe('ditutup');
    expect(sessionStatus(base, base.start)).toBe('berlangsung');
    expect(sessionStatus(base, at('2026-12-06T00:30'))).toBe('berlangsung');
    expect(sessionStatus(base, base.end - 1)).toBe('berlangsung');
    expect(sessionStatus(base, base.end)).toBe('selesai');
  });

  it('judges a WITA deadline by WITA midnight, an hour before WIB midnight', () => {
    const wita = { ...base, deadline: at('2026-11-28T23:59', 'Asia/Makassar') };
    // 23:30 WIB on the 28th is already 00:30 WITA on the 29th.
    const now = at('2026-11-28T23:30');
    expect(sessionStatus(wita, now)).toBe('ditutup');
    expect(sessionStatus(base, now)).toBe('segera-ditutup');
  });

  it('lets overrides win: cancelled and postponed always, full only before the start', () => {
    const before = at('2026-11-20T12:00');
    expect(sessionStatus({ ...base, override: 'dibatalkan' }, before)).toBe('dibatalkan');
    expect(sessionStatus({ ...base, override: 'dibatalkan' }, base.end + 1)).toBe('dibatalkan');
    expect(sessionStatus({ ...base, override: 'ditunda' }, before)).toBe('ditunda');
    expect(sessionStatus({ ...base, override: 'penuh' }, before)).toBe('penuh');
    expect(sessionStatus({ ...base, override: 'penuh' }, base.start)).toBe('berlangsung');
    expect(sessionStatus({ ...base, override: 'penuh' }, base.end)).toBe('selesai');
  });

  it('is full when no seat is left', () => {
    expect(sessionStatus({ ...base, seatsLeft: 0 }, at('2026-11-20T12:00'))).toBe('penuh');
    expect(sessionStatus({ ...base, seatsLeft: 1 }, at('2026-11-20T12:00'))).toBe('dibuka');
  });
});

describe('the session statuses table', () => {
  it('gives every status a label in every language', async () => {
    const { LOCALES } = await import('~/model/languages.ts');
    for (const locale of LOCALES) {
      const strings = (await import(`~/i18n/${locale}.json`)) as {
        default: Record<string, string>;
      };
      for (const [status, row] of Object.entries(SESSION_STATUSES)) {
        expect(strings.default[row.label], `${locale}: ${status}`).toBeTruthy();
      }
    }
  });

  it('offers editors exactly the override rows in the schema', () => {
    const overrides = Object.entries(SESSION_STATUSES)
      .filter(([, row]) => row.source === 'override')
      .map(([name]) => name);
    expect(SessionSchema.shape.status.unwrap().options).toEqual(overrides);
  });

  it('lets a cancelled session stay cancelled after its end, but a full one ends', () => {
    const s = { start: 1000, end: 2000, deadline: 500 };
    expect(sessionStatus({ ...s, override: 'dibatalkan' }, 3000)).toBe('dibatalkan');
    expect(sessionStatus({ ...s, override: 'penuh' }, 3000)).toBe('selesai');
    expect(sessionStatus({ ...s, override: 'penuh' }, 100)).toBe('penuh');
    expect(sessionStatus({ ...s, override: 'bukan-status' }, 100)).toBe('segera-ditutup');
  });

  it('has a colour rule in the stylesheet for every tone it uses', async () => {
    const { readFile } = await import('node:fs/promises');
    const css = await readFile('src/styles/global.css', 'utf8');
    for (const tone of new Set(Object.values(SESSION_STATUSES).map((r) => r.tone))) {
      if (tone === 'ok') expect(css).toMatch(/\.status \{/);
      else expect(css).toContain(`.status[data-tone='${tone}']`);
    }
  });
});
