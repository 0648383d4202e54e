// maildns service worker: the page opens from the browser's cache on every
// visit after the first, and works offline (the Generate half entirely; the
// Check half says that checks need a connection).
//
// What it touches, and nothing else: same-origin GET requests for the files
// of the build it was made with, listed in BUILD below with their SHA-256.
// DNS answers, resolvers and every other origin go to the network untouched
// (no respondWith), and are never stored.
//
// Versions: scripts/sw_manifest.py, a Trunk post_build hook, writes BUILD
// (every file in dist/ with its SHA-256, and the version, a hash of that
// list). A new deploy changes this file's bytes, so the browser installs the
// new worker beside the old one; the new one fills its own cache
// ("maildns-<version>") and waits. The page (sw-register.js) then offers
// "a new version is available, reload"; the click tells the waiting worker
// to take over, it deletes the old cache, and the page reloads on the new
// files. Until then the old worker serves the old files: never a mix.
//
// Integrity: every response served from the cache is hashed first
// (crypto.subtle.digest SHA-256) and compared with BUILD; an entry that does
// not match (tampered, or cut short) is deleted and fetched again, never
// served. A network response that does not match is passed on as the
// network gave it (as it would be with no service worker; the page's own
// Subresource Integrity checks still apply) but not stored.
'use strict';

// Replaced at build time by scripts/sw_manifest.py; null in the source.
const BUILD = null;

const PREFIX = 'maildns-';
const CACHE = BUILD ? PREFIX + BUILD.version : '';
// Where the page lives (`/` or `/maildns/`): the directory of this file.
const BASE = new URL('./', self.location).href;

// The dist name of a request (`index.html`, `checker-….js`), or null when the
// request is not for a file of this build.
function fileOf(request) {
  if (!BUILD || request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(BASE)) return null;
  let name = decodeURIComponent(url.pathname.slice(new URL(BASE).pathname.length));
  // The page itself: `./`, `./index.html`, with or without a query.
  if (name === '' || (request.mode === 'navigate' && name === 'index.html')) name = 'index.html';
  else if (url.search) return null;
  return Object.prototype.hasOwnProperty.call(BUILD.files, name) ? name : null;
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

// A response made from checked bytes, with only the header that matters
// (the body is already decoded: no content-encoding, no stale length).
function responseOf(bytes, type) {
  return new Response(bytes, { status: 200, headers: { 'content-type': type || 'application/octet-stream' } });
}

// Fetches `name` from the server; stores it when its hash is the build's.
// Returns the response to hand on, and whether it was the build's file.
async function fetchAndStore(cache, name, mode) {
  if (mode === 'only-if-cached' && (await cache.match(BASE + name))) return { response: null, good: true };
  const response = await fetch(BASE + name, { cache: mode, mode: 'same-origin' });
  if (!response.ok) return { response, good: false };
  const bytes = await response.arrayBuffer();
  const type = response.headers.get('content-type');
  const good = (await sha256(bytes)) === BUILD.files[name];
  if (good) await cache.put(BASE + name, responseOf(bytes, type));
  const handed = good ? responseOf(bytes, type) : new Response(bytes, { status: response.status, headers: { 'content-type': type } });
  return { response: handed, good };
}

// The cached copy of `name` if it is intact; a copy that is not is deleted.
async function cached(cache, name) {
  const hit = await cache.match(BASE + name);
  if (!hit) return null;
  const bytes = await hit.arrayBuffer();
  if ((await sha256(bytes)) === BUILD.files[name]) return responseOf(bytes, hit.headers.get('content-type'));
  await cache.delete(BASE + name);
  return null;
}

// Install: store the first view's files, each checked. One that cannot be
// fetched or does not match (a deploy under way) fails the install: the old
// worker, if any, keeps serving its own files, and the browser tries again
// at its next update check.
self.addEventListener('install', (event) => {
  if (!BUILD) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(BUILD.precache.map(async (name) => {
      if (await cached(cache, name)) return;
      // The page has just loaded these files: the HTTP cache has them, so
      // the first visit does not download them twice. A copy there that is
      // not this build's (an index.html of the last deploy) is fetched
      // again past the HTTP cache.
      if ((await fetchAndStore(cache, name, 'default')).good) return;
      if (!(await fetchAndStore(cache, name, 'reload')).good) throw new Error(`precache: ${name} is not the file this build lists`);
    }));
  })());
});

// Activate: drop every other version's cache; control the open pages at
// once. On a first visit that lets the lazily loaded parts be cached when
// fetched; on an update it only happens after the page asked for it.
// A lazily loaded part the page fetched before this worker took control
// (the checker, prefetched when idle) is taken from the HTTP cache if it is
// still there, checked like any other; never from the network here.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
    const cache = await caches.open(CACHE);
    await Promise.all(Object.keys(BUILD ? BUILD.files : {}).map((name) => fetchAndStore(cache, name, 'only-if-cached')
      .catch(() => null)));
  })());
});

// The page's "reload" button: the waiting worker takes over.
self.addEventListener('message', (event) => {
  if (event.data === 'maildns-activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const name = fileOf(event.request);
  if (!name) return; // not ours: the network, untouched and not stored
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cached(cache, name);
    if (hit) return hit;
    // Not cached yet (a lazily loaded part), or the copy was bad.
    return (await fetchAndStore(cache, name, 'no-cache')).response;
  })());
});
