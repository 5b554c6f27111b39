import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { createEvents } from 'ics';
import {
  escapeText,
  refoldByOctets,
  sessionsToIcs,
  sessionUid,
  toEvent,
} from '~/features/training/ics.ts';
import { sessionsOf } from '~/features/training/sessions.ts';
import { CourseSchema } from '~/schemas/pelatihan.ts';
import { courseInput, sessionInput } from './catalogue-fixtures.ts';

const SITE = 'https://migrasi-aman.netlify.app';
const now = new Date('2026-11-22T10:00:00Z');

function build(overrides: Record<string, unknown> = {}) {
  const data = CourseSchema.parse(
    courseInput({
      sessions: [
        sessionInput(),
        sessionInput({
          id: 'sesi-wita',
          start: '2027-02-20T08:00',
          end: '2027-02-20T14:00',
          deadline: '2027-02-13',
          timezone: 'Asia/Makassar',
          status: 'dibatalkan',
          venue: {
            name: 'Kantor Kecamatan Lakudo',
            kecamatan: 'Lakudo',
            kabupaten: 'Kabupaten Buton Tengah',
            lat: -5.3,
            lng: 122.6,
          },
        }),
      ],
      ...overrides,
    }),
  );
  return sessionsOf({ slug: 'uji', data }, 'Asia/Jakarta');
}

const options = { siteUrl: SITE, calName: 'Jadwal uji', now, exampleLabel: '[Contoh]' };

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

const texts = {
  reminderSession: 'Besok pelatihan dimulai.',
  reminderDeadline: 'Pendaftaran ditutup besok.',
  whatsapp: 'WhatsApp',
  phone: 'Telepon/SMS',
};

describe('calendar reminders', () => {
  it('reminds a day before the session and a day before registration closes', () => {
    const [first] = build();
    const text = sessionsToIcs([first!], { ...options, texts });
    const alarms = text.split('BEGIN:VALARM').slice(1);
    expect(alarms).toHaveLength(2);
    expect(alarms[0]).toContain('TRIGGER:-PT24H');
    expect(alarms[0]).toContain('DESCRIPTION:Besok pelatihan dimulai.');
    // Deadline 2026-11-28 23:59 WIB = 16:59 UTC; a day earlier.
    expect(alarms[1]).toContain('TRIGGER;VALUE=DATE-TIME:20261127T165900Z');
    expect(alarms[1]).toContain('DESCRIPTION:Pendaftaran ditutup besok.');
  });

  it('sets no reminder for a cancelled session', () => {
    const cancelled = build().find((v) => v.session.status === 'dibatalkan')!;
    expect(sessionsToIcs([cancelled], { ...options, texts })).not.toContain('VALARM');
  });
});

describe('iCalendar output', () => {
  it('parses back with an independent parser to the same instants', () => {
    const views = build();
    const parsed = events(sessionsToIcs(views, options));
    expect(parsed).toHaveLength(2);
    for (const v of views) {
      const e = parsed.find((x) => x.uid === sessionUid(v, SITE))!;
      expect(e, v.id).toBeDefined();
      expect(new Date(e.start).getTime()).toBe(v.start.getTime());
      expect(new Date(e.end as Date).getTime()).toBe(v.end.getTime());
    }
    const wita = parsed.find((x) => x.uid === 'uji.sesi-wita@migrasi-aman.netlify.app')!;
    // 08:00 WITA is midnight UTC.
    expect(new Date(wita.start).toISOString()).toBe('2027-02-20T00:00:00.000Z');
    expect(wita.status).toBe('CANCELLED');
    expect(wita.geo).toEqual({ lat: -5.3, lon: 122.6 });
  });

  it('escapes each category and the calendar name, so a topic with a comma stays one', () => {
    const text = sessionsToIcs(build({ topics: ['topik satu', 'topik dua, tiga\\ empat'] }), {
      ...options,
      calName: 'Jadwal; uji, satu',
    });
    expect(text).toContain('CATEGORIES:topik satu,topik dua\\, tiga\\\\ empat');
    expect(text).toContain('X-WR-CALNAME:Jadwal\\; uji\\, satu');
    // Split as RFC 5545 says (on commas not escaped); node-ical splits on every comma.
    const line = text.split('\r\n').find((l) => l.startsWith('CATEGORIES:'))!;
    expect(line.slice('CATEGORIES:'.length).split(/(?<!\\),/)).toHaveLength(2);
  });

  it('keeps UIDs stable between builds and stamps DTSTAMP with the build time', () => {
    const first = sessionsToIcs(build(), options);
    const later = sessionsToIcs(build(), { ...options, now: new Date('2026-11-23T10:00:00Z') });
    expect(events(first).map((e) => e.uid)).toEqual(events(later).map((e) => e.uid));
    expect(first).toMatch(/^DTSTAMP:20261122T100000Z\r$/m);
  });

  it('escapes commas, semicolons and line breaks and folds long lines at 75 octets', () => {
    const hostile = 'Usaha; kue, roti\\ dan "minuman"\nbaris baru';
    const text = sessionsToIcs(
      build({ title: hostile, summary: `${hostile} — ${'panjang '.repeat(20)}`, example: true }),
      options,
    );
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const e = events(text)[0]!;
    expect(e.summary).toBe(`[Contoh] ${hostile}`);
    expect(text).toContain('SUMMARY:[Contoh] Usaha\\; kue\\, roti\\\\ dan "minuman"\\nbaris baru');
  });

  it('makes a valid, empty calendar when there is no session', () => {
    const text = sessionsToIcs([], options);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(events(text)).toEqual([]);
  });
});

const UTC = {
  startInputType: 'utc',
  startOutputType: 'utc',
  endInputType: 'utc',
  endOutputType: 'utc',
} as const;

describe('the lines written here', () => {
  const library = (list: ReturnType<typeof build>, o: typeof options) =>
    refoldByOctets(
      createEvents(
        // The library reads the instants as UTC and writes them so, as ics.ts does.
        list.map((v) => ({ ...toEvent(v, o), ...UTC })),
        { productId: 'migrasi-aman/jadwal', method: 'PUBLISH', calName: escapeText(o.calName) },
      ).value!,
    );

  it('are byte for byte what the ics library writes for the same events', () => {
    const views = build({ topics: ['topik satu', 'topik dua, tiga'] });
    for (const o of [options, { ...options, texts, calName: 'Jadwal; lain' }]) {
      expect(sessionsToIcs(views, o)).toBe(library(views, o));
      // The same session again in another file (its own, its course's, the schedule's).
      expect(sessionsToIcs([views[1]!], { ...o, calName: 'Nama lain' })).toBe(
        library([views[1]!], { ...o, calName: 'Nama lain' }),
      );
    }
  });

  it('match the library for hostile text, long lines and any order of sessions', () => {
    // A summary with the words of the event's last line, long enough to be folded, and every
    // character TEXT escapes.
    const summary = `Baris END:VEVENT\r\nEND:VEVENT ${'panjang '.repeat(12)}a\\b; c, d\ne – ✓ 👩🏽‍🌾 END:VEVENT`;
    const sessions = ['2027-03-06', '2027-03-13', '2027-03-20'].map((day, i) =>
      sessionInput({
        id: `sesi-${i + 1}`,
        start: `${day}T08:00`,
        end: `${day}T14:00`,
        deadline: '2027-03-01',
        ...(i === 1 && { status: 'ditunda' }),
        ...(i === 2 && {
          venue: {
            name: 'Balai; Desa, "Sukamaju" \\ 🏠',
            kecamatan: 'Lakudo',
            kabupaten: 'Kabupaten Buton Tengah',
            lat: -5.3,
            lng: 122.6,
          },
        }),
      }),
    );
    const views = build({
      title: `Pelatihan; usaha, "kecil" \\ ${'sangat panjang '.repeat(5)}`,
      summary,
      topics: ['a, b, c', 'baris\nbaru', 'garis \\ miring'],
      sessions,
    });
    const [a, b, c] = views as [(typeof views)[0], (typeof views)[0], (typeof views)[0]];
    const hostile = { ...options, texts, calName: `Kalender, "uji"; \\ ${'x'.repeat(90)}` };
    for (const o of [options, hostile])
      for (const list of [[b], [c, b, a, c], [a, b, c], []])
        expect(sessionsToIcs(list, o)).toBe(library(list, o));
    expect(events(sessionsToIcs([a, b, c], options)).map((e) => e.uid)).toEqual(
      [a, b, c].map((v) => sessionUid(v, SITE)),
    );
  });

  it('escape a reminder as TEXT, which the library left as given', () => {
    const [first] = build();
    const text = sessionsToIcs([first!], {
      ...options,
      texts: { ...texts, reminderSession: 'Besok, pukul 08.00; bawa KTP' },
    });
    expect(text).toContain('DESCRIPTION:Besok\\, pukul 08.00\\; bawa KTP\r\n');
    // An independent parser reads the reminder back as written.
    const [event] = events(text) as unknown as { alarms: { description: string }[] }[];
    expect(event!.alarms[0]!.description).toBe('Besok, pukul 08.00; bawa KTP');
  });
});
