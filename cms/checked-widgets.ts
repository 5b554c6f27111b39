/**
 * Every field of the CMS checks itself with the collection's zod schema, so the editor reads, on
 * the field, the very message the content check and the build give ("Sesi ke-8 (14 Agustus
 * 2027): Nama tempat wajib diisi"), and the field stays marked until it is fixed.
 *
 * Decap validates each control on save (presence, `pattern`, and the control's own `isValid`).
 * The built-in controls are extended here, not replaced: `isValid` parses the whole entry once
 * (cached per entry) and returns the problem at this control's place; Decap's own presence check
 * is left with nothing to object to, because "required" depends on context that only the schema
 * knows (a venue's name is required only when the session has a venue). After a refusal, each
 * change re-checks the field, so the message follows the typing and goes when the value is right.
 *
 * A control's place in the entry ("sessions.7.venue.name") comes from Decap's ids: each control's
 * id is "<field name>-field-<n>", its ancestors' ids are in `parentIds`, and a list item is known
 * by a key that the list control (registered here too) maps to its position.
 */
import { createElement, forwardRef, type ComponentType } from 'react';
import { entryCollections, SettingsSchema } from '../src/schemas/index.ts';
import { describeIssue } from '../src/schemas/messages.ts';
import { LOCALES } from '../src/model/languages.ts';
import { ZONE_ABBR } from '../src/platform/i18n/dates.ts';
import { isCalendarDay, type TimeZone } from '../src/schemas/shared.ts';
import { normaliseData, ORIGINAL_KEY } from './format.ts';
import type { DecapWidget } from './fields.ts';
import type { z } from 'astro/zod';

interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  set(key: string, value: unknown): ImmutableLike;
  setIn(path: (string | number)[], value: unknown): ImmutableLike;
  has(key: string): boolean;
  toJS(): unknown;
}

interface ControlProps {
  forID?: string;
  parentIds?: (string | undefined)[];
  field: ImmutableLike;
  value?: unknown;
  collection?: ImmutableLike;
  getEntry?: () => ImmutableLike | undefined;
  validate?: () => void;
}

interface ControlInstance {
  props: ControlProps;
  state?: { keys?: string[] };
  isValid?: () => unknown;
  getValidateValue?: () => unknown;
  validate?: () => void;
  componentDidMount?(): void;
  componentDidUpdate?(prev: ControlProps, ...rest: unknown[]): void;
  componentWillUnmount?(): void;
  objectLabel?: (item: ImmutableLike) => string;
}

type ControlClass = new (props: ControlProps) => ControlInstance;

/** Collection name in the CMS ("berita", "berita_en", "settings") → its schema. */
export function schemaFor(collection: string): z.ZodType | undefined {
  if (collection === 'settings') return SettingsSchema;
  const base = LOCALES.reduce(
    (name, code) => name.replace(new RegExp(`_${code}$`), ''),
    collection,
  );
  return entryCollections[base as keyof typeof entryCollections];
}

export interface Problem {
  /** Dotted place in the entry, "sessions.7.venue.name". */
  path: string;
  message: string;
}

/** The entry as the schema will read it: empty fields dropped, "150000" as a number. */
export function entryProblems(
  collection: string,
  data: Record<string, unknown>,
  numberOrWord: ReadonlySet<string>,
): Problem[] {
  const schema = schemaFor(collection);
  if (!schema) return [];
  const { body: _body, [ORIGINAL_KEY]: _file, ...rest } = data;
  const input = normaliseData(rest, numberOrWord);
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: describeIssue(schema, issue, input),
  }));
}

/** Registered list controls by their id, for the position of an item key. */
const lists = new Map<string, ControlInstance>();

const FIELD_ID = /^(.+)-field-\d+$/;

/** "sessions.7.venue.name" for a control, from its id and its ancestors' ids. */
export function placeOf(props: ControlProps): string | undefined {
  const ids = [...(props.parentIds ?? []), props.forID];
  const path: (string | number)[] = [];
  let list: ControlInstance | undefined;
  let singleItem = false;
  for (const id of ids) {
    if (!id) continue;
    const name = FIELD_ID.exec(id)?.[1];
    if (name) {
      // A list of plain values draws each item with the list's own field: no extra name.
      if (!singleItem) path.push(name);
      singleItem = false;
      list = lists.get(id);
      continue;
    }
    const index = list?.state?.keys?.indexOf(id) ?? -1;
    if (index === -1) return undefined;
    path.push(index);
    singleItem = !!list?.props.field.get('field');
    list = undefined;
  }
  return path.join('.');
}

let cache: { data: unknown; problems: Problem[] } | undefined;

function problemsNow(props: ControlProps, numberOrWord: ReadonlySet<string>): Problem[] {
  const entry = props.getEntry?.();
  const data = entry?.get('data') as ImmutableLike | undefined;
  const collection = String(props.collection?.get('name') ?? entry?.get('collection') ?? '');
  if (!data) return [];
  if (cache?.data !== data) {
    cache = {
      data,
      problems: entryProblems(collection, data.toJS() as Record<string, unknown>, numberOrWord),
    };
  }
  return cache.problems;
}

type Kind = 'leaf' | 'object' | 'list';

/**
 * Decap's error type for a refused field. "PRESENCE" rather than "CUSTOM": Decap then also says,
 * at the top, that the entry was not saved (a custom error blocks the save silently).
 */
const REFUSED = 'PRESENCE';

function extend(Base: ControlClass, kind: Kind, numberOrWord: ReadonlySet<string>): ControlClass {
  return class Checked extends Base {
    flagged = false;

    constructor(props: ControlProps) {
      super(props);
      const own = this.isValid;
      this.isValid = () => {
        const place = placeOf(this.props);
        const problems = place === undefined ? [] : problemsNow(this.props, numberOrWord);
        const mine = problems.filter(
          (p) =>
            p.path === place ||
            // A multiple choice shows what is wrong with one of its values.
            (kind === 'leaf' &&
              /^\d+$/.test(p.path.slice(`${place}.`.length)) &&
              p.path.startsWith(`${place}.`)),
        );
        this.flagged = mine.length > 0;
        if (mine.length > 0) {
          const message = mine.map((p) => p.message).join(' · ');
          return { error: { type: REFUSED, parentIds: this.props.parentIds, message } };
        }
        return own ? own.call(this) : true;
      };
      // Decap's presence check would refuse an empty field that the schema accepts here (a
      // required field of an optional group left out); the schema's own check above decides.
      this.getValidateValue = () => 'ok';
      if (kind !== 'leaf') {
        const validateChildren = this.validate;
        this.validate = () => {
          validateChildren?.call(this);
          this.props.validate?.();
        };
      }
      if (kind === 'list') {
        const label = this.objectLabel?.bind(this);
        if (label) {
          this.objectLabel = (item: ImmutableLike) => {
            // A new session, or one whose day is not a real day, has no day to fold into yet.
            const summary = String(this.props.field.get('summary') ?? '');
            if (summary.includes('{{fields.start') && !isRealDay(item?.get?.('start'))) {
              return `${String(this.props.field.get('label_singular') ?? 'Sesi')} (tanggal belum diisi dengan benar)`;
            }
            return label(inWords(item));
          };
        }
      }
    }

    override componentDidMount(): void {
      super.componentDidMount?.();
      if (kind === 'list' && this.props.forID) lists.set(this.props.forID, this);
    }

    override componentWillUnmount(): void {
      if (kind === 'list' && this.props.forID) lists.delete(this.props.forID);
      super.componentWillUnmount?.();
    }

    override componentDidUpdate(prev: ControlProps, ...rest: unknown[]): void {
      super.componentDidUpdate?.(prev, ...rest);
      // Decap clears a field's message on every change; once refused, check again instead.
      if (this.flagged && prev.value !== this.props.value) this.props.validate?.();
    }
  };
}

/**
 * A folded session says "Sab, 14 Agu 2027 · 08.00 WIB · Balai Desa …": its zone as WIB/WITA/WIT
 * (the settings' zone when empty) and "daring" for an online session without a place.
 */
let defaultZone: TimeZone = 'Asia/Jakarta';

function isRealDay(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && isCalendarDay(value);
}

function inWords(item: ImmutableLike): ImmutableLike {
  if (!item || typeof item.get !== 'function' || !item.has('start')) return item;
  const zone = (item.get('timezone') as TimeZone | undefined) || defaultZone;
  let out = item.set('timezone', ZONE_ABBR[zone] ?? zone);
  if (item.get('mode') === 'daring' && !item.getIn(['venue', 'name'])) {
    out = out.setIn(['venue', 'name'], 'daring');
  }
  return out;
}

interface WidgetRegistry {
  getWidget(name: string): { control: ComponentType<never> } | undefined;
}

/**
 * How each of Decap's widgets that the fields use (cms/fields.ts) is checked: a widget added there
 * must say its kind here. The body (markdown) is no field of the schemas, so it keeps Decap's own
 * control.
 */
const KINDS: Record<Exclude<DecapWidget, 'markdown'>, Kind> = {
  string: 'leaf',
  text: 'leaf',
  number: 'leaf',
  boolean: 'leaf',
  select: 'leaf',
  relation: 'leaf',
  image: 'leaf',
  object: 'object',
  list: 'list',
};

/**
 * Extends Decap's registered controls in place (before `CMS.init`), so the config keeps Decap's
 * widget names and the previews and options of each widget stay as they are.
 */
export function checkFields(
  cms: WidgetRegistry,
  numberOrWord: ReadonlySet<string>,
  extra: Record<string, Kind> = {},
  timezone?: TimeZone,
): void {
  if (timezone) defaultZone = timezone;
  for (const [name, kind] of Object.entries({ ...KINDS, ...extra })) {
    const widget = cms.getWidget(name);
    if (!widget) continue;
    const checked = extend(widget.control as unknown as ControlClass, kind, numberOrWord);
    widget.control = (name === 'image'
      ? withMediaFiles(checked)
      : checked) as unknown as ComponentType<never>;
  }
}

/**
 * An entry names an upload by the site's address (/media/foto.jpg), but the site serves only the
 * resized copies, so a thumbnail drawn from that address is a broken image. Asked for by its bare
 * file name, Decap loads the file itself from the media folder (src/assets/media/).
 */
export const mediaFileName = (path: string) => path.replace(/^\/media\//, '');

function withMediaFiles(Control: ControlClass) {
  type GetAsset = (path: string, field: unknown) => unknown;
  return forwardRef<unknown, { getAsset: GetAsset }>(function MediaFileControl(props, ref) {
    const getAsset: GetAsset = (path, field) =>
      props.getAsset(typeof path === 'string' ? mediaFileName(path) : path, field);
    const Inner = Control as unknown as ComponentType<{ getAsset: GetAsset; ref: unknown }>;
    return createElement(Inner, { ...props, getAsset, ref });
  });
}
