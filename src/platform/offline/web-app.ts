/**
 * Makes the site installable: PNG icons rendered from the one SVG source (public/favicon.svg) and a
 * web app manifest per language (manifest.webmanifest in each language's root folder).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LANGUAGES, language, localePath, type Locale } from '../../model/languages.ts';
import { Resvg } from '@resvg/resvg-js';

export const THEME_COLOR = '#0b4f4a';

export interface AppNames {
  name: string;
  shortName: string;
  description: string;
}

export const ICONS = [
  { file: 'icons/icon-192.png', size: 192, purpose: 'any' },
  { file: 'icons/icon-512.png', size: 512, purpose: 'any' },
  { file: 'icons/icon-maskable-512.png', size: 512, purpose: 'maskable' },
] as const;

/** The web app manifest of one language. Both share the scope, so either installs the whole site. */
export function webManifest(locale: Locale, names: AppNames) {
  const start = localePath(locale, '/');
  return {
    id: start,
    name: names.name,
    short_name: names.shortName,
    description: names.description,
    lang: language(locale).lang,
    dir: 'ltr',
    start_url: start,
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    icons: ICONS.map((icon) => ({
      src: `/${icon.file}`,
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.purpose,
    })),
  };
}

/**
 * A maskable icon needs a full-bleed background and its picture inside the central 80 % safe zone:
 * the source is drawn smaller on a square of the theme colour.
 */
export function maskableSvg(source: string): string {
  const viewBox = /viewBox="([^"]+)"/.exec(source)?.[1] ?? '0 0 64 64';
  const [, , w = 64, h = 64] = viewBox.split(/\s+/).map(Number);
  const inner = source.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}">` +
    `<rect width="${w}" height="${h}" fill="${THEME_COLOR}"/>` +
    `<g transform="translate(${w * 0.1} ${h * 0.1}) scale(0.8)">${inner}</g></svg>`
  );
}

function png(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

export async function writeWebApp(
  distDir: string,
  svgSource: string,
  names: Record<Locale, AppNames>,
): Promise<void> {
  const svg = await readFile(svgSource, 'utf8');
  await mkdir(`${distDir}/icons`, { recursive: true });
  for (const icon of ICONS) {
    const source = icon.purpose === 'maskable' ? maskableSvg(svg) : svg;
    await writeFile(`${distDir}/${icon.file}`, png(source, icon.size));
  }
  for (const { code } of LANGUAGES) {
    const file = `${distDir}${localePath(code, '/manifest.webmanifest')}`;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(webManifest(code, names[code]), null, 2));
  }
}
