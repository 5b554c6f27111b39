/** A valid course in the stored form (what Decap writes), for tests to vary. */
export function courseInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Pelatihan usaha percobaan',
    summary: 'Pelatihan percobaan untuk menguji jadwal, status dan kalender.',
    topics: ['rencana usaha'],
    audience: ['purna'],
    provider: 'Penyelenggara uji',
    sessions: [
      {
        id: 'sesi-a',
        start: '2026-12-05T08:00',
        end: '2026-12-06T15:00',
        mode: 'tatap-muka',
        venue: {
          name: 'Balai Desa Contoh',
          kecamatan: 'Kecamatan Contoh',
          kabupaten: 'Kabupaten Contoh',
        },
        capacity: 30,
        deadline: '2026-11-28',
        registration: { inPerson: 'Datang ke kantor kecamatan.' },
      },
    ],
    ...overrides,
  };
}

export function sessionInput(overrides: Record<string, unknown> = {}) {
  return { ...courseInput().sessions[0], ...overrides };
}

/**
 * A course whose second session (14 August 2027) has a place without a name: the one problem an
 * editor's form shows, as "Sesi ke-2 (14 Agustus 2027): Nama tempat wajib diisi".
 */
export function courseWithUnnamedVenue() {
  const venue = sessionInput().venue;
  return courseInput({
    sessions: [
      sessionInput({ id: 'sesi-a', start: '2027-08-07T08:00', end: '2027-08-07T15:00' }),
      sessionInput({
        id: 'sesi-b',
        start: '2027-08-14T08:00',
        end: '2027-08-14T15:00',
        venue: { ...venue, name: '' },
      }),
    ],
  });
}
