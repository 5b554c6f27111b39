/**
 * QR codes as SVG, drawn at build time by the `qrcode` library (error correction M: a printed
 * code still scans with a corner torn or stained).
 */
import QRCode from 'qrcode';

// Drawing one code takes about 0.7 ms, most of it spent choosing the best of eight masks. A
// guide's code is drawn for its page and again for its part of the printable booklet: at 10,000
// entries 9,080 codes for 7,014 addresses. So each address is drawn once per build and kept
// (about 2 KB of SVG each).
const drawn = new Map<string, Promise<string>>();

/** The library's SVG of a QR code for `url`, with a two-module margin and no size of its own. */
export function qrSvg(url: string): Promise<string> {
  let svg = drawn.get(url);
  if (svg === undefined) {
    svg = QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    drawn.set(url, svg);
  }
  return svg;
}
