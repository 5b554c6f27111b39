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
