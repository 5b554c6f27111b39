import { describe, expect, it } from 'vitest';
import { decodeEntities, speechBlocks } from '../../src/features/listen/speech-text.ts';

describe('speechBlocks', () => {
  it('reads headings, paragraphs and list items in order, each as a sentence', () => {
    const html = `<h1>Biaya penempatan</h1><p class="lead">Yang <strong>tidak boleh</strong> ditarik</p>
      <ul><li>tiket</li><li>visa kerja;</li></ul><h2>Jika diminta membayar</h2><p>Minta kuitansi.</p>`;
    expect(speechBlocks(html)).toEqual([
      'Biaya penempatan.',
      'Yang tidak boleh ditarik.',
      'tiket.',
      'visa kerja;',
      'Jika diminta membayar.',
      'Minta kuitansi.',
    ]);
  });

  it('keeps the "perlu dicek ulang" notes and the text of links', () => {
    const html = `<aside class="needs-check"><p><strong>Perlu dicek ulang:</strong></p><ul><li>Tanggal berlakunya berbeda.</li></ul></aside>
      <p>Tanyakan ke <a href="/glosarium/#bp3mi">BP3MI</a>.</p>`;
    expect(speechBlocks(html)).toEqual([
      'Perlu dicek ulang:',
      'Tanggal berlakunya berbeda.',
      'Tanyakan ke BP3MI.',
    ]);
  });

  it('leaves out navigation, buttons, scripts, hidden and skipped parts', () => {
    const html = `<nav><a href="/">Beranda</a></nav><p>Baca ini</p><button type="button">Cetak</button>
      <script>var a = "<p>no</p>";</script><div data-listen="skip"><p>Dengarkan</p><div><p>x</p></div></div>
      <span aria-hidden="true">★</span><p hidden>tersembunyi</p><p>dan ini</p><img src="a.png" alt="foto">`;
    expect(speechBlocks(html)).toEqual(['Baca ini.', 'dan ini.']);
  });

  it('decodes entities', () => {
    expect(decodeEntities('A &amp; B &#8211; C&nbsp;D &#x27;e&#39;')).toBe("A & B – C D 'e'");
    expect(speechBlocks('<p>Rp&nbsp;1.000 &amp; lebih</p>')).toEqual(['Rp 1.000 & lebih.']);
  });
});
