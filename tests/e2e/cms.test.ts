/**
 * The CMS in a real browser against a real decap-server: the admin page is the built one from
 * dist/, the server writes into a temporary copy of the project, and the browser's clock runs in
 * New York to prove that times are saved as typed, whatever the editor's computer zone. At the end
 * the copy is built with the saved files, as CI would after a merge.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fillNews, TEST_PHOTO_ALT, writePhotoNews } from '../../scripts/cms-harness.ts';
import { caretAtEnd, selectWord, useAdmin } from './admin.ts';
import { checkBody, splitFrontmatter } from '~/platform/content/content-check.ts';
import { entryCollections } from '~/schemas/index.ts';
import { dayInWords } from '~/schemas/messages.ts';
import { lineDiff } from '../support/line-diff.ts';

const TIMEOUT = 60_000;

async function waitForFile(path: string, changedFrom?: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      // Wait for a complete write: a whole frontmatter block, unchanged over one more poll.
      if (text !== changedFrom && /^---\n[\s\S]*?\n---\n/.test(text)) {
        await new Promise((r) => setTimeout(r, 300));
        if (readFileSync(path, 'utf8') === text) return text;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the CMS did not write ${path}`);
}

/** A guide (MDX, with the author components' "+" menu) only in the temporary copy. */
const COMPONENT_GUIDE = 'panduan-uji-komponen';
const COMPONENT_GUIDE_TEXT = [
  '---',
  'title: Panduan uji komponen',
  'summary: Panduan untuk uji otomatis CMS; berkas ini hanya ada di salinan sementara.',
  'stage: sebelum',
  'order: 99',
  'audience: [cpmi]',
  'sources:',
  '  - title: Sumber uji',
  '    publisher: Penerbit uji',
  '    url: https://example.org/sumber-uji',
  '    accessed: 2026-11-01',
  'checked: 2026-11-01',
  '---',
  '',
  'Paragraf pertama panduan uji.',
  '',
].join('\n');

const SESSION_COURSE = 'kursus-uji-sesi';
const MANY_SESSIONS_COURSE = 'kursus-uji-banyak-sesi';

/**
 * A test course written as an editor's file is (the office's content may hold no course at all):
 * only in the temporary copy.
 */
function testCourse(title: string, sessions: string[]): string {
  return [
    '---',
    `title: ${title}`,
    'summary: Kursus untuk uji otomatis CMS; berkas ini hanya ada di salinan sementara.',
    'topics: [uji]',
    'audience: [purna]',
    'provider: Penyelenggara uji',
    ...(sessions.length ? ['sessions:', ...sessions] : ['sessions: []']),
    '---',
    '',
    'Isi kursus.',
    '',
  ].join('\n');
}

/** Nine sessions, for the tests on long session lists. */
const NINE_SESSIONS = Array.from({ length: 9 }, (_, i) => {
  const day = String(i + 3).padStart(2, '0');
  return [
    `  - id: 2027-03-uji-${i + 1}`,
    `    start: 2027-03-${day}T08:00`,
    `    end: 2027-03-${day}T12:00`,
    '    mode: tatap-muka',
    '    venue:',
    `      name: Balai Uji ${i + 1}`,
    '      kecamatan: Kecamatan Uji',
    '      kabupaten: Kabupaten Uji',
    '    capacity: 20',
    `    deadline: 2027-03-01`,
    '    registration:',
    "      inPerson: 'Daftar di balai uji pada jam kerja.'",
  ].join('\n');
});

const cms = useAdmin({
  // The copy is built at the end, as CI would after a merge: it needs the whole project.
  copy: [
    'content',
    'src',
    'public',
    'scripts',
    'cms',
    'astro.config.mjs',
    'tsconfig.json',
    'package.json',
  ],
  prepare(repo) {
    // An uploaded picture and a news item that shows it: the build must resize and compress it.
    writePhotoNews(repo, {
      slug: 'berita-dengan-foto',
      title: 'Berita uji dengan foto',
      picture: 'uji-foto',
      width: 1600,
      height: 900,
      // Markdown of every common kind, so that a one-word edit proves a quiet diff.
      body: [
        'Isi berita dengan **huruf tebal** dan [tautan](https://example.org/).',
        '',
        '## Yang perlu dibawa',
        '',
        '- KTP asli',
        '- [Formulir](/berita/) yang sudah diisi',
        '',
        'Paragraf penutup berita.',
      ],
    });
    writeFileSync(join(repo, `content/panduan/id/${COMPONENT_GUIDE}.mdx`), COMPONENT_GUIDE_TEXT);
    const course = (slug: string) => join(repo, `content/pelatihan/id/${slug}.md`);
    // A course without sessions, so the session the test adds is the only one in the form (the
    // repository's courses have sessions, and editors add to those too).
    writeFileSync(course(SESSION_COURSE), testCourse('Kursus uji untuk sesi baru', []));
    writeFileSync(
      course(MANY_SESSIONS_COURSE),
      testCourse('Kursus uji dengan banyak sesi', NINE_SESSIONS),
    );
  },
  context: {
    timezoneId: 'America/New_York',
    // An American English browser: its own date input would show mm/dd/yyyy and AM/PM.
    locale: 'en-US',
  },
});

const outsideRequests: string[] = [];
beforeAll(() => {
  cms.context.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if (/^https?:$/.test(protocol) && !['127.0.0.1', 'localhost'].includes(hostname)) {
      outsideRequests.push(request.url());
    }
  });
});

/** A new news item in the CMS, with the given fields typed in. */
async function newNews(fields: Parameters<typeof fillNews>[1]): Promise<Page> {
  const page = await cms.open('/collections/berita/new');
  await fillNews(page, fields);
  return page;
}

/** Simple publish mode (local backend): "Terbitkan" → "Terbitkan sekarang" saves the file. */
async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Terbitkan' }).click();
  await page.getByText('Terbitkan sekarang').click();
}

const contentFile = (...parts: string[]) => join(cms.repo, 'content', ...parts);

const TYPED_TITLE = 'Pendaftaran pelatihan <usaha> {gratis} & "aman" 🙂';
const CALLOUT_TITLE = 'Awas calo "resmi" {palsu}';
const TYPED_BODY =
  'Biaya <b>{gratis}</b> & "aman" 🙂 Supercalifragilistikekspialidosius_kata_panjang 50% > 3';

describe('Decap CMS', () => {
  it('creates a news item as plain Markdown whose typed text is saved safe and valid', async () => {
    const page = await cms.open('/collections/berita/new');
    // News are plain Markdown: their editor offers no author components.
    await page.locator('[title="Tebal"]').first().waitFor();
    expect(await page.locator('[title="Tambah komponen"]').count()).toBe(0);
    await fillNews(page, {
      title: TYPED_TITLE,
      date: '20-11-2026 08.00',
      summary: 'Pendaftaran pelatihan usaha untuk purna PMI sudah dibuka.',
      body: TYPED_BODY,
    });

    // The preview draws the entry with the site's own stylesheet.
    const preview = page.frameLocator('#preview-pane');
    await expect
      .poll(() => preview.locator('h1').textContent(), { timeout: TIMEOUT / 2 })
      .toBe(TYPED_TITLE);
    // …and shows typed markup as text, exactly as the site will.
    await expect
      .poll(() => preview.locator('[data-body]').textContent())
      .toContain('Biaya <b>{gratis}</b> & "aman"');
    const styles = await preview
      .locator('link[rel="stylesheet"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(styles.some((href) => href.startsWith(inject('baseUrl')))).toBe(true);

    await publish(page);
    const file = contentFile('berita', 'id', 'pendaftaran-pelatihan-usaha-gratis-aman.md');
    const text = await waitForFile(file);
    const { data, body } = splitFrontmatter(text);
    const parsed = entryCollections.berita.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.title).toBe(TYPED_TITLE);
    // Markdown reads braces as text; only "<" is escaped, so no tag reaches the page.
    expect(body).toContain('\\<b>{gratis}\\</b> & "aman" 🙂');
    expect(body).not.toMatch(/(^|[^\\])</);
    expect(checkBody('content/berita/id/x.md', text)).toEqual([]);
    expect(existsSync(file.replace(/\.md$/, '.mdx'))).toBe(false);
  });

  it('inserts an author component into a guide with its form', async () => {
    const file = contentFile('panduan', 'id', `${COMPONENT_GUIDE}.mdx`);
    const before = readFileSync(file, 'utf8');
    const page = await cms.open(`/collections/panduan/entries/${COMPONENT_GUIDE}`);
    await caretAtEnd(page, 'Paragraf pertama panduan uji.');
    // The editor takes the caret a moment after the click (much later on a busy machine) and
    // closes a menu that is open by then: open it again until the Callout's form shows.
    const form = page.locator('[id^="type-field"]');
    for (let attempt = 1; (await form.count()) === 0; attempt++) {
      if (attempt > 5) throw new Error('the Callout form did not open');
      await page.locator('[title="Tambah komponen"]').click();
      await page
        .getByRole('menuitem', { name: 'Kotak catatan (Callout)' })
        .click({ timeout: 5_000 })
        .then(() => form.waitFor({ timeout: 10_000 }))
        .catch(() => undefined);
    }
    await page.locator('[id^="type-field"]').fill('bahaya');
    await page.keyboard.press('Enter');
    await page.locator('[id^="title-field"]').last().fill(CALLOUT_TITLE);
    await page.locator('[data-slate-editor]').last().click();
    await page.keyboard.insertText('Jangan bayar {biaya} ke <calo>.');
    // The preview draws the block as the site's Callout does.
    await expect
      .poll(() =>
        page.frameLocator('#preview-pane').locator('[data-callout="bahaya"]').textContent(),
      )
      .toContain(CALLOUT_TITLE);
    await publish(page);
    const text = await waitForFile(file, before);
    expect(text).toContain('Paragraf pertama panduan uji.');
    expect(text).toContain(
      '<Callout type="bahaya" title="Awas calo &quot;resmi&quot; {palsu}">\n\nJangan bayar \\{biaya\\} ke \\<calo>.\n\n</Callout>',
    );
  });

  it('adds a course session at 08.00 WITA from a computer in New York and saves 08:00', async () => {
    const file = contentFile('pelatihan', 'id', `${SESSION_COURSE}.md`);
    const before = readFileSync(file, 'utf8');
    const page = await cms.open(`/collections/pelatihan/entries/${SESSION_COURSE}`);
    await page.getByRole('button', { name: /Tambah sesi/i }).click();
    // Typed in Indonesian order and 24-hour time, although the browser speaks American English.
    await page.locator('[id^="start-field"]').fill('05-12-2026 08.00');
    await expect
      .poll(() => page.locator('[data-date-words]').first().textContent())
      .toBe('Sabtu, 5 Desember 2026 pukul 08.00');
    await page.locator('[id^="end-field"]').fill('05-12-2026 15.00');
    await page.locator('[id^="deadline-field"]').fill('01-12-2026 15.00');
    await page.locator('[id^="timezone-field"]').fill('Asia/Makassar');
    await page.keyboard.press('Enter');
    await page.locator('[id^="mode-field"]').fill('Tatap muka');
    await page.keyboard.press('Enter');
    await page.locator('[id^="capacity-field"]').fill('30');
    await page.locator('[id^="name-field"]').first().fill('Balai Desa Lakudo');
    await page.locator('[id^="kecamatan-field"]').fill('Lakudo');
    await page.locator('[id^="kabupaten-field"]').fill('Buton Tengah');
    await page.locator('[id^="inPerson-field"]').fill('Datang ke kantor kecamatan membawa KTP.');

    // The preview shows the session card as the site does: in the session's zone, as typed.
    await expect
      .poll(() =>
        page.frameLocator('#preview-pane').locator('li.card.session').first().textContent(),
      )
      .toContain('5 Desember 2026, 08.00–15.00 WITA');

    await publish(page);
    const after = await waitForFile(file, before);
    // Only the sessions changed: every other line of the file is as it was.
    const { added, removed } = lineDiff(before, after);
    expect(removed).toEqual(['sessions: []']);
    expect(added[0]).toBe('sessions:');
    expect(added.every((line) => line === 'sessions:' || line.startsWith('  '))).toBe(true);
    const { data } = splitFrontmatter(after);
    const parsed = entryCollections.pelatihan.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const session = parsed.data!.sessions[0]!;
    expect(session.start).toBe('2026-12-05T08:00');
    expect(session.end).toBe('2026-12-05T15:00');
    expect(session.timezone).toBe('Asia/Makassar');
  });

  it('adds a session to a course with sessions: only the new lines appear, the others stay as written', async () => {
    const file = contentFile('pelatihan', 'id', `${MANY_SESSIONS_COURSE}.md`);
    const before = readFileSync(file, 'utf8');
    const page = await cms.open(`/collections/pelatihan/entries/${MANY_SESSIONS_COURSE}`);
    await page.getByRole('button', { name: /Tambah sesi/i }).click();
    const last = (field: string) => page.locator(`[id^="${field}-field"]`).last();
    await last('start').fill('14-08-2027 08.00');
    await last('end').fill('14-08-2027 12.00');
    await last('deadline').fill('10-08-2027');
    await last('mode').fill('Daring');
    await page.keyboard.press('Enter');
    await last('onlineUrl').fill('https://contoh.go.id/kelas-daring');
    await last('capacity').fill('40');
    await last('inPerson').fill('Daftar lewat kantor desa masing-masing.');
    await publish(page);
    const after = await waitForFile(file, before);
    const { added, removed } = lineDiff(before, after);
    expect(removed).toEqual([]);
    expect(added[0]).toBe('  - start: 2027-08-14T08:00');
    expect(added.slice(1).every((line) => line.startsWith('    '))).toBe(true);
    const parsed = entryCollections.pelatihan.safeParse(splitFrontmatter(after).data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('changes one word of a guide: that line changes, every other line stays byte-identical', async () => {
    const file = contentFile('panduan', 'id', 'dokumen-wajib.mdx');
    const before = readFileSync(file, 'utf8');
    expect(before).toContain('<Callout');
    const page = await cms.open('/collections/panduan/entries/dokumen-wajib');
    await selectWord(page, 'Menurut Pasal 13', 'Menurut');
    await page.keyboard.insertText('Sesuai');
    await publish(page);
    const after = await waitForFile(file, before);
    const { added, removed } = lineDiff(before, after);
    expect(removed).toHaveLength(1);
    expect(added).toEqual([removed[0]!.replace('Menurut Pasal 13', 'Sesuai Pasal 13')]);
  });

  it('changes one word of a news item (.md): that line changes, every other line stays byte-identical', async () => {
    const file = contentFile('berita', 'id', 'berita-dengan-foto.md');
    const before = readFileSync(file, 'utf8');
    const page = await cms.open('/collections/berita/entries/berita-dengan-foto');
    await selectWord(page, 'Paragraf penutup berita.', 'berita');
    await page.keyboard.insertText('ini');
    await publish(page);
    const after = await waitForFile(file, before);
    expect(lineDiff(before, after)).toEqual({
      removed: ['Paragraf penutup berita.'],
      added: ['Paragraf penutup ini.'],
    });
  });

  it('changes one field of a guide: that line changes, every other line stays byte-identical', async () => {
    const file = contentFile('panduan', 'id', 'biaya-penempatan.mdx');
    const before = readFileSync(file, 'utf8');
    const page = await cms.open('/collections/panduan/entries/biaya-penempatan');
    const title = page.locator('[id^="title-field"]').first();
    const old = await title.inputValue();
    await title.fill(`${old} (diperbarui)`);
    await publish(page);
    const after = await waitForFile(file, before);
    expect(lineDiff(before, after)).toEqual({
      removed: [`title: ${old}`],
      added: [`title: ${old} (diperbarui)`],
    });
  });

  /** The messages under a field: Decap lists them right after the field's label. */
  const messagesOf = async (page: Page, field: ReturnType<Page['locator']>) => {
    const id = await field.getAttribute('id');
    return page.locator(`label[for="${id}"] + ul li`).allTextContents();
  };

  it('refuses a too-short summary on the field, in plain words, until it is long enough', async () => {
    const page = await newNews({
      title: 'Berita dengan ringkasan pendek',
      date: '20-11-2026 08.00',
      summary: 'Terlalu',
    });
    const summary = page.locator('[id^="summary-field"]');
    await publish(page);
    await expect
      .poll(() => messagesOf(page, summary))
      .toEqual(['Ringkasan terlalu pendek: tulis paling sedikit 20 huruf (sekarang 7)']);
    // Written as a sentence, not shouted in capitals as Decap styles its messages.
    const id = await summary.getAttribute('id');
    expect(
      await page
        .locator(`label[for="${id}"] + ul`)
        .evaluate((list) => getComputedStyle(list).textTransform),
    ).toBe('none');
    // The message follows the typing and stays while the summary is still too short…
    await summary.fill('Terlalu pendek juga');
    await expect
      .poll(() => messagesOf(page, summary))
      .toEqual(['Ringkasan terlalu pendek: tulis paling sedikit 20 huruf (sekarang 19)']);
    // …and goes when it is long enough.
    await summary.fill('Ringkasan ini sudah cukup panjang.');
    await expect.poll(() => messagesOf(page, summary)).toEqual([]);
    expect(existsSync(contentFile('berita', 'id', 'berita-dengan-ringkasan-pendek.md'))).toBe(
      false,
    );
  });

  it.each([
    {
      test: 'calls 31 February an impossible date, on the date field',
      news: {
        title: 'Berita dengan tanggal mustahil',
        date: '31-02-2027 08.00',
        summary: 'Ringkasan berita yang cukup panjang untuk uji.',
      },
      field: 'date',
      message:
        'Tanggal terbit berisi tanggal yang mustahil: 31 Februari 2027 tidak ada di kalender',
    },
    {
      test: 'refuses to save an invalid entry, with the message the build would give, on the field',
      news: {
        title: 'Berita dengan tanggal akhir',
        date: '20-11-2026 08.00',
        summary: 'Berita biasa tidak boleh punya tanggal akhir pengumuman.',
      },
      field: 'until',
      value: '20-12-2026 08.00',
      message:
        'Tampil sampai hanya untuk pengumuman: ubah Jenis menjadi Pengumuman atau kosongkan tanggal ini',
    },
  ])('$test', async ({ news, field, value, message }) => {
    const page = await newNews(news);
    const input = page.locator(`[id^="${field}-field"]`);
    if (value) await input.fill(value);
    await publish(page);
    await expect.poll(() => messagesOf(page, input)).toEqual([message]);
    const slug = news.title.toLowerCase().replaceAll(' ', '-');
    expect(existsSync(contentFile('berita', 'id', `${slug}.md`))).toBe(false);
  });

  it('names the eighth session and its day when its venue has no name, on that field', async () => {
    const file = contentFile('pelatihan', 'id', `${MANY_SESSIONS_COURSE}.md`);
    const before = readFileSync(file, 'utf8');
    const { data } = splitFrontmatter(before);
    const eighth = (data as { sessions: { start: string | Date; venue: { name: string } }[] })
      .sessions[7]!;
    const start = new Date(eighth.start).toISOString().slice(0, 10);
    const page = await cms.open(`/collections/pelatihan/entries/${MANY_SESSIONS_COURSE}`);
    // A folded session says what it is: day, time, zone and place, in Indonesian.
    const folded = page.getByText(
      `${dayInWords(start).replace(/(\d+) (\w{3})\w* (\d+)/, '$1 $2 $3')} · 08.00 WIB · ${eighth.venue.name}`,
    );
    await expect.poll(() => folded.count(), { timeout: TIMEOUT / 2 }).toBe(1);
    expect(await folded.textContent()).toMatch(/^(Min|Sen|Sel|Rab|Kam|Jum|Sab), /);
    // The folded label sits in the list item with its fold button and its fields.
    const item = folded.locator('xpath=..');
    await item.locator('button').first().click();
    const venueName = item.locator('input[id^="name-field"]').first();
    await venueName.waitFor({ state: 'visible' });
    // By its id: the folded label changes with the name.
    const name = page.locator(`#${await venueName.getAttribute('id')}`);
    await expect.poll(() => name.inputValue()).toBe(eighth.venue.name);
    await name.fill('');
    await publish(page);
    await expect
      .poll(() => messagesOf(page, name))
      .toEqual([`Sesi ke-8 (${dayInWords(start)}): Nama tempat wajib diisi`]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('shows an uploaded image as a thumbnail in its field', async () => {
    const page = await cms.open('/collections/berita/entries/berita-dengan-foto');
    // The thumbnail Decap draws from the media file (src/assets/media/uji-foto.png), loaded.
    const thumbnail = page.locator('img[src^="blob:"], img[src*="uji-foto"]').first();
    await thumbnail.waitFor();
    await expect
      .poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth), {
        timeout: TIMEOUT / 2,
      })
      .toBeGreaterThan(0);
  });

  it('never asks another host for anything', () => {
    expect(outsideRequests).toEqual([]);
  });

  it('the saved content builds, and the pages show the text as typed', async () => {
    const build = spawn('npm', ['run', 'build'], { cwd: cms.repo, stdio: 'pipe' });
    let log = '';
    build.stdout?.on('data', (d) => (log += d));
    build.stderr?.on('data', (d) => (log += d));
    const code = await new Promise<number | null>((done) => build.on('close', done));
    expect(code, log.slice(-3000)).toBe(0);
    const page = (path: string) =>
      parseHtml(readFileSync(join(cms.repo, 'dist', path, 'index.html'), 'utf8'));
    const news = page('berita/pendaftaran-pelatihan-usaha-gratis-aman');
    const text = news.querySelector('main')!.text;
    expect(text).toContain('Biaya <b>{gratis}</b> &');
    expect(text).toContain('Supercalifragilistikekspialidosius_kata_panjang 50% > 3');
    expect(news.querySelector('h1')!.text).toContain('Pendaftaran pelatihan <usaha> {gratis} &');
    const guide = page('panduan/dokumen-wajib');
    expect(guide.querySelector('main')!.text).toContain('Sesuai Pasal 13');
    expect(guide.querySelector('[data-callout="peringatan"]')).not.toBeNull();
    const inserted = page(`panduan/${COMPONENT_GUIDE}`).querySelector('[data-callout="bahaya"]');
    expect(inserted?.text).toContain('Jangan bayar {biaya} ke <calo>.');
    // The session typed as 08.00 in Buton Tengah (WITA) on a New York computer reads 08.00 WITA
    // on the site, and its calendar file names the same instant (08.00 WITA = 00.00 UTC).
    const photoPage = page('berita/berita-dengan-foto');
    expect(photoPage.querySelector('main h2')?.text).toBe('Yang perlu dibawa');
    expect(photoPage.querySelector('main')!.text).toContain('Paragraf penutup ini.');
    const img = photoPage.querySelector('.news-image img')!;
    expect(img.getAttribute('alt')).toBe(TEST_PHOTO_ALT);
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('srcset')).toMatch(/\/_astro\/uji-foto\.[\w-]+\.webp 360w/);
    const largest = Math.max(
      ...readdirSync(join(cms.repo, 'dist/_astro'))
        .filter((f) => f.startsWith('uji-foto'))
        .map((f) => statSync(join(cms.repo, 'dist/_astro', f)).size),
    );
    expect(largest).toBeLessThan(statSync(join(cms.repo, 'src/assets/media/uji-foto.png')).size);
    const course = page(`pelatihan/${SESSION_COURSE}`);
    expect(course.querySelector('main')!.text).toMatch(/08\.00(–\d\d\.\d\d)? WITA/);
    const ics = readFileSync(join(cms.repo, 'dist', `pelatihan/${SESSION_COURSE}.ics`), 'utf8');
    expect(ics).toMatch(/DTSTART(;VALUE=DATE-TIME)?:20261205T000000Z/);
  }, 180_000);
});
