import { mkdtemp, mkdir, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '~/platform/content/content-check.ts';
import { CourseSchema } from '~/schemas/pelatihan.ts';
import { courseInput, sessionInput } from './catalogue-fixtures.ts';

async function siteWith(course: object): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'migrasi-aman-pelatihan-'));
  await mkdir(join(root, 'content/settings'), { recursive: true });
  await mkdir(join(root, 'content/pelatihan/id'), { recursive: true });
  await cp('content/settings/site.yaml', join(root, 'content/settings/site.yaml'));
  await writeFile(
    join(root, 'content/pelatihan/id/x.md'),
    `---\n${yaml.dump(course)}---\n\nIsi.\n`,
  );
  return root;
}

/** Problems reported for a course whose third session (index 2) is `broken`. */
async function problemsFor(broken: Record<string, unknown>): Promise<string[]> {
  const course = courseInput({
    sessions: [
      sessionInput({ id: 'satu' }),
      sessionInput({ id: 'dua' }),
      { ...sessionInput({ id: 'tiga' }), ...broken },
    ],
  });
  const { problems } = await checkContent(await siteWith(course));
  return problems.map(formatProblem);
}

describe('course sessions: bad input names file, session and field', () => {
  it.each([
    ['end before start', { end: '2026-12-05T07:00' }, 'sessions.2.end'],
    ['deadline after start', { deadline: '2026-12-06' }, 'sessions.2.deadline'],
    ['unknown time zone', { timezone: 'Asia/Tokyo' }, 'sessions.2.timezone'],
    ['negative capacity', { capacity: -5 }, 'sessions.2.capacity'],
    ['seats left above capacity', { seatsLeft: 31 }, 'sessions.2.seatsLeft'],
    ['no venue and no online link', { venue: undefined }, 'sessions.2.venue'],
    [
      'an online session without link',
      { mode: 'daring', venue: undefined },
      'sessions.2.onlineUrl',
    ],
    ['a time with an offset', { start: '2026-12-05T08:00+07:00' }, 'sessions.2.start'],
    ['an impossible day', { start: '2026-02-30T08:00' }, 'sessions.2.start'],
    ['no way to register', { registration: {} }, 'sessions.2.registration'],
    ['a duplicate session code', { id: 'dua' }, 'sessions.2.id'],
    [
      'a WhatsApp "number" that is not a phone',
      { registration: { whatsapp: 'hubungi kami' } },
      'sessions.2.registration.whatsapp',
    ],
    [
      'a WhatsApp number too short to be a phone',
      { registration: { whatsapp: '0812' } },
      'sessions.2.registration.whatsapp',
    ],
  ])('refuses %s', async (_name, broken, field) => {
    const problems = await problemsFor(broken);
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.some((p) => p.startsWith(`content/pelatihan/id/x.md: ${field}: `)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('accepts the course when nothing is broken', async () => {
    expect(await problemsFor({})).toEqual([]);
  });

  it('explains a bad WhatsApp number in plain words', async () => {
    const problems = await problemsFor({ registration: { whatsapp: 'hubungi kami' } });
    expect(
      problems.some(
        (p) =>
          p.startsWith('content/pelatihan/id/x.md: sessions.2.registration.whatsapp: ') &&
          p.includes('Nomor WhatsApp harus nomor HP, misalnya 0812-3456-7890'),
      ),
      problems.join('\n'),
    ).toBe(true);
  });
});

describe('example courses stay out of content/', () => {
  it('refuses a course marked as an example under content/, naming file and field', async () => {
    const { problems } = await checkContent(await siteWith(courseInput({ example: true })));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/pelatihan\/id\/x\.md: example: Data contoh tidak boleh disimpan di content\//,
      ),
    ]);
  });

  it('checks examples/: each file is marked, claims no programme and takes no real address', async () => {
    const root = await siteWith(courseInput());
    await mkdir(join(root, 'examples/pelatihan/id'), { recursive: true });
    const write = (name: string, course: object) =>
      writeFile(
        join(root, 'examples/pelatihan/id', name),
        `---\n${yaml.dump(course)}---\n\nIsi.\n`,
      );
    await write('contoh-baik.md', courseInput({ example: true }));
    await write('contoh-tanpa-tanda.md', courseInput());
    await write('contoh-program.md', courseInput({ example: true, program: 'pak-camat-pmi' }));
    await write('x.md', courseInput({ example: true }));
    await write(
      'contoh-nomor.md',
      courseInput({
        example: true,
        sessions: [sessionInput({ registration: { whatsapp: 'tanya saja' } })],
      }),
    );
    const problems = (await checkContent(root)).problems.map(formatProblem);
    expect(problems.some((p) => p.includes('contoh-baik.md'))).toBe(false);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^examples\/pelatihan\/id\/contoh-tanpa-tanda\.md: example: /),
        expect.stringMatching(/^examples\/pelatihan\/id\/contoh-program\.md: program: /),
        expect.stringMatching(/^examples\/pelatihan\/id\/x\.md: Nama berkas "x\.md" sudah dipakai/),
        expect.stringMatching(
          /^examples\/pelatihan\/id\/contoh-nomor\.md: sessions\.0\.registration\.whatsapp: /,
        ),
      ]),
    );
  });
});

describe('hand-written YAML timestamps', () => {
  /** The third session's `key` written unquoted, as an editor typing YAML by hand would. */
  async function problemsWithRaw(key: string, written: string): Promise<string[]> {
    const course = courseInput({
      sessions: [
        sessionInput({ id: 'satu' }),
        sessionInput({ id: 'dua' }),
        sessionInput({ id: 'tiga' }),
      ],
    });
    const root = await siteWith(course);
    const file = join(root, 'content/pelatihan/id/x.md');
    const text = (await readFile(file, 'utf8')).split('\n');
    let seen = 0;
    const index = text.findIndex((line) => line.trim().startsWith(`${key}:`) && ++seen === 3);
    text[index] = text[index]!.replace(/:.*$/, `: ${written}`);
    await writeFile(file, text.join('\n'));
    return (await checkContent(root)).problems.map(formatProblem);
  }

  it('refuses a timestamp with an offset, which YAML would turn into another hour', async () => {
    const problems = await problemsWithRaw('deadline', '2026-11-28T12:00:00+07:00');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^content\/pelatihan\/id\/x\.md: sessions\.2\.deadline: Sesi ke-3 \(\d+ \w+ \d{4}\): Batas pendaftaran ditulis tanpa detik dan tanpa zona waktu, seperti 2026-12-05T08:00, bukan "2026-11-28T12:00:00\+07:00" \(zona waktu diisi di kolom Zona waktu\)$/,
    );
  });

  it('refuses midnight with seconds, which YAML would turn into a bare day', async () => {
    const problems = await problemsWithRaw('start', '2026-12-05T00:00:00');
    expect(
      problems.some((p) =>
        /sessions\.2\.start: Sesi ke-3 \(.+\): Waktu mulai ditulis tanpa detik/.test(p),
      ),
    ).toBe(true);
  });

  it('accepts the forms the CMS writes', async () => {
    expect(await problemsWithRaw('start', '2026-12-05T09:30')).toEqual([]);
  });
});

describe('stored form of session times', () => {
  it('keeps the plain local string the CMS saves', () => {
    const parsed = CourseSchema.parse(courseInput());
    expect(parsed.sessions[0]!.start).toBe('2026-12-05T08:00');
  });

  it('reads a bare deadline day as the end of that day', () => {
    expect(CourseSchema.parse(courseInput()).sessions[0]!.deadline).toBe('2026-11-28T23:59');
  });

  it('reads the Date YAML makes of an unquoted day or date-time as wall-clock time', () => {
    const parsed = CourseSchema.parse(
      courseInput({
        sessions: [
          sessionInput({
            start: new Date('2026-12-05T08:00:00Z'),
            deadline: new Date('2026-11-28T00:00:00Z'),
          }),
        ],
      }),
    );
    expect(parsed.sessions[0]!.start).toBe('2026-12-05T08:00');
    expect(parsed.sessions[0]!.deadline).toBe('2026-11-28T23:59');
  });
});
