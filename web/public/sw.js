/*
 * 共治 service worker: keeps the app shell on the phone so that a grid worker's page opens without a
 * network (registered from #/collect; see web/src/pages/collect/shellCache.ts).
 *
 *   navigation (index.html)  network first, the last good copy when offline
 *   /assets/* (hashed files) cache first: a hashed file never changes
 *   /api/*                   never cached, never answered from here, with one exception:
 *   GET /api/v1/auth/me      answered from the last sign-in check only when the network fails, so that the
 *                            app opens signed in offline (it asks for the session before showing any page).
 *                            It holds the user's name, role and CSRF token, nothing from the base data;
 *                            dropped on sign-out and when the server says the session is over.
 */
const SHELL = 'gongzhi-shell-v1';
const SESSION = 'gongzhi-session-v1';
const SHELL_KEY = '/';
const SESSION_KEY = '/api/v1/auth/me';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.add(new Request(SHELL_KEY, { cache: 'reload' })))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL && key !== SESSION) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/** The page lists the hashed files it loaded before this worker controlled it; keep them, and the session. */
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep-shell') return;
  const urls = (Array.isArray(event.data.urls) ? event.data.urls : []).filter((u) => isAsset(new URL(u, self.location.origin)));
  event.waitUntil(Promise.all([keepAssets(urls), fetchSession(new Request(SESSION_KEY)).catch(() => undefined)]));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api/v1/auth/logout') return void event.waitUntil(caches.delete(SESSION));
  if (request.method !== 'GET') return;
  if (url.pathname === SESSION_KEY) return void event.respondWith(sessionAnswer(request));
  if (url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') return void event.respondWith(shellAnswer(request));
  if (isAsset(url)) return void event.respondWith(assetAnswer(request));
});

function isAsset(url) {
  return url.origin === self.location.origin && url.pathname.startsWith('/assets/');
}

/** A hashed file as it should be: the server's SPA fallback answers a missing one with index.html, which must not be kept under its name. */
function isFile(res) {
  return res.ok && !(res.headers.get('content-type') || '').includes('text/html');
}

async function keepAssets(urls) {
  const cache = await caches.open(SHELL);
  await Promise.all(
    urls.map(async (u) => {
      if (await cache.match(u)) return;
      const res = await fetch(u).catch(() => null);
      if (res && isFile(res)) await cache.put(u, res);
    }),
  );
}

async function shellAnswer(request) {
  const cache = await caches.open(SHELL);
  try {
    const res = await fetch(request);
    if (res.ok && (res.headers.get('content-type') || '').includes('text/html')) {
      const before = await cache.match(SHELL_KEY);
      const fresh = res.clone();
      // a new build names new hashed files: drop the old ones (the new ones are kept as they load)
      if (before && (await before.text()) !== (await fresh.clone().text())) await dropAssets(cache);
      await cache.put(SHELL_KEY, fresh);
    }
    return res;
  } catch (e) {
    const kept = await cache.match(SHELL_KEY);
    if (kept) return kept;
    throw e;
  }
}

async function dropAssets(cache) {
  for (const request of await cache.keys()) if (isAsset(new URL(request.url))) await cache.delete(request);
}

async function assetAnswer(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (isFile(res)) await cache.put(request, res.clone());
  return res;
}

/** Asks the server; remembers a good answer, forgets it on 401. Throws when there is no network. */
async function fetchSession(request) {
  const res = await fetch(request);
  const cache = await caches.open(SESSION);
  if (res.ok) await cache.put(SESSION_KEY, res.clone());
  else if (res.status === 401) await cache.delete(SESSION_KEY);
  return res;
}

async function sessionAnswer(request) {
  try {
    return await fetchSession(request);
  } catch (e) {
    const kept = await (await caches.open(SESSION)).match(SESSION_KEY);
    if (kept) return kept;
    throw e;
  }
}
