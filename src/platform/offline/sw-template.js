/*
 * Migrasi Aman service worker. src/platform/offline/service-worker.ts writes it into dist/sw.js after
 * the build, replacing __PRECACHE__ with the revisioned list of files to keep for offline reading.
 *
 * - Precache: guides, glossary, service points, the offline page and the stylesheet, each stored
 *   under its revision, so a new build downloads only what changed and drops what is gone.
 *   With Save-Data on, only the small "core" group is fetched ahead; the rest is cached as read.
 * - Pages: network first (fresh when online), falling back after a few seconds or when offline to
 *   the precached copy, then to pages already read, then to the offline page of the language.
 * - Audio ("Dengarkan", /audio/*.mp3): never fetched ahead. When the reader presses play, the file
 *   is downloaded once and kept (the last MAX_AUDIO), so a guide heard once plays again offline.
 *   Its name carries a hash of its text, so a kept file is never stale: cache first.
 */
const PRECACHE = __PRECACHE__;
const STATIC = 'ma-precache';
const PAGES = 'ma-pages';
const AUDIO = 'ma-audio';
const MAX_PAGES = 80;
const MAX_AUDIO = 20;
const NETWORK_TIMEOUT_MS = 4000;

const keyOf = (entry) => new URL(`${entry.url}?__rev=${entry.revision}`, self.location.origin).href;
const precached = new Map(PRECACHE.map((entry) => [entry.url, keyOf(entry)]));

self.addEventListener('install', (event) => {
  const saveData = Boolean(self.navigator.connection && self.navigator.connection.saveData);
  const wanted = PRECACHE.filter((entry) => !saveData || entry.group === 'core');
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC);
      await Promise.all(
        wanted.map(async (entry) => {
          const key = keyOf(entry);
          if (await cache.match(key)) return;
          const response = await fetch(entry.url, { cache: 'no-cache' });
          if (!response.ok) throw new Error(`${entry.url}: HTTP ${response.status}`);
          await cache.put(key, response);
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set(precached.values());
      const cache = await caches.open(STATIC);
      for (const request of await cache.keys()) {
        if (!keep.has(request.url)) await cache.delete(request);
      }
      for (const name of await caches.keys()) {
        if (name !== STATIC && name !== PAGES && name !== AUDIO) await caches.delete(name);
      }
      await self.clients.claim();
      // The page that installed this worker loaded before it could be cached: save it now, so
      // the very first page a reader opened also reads offline.
      const pages = await caches.open(PAGES);
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        const url = new URL(client.url);
        if (url.origin !== self.location.origin || (await pages.match(url.pathname))) continue;
        const response = await fetch(url.pathname).catch(() => undefined);
        if (response && response.ok && !response.redirected)
          await pages.put(url.pathname, response);
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event, url));
    return;
  }
  if (/^\/audio\/[^/]+\.mp3$/.test(url.pathname)) {
    event.respondWith(audio(event, request, url.pathname));
    return;
  }
  const key = precached.get(url.pathname);
  if (key) event.respondWith(fromPrecache(key).then((hit) => hit || fetch(request)));
});

/**
 * The player asks for byte ranges. A kept file answers any range; otherwise the first request
 * (from the start) fetches the whole file once, plays it as it arrives and keeps a copy. A jump
 * ahead before the file is kept goes to the network as asked, without keeping anything.
 */
async function audio(event, request, path) {
  const cache = await caches.open(AUDIO);
  const kept = await cache.match(path);
  const range = request.headers.get('range');
  if (kept) return range ? slice(kept, range) : kept;
  if (range && !/^bytes=0-$/.test(range.trim())) return fetch(request);
  const response = await fetch(path);
  if (response.status === 200) {
    event.waitUntil(
      (async () => {
        await cache.put(path, response.clone());
        const keys = await cache.keys();
        for (const old of keys.slice(0, Math.max(0, keys.length - MAX_AUDIO)))
          await cache.delete(old);
      })().catch(() => undefined),
    );
  }
  return response;
}

async function slice(response, range) {
  const body = await response.blob();
  const size = body.size;
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  let start = match && match[1] ? Number(match[1]) : NaN;
  let end = match && match[2] ? Number(match[2]) : size - 1;
  if (match && !match[1] && match[2]) {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  }
  end = Math.min(end, size - 1);
  if (!match || !(start >= 0) || start > end) {
    return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  }
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: {
      'Content-Type': response.headers.get('Content-Type') || 'audio/mpeg',
      'Content-Length': String(end - start + 1),
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Accept-Ranges': 'bytes',
    },
  });
}

async function fromPrecache(key) {
  return (await caches.open(STATIC)).match(key);
}

async function cachedPage(path) {
  const key = precached.get(path);
  const hit = key && (await fromPrecache(key));
  return hit || (await caches.open(PAGES)).match(path);
}

function offlinePage(path) {
  // Each language's offline page sits under its own folder; the root one is the default language's.
  const key = precached.get(`/${path.split('/')[1]}/offline/`) || precached.get('/offline/');
  return key ? fromPrecache(key) : undefined;
}

async function page(event, url) {
  const network = fetch(event.request).then(async (response) => {
    if (response.ok && !response.redirected) {
      const cache = await caches.open(PAGES);
      await cache.put(url.pathname, response.clone());
      const keys = await cache.keys();
      for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES)))
        await cache.delete(old);
    }
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('slow network')), NETWORK_TIMEOUT_MS),
  );
  try {
    return await Promise.race([network, timeout]);
  } catch {
    const cached = await cachedPage(url.pathname);
    if (cached) return cached;
    try {
      return await network;
    } catch {
      return (await offlinePage(url.pathname)) || Response.error();
    }
  }
}
