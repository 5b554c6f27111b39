/**
 * The status of a training session at an instant. Pure and tiny: the build uses it to write the
 * status into the HTML and the browser script imports the same module to correct it when the page
 * is read days later, so both always agree. Which override wins when comes from the statuses
 * table (src/model/session-statuses.ts): the build passes the table's `activeOverride`
 * (`sessionStatus` in sessions.ts), the browser the same facts as the page wrote them, so the
 * table itself never ships to phones.
 */
import type { SessionStatus } from '../../model/session-statuses.ts';

export type { SessionStatus } from '../../model/session-statuses.ts';

/** The editor's override that applies, given whether the session has started (see the table). */
export type OverrideAt = (
  override: string | undefined,
  started: boolean,
) => SessionStatus | undefined;

/** Registration "closes soon" in the last three days before the deadline. */
export const SOON_MS = 3 * 24 * 60 * 60 * 1000;

export interface StatusInput {
  /** Instants in milliseconds since the epoch. */
  start: number;
  end: number;
  /** The last minute in which registration is accepted (it closes when that minute is over). */
  deadline: number;
  /** Editor's override: one of STATUS_OVERRIDES in src/model/session-statuses.ts. */
  override?: string | undefined;
  /** Seats left, when known. */
  seatsLeft?: number | undefined;
}

/** What is true at `now` for a session, most decisive rule first. */
export function statusFrom(s: StatusInput, now: number, overrideAt: OverrideAt): SessionStatus {
  const fixed = overrideAt(s.override, true);
  if (fixed) return fixed;
  if (now >= s.end) return 'selesai';
  if (now >= s.start) return 'berlangsung';
  const beforeStart = overrideAt(s.override, false);
  if (beforeStart) return beforeStart;
  if (s.seatsLeft === 0) return 'penuh';
  const closes = s.deadline + 60_000;
  if (now >= closes) return 'ditutup';
  if (closes - now <= SOON_MS) return 'segera-ditutup';
  return 'dibuka';
}
