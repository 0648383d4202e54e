// End-to-end tests of the Generate half: the guide's example filled in as a
// user would, the records checked through their data-record-* hooks, panel
// switching, share links, persistence (never the private key unless asked),
// downloads, screenshots in both languages at phone and desktop width, and
// axe on every screen visited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import { assertAccessible } from './lib/a11y.mjs';
import { records } from './lib/records.mjs';
import { screenshot } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await startFixture()));
after(() => stopFixture({ server, browser }));

async function openPage({ locale = 'en-US', width = 1280, path = '/', context } = {}) {
  context ??= await browser.newContext({
    locale, viewport: { width, height: 900 }, acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url + path);
  await page.waitForSelector('#domain');
  return { context, page, errors };
}

// The guide's example: example.com, one host, MX 10, TTL 3600, DKIM selector
// `mail` made with "Generate key pair", DMARC quarantine with reports.
async function fillExample(page) {
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-name', 'mail.example.com');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
  await page.fill('#hosts-0-priority', '10');
  await page.click('#section-ttl > summary');
  await page.fill('#ttl-default', '3600');
  await page.fill('#dkim-selector', 'mail');
  await page.selectOption('#dkim-algorithm', 'rsa-2048');
  await page.click('#dkim-generate');
  await page.waitForSelector('#private-key');
  await page.selectOption('#dmarc-p', 'quarantine');
  await page.click('#dmarc-rua > button.add');
  await page.fill('#dmarc-rua-0', 'dmarc@example.com');
  await page.waitForSelector('tr[data-record-name="_dmarc.example.com."]');
}

async function expectedRecords(page) {
  const spki = (await page.inputValue('#dkim-public-key')).trim();
  assert.match(spki, /^MIIBIjAN[A-Za-z0-9+/=]+$/, 'an RSA-2048 SPKI in base64');
  return [
    { type: 'MX', name: 'example.com.', host: '@', value: 'mail.example.com', priority: '10', ttl: '3600' },
    { type: 'A', name: 'mail.example.com.', host: 'mail', value: '192.0.2.1', priority: null, ttl: '3600' },
    { type: 'TXT', name: 'example.com.', host: '@', value: 'v=spf1 ip4:192.0.2.1 -all', priority: null, ttl: '3600' },
    { type: 'TXT', name: 'mail._domainkey.example.com.', host: 'mail._domainkey', value: `v=DKIM1; k=rsa; p=${spki}`, priority: null, ttl: '3600' },
    { type: 'TXT', name: '_dmarc.example.com.', host: '_dmarc', value: 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com', priority: null, ttl: '3600' },
  ];
}

const sameSet = (a, b) => assert.deepEqual(
  [...a].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
  [...b].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
);

test('(a) the guide example gives exactly its five records, and warns about the documentation address', async () => {
  const { context, page, errors } = await openPage();
  await fillExample(page);
  sameSet(await records(page), await expectedRecords(page));
  assert.equal(await page.locator('#records-other').count(), 0);
  // The warning under the field and in the generator's notes.
  await page.waitForSelector('#hosts-0-ipv4-0-msg [data-error-code="address.documentation"]');
  const note = page.locator('.gen-findings [data-finding-code="address.documentation"]');
  assert.equal(await note.getAttribute('data-severity'), 'warning');
  assert.match(await note.textContent(), /Warning/);
  // PTR request and install snippets are there.
  assert.equal(await page.getAttribute('.ptr-request', 'data-ptr-name'), '1.2.0.192.in-addr.arpa.');
  assert.match(await page.textContent('#snippet-opendkim'), /mail\._domainkey\.example\.com example\.com:mail:/);
  assert.match(await page.textContent('#snippet-rspamd'), /selector = "mail";/);
  assert.match(await page.textContent('#private-key-pem'), /^-----BEGIN PRIVATE KEY-----\n/);
  await page.click('#section-extras > summary');
  await page.click('#section-mta-sts > summary');
  await assertAccessible(page, 'filled example en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('(a2) a bad address shows its own message with its code, and the records wait', async () => {
  const { context, page } = await openPage({ locale: 'zh-CN', width: 360 });
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.300');
  const msg = page.locator('#hosts-0-ipv4-0-msg [data-error-code]');
  await msg.first().waitFor();
  assert.match(await msg.first().getAttribute('data-error-code'), /^[a-z]+\.[a-z0-9_]+$/);
  assert.match(await msg.first().textContent(), /错误/);
  assert.equal(await page.locator('#records').count(), 0);
  await page.waitForSelector('#records-none');
  // The summary lists the same error, so nothing hides in a closed section.
  await page.waitForSelector('#gen-errors [data-finding-code="address.bad_ipv4"]');
  await assertAccessible(page, 'bad address zh');
  await context.close();
});

test('(b) the panel choice changes the host column', async () => {
  const { context, page } = await openPage();
  await fillExample(page);
  const hosts = async () => (await records(page)).map((r) => r.host);
  assert.deepEqual(await hosts(), ['@', 'mail', '@', 'mail._domainkey', '_dmarc']);
  assert.match(await page.textContent('#records thead th:first-child'), /主机记录/);
  await page.selectOption('#panel', 'route53');
  await page.waitForSelector('tr[data-record-host="example.com."]');
  assert.deepEqual(await hosts(), ['example.com.', 'mail.example.com.', 'example.com.', 'mail._domainkey.example.com.', '_dmarc.example.com.']);
  const mx = (await records(page)).find((r) => r.type === 'MX');
  assert.equal(mx.value, '10 mail.example.com.');
  assert.doesNotMatch(await page.textContent('#records thead th:first-child'), /主机记录/);
  await page.selectOption('#panel', 'cloudflare');
  await page.waitForSelector('tr[data-record-host="@"]');
  assert.deepEqual(await hosts(), ['@', 'mail', '@', 'mail._domainkey', '_dmarc']);
  await page.selectOption('#panel', 'dnspod');
  assert.match(await page.textContent('#records thead th:first-child'), /主机记录/);
  await assertAccessible(page, 'panel dnspod');
  // The panel is remembered: after a reload Route 53 is still chosen.
  await page.selectOption('#panel', 'route53');
  await page.reload();
  await page.waitForSelector('tr[data-record-host="example.com."]');
  assert.equal(await page.inputValue('#panel'), 'route53');
  assert.equal(await page.evaluate(() => localStorage.getItem('maildns.panel')), 'route53');
  await context.close();
});

test('(c) a share link restores the same records in a fresh browser; p0 links open; garbage does not kill the page', async () => {
  const { context, page } = await openPage();
  await fillExample(page);
  const before = await records(page);
  await page.click('#share-link');
  await page.waitForSelector('[data-notice-code="ui.gen.share.copied"]');
  const url = page.url();
  assert.match(url, /#p1=[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  // The link holds the public key and never the private one.
  const json = zlib.inflateRawSync(Buffer.from(url.split('#p1=')[1], 'base64url')).toString();
  assert.doesNotMatch(json, /PRIVATE/);
  assert.equal(JSON.parse(json).dkim.selector, 'mail');
  await context.close();

  const fresh = await openPage({ path: url.slice(server.url.length) });
  await fresh.page.waitForSelector('tr[data-record-type]');
  assert.deepEqual(await records(fresh.page), before);
  assert.equal(await fresh.page.locator('#private-key').count(), 0);
  await fresh.page.waitForSelector('[data-notice-code="ui.gen.share.opened"]');
  // The opened plan is the current plan for the Check half too.
  assert.equal(await fresh.page.evaluate(() => JSON.parse(localStorage.getItem('maildns.plan')).plan.dkim.selector), 'mail');
  await assertAccessible(fresh.page, 'opened share link');
  // Once edited, the old link leaves the URL and the edit is what a reload opens.
  await fresh.page.fill('#hosts-0-ipv4-0', '192.0.2.2');
  await fresh.page.waitForFunction(() => location.hash === '');
  await fresh.page.reload();
  await fresh.page.waitForSelector('tr[data-record-value="192.0.2.2"]');
  await fresh.context.close();

  const v0 = { domain: 'example.org', hosts: [{ name: 'mx', ipv4: '198.51.100.7, 198.51.100.8', priority: '5' }], ttl: '7200', dmarc: { p: 'reject' } };
  const old = await openPage({ path: `/#p0=${Buffer.from(JSON.stringify(v0)).toString('base64url')}` });
  await old.page.waitForSelector('tr[data-record-type="MX"]');
  const oldRecords = await records(old.page);
  assert.deepEqual(oldRecords.filter((r) => r.type === 'A').map((r) => r.value), ['198.51.100.7', '198.51.100.8']);
  const mx = oldRecords.find((r) => r.type === 'MX');
  assert.equal(mx.priority, '5');
  assert.equal(mx.ttl, '7200');
  assert.equal(await old.page.inputValue('#domain'), 'example.org');
  await old.context.close();

  const bad = await openPage({ path: '/#p1=%%%not-base64%%%' });
  await bad.page.waitForSelector('[data-error-code="share.bad_base64"]');
  assert.match(await bad.page.textContent('[data-error-code="share.bad_base64"]'), /Error/);
  await bad.page.fill('#domain', 'example.net');
  await bad.page.fill('#hosts-0-ipv4-0', '203.0.113.9');
  await bad.page.waitForSelector('tr[data-record-name="mail.example.net."]');
  await assertAccessible(bad.page, 'bad share link');
  await bad.context.close();

  const future = await openPage({ path: '/#p9=AAAA' });
  await future.page.waitForSelector('[data-error-code="share.bad_version"]');
  await future.context.close();
});

test('(c2) a share link never overwrites the saved plan unseen; a link pasted into the open page opens at once', async () => {
  // Issue 21 item 6. The user's own plan: example.com.
  const { context, page } = await openPage({ locale: 'zh-CN', width: 360 });
  await fillExample(page);
  await page.click('#share-link');
  await page.waitForSelector('[data-notice-code="ui.gen.share.copied"]');
  const own = page.url();
  // Somebody else's plan, shared as a link.
  await page.fill('#domain', 'example.net');
  await page.waitForSelector('tr[data-record-name="_dmarc.example.net."]');
  await page.click('#share-link');
  await page.waitForSelector('tr[data-record-name="_dmarc.example.net."]');
  const theirs = page.url();
  assert.notEqual(theirs, own);
  // Back to the user's own plan, saved in this browser.
  await page.goto(own);
  await page.waitForSelector('tr[data-record-name="_dmarc.example.com."]');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.7');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('maildns.plan') ?? '{}').plan?.hosts?.[0]?.ipv4?.[0] === '192.0.2.7');
  // A fresh tab opens their link: the saved plan is kept and can come back.
  const tab = await context.newPage();
  await tab.goto(theirs);
  await tab.waitForSelector('[data-notice-code="ui.gen.share.kept_saved"]');
  assert.match(await tab.textContent('[data-notice-code="ui.gen.share.kept_saved"]'), /example\.com/);
  await tab.waitForSelector('tr[data-record-name="_dmarc.example.net."]');
  assert.ok(await tab.evaluate(() => localStorage.getItem('maildns.plan.before-link')), 'kept in storage');
  await assertAccessible(tab, 'share link kept the saved plan');
  await screenshot(tab, 'share-kept-zh-CN-360');
  await tab.click('#restore-plan');
  await tab.waitForSelector('tr[data-record-name="_dmarc.example.com."]');
  assert.equal(await tab.inputValue('#hosts-0-ipv4-0'), '192.0.2.7');
  await tab.waitForFunction(() => localStorage.getItem('maildns.plan.before-link') === null);
  // A share link pasted into the address bar of the open page opens without a reload.
  await tab.evaluate((hash) => { location.hash = hash; }, new URL(theirs).hash);
  await tab.waitForSelector('tr[data-record-name="_dmarc.example.net."]');
  await tab.waitForSelector('[data-notice-code="ui.gen.share.kept_saved"]');
  // And a check link opens the Check half, filled in.
  await tab.evaluate(() => { location.hash = '#check=example.net&ep=http%3A%2F%2F127.0.0.1%3A9%2Fdns-query'; });
  await tab.waitForSelector('#panel-check:not([hidden])');
  assert.equal(await tab.inputValue('#check-domain'), 'example.net');
  await context.close();
});

async function storedEverywhere(page) {
  return page.evaluate(() => {
    const all = [];
    for (const s of [localStorage, sessionStorage]) {
      for (let i = 0; i < s.length; i++) all.push([s.key(i), s.getItem(s.key(i))]);
    }
    return { all, url: location.href };
  });
}

test('(d) a reload keeps the plan; the private key stays out of storage and the URL unless opted in', async () => {
  const { context, page } = await openPage();
  await fillExample(page);
  const before = await records(page);
  let stored = await storedEverywhere(page);
  assert.ok(stored.all.some(([k]) => k === 'maildns.plan'));
  for (const [k, v] of stored.all) assert.doesNotMatch(v, /PRIVATE KEY/, `${k} holds a private key`);
  assert.doesNotMatch(stored.url, /PRIVATE/);
  const plan = JSON.parse(stored.all.find(([k]) => k === 'maildns.plan')[1]).plan;
  assert.equal(plan.domain, 'example.com');

  await page.reload();
  await page.waitForSelector('tr[data-record-type]');
  assert.deepEqual(await records(page), before);
  assert.equal(await page.locator('#private-key').count(), 0);

  // Opt in: the key is kept, survives a reload, and unticking deletes it.
  await page.click('#dkim-generate');
  await page.waitForSelector('#private-key');
  stored = await storedEverywhere(page);
  assert.ok(!stored.all.some(([, v]) => /PRIVATE KEY/.test(v)));
  await page.check('#keep-private');
  await page.waitForFunction(() => /BEGIN PRIVATE KEY/.test(localStorage.getItem('maildns.dkim.private') ?? ''));
  const kept = await page.evaluate(() => localStorage.getItem('maildns.dkim.private'));
  await page.reload();
  await page.waitForSelector('#private-key');
  assert.equal(await page.textContent('#private-key-pem'), kept);
  assert.equal(await page.isChecked('#keep-private'), true);
  await page.uncheck('#keep-private');
  await page.waitForFunction(() => localStorage.getItem('maildns.dkim.private') === null);
  await context.close();
});

test('(d2) an unreadable stored plan is reported and kept aside, never dropped', async () => {
  const { context, page } = await openPage();
  await page.evaluate(() => localStorage.setItem('maildns.plan.v1', '{"domain": 42, broken'));
  await page.reload();
  await page.waitForSelector('[data-error-code="storage.set_aside"]');
  assert.equal(await page.evaluate(() => localStorage.getItem('maildns.plan.v1.unreadable')), '{"domain": 42, broken');
  await page.fill('#domain', 'example.com');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('maildns.plan')).plan.domain === 'example.com');
  assert.equal(await page.evaluate(() => localStorage.getItem('maildns.plan.v1.unreadable')), '{"domain": 42, broken');
  await assertAccessible(page, 'unreadable storage');
  await context.close();
});

test('(e) downloads: the zone file has the MX line; CSV and JSON come too', async () => {
  const { context, page } = await openPage();
  await fillExample(page);
  const grab = async (id) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
    return { name: download.suggestedFilename(), body: await fs.readFile(await download.path(), 'utf8') };
  };
  const zone = await grab('#download-zone');
  assert.equal(zone.name, 'example.com.zone');
  assert.match(zone.body, /^@ 3600 IN MX 10 mail\.example\.com\.$/m);
  assert.match(zone.body, /^\$ORIGIN example\.com\.$/m);
  const today = new Date();
  const serial = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}01`;
  assert.match(zone.body, new RegExp(` ${serial} `));
  const csv = await grab('#download-csv');
  assert.match(csv.body, /_dmarc/);
  const json = await grab('#download-json');
  assert.ok(JSON.parse(json.body));
  const key = await grab('#private-key-download');
  assert.equal(key.name, 'mail.private');
  assert.match(key.body, /^-----BEGIN PRIVATE KEY-----/);
  await context.close();
});

for (const [locale, lang] of [['en-US', 'en'], ['zh-CN', 'zh-CN']]) {
  for (const width of [360, 1280]) {
    test(`(f) filled form and records in ${lang} at ${width}px: screenshot, no sideways scroll, axe`, async () => {
      const { context, page, errors } = await openPage({ locale, width });
      await fillExample(page);
      await page.click('#section-spf > summary');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the ${width}px viewport`);
      await screenshot(page, `generate-${lang}-${width}`);
      await assertAccessible(page, `${lang} ${width}px`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('(f2) dark mode stays accessible with the records shown', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 900 }, colorScheme: 'dark' });
  const { page } = await openPage({ context });
  await fillExample(page);
  await screenshot(page, 'generate-zh-CN-360-dark');
  await assertAccessible(page, 'dark');
  await context.close();
});

test('(g) the optional sections add their records; other-zone records are listed apart', async () => {
  const { context, page, errors } = await openPage();
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-ipv4-0', '198.51.100.25');
  await page.click('#dmarc-rua > button.add');
  await page.fill('#dmarc-rua-0', 'reports@example.net');
  await page.waitForSelector('#records-other tr[data-record-name="example.com._report._dmarc.example.net."]');
  assert.match(await page.textContent('#other-zone-note'), /another domain/);
  await page.click('#section-mta-sts > summary');
  await page.check('#mta-sts-enabled');
  await page.selectOption('#mta-sts-mode', 'enforce');
  await page.check('#tls-rpt-enabled');
  await page.click('#tls-rpt-rua > button.add');
  await page.fill('#tls-rpt-rua-0', 'tlsrpt@example.com');
  await page.click('#section-extras > summary');
  await page.check('#autoconfig-enabled');
  await page.check('#caa-enabled');
  await page.click('#caa-issuers > button.add');
  await page.fill('#caa-issuers-0', 'letsencrypt.org');
  await page.waitForSelector('tr[data-record-type="CAA"]');
  const all = await records(page);
  const has = (type, name) => assert.ok(all.some((r) => r.type === type && r.name === name), `${type} ${name}`);
  has('TXT', '_mta-sts.example.com.');
  has('A', 'mta-sts.example.com.');
  has('TXT', '_smtp._tls.example.com.');
  has('SRV', '_submissions._tcp.example.com.');
  has('SRV', '_imaps._tcp.example.com.');
  has('CAA', 'example.com.');
  assert.equal(all.find((r) => r.name === '_smtp._tls.example.com.').value, 'v=TLSRPTv1; rua=mailto:tlsrpt@example.com');
  assert.match(await page.textContent('#policy-body'), /mode: enforce/);
  assert.equal(await page.textContent('#policy-url'), 'https://mta-sts.example.com/.well-known/mta-sts.txt');
  // A bad max_age is explained under its field.
  await page.fill('#mta-sts-max-age', 'soon');
  await page.waitForSelector('#mta-sts-max-age-msg [data-error-code]');
  await page.fill('#mta-sts-max-age', '');
  // TLSA from a pasted PEM that is not one: a specific error.
  await page.check('#tlsa-enabled');
  await page.fill('#tlsa-pem', '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----');
  await page.waitForSelector('#tlsa-pem-msg [data-error-code]');
  await page.uncheck('#tlsa-enabled');
  // Null MX: only the lockdown set.
  await page.check('#null-mx');
  await page.waitForSelector('tr[data-record-type="MX"][data-record-value="."]');
  const locked = await records(page);
  assert.ok(locked.some((r) => r.type === 'TXT' && r.value === 'v=spf1 -all'));
  assert.ok(!locked.some((r) => r.type === 'A'));
  await page.click('#section-backup > summary');
  await page.click('#section-ttl > summary');
  await page.click('#section-spf > summary');
  await assertAccessible(page, 'all sections open');
  assert.deepEqual(errors, []);
  await context.close();
});

test('(h) Ed25519 goes beside RSA: generated in the browser or explained when it cannot be', async () => {
  const { context, page } = await openPage();
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-ipv4-0', '198.51.100.25');
  await page.click('#dkim-generate');
  await page.waitForSelector('tr[data-record-name$="._domainkey.example.com."]');
  await page.check('#dkim-ed25519');
  await page.fill('#dkim-ed25519-selector', 'ed1');
  await page.click('#dkim-generate-ed25519');
  const outcome = await Promise.race([
    page.waitForSelector('tr[data-record-name="ed1._domainkey.example.com."]').then(() => 'made'),
    page.waitForSelector('[data-error-code="ui.gen.dkim.keygen_failed"]').then(() => 'refused'),
  ]);
  if (outcome === 'made') {
    const row = await page.getAttribute('tr[data-record-name="ed1._domainkey.example.com."]', 'data-record-value');
    assert.match(row, /^v=DKIM1; k=ed25519; p=[A-Za-z0-9+/]{43}=$/);
  }
  // Without the RSA key, the Ed25519 key alone is refused with its reason.
  await page.fill('#dkim-public-key', '');
  await page.fill('#dkim-ed25519-public-key', '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=');
  await page.waitForSelector('#dkim-ed25519-public-key-msg [data-error-code], #dkim-public-key-msg [data-error-code]');
  await assertAccessible(page, 'ed25519');
  await context.close();
});

test('(h2) both keys stay downloadable; the Ed25519 key gets its own selector; nothing for an empty selector', async () => {
  // Issue 21 item 3.
  for (const [locale, width] of [['en-US', 1280], ['zh-CN', 360]]) {
    const { context, page, errors } = await openPage({ locale, width });
    await page.fill('#domain', 'example.com');
    await page.fill('#hosts-0-ipv4-0', '198.51.100.25');
    await page.click('#dkim-generate');
    await page.waitForSelector('#private-key');
    const rsaSelector = await page.inputValue('#dkim-selector');
    await page.check('#dkim-ed25519');
    const edSelector = await page.inputValue('#dkim-ed25519-selector');
    assert.match(edSelector, /^e\d{6}$/, 'a default selector of its own');
    assert.notEqual(edSelector, rsaSelector);
    assert.equal(await page.isDisabled('#dkim-generate-ed25519'), false);
    await page.click('#dkim-generate-ed25519');
    const outcome = await Promise.race([
      page.waitForSelector('#private-key-ed25519').then(() => 'made'),
      page.waitForSelector('[data-error-code="ui.gen.dkim.keygen_failed"]').then(() => 'refused'),
    ]);
    if (outcome === 'made') {
      // The RSA panel is still there, with its own download.
      assert.match(await page.textContent('#private-key-download'), new RegExp(`${rsaSelector}\\.private`));
      assert.match(await page.textContent('#private-key-download-ed25519'), new RegExp(`${edSelector}\\.private`));
      assert.match(await page.textContent('#snippet-rspamd-ed25519'), new RegExp(`selector = "${edSelector}"`));
      await page.waitForSelector(`tr[data-record-name="${edSelector}._domainkey.example.com."]`);
      await assertAccessible(page, `two keys ${locale}`);
      await screenshot(page, `two-keys-${locale}-${width}`);
      // An empty selector: no button, no snippet naming `._domainkey`.
      await page.fill('#dkim-ed25519-selector', '');
      await page.waitForFunction(() => document.querySelector('#dkim-generate-ed25519')?.disabled === true);
      assert.equal(await page.locator('#snippet-rspamd-ed25519').count(), 0);
      assert.doesNotMatch(await page.textContent('.generate'), /selector = ""/);
      // Each is forgotten on its own.
      await page.click('#private-key-forget');
      assert.equal(await page.locator('#private-key').count(), 0);
      assert.equal(await page.locator('#private-key-ed25519').count(), 1);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('(h3) a selector typed as its host record and a server name typed as the domain are pointed out', async () => {
  // Issue 21 items 4 and 5.
  for (const locale of ['en-US', 'zh-CN']) {
    const { context, page, errors } = await openPage({ locale });
    await page.fill('#domain', 'mail.example.com');
    await page.fill('#hosts-0-ipv4-0', '198.51.100.25');
    await page.waitForSelector('#domain-help [data-error-code="plan.domain_is_host"]');
    assert.match(await page.textContent('#domain-help [data-error-code="plan.domain_is_host"]'), /example\.com/);
    // Pointed out, not refused: the records are there.
    await page.waitForSelector('tr[data-record-type="MX"]');
    await page.fill('#domain', 'example.com');
    await page.waitForFunction(() => !document.querySelector('#domain-help [data-error-code="plan.domain_is_host"]'));
    await page.fill('#dkim-selector', 'mail._domainkey');
    await page.click('#dkim-generate');
    await page.waitForSelector('#private-key');
    await page.waitForSelector('[data-error-code="plan.dkim_selector_suffix"]');
    assert.match(await page.textContent('#snippet-opendkim'), /mail\._domainkey\.example\.com/);
    assert.doesNotMatch(await page.textContent('#snippet-opendkim'), /_domainkey\._domainkey/);
    await page.waitForSelector('tr[data-record-name="mail._domainkey.example.com."]');
    await assertAccessible(page, `selector suffix ${locale}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

