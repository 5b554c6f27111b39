import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrSvg } from '~/platform/markup/qr-svg.ts';

describe('qrSvg', () => {
  it("draws the library's code with error correction M and a two-module margin", async () => {
    for (const url of [
      'https://migrasi-aman.example/panduan/biaya-penempatan/',
      'https://migrasi-aman.example/en/pelatihan/contoh-olahan-pangan/sesi/a&b"c/',
    ]) {
      const reference = await QRCode.toString(url, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      expect(await qrSvg(url)).toBe(reference);
    }
  });

  it('draws each address once per build', async () => {
    const url = 'https://migrasi-aman.example/panduan/cetak/';
    const first = qrSvg(url);
    expect(qrSvg(url)).toBe(first);
    expect(qrSvg(`${url}2/`)).not.toBe(first);
    expect(await qrSvg(`${url}2/`)).not.toBe(await first);
  });
});
