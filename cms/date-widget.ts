/**
 * Dates and times typed and read in Indonesian order, 24-hour, whatever the language of the
 * editor's browser: "14-08-2027 08.00". Decap's datetime widget is the browser's own date input,
 * which an English browser shows as mm/dd/yyyy with AM/PM, and which turns 31 February into an
 * empty value ("wajib diisi") instead of letting the schema call it an impossible date.
 *
 * What is stored does not change: a day as 2027-08-14, a session time as the wall-clock time at
 * the venue (2027-08-14T08:00, its zone in the session's own field), a news date with the offset
 * of the regency's zone (2027-08-14T08:00:00+07:00). Text that is not a date is stored as typed,
 * so the schema's message says what is wrong with it.
 */
import { Component, createElement as h, type ReactNode } from 'react';
import { dayInWords } from '../src/schemas/messages.ts';

type Kind = 'day' | 'local' | 'instant';

const TYPED =
  /^\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?:(?:\s+|\s*,\s*|T)(?:pukul\s+)?(\d{1,2})[.:](\d{2}))?\s*$/i;
const STORED =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const pad = (n: string | number) => String(n).padStart(2, '0');

/** "+07:00" for a zone on a day (Indonesia has no summer time, but the rule holds anywhere). */
export function offsetOf(zone: string, day: string): string {
  const probe = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(probe.getTime())) return '+07:00';
  const name =
    new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(probe)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+07:00';
  const m = /([+-])(\d{2}):?(\d{2})/.exec(name);
  return m ? `${m[1]}${m[2]}:${m[3]}` : '+00:00';
}

/** What the editor typed → what the file stores. */
export function toStored(text: string, kind: Kind, zone = 'Asia/Jakarta'): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const m = TYPED.exec(trimmed);
  if (!m) return trimmed;
  const day = `${m[3]}-${pad(m[2] ?? '')}-${pad(m[1] ?? '')}`;
  if (kind === 'day' || m[4] === undefined) return day;
  const time = `${pad(m[4])}:${m[5]}`;
  if (kind === 'local') return `${day}T${time}`;
  return `${day}T${time}:00${offsetOf(zone, day)}`;
}

/** What the file stores → what the editor reads and edits. */
export function toTyped(value: unknown): string {
  if (value instanceof Date) value = value.toISOString();
  if (typeof value !== 'string') return '';
  const m = STORED.exec(value.trim());
  if (!m) return value;
  const day = `${m[3]}-${m[2]}-${m[1]}`;
  return m[4] === undefined ? day : `${day} ${m[4]}.${m[5]}`;
}

const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** "Sabtu, 14 Agustus 2027 pukul 08.00", to confirm what was typed; empty when not a real day. */
export function inWords(stored: string): string {
  const m = STORED.exec(stored);
  if (!m) return '';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCDate() !== Number(m[3])) return '';
  const time = m[4] === undefined ? '' : ` pukul ${m[4]}.${m[5]}`;
  return `${WEEKDAYS[date.getUTCDay()]}, ${dayInWords(stored)}${time}`;
}

interface Props {
  forID: string;
  value?: unknown;
  field: { get(key: string): unknown };
  onChange(value: string): void;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

export class DateControl extends Component<Props, { text: string }> {
  private emitted: unknown;

  constructor(props: Props) {
    super(props);
    this.state = { text: toTyped(props.value) };
    this.emitted = props.value;
  }

  override componentDidUpdate(prev: Props): void {
    // A value set from outside (a restored draft) replaces the text; our own echo does not.
    if (prev.value !== this.props.value && this.props.value !== this.emitted) {
      this.emitted = this.props.value;
      this.setState({ text: toTyped(this.props.value) });
    }
  }

  private kind(): Kind {
    return (this.props.field.get('date_kind') as Kind | undefined) ?? 'local';
  }

  private handleChange = (text: string) => {
    const zone = String(this.props.field.get('timezone') || 'Asia/Jakarta');
    const stored = toStored(text, this.kind(), zone);
    this.emitted = stored;
    this.setState({ text });
    this.props.onChange(stored);
  };

  override render(): ReactNode {
    const kind = this.kind();
    const example = kind === 'day' ? '14-08-2027' : '14-08-2027 08.00';
    const words = inWords(toStored(this.state.text, kind));
    return h(
      'div',
      null,
      h('input', {
        id: this.props.forID,
        type: 'text',
        inputMode: 'numeric',
        autoComplete: 'off',
        placeholder: example,
        className: this.props.classNameWrapper,
        value: this.state.text,
        onChange: (e: { target: { value: string } }) => this.handleChange(e.target.value),
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle,
      }),
      h('p', { 'data-date-words': '', className: 'cms-date-words' }, words || `Contoh: ${example}`),
    );
  }
}

export function DatePreview({ value }: { value?: unknown }): ReactNode {
  return h('span', null, toTyped(value));
}
