import { describe, expect, it } from 'vitest';
import {
  csvField,
  OPEN_DATA_FIELDS,
  openDataRecord,
  toCsv,
} from '~/features/training/open-data.ts';
import { sessionsOf } from '~/features/training/sessions.ts';
import { CourseSchema } from '~/schemas/pelatihan.ts';
import { courseInput } from './catalogue-fixtures.ts';

/** A minimal RFC 4180 reader, to check that quoting survives a round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('open data', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('kata "kutip"')).toBe('"kata ""kutip"""');
    expect(csvField('dua\nbaris')).toBe('"dua\nbaris"');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('round-trips a hostile title through CSV with one column per documented field', () => {
    const title = 'Kue, roti "enak"\ndan minuman';
    const data = CourseSchema.parse(courseInput({ title }));
    const [view] = sessionsOf({ slug: 'uji', data }, 'Asia/Jakarta');
    const record = openDataRecord(
      view!,
      'https://migrasi-aman.netlify.app',
      new Date('2026-11-22T00:00:00Z'),
    );
    const rows = parseCsv(toCsv([record]));
    expect(rows[0]).toEqual([...OPEN_DATA_FIELDS]);
    expect(rows[1]).toHaveLength(OPEN_DATA_FIELDS.length);
    expect(rows[1]![OPEN_DATA_FIELDS.indexOf('course_title')]).toBe(title);
    expect(record.start).toBe('2026-12-05T08:00:00+07:00');
    expect(record.status).toBe('dibuka');
  });
});
