// End-to-end tests of offline use and installation (issue 20): the service
// worker (static/sw.js), its registration and the "new version" banner
// (static/sw-register.js), the manifest and icons.
//
// The page is served from a copy of dist/ that a test can replace with a
// changed build ("a new deploy") and take down (the server drops every
// connection), besides Playwright's context.setOffline(true): a page that
// still works then came from the service worker's cache, not the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { collectAccessible } from './lib/a11y.mjs';
import { distDir, launch, launchPersistent, repoRoot, screenshot } from './lib/browser.mjs';
import { startDohServer } from './lib/doh-server.mjs';
import { records } from './lib/records.mjs';
import { startStaticServer } from './lib/static-server.mjs';

let root;
let server;
let doh;
let browser;
// Every path the server was asked for, in order; while `down`, it answers none.
const seen = [];
let down = false;

before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'maildns-offline-'));
  await fs.cp(distDir, root, { recursive: true });
  server = await startStaticServer({
    root,
    onRequest: (req, res) => {
      seen.push(new URL(req.url, 'http://127.0.0.1').pathname);
      if (down) res.destroy();
      return down;
    },
  });
  doh = await startDohServer({ adZones: ['good-mail.net'] });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await doh?.close();
  await server?.close();
  await fs.rm(root, { recursive: true, force: true });
});

// The build's file list, as scripts/sw_manifest.py wrote it into sw.js.
async function buildOf(dir) {
  const source = await fs.readFile(path.join(dir, 'sw.js'), 'utf8');
  return JSON.parse(source.match(/^const BUILD = (.*);$/m)[1]);
}

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

async function open({ locale = 'en-US', width = 1280, at = '/' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}${at}`);
  await interactive(page);
  // Registered after the first view; installed once the first view's files
  // are stored; in control once active.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  // The idle prefetches (the checker, the Check half's code, the reply
  // reader) are done too: on a slow machine they could still be on their
  // way when a test takes the network down, and be counted as asked offline.
  await page.waitForLoadState('networkidle');
  return { context, page, errors };
}

async function interactive(page) {
  await page.waitForSelector('header h1');
  await page.waitForFunction(() => performance.getEntriesByName('maildns-interactive').length === 1);
}

// The Generate half's records for a domain with one mail host.
async function generate(page) {
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-name', 'mail.example.com');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
  await page.waitForSelector('tr[data-record-type="MX"]');
}

async function offline(context, yes) {
  down = yes;
  await context.setOffline(yes);
}

// What the service worker's caches hold: cache name -> { file: sha256 }.
async function cacheContents(page) {
  return page.evaluate(async () => {
    const base = new URL('./', location.href).href;
    const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = {};
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).arrayBuffer();
        const file = request.url.startsWith(base) ? request.url.slice(base.length) : request.url;
        out[name][file] = hex(await crypto.subtle.digest('SHA-256', body));
      }
    }
    return out;
  });
}

for (const [locale, lang, width, at] of [['en-US', 'en', 1280, '/'], ['zh-CN', 'zh-CN', 360, '/maildns/']]) {
  test(`offline, the page opens from its cache and generates records (${locale}, ${width} px, at ${at})`, async () => {
    const { context, page, errors } = await open({ locale, width, at });
    const problems = [];
    await offline(context, true);
    const asked = seen.length;
    await page.reload();
    await interactive(page);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await generate(page);
    const rows = await records(page);
    assert.ok(rows.some((r) => r.type === 'MX' && r.value === 'mail.example.com'), JSON.stringify(rows));
    assert.ok(rows.some((r) => r.type === 'TXT' && r.value === 'v=spf1 ip4:192.0.2.1 -all'), JSON.stringify(rows));
    // The DKIM key pair is made by WebCrypto in the page: no network either.
    await page.click('#dkim-generate');
    await page.waitForSelector('#private-key');
    // The browser's own update check of the service worker's script
    // (ServiceWorker spec, "Soft Update" on navigation) is not the page
    // asking for a file; on a busy machine it may land while offline.
    const fetched = seen.slice(asked).filter((p) => !p.endsWith('/sw.js'));
    assert.deepEqual(fetched, [], `the server was asked for ${fetched.join(', ')}`);
    for (const w of [width, width === 360 ? 1280 : 360]) {
      await page.setViewportSize({ width: w, height: 900 });
      await screenshot(page, `offline-generate-${lang}-${w}`);
    }
    await collectAccessible(page, `offline generate ${lang}`, problems);
    await offline(context, false);
    assert.deepEqual(errors, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const [locale, lang, width, words] of [['en-US', 'en', 1280, /need a connection/], ['zh-CN', 'zh-CN', 360, /需要联网/]]) {
  test(`offline, a check says it needs a connection, keeps the form and runs when the connection is back (${locale})`, async () => {
    const { context, page, errors } = await open({ locale, width });
    const problems = [];
    await page.waitForFunction(() => document.querySelector('.check')?.dataset.lazyState === 'ready', null, { timeout: 30_000 });
    await offline(context, true);
    await page.click('#tab-check');
    await page.fill('#check-domain', 'good-mail.net');
    await page.selectOption('#ep-kind', 'custom');
    await page.fill('#ep-url', `${doh.url}/resolve`);
    await page.click('[data-action="audit"]');
    const notice = '.check[data-run="idle"] .check-notices [data-notice-code="ui.check.offline"]';
    await page.waitForSelector(notice);
    assert.match(await page.textContent(notice), words);
    // Nothing is reported, so nothing is called missing; the form is kept.
    assert.equal(await page.locator('.check-results [data-finding-code]').count(), 0);
    assert.equal(await page.inputValue('#check-domain'), 'good-mail.net');
    for (const w of [width, width === 360 ? 1280 : 360]) {
      await page.setViewportSize({ width: w, height: 900 });
      await screenshot(page, `offline-check-${lang}-${w}`);
    }
    await collectAccessible(page, `offline check ${lang}`, problems);
    // Back online: the check runs by itself.
    await offline(context, false);
    await page.waitForSelector('.check[data-run="done"] [data-finding-code]', { timeout: 60_000 });
    assert.equal(await page.locator(notice).count(), 0);
    // The resolver's answers went through no cache: only the build's own
    // files are stored.
    const build = await buildOf(root);
    for (const [name, files] of Object.entries(await cacheContents(page))) {
      assert.equal(name, `maildns-${build.version}`);
      for (const [file, hash] of Object.entries(files)) assert.equal(hash, build.files[file], `${file} in the cache`);
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a cached file that was tampered with or cut short is fetched again, never run', async () => {
  const { context, page, errors } = await open();
  const build = await buildOf(root);
  const js = build.precache.find((n) => /^maildns-[0-9a-f]+\.js$/.test(n));
  const wasm = build.precache.find((n) => /^maildns-[0-9a-f]+_bg\.wasm$/.test(n));
  await page.evaluate(async ({ js, wasm }) => {
    const base = new URL('./', location.href).href;
    const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('maildns-')));
    await cache.put(base + js, new Response('globalThis.tampered = true; export default async function () {}',
      { headers: { 'content-type': 'text/javascript' } }));
    const whole = await (await cache.match(base + wasm)).arrayBuffer();
    await cache.put(base + wasm, new Response(whole.slice(0, whole.byteLength >> 1), { headers: { 'content-type': 'application/wasm' } }));
  }, { js, wasm });
  const asked = seen.length;
  await page.reload();
  await interactive(page);
  assert.equal(await page.evaluate(() => globalThis.tampered), undefined, 'the tampered script ran');
  const refetched = seen.slice(asked);
  assert.ok(refetched.includes(`/${js}`) && refetched.includes(`/${wasm}`), `asked: ${refetched.join(', ')}`);
  const [files] = Object.values(await cacheContents(page));
  assert.equal(files[js], build.files[js]);
  assert.equal(files[wasm], build.files[wasm]);
  // The page works on what it got.
  await generate(page);
  assert.deepEqual(errors, []);
  await context.close();
});

// Lighthouse's installability criteria (https://web.dev/installable-manifest/):
// a name or short_name, 192 and 512 px icons, a start_url, display
// fullscreen, standalone or minimal-ui, prefer_related_applications not
// true; and a service worker in control. Chromium's own check
// (Page.getInstallabilityErrors) is asked too, but in Chromium 156 it finds
// no error even for a page with no manifest at all (tried), so the criteria
// are checked here one by one.
test('the manifest and icons make the page installable (Lighthouse\'s criteria, and Chromium\'s own check)', async () => {
  // A profile on disk: Chromium offers no installation off the record.
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'maildns-profile-'));
  const context = await launchPersistent(profile, { viewport: { width: 1280, height: 900 } });
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/maildns/`);
  await interactive(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  const m = JSON.parse(manifest.data);
  assert.equal(manifest.url, `${server.url}/maildns/manifest.webmanifest`);
  assert.equal(m.short_name, 'maildns');
  assert.ok(m.name);
  assert.equal(m.start_url, './');
  assert.equal(m.scope, './');
  assert.ok(['fullscreen', 'standalone', 'minimal-ui'].includes(m.display), m.display);
  assert.notEqual(m.prefer_related_applications, true);
  for (const size of ['192x192', '512x512']) {
    assert.ok(m.icons.some((i) => i.sizes === size && i.type === 'image/png' && (i.purpose ?? 'any').includes('any')), size);
  }
  assert.match(m.theme_color, /^#[0-9a-f]{6}$/);
  // Each PNG icon is a PNG of the size it claims.
  for (const icon of m.icons.filter((i) => i.type === 'image/png')) {
    const response = await fetch(new URL(icon.src, manifest.url));
    const png = Buffer.from(await response.arrayBuffer());
    assert.equal(png.subarray(1, 4).toString(), 'PNG', icon.src);
    assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
  }
  assert.ok(m.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
  assert.deepEqual(installabilityErrors, []);
  // Installed, the page opens at start_url inside the worker's scope.
  const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
  assert.equal(scope, new URL(m.start_url, manifest.url).href);
  // The theme colours, light and dark.
  const themes = await page.$$eval('meta[name="theme-color"]', (ms) => ms.map((x) => x.media));
  assert.deepEqual(themes, ['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
  assert.deepEqual(errors, []);
  await context.close();
  await fs.rm(profile, { recursive: true, force: true });
});

test('a new deploy: the page offers the reload, keeps its own version until then, and runs the new one after it', async () => {
  const { context, page, errors } = await open();
  const problems = [];
  const before = await buildOf(root);
  // The next build: index.html changed, the hooks run again on the copy.
  const next = await fs.mkdtemp(path.join(os.tmpdir(), 'maildns-next-'));
  await fs.cp(distDir, next, { recursive: true });
  const html = path.join(next, 'index.html');
  await fs.writeFile(html, (await fs.readFile(html, 'utf8')).replace('<title>', '<meta name="maildns-build" content="next"><title>'));
  execFileSync('sh', ['-c', 'python3 scripts/csp.py && python3 scripts/sw_manifest.py'],
    { cwd: repoRoot, env: { ...process.env, TRUNK_STAGING_DIR: next }, stdio: 'ignore' });
  const after = await buildOf(next);
  assert.notEqual(after.version, before.version);
  await fs.rm(root, { recursive: true, force: true });
  await fs.cp(next, root, { recursive: true });
  await fs.rm(next, { recursive: true, force: true });

  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = '#update-banner [data-action="reload-update"]';
  await page.waitForSelector(banner, { timeout: 30_000 });
  // Its words go in just after it (so a screen reader announces them).
  await page.waitForFunction(() => /new version/.test(document.getElementById('update-banner').textContent));
  assert.equal(await page.locator('meta[name="maildns-build"]').count(), 0, 'still the version it opened with');
  for (const w of [1280, 360]) {
    await page.setViewportSize({ width: w, height: 900 });
    await screenshot(page, `update-banner-en-${w}`);
  }
  await collectAccessible(page, 'update banner en', problems);
  await page.click('button[data-lang="zh-CN"]');
  await page.waitForFunction(() => /新版本/.test(document.getElementById('update-banner').textContent));
  for (const w of [360, 1280]) {
    await page.setViewportSize({ width: w, height: 900 });
    await screenshot(page, `update-banner-zh-CN-${w}`);
  }
  await collectAccessible(page, 'update banner zh-CN', problems);

  // A plain reload keeps the version in use (its worker still serves its
  // files) and offers the new one again.
  await page.reload();
  await interactive(page);
  await page.waitForSelector(banner, { timeout: 30_000 });
  assert.equal(await page.locator('meta[name="maildns-build"]').count(), 0);

  // The button: the new worker takes over and the page reloads on it.
  await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.click(banner)]);
  await interactive(page);
  assert.equal(await page.getAttribute('meta[name="maildns-build"]', 'content'), 'next');
  assert.equal(await page.locator('#update-banner').count(), 0);
  // Only the new version's cache is left, every file in it the new build's,
  // and every file the page loaded is one of the new build's files.
  const caches = await cacheContents(page);
  assert.deepEqual(Object.keys(caches), [`maildns-${after.version}`]);
  for (const [file, hash] of Object.entries(caches[`maildns-${after.version}`])) assert.equal(hash, after.files[file], file);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const base = `${server.url}/`;
  for (const url of loaded.filter((u) => u.startsWith(base))) {
    const file = url.slice(base.length);
    assert.ok(file in after.files, `${file} is not a file of the new build`);
  }
  // The new version works.
  await generate(page);
  assert.deepEqual(errors, []);
  assert.deepEqual(problems, []);
  await context.close();
  // The other tests' build again.
  await fs.rm(root, { recursive: true, force: true });
  await fs.cp(distDir, root, { recursive: true });
});
