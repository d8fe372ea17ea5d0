/**
 * Registers the service worker (web/public/sw.js) that keeps the app shell on the phone, so that
 * #/collect opens again without a network after one visit. The page tells it which hashed files it
 * has already loaded (they were fetched before the worker existed), so those are kept too.
 *
 * Only in the built app, known by its entry script under /assets/: under `vite dev` the modules are
 * not hashed files and must not be cached. (Not `import.meta.env.PROD`: a build made with NODE_ENV
 * set to something else, as under the test runner, says false.)
 */
const isBuiltApp = () => document.querySelector('script[type="module"][src^="/assets/"]') !== null;

export function keepAppShell(): void {
  if (!isBuiltApp() || !('serviceWorker' in navigator)) return; // no serviceWorker on plain http other than localhost
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const loaded = performance.getEntriesByType('resource').map((e) => e.name).filter((url) => new URL(url).pathname.startsWith('/assets/'));
      registration.active?.postMessage({ type: 'keep-shell', urls: loaded });
    })
    .catch((e: unknown) => console.warn('service worker not registered', e));
}
