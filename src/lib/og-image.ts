/**
 * Renders a 1200×630 link-preview PNG (title, section, site name) with satori and resvg at build
 * time. Fonts come from @fontsource/noto-sans (satori reads WOFF, not WOFF2). Images are cached by a
 * hash of their inputs in node_modules/.cache, so a rebuild renders only titles that changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export type OgCard = {
  title: string;
  /** Section label above the title, e.g. "Panduan". */
  kicker: string;
  siteName: string;
  /** Small line at the bottom, e.g. the regency and the site's host. */
  footer: string;
};

const require = createRequire(join(process.cwd(), 'package.json'));
const font = (weight: 400 | 700) =>
  readFileSync(
    require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`),
  );
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'og-images');

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style, children },
});

function card({ title, kicker, siteName, footer }: OgCard): Node {
  return el(
    'div',
    {
      // Satori sizes the content box: subtract the padding and the top border.
      width: OG_WIDTH - 144,
      height: OG_HEIGHT - 128 - 24,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: '#ffffff',
      borderTop: '24px solid #0b4f4a',
      fontFamily: 'Noto Sans',
      color: '#1b1b1b',
    },
    [
      el('div', { fontSize: 34, fontWeight: 700, color: '#0b4f4a' }, kicker),
      el(
        'div',
        {
          display: 'flex',
          width: OG_WIDTH - 144,
          fontSize: title.length > 60 ? 60 : 72,
          fontWeight: 700,
          lineHeight: 1.15,
        },
        title,
      ),
      el(
        'div',
        { display: 'flex', width: OG_WIDTH - 144, justifyContent: 'space-between', fontSize: 30 },
        [el('div', { fontWeight: 700 }, siteName), el('div', { color: '#4a4a4a' }, footer)],
      ),
    ],
  );
}

/** PNG bytes of one card; cached on disk by a hash of its inputs. */
export async function renderOgImage(input: OgCard): Promise<Buffer> {
  const hash = createHash('sha256')
    .update(JSON.stringify(input))
    // The design's own source is part of the key, so changing it renders every image again.
    .update(card.toString())
    .digest('hex')
    .slice(0, 32);
  const cached = join(CACHE_DIR, `${hash}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  fonts ??= [
    { name: 'Noto Sans', data: font(400), weight: 400, style: 'normal' },
    { name: 'Noto Sans', data: font(700), weight: 700, style: 'normal' },
  ];
  const svg = await satori(card(input) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(cached, png);
  return png;
}
