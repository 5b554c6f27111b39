/**
 * Images uploaded through the CMS. Decap stores them in src/assets/media/ and writes "/media/<file>"
 * in the entry; here that name is resolved to the imported image so astro:assets can resize and
 * compress it at build time (readers on costly data get a small WebP, not the camera original).
 */
import type { ImageMetadata } from 'astro';

const files = import.meta.glob<{ default: ImageMetadata }>(
  '/src/assets/media/*.{jpg,jpeg,png,webp,avif,JPG,JPEG,PNG,WEBP,AVIF}',
  { eager: true },
);

/** The uploaded image named by an entry's `image.src`, or an error naming the entry's file. */
export function mediaImage(src: string, entryFile: string): ImageMetadata {
  const name = src.replace(/^\/media\//, '');
  const found = files[`/src/assets/media/${name}`];
  if (!found) {
    throw new Error(
      `${entryFile}: image.src: gambar "${src}" tidak ada di src/assets/media/. Unggah ulang gambarnya lewat CMS.`,
    );
  }
  return found.default;
}
