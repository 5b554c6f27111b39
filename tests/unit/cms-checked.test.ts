/**
 * The CMS fields check themselves with the collection's schema: each control finds its place in
 * the entry from Decap's ids and gives the content check's message for that place, and Decap's
 * own presence check is left nothing to object to.
 */
import { fromJS, Map as ImmutableMap } from 'immutable';
import { describe, expect, it } from 'vitest';
import { checkFields, entryProblems, placeOf } from '../../cms/checked-widgets.ts';
import { NUMBER_OR_WORD_FIELDS } from '../../cms/fields.ts';
import { courseWithUnnamedVenue } from './catalogue-fixtures.ts';

/** Stand-ins for Decap's control classes: the extension must keep what they do. */
class Leaf {
  props: Record<string, unknown>;
  isValid = () => ({ error: { type: 'RANGE', message: 'from the base control' } });
  constructor(props: Record<string, unknown>) {
    this.props = props;
  }
}
class List {
  props: Record<string, unknown>;
  state = { keys: ['kunci-a', 'kunci-b'] };
  constructor(props: Record<string, unknown>) {
    this.props = props;
  }
  /** Decap fills the summary template from the item; here, the values it would read. */
  objectLabel(item: ImmutableMap<string, unknown>): string {
    return [item.get('start'), item.get('timezone'), item.getIn(['venue', 'name'])].join(' | ');
  }
}

const widgets: Record<string, { control: unknown }> = {
  string: { control: Leaf },
  list: { control: List },
};
checkFields(
  { getWidget: (name) => widgets[name] as never },
  NUMBER_OR_WORD_FIELDS,
  {},
  'Asia/Jakarta',
);
type Instance = Record<string, (...args: unknown[]) => unknown> & { props: unknown };
const make = (name: string, props: Record<string, unknown>) =>
  new (widgets[name]!.control as new (p: unknown) => Instance)(props);

const course = courseWithUnnamedVenue();

const entry = (data: unknown) => ImmutableMap({ collection: 'pelatihan', data: fromJS(data) });

describe('fields checked by the schema', () => {
  it('folds a session with its zone in words, the place or "daring", and no made-up day', () => {
    const list = make('list', {
      forID: 'sessions-field-30',
      field: fromJS({ summary: '{{fields.start}}', label_singular: 'Sesi' }),
    });
    const label = (item: unknown) => list['objectLabel']!(fromJS(item));
    expect(label({ start: '2027-08-14T08:00', venue: { name: 'Balai Desa' } })).toBe(
      '2027-08-14T08:00 | WIB | Balai Desa',
    );
    expect(label({ start: '2027-08-14T08:00', timezone: 'Asia/Makassar', mode: 'daring' })).toBe(
      '2027-08-14T08:00 | WITA | daring',
    );
    expect(label({ start: '2027-02-31T08:00' })).toBe('Sesi (tanggal belum diisi dengan benar)');
    expect(label({})).toBe('Sesi (tanggal belum diisi dengan benar)');
  });

  it('finds the problems of an entry by place, in the words of the content check', () => {
    expect(entryProblems('pelatihan', course, NUMBER_OR_WORD_FIELDS)).toEqual([
      {
        path: 'sessions.1.venue.name',
        message: 'Sesi ke-2 (14 Agustus 2027): Nama tempat wajib diisi',
      },
    ]);
  });

  it("knows a control's place from Decap's ids, list items by their position", () => {
    expect(placeOf({ forID: 'summary-field-3', field: ImmutableMap() as never })).toBe('summary');
    const list = make('list', { forID: 'sessions-field-7', field: ImmutableMap() });
    list['componentDidMount']!();
    expect(
      placeOf({
        parentIds: ['sessions-field-7', 'kunci-b', undefined, 'venue-field-12'],
        forID: 'name-field-13',
        field: ImmutableMap() as never,
      }),
    ).toBe('sessions.1.venue.name');
    list['componentWillUnmount']!();
    expect(
      placeOf({
        parentIds: ['sessions-field-7', 'kunci-b'],
        forID: 'name-field-13',
        field: ImmutableMap() as never,
      }),
    ).toBeUndefined();
  });

  it('gives the message on the field that has the problem, and the base check elsewhere', () => {
    const list = make('list', { forID: 'sessions-field-8', field: ImmutableMap() });
    list['componentDidMount']!();
    const name = make('string', {
      forID: 'name-field-20',
      parentIds: ['sessions-field-8', 'kunci-b', undefined, 'venue-field-19'],
      field: ImmutableMap(),
      collection: ImmutableMap({ name: 'pelatihan' }),
      getEntry: () => entry(course),
    });
    expect(name['isValid']!()).toEqual({
      error: {
        type: 'PRESENCE',
        parentIds: ['sessions-field-8', 'kunci-b', undefined, 'venue-field-19'],
        message: 'Sesi ke-2 (14 Agustus 2027): Nama tempat wajib diisi',
      },
    });
    // Decap's own presence check must not refuse what the schema allows.
    expect(name['getValidateValue']!()).toBe('ok');
    const title = make('string', {
      forID: 'title-field-1',
      field: ImmutableMap(),
      collection: ImmutableMap({ name: 'pelatihan' }),
      getEntry: () => entry(course),
    });
    expect(title['isValid']!()).toEqual({
      error: { type: 'RANGE', message: 'from the base control' },
    });
    list['componentWillUnmount']!();
  });
});
