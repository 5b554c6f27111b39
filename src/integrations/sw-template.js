/*
 * Migrasi Aman service worker. src/integrations/service-worker.ts writes it into dist/sw.js after
 * the build, replacing __PRECACHE__ with the revisioned list of files to keep for offline reading.
 *
 * - Precache: guides, glossary, service points, the offline page and the stylesheet, each stored
 *   under its revision, so a new build downloads only what changed and drops what is gone.
 *   With Save-Data on, only the small "core" group is fetched ahead; the rest is cached as read.
 * - Pages: network first (fresh when online), falling back after a few seconds or when offline to
 *   the precached copy, then to pages already read, then to the offline page of the language.
 */
const PRECACHE = __PRECACHE__;
const STATIC = 'ma-precache';
const PAGES = 'ma-pages';
const MAX_PAGES = 80;
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
        if (name !== STATIC && name !== PAGES) await caches.delete(name);
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
  const key = precached.get(url.pathname);
  if (key) event.respondWith(fromPrecache(key).then((hit) => hit || fetch(request)));
});

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
