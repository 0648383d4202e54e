// The bad-input catalogue (tests/bad_inputs/cases.json) run through the
// built page: every case (but those of NATIVE_ONLY surfaces, below) is
// typed into its field, pasted, opened as a link or seeded into
// localStorage before the page loads; the page must show the
// case's exact code on the case's element (data-error-code, data-notice-code
// or data-finding-code), show no panic banner, and still answer an edit
// afterwards. The native run of the same file is tests/bad_inputs.rs.
//
// Nothing leaves the machine: every request that is not to 127.0.0.1 is
// aborted, and the pasted-policy cases audit good-mail.net through the local
// DoH server (tests/doh/server.py).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot, repoRoot } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

const DIR = path.join(repoRoot, 'tests', 'bad_inputs');
const { cases } = JSON.parse(await fs.readFile(path.join(DIR, 'cases.json'), 'utf8'));
const R2048 = await fs.readFile(path.join(DIR, 'keys', 'r2048.pub'), 'utf8');

let server;
let doh;
let browser;
const tally = { passed: 0, failed: [] };

// No gzip: each of the many page loads would otherwise recompress the wasm.
before(async () => ({ server, doh, browser } = await startFixture({ doh: { adZones: ['good-mail.net'] }, gzip: false })));
after(async () => {
  await stopFixture({ server, doh, browser });
  console.log(`bad_inputs (page): ${tally.passed} passed, ${tally.failed.length} failed`);
});

// The input spec of the README, as tests/bad_inputs.rs expands it.
async function build(spec) {
  if (typeof spec === 'string') return spec;
  let out;
  if ('repeat' in spec) out = (await build(spec.repeat)).repeat(spec.times);
  else if ('file' in spec) out = await fs.readFile(path.join(DIR, spec.file), 'utf8');
  else if ('pem_body' in spec) {
    const pem = await fs.readFile(path.join(DIR, spec.pem_body), 'utf8');
    out = pem.split('\n').filter((l) => !l.startsWith('-----')).join('');
  } else if ('concat' in spec) out = (await Promise.all(spec.concat.map(build))).join('');
  else if ('share' in spec) {
    const json = Buffer.from(await build(spec.share));
    if (spec.version === 0) out = `p0=${json.toString('base64url')}`;
    else {
      let deflated = zlib.deflateRawSync(json, { level: 9 });
      if (spec.cut !== undefined) deflated = deflated.subarray(0, spec.cut);
      out = `p1=${deflated.toString('base64url')}`;
    }
  } else throw new Error(`unknown input spec ${JSON.stringify(spec)}`);
  if (spec.take !== undefined) out = Array.from(out).slice(0, spec.take).join('');
  return `${spec.prefix ? await build(spec.prefix) : ''}${out}${spec.suffix ? await build(spec.suffix) : ''}`;
}

// An element in (or being) `scope` that carries `code` in one of the hooks.
const codeSelector = (scope, code) => ['data-error-code', 'data-notice-code', 'data-finding-code']
  .flatMap((attr) => [`${scope} [${attr}="${code}"]`, `${scope}[${attr}="${code}"]`]).join(', ');

// Codes of error severity shown in `scope` (empty if the scope is absent).
function errorsIn(page, scope) {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope);
    if (!root) return [];
    const code = (e) => e.dataset.errorCode || e.dataset.noticeCode || e.dataset.findingCode;
    return [root, ...root.querySelectorAll('[data-error-code], [data-notice-code], [data-finding-code]')]
      .filter((e) => code(e) && (e.classList.contains('error') || e.dataset.severity === 'error'))
      .map(code);
  }, scope);
}

// Lets yew render what the last input event changed.
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

async function newPage({ seed = [] } = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('connectionrefused'));
  if (seed.length) {
    // Seeded once, before the page's own scripts, as a damaged profile would be.
    await context.addInitScript((pairs) => {
      if (sessionStorage.getItem('bad-inputs.seeded')) return;
      for (const [k, v] of pairs) localStorage.setItem(k, v);
      sessionStorage.setItem('bad-inputs.seeded', '1');
    }, seed);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

// The case's verdict on the page as it is now: the code on the element with
// the expected severity, or for `ok` no error there; never a panic banner.
async function assertCase(page, c) {
  const expect = c.expect ?? 'error';
  if (expect === 'ok') {
    if (c.code) await page.waitForSelector(codeSelector(c.page, c.code), { state: 'attached', timeout: 10_000 });
    else await settle(page);
    assert.deepEqual(await errorsIn(page, c.page), [], `${c.id}: no error expected in ${c.page}`);
  } else {
    const el = await page.waitForSelector(codeSelector(c.page, c.code), { state: 'attached', timeout: 10_000 });
    const severity = await el.evaluate((e) => ['error', 'warning', 'info']
      .find((s) => e.classList.contains(s) || e.classList.contains(`sev-${s}`) || e.dataset.severity === s));
    assert.equal(severity, expect, `${c.id}: ${c.code} shown as ${severity}`);
    const text = (await el.textContent()).trim();
    assert.ok(text.length > 0 && !text.includes(c.code), `${c.id}: a plain explanation, not the bare code: ${text.slice(0, 80)}`);
  }
  assert.equal(await page.locator('#panic-banner').count(), 0, `${c.id}: the page panicked`);
}

// The page still answers: an edit of the domain re-renders its message.
async function assertAlive(page, label) {
  if (await page.locator('#panel-generate[hidden]').count()) await page.click('#tab-generate');
  const name = `alive-${Date.now()}.example.org`;
  await page.fill('#domain', name);
  await page.waitForFunction((n) => document.querySelector('#domain-help')?.textContent.includes(n), name, { timeout: 10_000 });
  assert.equal(await page.locator('#panic-banner').count(), 0, `${label}: the page panicked`);
}

async function record(c, fn) {
  try {
    await fn();
    tally.passed += 1;
  } catch (e) {
    tally.failed.push(`${c.id}: ${e.message.split('\n')[0]}`);
    throw e;
  }
}

const open = (page, id) => page.$eval(id, (d) => { d.open = true; });
async function addEntry(page, list, entry) {
  if (!(await page.locator(entry).count())) await page.click(`${list} > button.add`);
  await page.waitForSelector(entry);
}
async function enable(page, id) {
  if (!(await page.isChecked(id))) await page.check(id);
}
async function disable(page, id) {
  if (await page.isChecked(id)) await page.uncheck(id);
}

// Generator surfaces: the input to fill, how to get there, the value that
// leaves the form valid again, and what to undo afterwards.
const FIELDS = {
  domain: { input: '#domain', reset: 'example.com' },
  host_name: { input: '#hosts-0-name', reset: '' },
  host_ipv4: { input: '#hosts-0-ipv4-0', reset: '' },
  host_ipv6: { input: '#hosts-0-ipv6-0', reset: '', prep: (p) => addEntry(p, '#hosts-0-ipv6', '#hosts-0-ipv6-0') },
  backup_mx_name: {
    input: '#backup_mx-0-name', reset: 'mx.example.net',
    prep: async (p) => { await open(p, '#section-backup'); if (!(await p.locator('#backup_mx-0-name').count())) await p.click('#backup_mx-add'); },
    undo: (p) => p.click('#backup_mx-0 .remove-host'),
  },
  dkim_selector: { input: '#dkim-selector', reset: 's1', prep: (p) => p.fill('#dkim-public-key', R2048) },
  dkim_public_key: { input: '#dkim-public-key', reset: '' },
  dmarc_rua: { input: '#dmarc-rua-0', reset: '', prep: (p) => addEntry(p, '#dmarc-rua', '#dmarc-rua-0') },
  tls_rpt_rua: {
    input: '#tls-rpt-rua-0', reset: 'tlsrpt@example.com',
    prep: async (p) => { await open(p, '#section-mta-sts'); await enable(p, '#tls-rpt-enabled'); await addEntry(p, '#tls-rpt-rua', '#tls-rpt-rua-0'); },
    undo: (p) => disable(p, '#tls-rpt-enabled'),
  },
  spf_include: { input: '#spf-includes-0', reset: '', prep: async (p) => { await open(p, '#section-spf'); await addEntry(p, '#spf-includes', '#spf-includes-0'); } },
  spf_ip4: { input: '#spf-ip4-0', reset: '', prep: async (p) => { await open(p, '#section-spf'); await addEntry(p, '#spf-ip4', '#spf-ip4-0'); } },
  spf_ip6: { input: '#spf-ip6-0', reset: '', prep: async (p) => { await open(p, '#section-spf'); await addEntry(p, '#spf-ip6', '#spf-ip6-0'); } },
  spf_mx: { input: '#spf-mx-0', reset: '', prep: async (p) => { await open(p, '#section-spf'); await addEntry(p, '#spf-mx', '#spf-mx-0'); } },
  caa_iodef: {
    input: '#caa-iodef', reset: '',
    prep: async (p) => {
      await open(p, '#section-extras'); await enable(p, '#caa-enabled');
      await addEntry(p, '#caa-issuers', '#caa-issuers-0'); await p.fill('#caa-issuers-0', 'letsencrypt.org');
    },
    undo: (p) => disable(p, '#caa-enabled'),
  },
  mta_sts_mx: {
    input: '#mta-sts-mx-0', reset: '',
    prep: async (p) => { await open(p, '#section-mta-sts'); await enable(p, '#mta-sts-enabled'); await addEntry(p, '#mta-sts-mx', '#mta-sts-mx-0'); },
    undo: (p) => disable(p, '#mta-sts-enabled'),
  },
  ttl_default: { input: '#ttl-default', reset: '', prep: (p) => open(p, '#section-ttl') },
};

const bySurface = (surfaces) => cases.filter((c) => surfaces.includes(c.surface));

// Surfaces whose cases run natively only (tests/bad_inputs.rs). zone_import:
// the page's import box (#import-text, #import-file, #import-msg) is covered
// by tests/e2e/adopt.test.mjs; these cases, some of them bytes no text box
// takes (GBK, a ZIP header), run through the readers natively.
const NATIVE_ONLY = ['zone_import'];
const pageCases = cases.filter((c) => !NATIVE_ONLY.includes(c.surface));

test('catalogue shape: at least 70 cases, every surface known to this runner', () => {
  assert.ok(cases.length >= 70, `${cases.length} cases`);
  const known = [...Object.keys(FIELDS), 'check_domain', 'check_selectors', 'check_ips', 'check_policy', 'endpoint_url', 'share_link', 'check_link', 'storage', 'panel', 'message', ...NATIVE_ONLY];
  for (const c of cases) assert.ok(known.includes(c.surface), `${c.id}: surface ${c.surface}`);
});

test('generator fields: each bad value shows its code under its field, and the records come back', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#domain');
  await page.fill('#domain', 'example.com');
  let n = 0;
  for (const [surface, f] of Object.entries(FIELDS)) {
    const group = bySurface([surface]);
    if (!group.length) continue;
    await f.prep?.(page);
    for (const c of group) {
      await record(c, async () => {
        const input = await build(c.input);
        await page.fill(f.input, f.reset);
        if (c.code) await page.waitForSelector(codeSelector(c.page, c.code), { state: 'detached', timeout: 10_000 });
        if (c.setup?.dkim_algorithm) await page.selectOption('#dkim-algorithm', c.setup.dkim_algorithm);
        await page.fill(f.input, input);
        await assertCase(page, c);
        if (c.setup?.dkim_algorithm) await page.selectOption('#dkim-algorithm', 'rsa-2048');
      });
    }
    await page.fill(f.input, f.reset);
    await f.undo?.(page);
    // Still alive: a valid plan gives its records again.
    n += 1;
    const ip = `203.0.113.${n}`;
    await page.fill('#hosts-0-ipv4-0', ip);
    await page.waitForSelector(`#records tr[data-record-type="A"][data-record-value="${ip}"]`, { timeout: 10_000 });
    if (surface === 'domain' || surface === 'dkim_public_key') await assertAccessible(page, `after ${surface} cases`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// DNS panel limits (src/export/limits.rs): a record the chosen panel cannot
// take as generated gives its finding above the records of that panel, and
// the same plan shown for a panel without that limit gives none.
const PANEL_FIELDS = {
  dkim_public_key: { input: '#dkim-public-key', reset: '' },
  host_priority: { input: '#hosts-0-priority', reset: '10' },
  ttl_default: { input: '#ttl-default', reset: '', prep: (p) => open(p, '#section-ttl') },
  tlsa_pem: {
    input: '#tlsa-pem', reset: '',
    prep: async (p) => { await open(p, '#section-extras'); await enable(p, '#tlsa-enabled'); },
    undo: (p) => disable(p, '#tlsa-enabled'),
  },
};
// The stored name of a panel (serde) and the picker's value.
const PANEL_VALUE = { dns_pod: 'dnspod' };

test('panel limits: each case gives its finding above the records for that panel, and none for a panel without the limit', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#domain');
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
  for (const c of bySurface(['panel'])) {
    await record(c, async () => {
      const f = PANEL_FIELDS[c.setup.field];
      assert.ok(f, `${c.id}: no field ${c.setup.field} in this runner`);
      await f.prep?.(page);
      if (c.setup.dkim_algorithm) await page.selectOption('#dkim-algorithm', c.setup.dkim_algorithm);
      await page.fill(f.input, await build(c.input));
      await page.waitForSelector('#panel');
      await page.selectOption('#panel', PANEL_VALUE[c.setup.panel] ?? c.setup.panel);
      await assertCase(page, c);
      // The generic panel has none of these limits.
      await page.selectOption('#panel', 'generic');
      await page.waitForSelector(codeSelector('#panel-findings', c.code), { state: 'detached', timeout: 10_000 });
      await page.fill(f.input, f.reset);
      await f.undo?.(page);
      if (c.setup.dkim_algorithm) await page.selectOption('#dkim-algorithm', 'rsa-2048');
    });
  }
  await assertAccessible(page, 'after panel cases');
  assert.deepEqual(errors, []);
  await context.close();
});

// The checker refuses the form before asking anything; a remembered resolver
// keeps the first-use race (which would ask the presets) out of the way.
test('checker form: bad domain, selectors and addresses are refused with their codes', async () => {
  const { context, page, errors } = await newPage({ seed: [['maildns.resolver.v1', 'google']] });
  await page.goto(`${server.url}/`);
  await page.click('#tab-check');
  await page.waitForSelector('#check-domain');
  for (const c of bySurface(['check_domain', 'check_selectors', 'check_ips'])) {
    await record(c, async () => {
      const input = await build(c.input);
      // An empty domain first, so the notice list visibly changes.
      await page.fill('#check-domain', '');
      await page.click('[data-action="audit"]');
      await page.waitForSelector('.check-notices [data-notice-code="name.empty"]');
      await page.fill('#check-domain', c.surface === 'check_domain' ? input : 'example.com');
      await page.fill('#check-selectors', c.surface === 'check_selectors' ? input : '');
      await page.fill('#check-ips', c.surface === 'check_ips' ? input : '');
      await page.click('[data-action="audit"]');
      await assertCase(page, c);
      assert.notEqual(await page.getAttribute('.check', 'data-run'), 'running', `${c.id}: a run started`);
    });
  }
  await assertAccessible(page, 'checker notices');
  await assertAlive(page, 'checker form');
  assert.deepEqual(errors, []);
  await context.close();
});

test('checker endpoint URL: each bad custom resolver shows its code at once', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(`${server.url}/`);
  await page.click('#tab-check');
  await page.selectOption('#ep-kind', 'custom');
  for (const c of bySurface(['endpoint_url'])) {
    await record(c, async () => {
      await page.fill('#ep-url', 'https://dns.example.net/dns-query');
      if (c.code) await page.waitForSelector(codeSelector(c.page, c.code), { state: 'detached' });
      await page.fill('#ep-url', await build(c.input));
      await assertCase(page, c);
    });
  }
  await assertAccessible(page, 'bad endpoint');
  await assertAlive(page, 'endpoint');
  assert.deepEqual(errors, []);
  await context.close();
});

// The message test: each bad message pasted into its text box gives its
// code (the refusal, or a finding of the report); the work runs in the
// message worker, so the page answers typing meanwhile and after.
test('message test: each bad message gives its code, the page stays responsive', { timeout: 240_000 }, async () => {
  await doh.reset();
  const { context, page, errors } = await newPage();
  await page.goto(`${server.url}/#message`);
  await page.waitForSelector('.message-test[data-message-worker="ready"]', { timeout: 60_000 });
  await page.selectOption('#message-ep-kind', 'custom');
  await page.fill('#message-ep-url', `${doh.url}/resolve`);
  await page.selectOption('#message-ep-flavor', 'google');
  for (const c of bySurface(['message'])) {
    await record(c, async () => {
      const input = await build(c.input);
      const before = Number(await page.getAttribute('.message-test', 'data-finished'));
      await page.$eval('#message-source', (t, v) => { t.value = v; }, input);
      await page.click('[data-action="test-message"]');
      // The main thread answers while the worker reads the message.
      const answered = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(true))));
      assert.ok(answered, `${c.id}: the page answers during the run`);
      await page.waitForFunction((n) => Number(document.querySelector('.message-test')?.dataset.finished) > n, before, { timeout: 60_000 });
      await assertCase(page, c);
    });
  }
  await page.$eval('#message-source', (t) => { t.value = ''; });
  await assertAccessible(page, 'bad messages');
  await assertAlive(page, 'message test');
  assert.deepEqual(errors, []);
  await context.close();
});

test('checker pasted MTA-STS policy: each bad policy gives its finding in the report', async () => {
  await doh.reset();
  const { context, page, errors } = await newPage();
  await page.goto(`${server.url}/`);
  await page.click('#tab-check');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
  await page.fill('#check-domain', 'good-mail.net');
  await page.fill('#check-selectors', 's202611');
  for (const c of bySurface(['check_policy'])) {
    await record(c, async () => {
      await page.fill('#check-policy', await build(c.input));
      // Watch the run attribute so that this run's end is what is waited for.
      await page.evaluate(() => {
        window.__sawRunning = false;
        const el = document.querySelector('.check');
        new MutationObserver(() => { if (el.dataset.run === 'running') window.__sawRunning = true; })
          .observe(el, { attributes: true, attributeFilter: ['data-run'] });
      });
      await page.click('[data-action="audit"]');
      await page.waitForFunction(() => window.__sawRunning && document.querySelector('.check').dataset.run === 'done', null, { timeout: 30_000 });
      await assertCase(page, c);
    });
  }
  await assertAccessible(page, 'policy findings');
  await assertAlive(page, 'policy');
  assert.deepEqual(errors, []);
  await context.close();
});

test('links: malformed share and check links give their codes in a fresh page', async () => {
  for (const c of bySurface(['share_link', 'check_link'])) {
    await record(c, async () => {
      const { context, page, errors } = await newPage();
      await page.goto(`${server.url}/#${await build(c.input)}`);
      await page.waitForSelector('#domain', { state: 'attached' });
      if (c.confirm) await page.click('[data-action="confirm-yes"]');
      await assertCase(page, c);
      if (c.id === 'share-private-key-dropped') assert.equal(await page.inputValue('#dkim-public-key'), '');
      if (c.id === 'share-bad-base64') await assertAccessible(page, 'bad share link');
      await assertAlive(page, c.id);
      assert.deepEqual(errors, [], c.id);
      await context.close();
    });
  }
});

test('corrupted localStorage: the page opens, says what it could not read, and works', async () => {
  for (const c of bySurface(['storage'])) {
    await record(c, async () => {
      const { context, page, errors } = await newPage({ seed: [[c.key, await build(c.input)]] });
      await page.goto(`${server.url}/`);
      await page.waitForSelector('#domain');
      await assertCase(page, c);
      if (c.key === 'maildns.lang') assert.equal(await page.getAttribute('html', 'lang'), 'en');
      if (c.key === 'maildns.connect.origins') {
        // Nothing from the list reaches the page's connect-src.
        const policy = await page.getAttribute('meta[data-maildns-connect]', 'content');
        assert.doesNotMatch(policy, /evil|javascript|dns\.example/, c.id);
      }
      if (c.key === 'maildns.panel') {
        // The records (and the panel choice above them) show once the plan is valid.
        await page.fill('#domain', 'example.com');
        await page.fill('#hosts-0-ipv4-0', '198.51.100.7');
        await page.waitForSelector('#records');
        assert.equal(await page.inputValue('#panel'), 'aliyun', c.id);
      }
      if (c.key === 'maildns.resolver.v1') {
        await page.click('#tab-check');
        assert.equal(await page.inputValue('#ep-kind'), 'google');
      }
      if (c.code === 'storage.newer_version') {
        // A newer page's plan is left exactly as it was.
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), c.key), await build(c.input));
      } else if (c.code?.startsWith('storage.') || c.code?.startsWith('dkim.private.')) {
        // Kept aside with the reason, never dropped; an unreadable key is
        // not offered as a key.
        const key = c.key === 'maildns.dkim.private';
        await page.waitForSelector(`[data-notice-code="${key ? 'storage.key_set_aside' : 'storage.set_aside'}"]`);
        if (key) assert.equal(await page.locator('#private-key').count(), 0, c.id);
        assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}.unreadable`), c.key), await build(c.input));
      }
      await assertAlive(page, c.id);
      assert.deepEqual(errors, [], c.id);
      await context.close();
    });
  }
});

// A message that quotes a long bad value wraps: the page never scrolls
// sideways at phone width (screenshots in target/e2e/ to look at).
for (const locale of ['en-US', 'zh-CN']) {
  test(`long bad values wrap at 360 px (${locale})`, async () => {
    const context = await browser.newContext({ locale, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.fill('#domain', `${'a'.repeat(64)}.com`);
    await page.fill('#hosts-0-name', `${'b'.repeat(200)}.example.com`);
    await page.fill('#dkim-selector', `${'s'.repeat(64)}`);
    await page.fill('#dkim-public-key', R2048);
    await page.click('#dmarc-rua > button.add');
    await page.fill('#dmarc-rua-0', `${'r'.repeat(300)}@example.com`);
    await page.waitForSelector('#dmarc-rua-0-msg [data-error-code="uri.local_part_too_long"]');
    await page.waitForSelector('#hosts-0-name-msg [data-error-code="name.label_too_long"]');
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `sideways scroll: ${scroll} > ${client}`);
    await screenshot(page, `bad-inputs-long-${locale}-360`);
    await assertAccessible(page, `long values ${locale}`);
    await context.close();
  });
}

test('every case of the catalogue ran in the page', () => {
  assert.equal(tally.passed + tally.failed.length, pageCases.length, 'some cases were not run');
  assert.deepEqual(tally.failed, []);
});
