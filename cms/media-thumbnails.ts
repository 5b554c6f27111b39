/**
 * Thumbnails of uploaded pictures, in the image field and in the preview.
 *
 * Entries say `/media/<file>` (public_folder) while the file lives in `src/assets/media/`
 * (media_folder), because the build resizes it and the site never serves the original. Decap
 * treats any value starting with "/" as a public address and shows it as is: a broken image in
 * the CMS. Asking Decap for the bare file name instead makes it resolve the file in media_folder
 * through the backend (decap-server locally, the GitHub API in production, or the upload still in
 * memory), which it shows as a blob: URL.
 */
import { createElement, forwardRef, useEffect, useMemo, useState, type ComponentType } from 'react';

type GetAsset = (path: string, field?: unknown) => unknown;

/** What Decap's getAsset returns while a file is still loading (decap-cms-core, actions/media). */
const EMPTY_ASSET = 'empty.svg';

/** "/media/foto.jpg" → "foto.jpg"; other values are left alone. */
export function uploadPath(path: string, publicFolder: string): string {
  const prefix = `${publicFolder.replace(/\/+$/, '')}/`;
  return typeof path === 'string' && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

interface WidgetRegistry {
  getWidget(name: string): { control: ComponentType<never>; preview?: unknown } | undefined;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
}

/** Wraps the image widget so its thumbnail asks for the uploaded file, not the public address. */
export function registerMediaThumbnails(cms: WidgetRegistry, publicFolder: string): void {
  const image = cms.getWidget('image');
  if (!image) return;
  const Control = image.control as ComponentType<Record<string, unknown>>;
  // forwardRef: Decap keeps a ref to the control to ask it whether its value is valid.
  const ImageControl = forwardRef<unknown, Record<string, unknown>>((props, ref) => {
    const getAsset = props['getAsset'] as GetAsset;
    const { value, field } = props;
    // Decap answers with an empty picture while it fetches the file, and the field asks only
    // when getAsset changes: once the file is there, hand the field a new getAsset.
    const [version, setVersion] = useState(0);
    useEffect(() => {
      if (typeof value !== 'string' || !value) return undefined;
      let stopped = false;
      let tries = 0;
      const check = () => {
        if (stopped) return;
        const asset = getAsset(uploadPath(value, publicFolder), field) as { path?: string };
        if (asset?.path === EMPTY_ASSET && tries++ < 100) setTimeout(check, 100);
        else setVersion((v) => v + 1);
      };
      check();
      return () => {
        stopped = true;
      };
    }, [value, field, getAsset]);
    const resolved = useMemo<GetAsset>(
      () => (path, f) => getAsset(uploadPath(path, publicFolder), f),
      // `version` is not read: it only gives the field a new function once the file loaded.
      [getAsset, version],
    );
    return createElement(Control, { ...props, ref, getAsset: resolved });
  });
  ImageControl.displayName = 'ImageControlWithThumbnail';
  cms.registerWidget('image', ImageControl, image.preview);
}
