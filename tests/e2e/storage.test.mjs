// The plan kept in this browser (issue 7, item 6; src/plan/stored.rs):
// a version-1 plan migrates to the versioned envelope, unreadable data is
// moved aside with a notice, a plan from a newer page is left untouched, and
// a plan survives a reload and a browser restart (same profile directory).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await startFixture()));
after(() => stopFixture({ server, browser }));

const V1 = {
  domain: 'example.org',
  hosts: [{ name: 'mx', ipv4: ['192.0.2.7'], ipv6: [], priority: '5' }],
  dkim: { selector: 'mail' },
};

// Seeds localStorage before the page's first script, on the first load only.
async function openSeeded(seed, { locale = 'en-US' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  await context.addInitScript((entries) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, seed);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#domain');
  return { context, page, errors };
}

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

test('a version-1 plan is migrated to the versioned format and the old key removed', async () => {
  const { context, page, errors } = await openSeeded({ 'maildns.plan.v1': JSON.stringify(V1) });
  assert.equal(await page.inputValue('#domain'), 'example.org');
  await page.waitForSelector('tr[data-record-type="MX"][data-record-priority="5"]');
  await page.waitForFunction(() => localStorage.getItem('maildns.plan.v1') === null);
  const envelope = JSON.parse(await stored(page, 'maildns.plan'));
  assert.equal(envelope.format, 'maildns.plan');
  assert.equal(envelope.version, 2);
  assert.equal(envelope.plan.domain, 'example.org');
  assert.deepEqual(envelope.plan.hosts[0].ipv4, ['192.0.2.7']);
  assert.equal(await page.locator('[data-notice-code^="storage."]').count(), 0);
  // The Check half reads the same plan.
  await page.click('#tab-check');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', 'http://127.0.0.1:9/resolve');
  await page.click('[data-action="verify"]');
  await page.waitForSelector('.check[data-run="done"], .check [data-notice-code]', { timeout: 60_000 });
  assert.equal(await page.locator('.check [data-notice-code]').count(), 0, 'the Check half found the plan');
  assert.deepEqual(errors, []);
  await context.close();
});

test('unreadable data is moved aside with a notice, in both languages, and never overwritten', async () => {
  for (const [locale, word] of [['en-US', /Error/], ['zh-CN', /错误/]]) {
    const { context, page } = await openSeeded({ 'maildns.plan': '{"format":"maildns.plan","version":2,"plan":[' }, { locale });
    const notice = page.locator('[data-error-code="storage.set_aside"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), word);
    assert.match(await notice.textContent(), /maildns\.plan\.unreadable/);
    assert.equal(await stored(page, 'maildns.plan.unreadable'), '{"format":"maildns.plan","version":2,"plan":[');
    await screenshot(page, `storage-set-aside-${locale}`);
    await assertAccessible(page, `set aside ${locale}`);
    // A second, different unreadable plan goes to the next slot.
    await page.evaluate(() => localStorage.setItem('maildns.plan', 'not json'));
    await page.reload();
    await page.waitForSelector('[data-error-code="storage.set_aside"]');
    assert.equal(await stored(page, 'maildns.plan.unreadable.2'), 'not json');
    assert.equal(await stored(page, 'maildns.plan.unreadable'), '{"format":"maildns.plan","version":2,"plan":[');
    await page.fill('#domain', 'example.com');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('maildns.plan')).plan.domain === 'example.com');
    assert.equal(await stored(page, 'maildns.plan.unreadable.2'), 'not json');
    await context.close();
  }
  // The legacy key keeps its old set-aside key.
  const { context, page } = await openSeeded({ 'maildns.plan.v1': '{"domain": 42, broken' });
  await page.waitForSelector('[data-error-code="storage.set_aside"]');
  assert.equal(await stored(page, 'maildns.plan.v1.unreadable'), '{"domain": 42, broken');
  assert.equal(await stored(page, 'maildns.plan.v1'), null);
  await context.close();
});

test('a plan from a newer page is left untouched, by both halves', async () => {
  const future = JSON.stringify({ format: 'maildns.plan', version: 3, plan: { domain: 'example.net', shiny: true } });
  const { context, page } = await openSeeded({ 'maildns.plan': future });
  await page.waitForSelector('[data-error-code="storage.newer_version"]');
  await assertAccessible(page, 'newer version');
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
  await page.waitForSelector('tr[data-record-type="A"]');
  assert.equal(await stored(page, 'maildns.plan'), future);
  await page.click('#tab-check');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', 'http://127.0.0.1:9/resolve');
  await page.click('[data-action="verify"]');
  // The Check half verifies the plan on screen (the page's state, not a
  // second read of storage), and leaves the newer plan alone too.
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  assert.equal(await stored(page, 'maildns.plan'), future);
  await page.reload();
  await page.waitForSelector('[data-error-code="storage.newer_version"]');
  assert.equal(await stored(page, 'maildns.plan'), future);
  await context.close();
});

test('a plan survives a reload and a browser restart with the same profile', async () => {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'maildns-profile-'));
  const open = () => chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    locale: 'en-US',
  });
  try {
    let context = await open();
    let page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${server.url}/`);
    await page.fill('#domain', 'restart.example');
    await page.fill('#hosts-0-ipv4-0', '198.51.100.9');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('maildns.plan') ?? '{}').plan?.hosts?.[0]?.ipv4?.[0] === '198.51.100.9');
    await page.reload();
    await page.waitForSelector('tr[data-record-value="198.51.100.9"]');
    await context.close();

    context = await open();
    page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('tr[data-record-value="198.51.100.9"]');
    assert.equal(await page.inputValue('#domain'), 'restart.example');
    await context.close();
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
});

// The kept private key (src/dkim/private.rs, ui/generate/persist.rs): read
// back before it is offered; its algorithm comes from the key itself, and a
// key that does not belong to the plan's public key is pointed out. Keys:
// tests/vectors/private/ (throwaway, see SOURCES.md there).
const vectors = path.resolve(import.meta.dirname, '../vectors/private');
const keyFile = (name) => fs.readFile(path.join(vectors, name), 'utf8');

test('a kept private key comes back as itself, and a foreign one is pointed out', async () => {
  const [rsaPem, rsaSpki, edPem, edRaw] = await Promise.all(
    ['r1024.pem', 'r1024.spki.b64', 'ed25519.pem', 'ed25519.raw.b64'].map(keyFile));
  const plan = (dkim) => JSON.stringify({ format: 'maildns.plan', version: 2, plan: { ...V1, dkim } });
  const both = { selector: 'rsa1', algorithm: 'rsa1024', public_key: rsaSpki.trim(), ed25519_selector: 'ed1', ed25519_public_key: edRaw.trim() };

  // RSA, belonging to the plan's key: offered under the RSA selector, no notice.
  let { context, page, errors } = await openSeeded({ 'maildns.plan': plan(both), 'maildns.dkim.private': rsaPem });
  await page.waitForSelector('#private-key');
  assert.equal(await page.textContent('#private-key-pem'), rsaPem);
  assert.match(await page.textContent('#private-key-download'), /rsa1\.private/);
  assert.equal(await page.isChecked('#keep-private'), true);
  assert.equal(await page.locator('[data-notice-code]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();

  // Ed25519 kept by an older page under the RSA slot: read as what it is,
  // shown in the Ed25519 panel with its own selector, and moved to its slot.
  ({ context, page, errors } = await openSeeded({ 'maildns.plan': plan(both), 'maildns.dkim.private': edPem }));
  await page.waitForSelector('#private-key-ed25519');
  assert.match(await page.textContent('#private-key-download-ed25519'), /ed1\.private/);
  assert.equal(await page.locator('#private-key').count(), 0);
  assert.equal(await page.locator('[data-notice-code]').count(), 0);
  await page.waitForFunction(() => localStorage.getItem('maildns.dkim.private') === null);
  assert.equal(await stored(page, 'maildns.dkim.private.ed25519'), edPem);
  await context.close();

  // Both kept, each in its own slot: both panels.
  ({ context, page, errors } = await openSeeded({ 'maildns.plan': plan(both), 'maildns.dkim.private': rsaPem, 'maildns.dkim.private.ed25519': edPem }));
  await page.waitForSelector('#private-key-ed25519');
  assert.equal(await page.textContent('#private-key-pem'), rsaPem);
  assert.equal(await page.textContent('#private-key-pem-ed25519'), edPem);
  assert.deepEqual(errors, []);
  await context.close();

  // The plan's RSA key is another one: the kept key is still offered, and
  // the notice says it does not go with the record, in both languages.
  const other = { ...both, public_key: (await fs.readFile(path.resolve(import.meta.dirname, '../bad_inputs/keys/r2048.pub'), 'utf8')).trim() };
  for (const locale of ['en-US', 'zh-CN']) {
    ({ context, page, errors } = await openSeeded({ 'maildns.plan': plan(other), 'maildns.dkim.private': rsaPem }, { locale }));
    await page.waitForSelector('#private-key');
    const notice = page.locator('[data-notice-code="dkim.private.mismatch"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), locale === 'zh-CN' ? /不配对/ : /does not belong/);
    assert.match(await notice.textContent(), /rsa1\._domainkey/);
    await screenshot(page, `storage-key-mismatch-${locale}`);
    assert.deepEqual(errors, []);
    await context.close();
  }

  // Unreadable text is set aside and not offered as a key.
  ({ context, page, errors } = await openSeeded({ 'maildns.plan': plan(both), 'maildns.dkim.private': '-----BEGIN RSA PRIVATE KEY-----\nxyz\n-----END RSA PRIVATE KEY-----' }));
  await page.waitForSelector('[data-notice-code="dkim.private.other_label"]');
  await page.waitForSelector('[data-notice-code="storage.key_set_aside"]');
  assert.equal(await page.locator('#private-key').count(), 0);
  assert.equal(await stored(page, 'maildns.dkim.private'), null);
  assert.match(await stored(page, 'maildns.dkim.private.unreadable'), /RSA PRIVATE KEY/);
  // The notice names the reason, never the stored text.
  assert.doesNotMatch(await page.textContent('.generate .notices'), /xyz/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keys this browser made come back after a reload as what they are (RSA, then Ed25519)', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/`);
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-ipv4-0', '198.51.100.7');
  await page.fill('#dkim-selector', 'rsa1');
  await page.click('#dkim-generate');
  await page.waitForSelector('#private-key');
  await page.check('#keep-private');
  await page.waitForFunction(() => /BEGIN PRIVATE KEY/.test(localStorage.getItem('maildns.dkim.private') ?? ''));
  await page.reload();
  await page.waitForSelector('#private-key');
  assert.match(await page.textContent('#private-key-download'), /rsa1\.private/);
  assert.equal(await page.locator('[data-notice-code]').count(), 0);

  await page.check('#dkim-ed25519');
  await page.fill('#dkim-ed25519-selector', 'ed1');
  const rsa = await page.textContent('#private-key-pem');
  await page.click('#dkim-generate-ed25519');
  await page.waitForSelector('#private-key-ed25519');
  // The RSA key stays beside it.
  assert.equal(await page.textContent('#private-key-pem'), rsa);
  await page.check('#keep-private-ed25519');
  await page.waitForFunction(() => /BEGIN PRIVATE KEY/.test(localStorage.getItem('maildns.dkim.private.ed25519') ?? ''));
  await page.reload();
  await page.waitForSelector('#private-key-ed25519');
  // WebCrypto's PKCS#8 carries no Ed25519 public half: nothing to compare, no notice.
  assert.match(await page.textContent('#private-key-download-ed25519'), /ed1\.private/);
  assert.match(await page.textContent('#snippet-rspamd-ed25519'), /ed1/);
  assert.match(await page.textContent('#private-key-download'), /rsa1\.private/);
  assert.equal(await page.locator('[data-notice-code]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
