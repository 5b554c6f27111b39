/**
 * The statuses of a training session, declared once. The schema's override choices, the status
 * computation (build and browser), the badge's colour, calendar files (ICS `STATUS`), schema.org
 * `eventStatus`, whether a session can still be joined and which session a course calls "next"
 * all read this table. A new status is one row here plus its label in src/i18n/<code>.json.
 *
 * Tiny and dependency-free: the browser's status script imports it too.
 */
export interface StatusRow {
  /**
   * `computed` from the clock and the deadline; `override` set by an editor. An override with
   * `always` wins over the clock (a cancelled session stays cancelled); one with `before-start`
   * only applies until the session starts (a full session still runs and ends).
   */
  source: 'computed' | 'override';
  when?: 'always' | 'before-start';
  /** Badge colour: ok (green), warn (amber), danger (red). */
  tone: 'ok' | 'warn' | 'danger';
  /** RFC 5545 VEVENT STATUS. */
  ics: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** https://schema.org/EventStatusType member. */
  eventStatus: 'EventScheduled' | 'EventPostponed' | 'EventCancelled';
  /** Registration is open: the join button and schema.org offer availability show. */
  bookable: boolean;
  /** A course card may call a session in this state its "next" one. */
  next: boolean;
  /** UI string key of the label (src/i18n/<code>.json). */
  label: `session.status.${string}`;
}

/** What every status of a session that still takes place has in common. */
const SCHEDULED = { ics: 'CONFIRMED', eventStatus: 'EventScheduled', next: true } as const;

export const SESSION_STATUSES = {
  dibuka: {
    ...SCHEDULED,
    source: 'computed',
    tone: 'ok',
    bookable: true,
    label: 'session.status.dibuka',
  },
  'segera-ditutup': {
    ...SCHEDULED,
    source: 'computed',
    tone: 'warn',
    bookable: true,
    label: 'session.status.segeraDitutup',
  },
  ditutup: {
    ...SCHEDULED,
    source: 'computed',
    tone: 'danger',
    bookable: false,
    label: 'session.status.ditutup',
  },
  berlangsung: {
    ...SCHEDULED,
    source: 'computed',
    tone: 'ok',
    bookable: false,
    label: 'session.status.berlangsung',
  },
  selesai: {
    ...SCHEDULED,
    source: 'computed',
    tone: 'danger',
    bookable: false,
    label: 'session.status.selesai',
  },
  penuh: {
    ...SCHEDULED,
    source: 'override',
    when: 'before-start',
    tone: 'warn',
    bookable: false,
    label: 'session.status.penuh',
  },
  ditunda: {
    source: 'override',
    when: 'always',
    tone: 'warn',
    ics: 'TENTATIVE',
    eventStatus: 'EventPostponed',
    bookable: false,
    next: false,
    label: 'session.status.ditunda',
  },
  dibatalkan: {
    source: 'override',
    when: 'always',
    tone: 'danger',
    ics: 'CANCELLED',
    eventStatus: 'EventCancelled',
    bookable: false,
    next: false,
    label: 'session.status.dibatalkan',
  },
} as const satisfies Record<string, StatusRow>;

export type SessionStatus = keyof typeof SESSION_STATUSES;

const rows = Object.entries(SESSION_STATUSES) as [SessionStatus, StatusRow][];

/** Every status, in the table's order. */
export const STATUSES = rows.map(([name]) => name);

/** The statuses an editor may set on a session (the schema's choices). */
export const STATUS_OVERRIDES = rows
  .filter(([, row]) => row.source === 'override')
  .map(([name]) => name) as [SessionStatus, ...SessionStatus[]];

export function statusRow(status: SessionStatus): StatusRow {
  return SESSION_STATUSES[status];
}

/** The override that applies at this point of a session's life, if the editor set one. */
export function activeOverride(
  override: string | undefined,
  started: boolean,
): SessionStatus | undefined {
  if (override === undefined || !Object.hasOwn(SESSION_STATUSES, override)) return undefined;
  const row: StatusRow = SESSION_STATUSES[override as SessionStatus];
  if (row.source !== 'override') return undefined;
  return row.when === 'always' || !started ? (override as SessionStatus) : undefined;
}
