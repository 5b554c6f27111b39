import { describe, expect, it } from 'vitest';
import { SOON_MS, sessionStatus } from '~/features/training/schedule-status.ts';
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
