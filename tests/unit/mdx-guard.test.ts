/**
 * The MDX guard with hostile content: each forbidden construct is refused with a message that names
 * the file and the line; what editors legitimately write (the author components, escaped braces)
 * passes. Runs the real parser and the same guard the build uses (src/platform/content/content-check.ts).
 */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkBody,
  checkContent,
  checkEntryFile,
  formatProblem,
} from '~/platform/content/content-check.ts';
import { blankFrontmatter, unsafeUrl, urlScheme } from '~/platform/content/mdx-guard.ts';
import { USER_COMPONENT_NAMES } from '~/user-components/names.ts';
import { USER_COMPONENT_CONTRACTS } from '~/user-components/contracts.ts';

const FILE = 'content/panduan/id/contoh.mdx';
const FRONTMATTER = '---\ntitle: Contoh\nsummary: Ringkasan\n---\n';
/** Line of the first body line below: frontmatter (4 lines) + one blank line. */
const BODY_LINE = 6;

function check(body: string, file = FILE) {
  return checkBody(file, `${FRONTMATTER}\n${body}\n`).map(formatProblem);
}

const hostile: [what: string, body: string, expected: RegExp][] = [
  ['an import', "import Evil from '~/evil.ts'", /import/],
  ['an export', 'export const x = fetch("https://evil.example")', /export/],
  ['a script tag', '<script>alert(document.cookie)</script>', /<script>/],
  ['an iframe', '<iframe src="https://evil.example/"></iframe>', /<iframe>/],
  ['a style tag', '<style>body  \\{ display: none \\}</style>', /<style>/],
  ['a div', '<div>teks</div>', /<div>/],
  ['a raw link tag', '<a href="https://evil.example/">klik</a>', /<a>/],
  ['an image tag with onerror', '<img src="x" onerror="alert(1)" />', /<img>/],
  ['an event handler on a component', '<Callout onClick="alert(1)">Isi</Callout>', /onClick/],
  [
    'an event handler on allowed HTML',
    'Kata <abbr onmouseover="alert(1)">PMI</abbr>',
    /onmouseover/,
  ],
  ['a style attribute', '<Callout style="display:none">Isi</Callout>', /style/],
  ['an unknown attribute on allowed HTML', '<kbd class="x">Enter</kbd>', /class/],
  ['an unknown component', '<Tracker id="x" />', /<Tracker>/],
  ['a fragment', '<>teks</>', /<>/],
  ['an expression in text', 'Biaya {1 + 1} juta', /\{…\}/],
  ['an expression comment', '{/* komentar */}', /\{…\}/],
  ['an attribute expression', '<Callout title={window.name}>Isi</Callout>', /title=\{…\}/],
  ['a spread attribute', '<Callout {...props}>Isi</Callout>', /atribut \{…\}/],
  ['a javascript: link', '[Klik](javascript:alert(1))', /javascript:/],
  ['a mixed-case javascript: link', '[Klik](JaVaScRiPt:alert(1))', /dilarang/],
  ['an entity-encoded javascript: link', '[Klik](&#106;avascript&#58;alert(1))', /dilarang/],
  ['a javascript: reference definition', '[x]: javascript:alert(1)\n\n[Klik][x]', /dilarang/],
  ['a data: link', '[Klik](data:text/html,<script>alert(1)</script>)', /data:/],
  ['a data: image', '![gambar](data:image/svg+xml;base64,PHN2Zz4=)', /data:/],
  ['a vbscript: link', '[Klik](vbscript:msgbox(1))', /dilarang/],
  ['an image from another site', '![piksel](https://tracker.example/p.gif)', /situs ini/],
  [
    'an image by reference, whose address a definition elsewhere gives',
    '![piksel][p]\n\n[p]: https://tracker.example/p.gif',
    /!\[keterangan\]\(/,
  ],
  [
    'a javascript: URL in a component',
    '<SourceNote publisher="X" url="javascript:alert(1)" />',
    /url/,
  ],
  ['a data: URL in a component', '<SourceNote publisher="X" url="data:text/html,hi" />', /data:/],
  ['an unclosed brace', 'Biaya { tanpa penutup', /tidak bisa dibaca/],
];

describe('the MDX guard refuses', () => {
  it.each(hostile)('%s, naming file and line', (_what, body, expected) => {
    // Put the construct on the third body line, so a wrong line number cannot pass by accident.
    const problems = check(`Paragraf pertama.\n\n${body}`);
    expect(problems.length, problems.join('\n')).toBeGreaterThan(0);
    expect(problems[0]).toMatch(new RegExp(`^${FILE}:${BODY_LINE + 2}: `));
    expect(problems.join('\n')).toMatch(expected);
  });

  it('raw HTML in a plain Markdown (.md) file', () => {
    const file = 'content/berita/id/lama.md';
    const problems = check(
      'Teks\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>',
      file,
    );
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${file}:${BODY_LINE + 2}: .*<script>`)),
      expect.stringMatching(new RegExp(`^${file}:${BODY_LINE + 4}: .*<img>`)),
    ]);
  });

  it('every problem of a file, not only the first', () => {
    const problems = check('<script>x</script>\n\n[a](javascript:x)\n\n{1}');
    expect(problems.map((p) => p.split(':')[1])).toEqual(
      [BODY_LINE, BODY_LINE + 2, BODY_LINE + 4].map(String),
    );
  });
});

describe('news, which are plain Markdown (.md)', () => {
  const NEWS = 'content/berita/id/contoh.md';
  const pasted: [what: string, body: string, expected: RegExp][] = [
    [
      'an author component',
      '<Callout type="peringatan">\n\nAwas calo.\n\n</Callout>',
      /Komponen <Callout> tidak bisa dipakai di berkas Markdown biasa/,
    ],
    [
      'an inline author component',
      'Fakta <SourceNote publisher="BP2MI" url="https://bp2mi.go.id/" />.',
      /Komponen <SourceNote>/,
    ],
    ['a script tag', '<script>alert(1)</script>', /Tag HTML <script> tidak boleh dipakai/],
    [
      'an import line',
      "import Callout from '~/user-components/Callout.astro'",
      /"import" dan "export"/,
    ],
    ['an import of names', "import { Callout } from '../x.ts';", /"import" dan "export"/],
    ['an export line', 'export const judul = "x"', /"import" dan "export"/],
  ];

  it.each(pasted)('refuse %s pasted into them, naming file and line', (_what, body, expected) => {
    const problems = check(`Paragraf pertama.\n\n${body}`, NEWS);
    expect(problems.length, problems.join('\n')).toBeGreaterThan(0);
    expect(problems[0]).toMatch(new RegExp(`^${NEWS}:${BODY_LINE + 2}: `));
    expect(problems[0]).toMatch(expected);
  });

  it('allow Markdown: headings, lists, links, bold, braces and ordinary words like "import"', () => {
    const body = [
      '## Jadwal',
      '',
      '- **Senin**: [LTSA](/program/ltsa-pmi/) buka',
      '1. Bawa KTP {asli}',
      '',
      'Import barang dari Malaysia tidak dibahas; export dan import diatur kementerian lain.',
      '',
      'import dari luar negeri dikenai bea.',
    ].join('\n');
    expect(check(body, NEWS)).toEqual([]);
  });

  it('are refused with the name to give them when saved as .mdx', async () => {
    const root = await mkdtemp(join(tmpdir(), 'migrasi-aman-news-'));
    await mkdir(join(root, 'content/berita/id'), { recursive: true });
    const news = await readFile('content/berita/id/inovasi-disnaker-blitar.md', 'utf8');
    await writeFile(join(root, 'content/berita/id/lama.mdx'), news);
    const { problems } = await checkContent(root);
    expect(problems.map(formatProblem)).toContain(
      'content/berita/id/lama.mdx: Berita & pengumuman ditulis dengan Markdown biasa: ganti nama berkas menjadi lama.md. Komponen seperti <Callout> tidak bisa dipakai di sini.',
    );
  });
});

describe('courses, which are plain Markdown (.md) too', () => {
  const COURSE = 'content/pelatihan/id/contoh.md';

  it('refuse a component, naming file and line and what is written in plain Markdown', () => {
    const problems = check(
      `Paragraf pertama.\n\n<Checklist title="Bawa">\n\n- KTP\n\n</Checklist>`,
      COURSE,
    );
    expect(problems[0]).toBe(
      `${COURSE}:${BODY_LINE + 2}: Komponen <Checklist> tidak bisa dipakai di berkas Markdown biasa (.md), seperti berita & pengumuman dan pelatihan. Tulis isinya dengan Markdown: paragraf, daftar, judul, huruf tebal, tautan.`,
    );
  });

  it('are refused with the name to give them when saved as .mdx', async () => {
    const root = await mkdtemp(join(tmpdir(), 'migrasi-aman-course-'));
    await mkdir(join(root, 'content/pelatihan/id'), { recursive: true });
    const course = (
      await readFile('examples/pelatihan/id/contoh-rencana-usaha.md', 'utf8')
    ).replace(/^example: true\n/m, '');
    await writeFile(join(root, 'content/pelatihan/id/kursus-lama.mdx'), course);
    const { problems } = await checkContent(root);
    expect(problems.map(formatProblem)).toContain(
      'content/pelatihan/id/kursus-lama.mdx: Pelatihan ditulis dengan Markdown biasa: ganti nama berkas menjadi kursus-lama.md. Komponen seperti <Callout> tidak bisa dipakai di sini.',
    );
  });
});

describe('the MDX guard allows', () => {
  it('the author components with plain attributes', () => {
    const body = [
      '<Callout type="peringatan" title="Hati-hati">',
      '',
      'Jangan berangkat dengan visa kunjungan.',
      '',
      '</Callout>',
      '',
      '<Steps>',
      '',
      '1. Datang ke LTSA.',
      '2. Bawa KTP.',
      '',
      '</Steps>',
      '',
      '<Checklist title="Dokumen">',
      '',
      '- Paspor',
      '',
      '</Checklist>',
      '',
      'Fakta <SourceNote publisher="BP2MI" url="https://bp2mi.go.id/" />.',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('escaped braces and angle brackets, which are text', () => {
    expect(check('Biaya \\{maksimal\\} dan 5 &lt; 6, juga \\<b\\>')).toEqual([]);
  });

  it('the small inline HTML allow-list', () => {
    expect(
      check(
        '<abbr title="Pekerja Migran Indonesia">PMI</abbr>, H<sub>2</sub>O, m<sup>2</sup><br />Tekan <kbd>Enter</kbd>',
      ),
    ).toEqual([]);
  });

  it('links to web pages, e-mail, phone, this site and anchors, and images on this site', () => {
    const body =
      '[a](https://bp2mi.go.id/) [b](http://example.go.id/) [c](mailto:x@example.go.id) [d](tel:+62341) [e](/panduan/) [f](#isi) [g](../berita/)\n\n![peta](/images/peta.png)';
    expect(check(body)).toEqual([]);
  });

  it('is what the content check reports for an entry file, alongside its schema checks', async () => {
    const root = await mkdtemp(join(tmpdir(), 'migrasi-aman-guard-'));
    const good = await readFile('content/panduan/id/dokumen-wajib.mdx', 'utf8');
    const path = join(root, 'content/panduan/id/serangan.mdx');
    await mkdir(join(path, '..'), { recursive: true });
    const lines = good.split('\n').length;
    await writeFile(path, `${good}\n<iframe src="https://evil.example/"></iframe>\n`);
    const { problems } = await checkEntryFile(root, 'panduan', path);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        new RegExp(`^content/panduan/id/serangan\\.mdx:${lines + 1}: Tag HTML <iframe>`),
      ),
    ]);
  });

  it('every content file of this repository', async () => {
    const { entries, problems } = await checkContent(process.cwd());
    expect(entries.length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.line !== undefined).map(formatProblem)).toEqual([]);
  });
});

describe('URL schemes', () => {
  it('are read the way a browser reads them', () => {
    expect(urlScheme(' \tjava\nscript:alert(1)')).toBe('javascript');
    expect(urlScheme('jav&#x09;ascript:alert(1)')).toBe('javascript');
    expect(urlScheme('/panduan/')).toBeUndefined();
    expect(unsafeUrl('https://bp2mi.go.id/')).toBeUndefined();
    expect(unsafeUrl('DATA:text/html,x')).toMatch(/dilarang/);
  });
});

describe('the frontmatter', () => {
  it('is blanked line for line, so body lines keep their numbers', () => {
    const text = `${FRONTMATTER}\nIsi`;
    expect(blankFrontmatter(text).split('\n')).toHaveLength(text.split('\n').length);
    expect(blankFrontmatter(text).split('\n')[5]).toBe('Isi');
  });
});

describe('the component allow-list', () => {
  it('names exactly the components that pages pass to MDX', () => {
    const index = readFileSync('src/user-components/index.ts', 'utf8');
    const map = /export const userComponents = \{([^}]*)\}/.exec(index)?.[1] ?? '';
    const keys = map
      .split(',')
      .map((k) => k.trim().split(':')[0]!.trim())
      .filter(Boolean);
    expect(keys.length).toBeGreaterThan(0);
    expect([...USER_COMPONENT_NAMES].sort()).toEqual(keys.sort());
  });
});

describe('author component contracts', () => {
  it('refuse a Callout of an unknown type, naming the line and the choices', () => {
    const [problem, ...rest] = check('<Callout type="danger">Isi</Callout>');
    expect(rest).toEqual([]);
    expect(problem).toMatch(new RegExp(`^${FILE}:${BODY_LINE}: `));
    expect(problem).toMatch(
      /<Callout> type: jenis "danger" tidak dikenal.*info, peringatan, bahaya/,
    );
  });

  it('refuse a Checklist without its title', () => {
    expect(check('<Checklist>\n\n- KTP\n\n</Checklist>')).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}:${BODY_LINE}: <Checklist> title: .*wajib diisi`)),
    ]);
  });

  it('refuse an attribute a component does not know, and a SourceNote without a web address', () => {
    expect(check('<Steps start="3">\n\n1. Satu\n\n</Steps>')[0]).toMatch(
      /atribut start tidak dikenal/,
    );
    expect(check('<SourceNote publisher="BP2MI" url="bp2mi.go.id" />')[0]).toMatch(
      /url: .*https:\/\//,
    );
  });

  it('accept every example they give to editors', () => {
    for (const [name, contract] of Object.entries(USER_COMPONENT_CONTRACTS)) {
      expect(check(contract.example), name).toEqual([]);
    }
  });
});
