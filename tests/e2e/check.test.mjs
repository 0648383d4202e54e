// End-to-end tests of the Check half: the built page audits the scenario
// zones of tests/zones/ through the local DoH endpoint (tests/doh/server.py)
// on 127.0.0.1, with faults injected; axe runs on every screen visited and
// screenshots go to target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot, repoRoot } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';
import { startDohServer } from './lib/doh-server.mjs';

let server;
let doh;
let browser;

before(async () => ({ server, doh, browser } = await startFixture({ doh: { adZones: ['good-mail.net'] } })));
after(() => stopFixture({ server, doh, browser }));

const DKIM_SELECTOR = 's202611';
// Codes that claim a record is missing: never for a question that failed.
const MISSING = /\.missing$|^mx\.none$|^mx\.no_address$|^dkim\.no_selector_found$|^spf\.no_record$|^caa\.none$|^tlsa\.none$|^plan\.missing$|^dmarc\.external_unauthorized$/;

async function openCheck({ locale = 'en-US', width = 1280, fragment = '' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.goto(`${server.url}/${fragment ? `#${fragment}` : ''}`);
  await page.waitForSelector('header h1');
  if (!fragment) await page.click('#tab-check');
  return { context, page, errors, dialogs };
}

// Fills the form for a custom endpoint and runs the audit to the end.
async function audit(page, domain, { shape = 'google', selectors = DKIM_SELECTOR, ips = '' } = {}) {
  await page.fill('#check-domain', domain);
  await page.fill('#check-selectors', selectors);
  await page.fill('#check-ips', ips);
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', shape === 'google' ? `${doh.url}/resolve` : `${doh.url}/dns-query`);
  await page.selectOption('#ep-flavor', shape);
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  return report(page);
}

// What the page shows: area statuses, reasons, and findings per area.
async function report(page) {
  return page.evaluate(() => {
    const areas = {};
    for (const el of document.querySelectorAll('.check-report:first-of-type .check-area')) {
      areas[el.dataset.area] = {
        status: el.dataset.status,
        reason: el.querySelector('.check-reason')?.dataset.reason ?? null,
        reasonText: el.querySelector('.check-reason')?.textContent ?? '',
        raw: el.querySelector('[data-raw-answers]')?.textContent ?? '',
        text: el.textContent,
        findings: [...el.querySelectorAll('[data-finding-code]')].map((f) => ({
          code: f.dataset.findingCode, severity: f.dataset.severity, text: f.textContent,
        })),
      };
    }
    const r = document.querySelector('.check-report');
    return {
      areas,
      codes: Object.values(areas).flatMap((a) => a.findings.map((f) => f.code)),
      errors: Object.values(areas).flatMap((a) => a.findings.filter((f) => f.severity === 'error').map((f) => f.code)),
      questions: Number(r?.dataset.questions), chain: Number(r?.dataset.chain), wallMs: Number(r?.dataset.wallMs),
    };
  });
}

// Words of a raw transport failure: shown under the raw answers only, never
// in an explanation (issue 21 item 2).
const RAW_WORDS = /TypeError|Failed to fetch|transport error|HTTP \d{3}|dns\.transport/;

// The findings and the reason line of an area say no raw word.
function assertPlain(a, label) {
  assert.ok(!RAW_WORDS.test(a.reasonText), `${label}: raw words in the reason: ${a.reasonText}`);
  for (const x of a.findings) assert.ok(!RAW_WORDS.test(x.text), `${label}: raw words in ${x.code}: ${x.text}`);
}

// Every audit asks the blocklists too (issue 19): their area is always there.
const AREAS = ['mx', 'addresses', 'ptr', 'spf', 'dkim', 'dmarc', 'mta_sts', 'tls_rpt', 'caa', 'tlsa', 'dnssec', 'blocklists'];

// Every scenario of tests/zones/README.md with the codes the checker gives.
// `must`: codes that must appear; `noErrors`: no finding of severity error.
const SCENARIOS = [
  { domain: 'good-mail.net', must: ['dkim.found', 'ptr.confirmed', 'spf.own_ip_passes', 'dnssec.validated'], noErrors: true },
  { domain: 'spf-lookups.net', must: ['spf.too_many_lookups'] },
  { domain: 'spf-double.net', must: ['spf.multiple_records'], once: ['spf.multiple_records'] },
  { domain: 'spf-wrong-ip.net', must: ['spf.own_ip_fails'] },
  { domain: 'dmarc-missing.net', must: ['dmarc.missing'] },
  { domain: 'dmarc-bad-value.net', must: ['dmarc.bad_value'] },
  { domain: 'dmarc-ext-rua.net', must: ['dmarc.external_unauthorized'] },
  { domain: 'dmarc-ext-rua-ok.net', must: ['dmarc.external_authorized'], not: ['dmarc.external_unauthorized'], noErrors: true },
  { domain: 'dkim-truncated.net', must: ['dkim.bad_base64'] },
  { domain: 'dkim-1024.net', must: ['dkim.rsa_weak'] },
  { domain: 'dkim-testing.net', must: ['dkim.testing'] },
  { domain: 'mx-cname.net', must: ['mx.target_cname'] },
  // An MX at an address: the error names it, its reverse DNS and SPF are
  // checked as for a server address, and the areas with nothing to look up
  // say so instead of "OK".
  { domain: 'mx-ip-literal.net', must: ['mx.ip_literal', 'spf.own_ip_passes', 'check.not_checked_no_host'],
    unknown: ['addresses', 'tlsa'], reason: 'check.reason.no_mail_host', text: { mx: '185.47.112.22' } },
  // The PTR names another host that resolves back: forward-confirmed, but
  // not the MX host's name, which receivers compare with the HELO name.
  { domain: 'ptr-mismatch.net', must: ['ptr.confirmed', 'ptr.not_mx_name'], noErrors: true },
  { domain: 'ptr-missing.net', must: ['ptr.missing'] },
  // A domain without mail signs nothing: a typed selector that is not
  // found is information, not an error.
  { domain: 'null-mx.net', must: ['mx.null', 'dkim.missing'], not: ['mx.none'], noErrors: true },
  { domain: 'mta-sts-bad-id.net', must: ['mta_sts.bad_id'] },
  // `v=TLSRPTv2` is a TLS-RPT record with a wrong version, not a missing one.
  { domain: 'tls-rpt-bad.net', must: ['tls_rpt.bad_version'], not: ['tls_rpt.missing'] },
  { domain: 'dkim-split.net', must: ['dkim.found'], noErrors: true },
  { domain: 'odd-txt.net', must: ['dkim.found'], noErrors: true },
];

function assertScenario(r, s, label) {
  for (const code of s.must) assert.ok(r.codes.includes(code), `${label}: ${code} missing from ${r.codes}`);
  for (const code of s.not ?? []) assert.ok(!r.codes.includes(code), `${label}: ${code} present`);
  for (const code of s.once ?? []) {
    assert.equal(r.codes.filter((c) => c === code).length, 1, `${label}: ${code} said more than once`);
  }
  if (s.noErrors) assert.deepEqual(r.errors, [], `${label}: errors`);
  assert.deepEqual(Object.keys(r.areas).sort(), [...AREAS].sort(), `${label}: every area reported`);
  for (const [area, a] of Object.entries(r.areas)) {
    if ((s.unknown ?? []).includes(area)) {
      assert.equal(a.status, 'could_not_check', `${label}: ${area} is ${a.status}`);
      assert.equal(a.reason, s.reason, `${label}: ${area} reason`);
    } else {
      assert.notEqual(a.status, 'could_not_check', `${label}: ${area} could not be checked`);
    }
  }
  for (const [area, text] of Object.entries(s.text ?? {})) {
    assert.ok(r.areas[area].text.includes(text), `${label}: "${text}" not in ${area}: ${r.areas[area].text}`);
  }
}

test('every scenario domain, Google JSON shape: the expected findings', async () => {
  const { context, page, errors } = await openCheck();
  for (const s of SCENARIOS) {
    const r = await audit(page, s.domain, { selectors: s.selectors ?? DKIM_SELECTOR });
    assertScenario(r, s, s.domain);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Cloudflare shape and spaced TXT strings give the same findings', async () => {
  const { context, page, errors } = await openCheck();
  const some = SCENARIOS.filter((s) => ['good-mail.net', 'spf-lookups.net', 'dkim-split.net', 'dmarc-ext-rua.net', 'odd-txt.net'].includes(s.domain));
  const google = {};
  for (const s of some) {
    const r = await audit(page, s.domain, { shape: 'cloudflare', selectors: s.selectors ?? DKIM_SELECTOR });
    assertScenario(r, s, `${s.domain} (cloudflare)`);
    google[s.domain] = r.codes;
  }
  await doh.setOptions({ txt_style: 'spaced' });
  try {
    for (const s of some) {
      const r = await audit(page, s.domain, { selectors: s.selectors ?? DKIM_SELECTOR });
      assertScenario(r, s, `${s.domain} (spaced)`);
      assert.deepEqual([...r.codes].sort(), [...google[s.domain]].sort(), `${s.domain}: same codes`);
    }
  } finally {
    await doh.reset();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('RFC 8484 wire format gives the same findings as JSON on every scenario', async () => {
  const { context, page, errors } = await openCheck();
  // The mainland-China presets are offered (they are RFC 8484 endpoints).
  const kinds = await page.locator('#ep-kind option').evaluateAll((os) => os.map((o) => o.value));
  for (const k of ['alidns', 'dnspod']) assert.ok(kinds.includes(k), `preset ${k} offered: ${kinds}`);
  await doh.reset();
  for (const s of SCENARIOS) {
    const json = await audit(page, s.domain, { selectors: s.selectors ?? DKIM_SELECTOR });
    const wire = await audit(page, s.domain, { shape: 'wire', selectors: s.selectors ?? DKIM_SELECTOR });
    assertScenario(wire, s, `${s.domain} (wire)`);
    assert.deepEqual([...wire.codes].sort(), [...json.codes].sort(), `${s.domain}: same codes over wire and JSON`);
  }
  // The wire questions really went out as RFC 8484.
  const stats = await doh.stats();
  assert.ok((stats.by_endpoint?.wire ?? 0) > 0, `wire questions counted: ${JSON.stringify(stats.by_endpoint)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('first use races the presets, takes the first correct answer, says why and remembers it', async () => {
  await doh.reset();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // No internet here: AliDNS (RFC 8484) is routed to the local endpoint;
  // the other presets refuse, as blocked resolvers do.
  await page.route('https://dns.alidns.com/**', async (route) => {
    const u = new URL(route.request().url());
    const response = await route.fetch({ url: `${doh.url}/dns-query${u.search}` });
    await route.fulfill({ response });
  });
  for (const pattern of ['https://dns.google/**', 'https://cloudflare-dns.com/**', 'https://doh.pub/**']) {
    await page.route(pattern, (route) => route.abort('connectionrefused'));
  }
  await page.goto(`${server.url}/`);
  await page.click('#tab-check');
  assert.equal(await page.inputValue('#ep-kind'), 'google', 'nothing chosen yet');
  await page.fill('#check-domain', 'good-mail.net');
  await page.fill('#check-selectors', DKIM_SELECTOR);
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  const note = page.locator('.resolver-note');
  assert.equal(await note.getAttribute('data-finding-code'), 'dns.resolver.chosen');
  assert.match(await note.textContent(), /AliDNS/);
  assert.equal(await page.inputValue('#ep-kind'), 'alidns');
  const r = await report(page);
  assert.ok(r.codes.includes('dkim.found'), `audited through AliDNS: ${r.codes}`);
  assert.deepEqual(r.errors, []);
  assert.equal(await page.evaluate(() => localStorage.getItem('maildns.resolver.v1')), 'alidns');
  await assertAccessible(page, 'resolver chosen');
  // Remembered: the next visit starts with it and races no more.
  await page.reload();
  await page.click('#tab-check');
  assert.equal(await page.inputValue('#ep-kind'), 'alidns');
  assert.equal(await page.locator('.resolver-note').count(), 0);
  await context.close();
});

test('a race no resolver wins chooses and remembers nothing; the next check races again', async () => {
  // Issue 21 item 1: this used to run on Google anyway and store it, which
  // pinned a blocked resolver for good.
  await doh.reset();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  let blocked = true;
  await page.route('https://dns.alidns.com/**', async (route) => {
    if (blocked) return route.abort('connectionrefused');
    const u = new URL(route.request().url());
    const response = await route.fetch({ url: `${doh.url}/dns-query${u.search}` });
    await route.fulfill({ response });
  });
  for (const pattern of ['https://dns.google/**', 'https://cloudflare-dns.com/**', 'https://doh.pub/**']) {
    await page.route(pattern, (route) => route.abort('connectionrefused'));
  }
  await page.goto(`${server.url}/`);
  await page.click('#tab-check');
  await page.fill('#check-domain', 'good-mail.net');
  await page.click('[data-action="audit"]');
  const note = page.locator('.resolver-note');
  await note.waitFor({ timeout: 60_000 });
  assert.equal(await note.getAttribute('data-finding-code'), 'dns.resolver.none');
  assert.match(await note.textContent(), /其他（URL）/, 'the note says what to try');
  assert.equal(await page.getAttribute('.check', 'data-run'), 'idle', 'no check ran');
  assert.equal(await page.evaluate(() => localStorage.getItem('maildns.resolver.v1')), null, 'nothing remembered');
  await assertAccessible(page, 'no resolver answered');
  await screenshot(page, 'race-none-zh-CN-360');
  // The network comes back: the next check races again and AliDNS wins.
  blocked = false;
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  assert.equal(await note.getAttribute('data-finding-code'), 'dns.resolver.chosen');
  assert.equal(await page.evaluate(() => localStorage.getItem('maildns.resolver.v1')), 'alidns');
  await context.close();
});

// Faults on some questions: the affected area says "could not check" with
// the reason, claims nothing missing and offers to try again; the rest of
// the report is whole. After the fault clears, "try again" on that area asks
// its questions again, and nothing else.
const FAULTS = [
  { label: 'SERVFAIL', fault: { kind: 'servfail', name: '_dmarc.good-mail.net', type: 'TXT' }, area: 'dmarc', reason: 'dns.servfail' },
  { label: 'timeout', fault: { kind: 'timeout', name: '_smtp._tls.good-mail.net', type: 'TXT', seconds: 9 }, area: 'tls_rpt', reason: 'dns.timeout' },
  { label: '429 that persists', fault: { kind: 'http429', name: 'good-mail.net', type: 'CAA', retry_after: 1 }, area: 'caa', reason: 'dns.transport.rate_limited', text: 'HTTP 429' },
  { label: '500', fault: { kind: 'http500', name: '_mta-sts.good-mail.net', type: 'TXT' }, area: 'mta_sts', reason: 'dns.transport.server_error', text: 'HTTP 500', attempts: 2 },
  { label: 'malformed JSON', fault: { kind: 'malformed', name: 's202611._domainkey.good-mail.net', type: 'TXT' }, area: 'dkim', reason: 'dns.malformed' },
  { label: 'wrong content type', fault: { kind: 'wrong_content_type', name: '_dmarc.good-mail.net', type: 'TXT' }, area: 'dmarc', reason: 'dns.malformed' },
  { label: 'connection reset', fault: { kind: 'reset', name: 'good-mail.net', type: 'CAA' }, area: 'caa', reason: 'dns.transport.unreachable', text: 'Failed to fetch', attempts: 2 },
  // A question that depends on others (MX -> address -> PTR) fails alone.
  { label: 'SERVFAIL on a PTR', fault: { kind: 'servfail', name: '10.112.47.185.in-addr.arpa', type: 'PTR' }, area: 'ptr', reason: 'dns.servfail' },
];

// Every area but `failed` is there and was checked.
function assertRestWhole(r, failed, label) {
  assert.deepEqual(Object.keys(r.areas).sort(), [...AREAS].sort(), `${label}: every area`);
  for (const area of AREAS.filter((x) => !failed.includes(x))) {
    assert.notEqual(r.areas[area].status, 'could_not_check', `${label}: ${area} could not be checked`);
  }
}

// The "try again" button of a failed area; clicking it re-runs that area.
async function retryArea(page, area) {
  const button = page.locator(`.check-area[data-area="${area}"] [data-action="rerun-area"]`);
  await button.click();
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  return report(page);
}

test('faults give "could not check" with the reason and a retry, never a missing record', async () => {
  const { context, page, errors } = await openCheck();
  for (const f of FAULTS) {
    await doh.reset();
    await doh.setFaults([f.fault]);
    const r = await audit(page, 'good-mail.net');
    const a = r.areas[f.area];
    assert.equal(a.status, 'could_not_check', `${f.label}: ${f.area} is ${a.status}`);
    assert.equal(a.reason, f.reason, `${f.label}: reason`);
    assert.ok(a.findings.some((x) => x.code === 'check.could_not_check'), `${f.label}: finding`);
    // The raw text is under the raw answers; the explanation is plain.
    if (f.text) assert.ok(a.raw.includes(f.text), `${f.label}: "${f.text}" not in the raw answers ${a.raw}`);
    assertPlain(a, f.label);
    const claimed = r.codes.filter((c) => MISSING.test(c) && c !== 'tlsa.none');
    assert.deepEqual(claimed, [], `${f.label}: missing claimed`);
    assertRestWhole(r, [f.area], f.label);
    for (const other of ['mx', 'spf', 'dkim', 'dmarc', 'caa'].filter((x) => x !== f.area)) {
      assert.equal(r.areas[other].status, 'ok', `${f.label}: ${other} is ${r.areas[other].status}`);
    }
    if (f.attempts) {
      const stats = await doh.stats();
      const key = `${f.fault.name}/${f.fault.type}`;
      assert.equal(stats.questions[key], f.attempts, `${f.label}: one retry (${key})`);
    }
    const retry = page.locator(`.check-area[data-area="${f.area}"] [data-action="rerun-area"]`);
    assert.equal(await retry.textContent(), 'Try again', `${f.label}: retry offered`);
    await screenshot(page, `check-fault-${f.label.replaceAll(' ', '-')}`);

    // The fault clears; trying again asks the failed area's questions only.
    await doh.reset();
    const again = await retryArea(page, f.area);
    assert.notEqual(again.areas[f.area].status, 'could_not_check', `${f.label}: retried`);
    assertRestWhole(again, [], `${f.label} (retried)`);
    const asked = Object.keys((await doh.stats()).questions);
    assert.ok(asked.length > 0 && asked.length <= 6, `${f.label}: retry asked ${asked}`);
    assert.ok(asked.includes(`${f.fault.name}/${f.fault.type}`), `${f.label}: failed question asked again: ${asked}`);
    assert.equal(again.questions, asked.length, `${f.label}: report counts the retry's questions`);
  }
  await doh.reset();
  assert.deepEqual(errors, []);
  await context.close();
});

// A failed question may take certainty away, never add a problem or hide
// one (issue 14): the null MX domain with its MX question failing invents no
// DKIM error; the SPF record over the lookup limit with an include (and the
// MX) failing is not shown as OK, and its count is "at least", naming the
// failed question.
test('a failed question takes certainty away, never adds or hides a problem', async () => {
  const { context, page, errors } = await openCheck();
  for (const kind of ['http503', 'timeout']) {
    await doh.reset();
    await doh.setFaults([{ kind, name: 'null-mx.net', type: 'MX', seconds: 9 }]);
    const r = await audit(page, 'null-mx.net', { selectors: 'mail' });
    assert.deepEqual(r.errors, [], `null MX, MX ${kind}: errors`);
    assert.equal(r.areas.dkim.status, 'could_not_check', `null MX, MX ${kind}: dkim is ${r.areas.dkim.status}`);
    const missing = r.areas.dkim.findings.filter((f) => f.code === 'dkim.missing');
    assert.deepEqual(missing.map((f) => f.severity), ['info'], `null MX, MX ${kind}: the absence is stated, not judged`);
    assert.ok(!r.codes.includes('mx.none'), `null MX, MX ${kind}: mx.none`);
    const counts = await page.locator('.check-report .check-counts').getAttribute('data-errors');
    assert.equal(counts, '0', `null MX, MX ${kind}: summary line`);
  }
  await doh.reset();
  const clean = await audit(page, 'spf-lookups.net');
  assert.deepEqual(clean.areas.spf.findings.filter((f) => f.severity === 'error').map((f) => f.code), ['spf.too_many_lookups'],
    'one root cause, one error');
  const include = { kind: 'servfail', name: 'l5.spf-chain.net', type: 'TXT' };
  const mx = { kind: 'http503', name: 'spf-lookups.net', type: 'MX' };
  for (const faults of [[include], [include, mx]]) {
    const label = faults.map((f) => `${f.name}/${f.type}`).join(' + ');
    await doh.reset();
    await doh.setFaults(faults);
    const r = await audit(page, 'spf-lookups.net');
    const spf = r.areas.spf;
    assert.ok(['could_not_check', 'errors'].includes(spf.status), `${label}: spf is ${spf.status}`);
    assert.ok(spf.findings.some((f) => ['check.could_not_check', 'check.not_checked'].includes(f.code)),
      `${label}: the failed question is named`);
    const count = spf.findings.find((f) => f.code === 'spf.lookups_resolved');
    assert.ok(count, `${label}: count shown`);
    assert.ok(count.text.includes('at least') && count.text.includes('l5.spf-chain.net TXT'), `${label}: ${count.text}`);
    assert.ok(!/needs \d+ DNS lookups/.test(count.text), `${label}: stated as exact: ${count.text}`);
    await screenshot(page, `check-fault-spf-${faults.length}`);
  }
  await doh.reset();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a slow answer is waited for: late but complete, nothing failed', async () => {
  const { context, page } = await openCheck();
  await doh.reset();
  await doh.setFaults([{ kind: 'latency', name: '_dmarc.good-mail.net', type: 'TXT', ms: 1500 }]);
  const r = await audit(page, 'good-mail.net');
  assert.ok(r.wallMs >= 1500, `waited ${r.wallMs} ms`);
  assert.equal(r.areas.dmarc.status, 'ok');
  assertRestWhole(r, [], 'slow');
  assert.deepEqual(r.errors, []);
  await doh.reset();
  await context.close();
});

test('faults on many questions at once: only those areas fail', async () => {
  const { context, page } = await openCheck();
  await doh.reset();
  // Every TXT question of the domain fails; MX, addresses, PTR and CAA answer.
  await doh.setFaults([{ kind: 'servfail', name: '*.good-mail.net', type: 'TXT' }, { kind: 'servfail', name: 'good-mail.net', type: 'TXT' }]);
  const r = await audit(page, 'good-mail.net');
  for (const area of ['spf', 'dkim', 'dmarc', 'mta_sts', 'tls_rpt']) {
    assert.equal(r.areas[area].status, 'could_not_check', `${area} is ${r.areas[area].status}`);
    assert.equal(r.areas[area].reason, 'dns.servfail');
  }
  for (const area of ['mx', 'addresses', 'ptr', 'caa']) assert.equal(r.areas[area].status, 'ok', area);
  assert.deepEqual(r.codes.filter((c) => MISSING.test(c) && c !== 'tlsa.none'), []);
  await doh.reset();
  await context.close();
});

test('a resolver that is down: every area "could not check", nothing missing, retry offered', async () => {
  const { context, page, errors } = await openCheck();
  // A port nobody listens on: the connection is refused at once.
  const dead = await startDohServer({});
  const deadUrl = dead.url;
  await dead.close();
  await page.fill('#check-domain', 'good-mail.net');
  await page.fill('#check-selectors', DKIM_SELECTOR);
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${deadUrl}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  const r = await report(page);
  // All of them: the areas that need the MX answer (addresses, PTR, TLSA)
  // and the DNSSEC verdict say "not checked", never a clean "OK".
  for (const area of AREAS) {
    assert.equal(r.areas[area].status, 'could_not_check', `${area} is ${r.areas[area].status}`);
    assert.equal(r.areas[area].reason, 'dns.transport.unreachable', area);
    assertPlain(r.areas[area], area);
    assert.equal(await page.locator(`.check-area[data-area="${area}"] [data-action="rerun-area"]`).count(), 1, `${area}: retry`);
  }
  assert.deepEqual(r.codes.filter((c) => MISSING.test(c)), [], 'nothing claimed missing');
  assert.deepEqual(r.errors, [], 'no error findings from a dead resolver');
  await assertAccessible(page, 'resolver down');
  await screenshot(page, 'check-resolver-down');
  assert.deepEqual(errors, []);
  await context.close();
});

// The same dead resolver read in Chinese: the failure is a plain sentence in
// Chinese, and the browser's own words are there only under the raw answers.
test('a resolver that is down, in Chinese: a plain sentence, the raw text under the raw answers', async () => {
  const { context, page, errors } = await openCheck({ locale: 'zh-CN', width: 360 });
  const dead = await startDohServer({});
  const deadUrl = dead.url;
  await dead.close();
  await page.fill('#check-domain', 'good-mail.net');
  await page.fill('#check-selectors', DKIM_SELECTOR);
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${deadUrl}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  const r = await report(page);
  const mx = r.areas.mx;
  assert.equal(mx.reason, 'dns.transport.unreachable');
  assertPlain(mx, 'mx (zh-CN)');
  const why = mx.findings.find((x) => x.code === 'check.could_not_check');
  assert.ok(why && why.text.includes('浏览器无法连接到 DNS 解析服务器'), `plain Chinese sentence: ${why?.text}`);
  assert.ok(mx.raw.includes('Failed to fetch'), `raw text kept: ${mx.raw}`);
  await assertAccessible(page, 'resolver down zh-CN');
  await screenshot(page, 'check-resolver-down-zh-CN-360');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 429 with Retry-After is waited out and retried once', async () => {
  const { context, page } = await openCheck();
  await doh.reset();
  await doh.setFaults([{ kind: 'http429', name: 'good-mail.net', type: 'MX', times: 1, retry_after: 1 }]);
  // Progress is shown while the 429 is waited out.
  const progress = page.waitForSelector('.check-progress[role="status"]', { timeout: 5_000 });
  const r = await audit(page, 'good-mail.net');
  assert.ok(await progress, 'progress shown while questions are in flight');
  assert.equal(r.areas.mx.status, 'ok');
  assert.deepEqual(r.errors, []);
  const stats = await doh.stats();
  assert.equal(stats.questions['good-mail.net/MX'], 2);
  assert.ok(r.wallMs >= 1000, `waited ${r.wallMs} ms`);
  assert.ok(stats.max_in_flight <= 12, `at most 12 in flight, saw ${stats.max_in_flight}`);
  await doh.reset();
  await context.close();
});

test('DNS text is inert: the odd-txt.net payload is shown as text', async () => {
  const { context, page, dialogs, errors } = await openCheck();
  await audit(page, 'odd-txt.net');
  await page.click('.check-area[data-area="spf"] details summary');
  const raw = await page.textContent('.check-area[data-area="spf"] pre');
  assert.ok(raw.includes('<img src=x onerror=alert(1)>'), raw);
  assert.equal(await page.locator('.check img').count(), 0);
  assert.equal(await page.locator('.check script').count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await context.close();
});

// The plan the Generate half would save for good-mail.net. The generator
// writes the host's addresses into SPF (`ip4:… ip6:… -all`) where the zone
// has `v=spf1 mx -all`: worded differently, equivalent for these servers.
const PLAN = {
  domain: 'good-mail.net',
  hosts: [{ name: 'mail', ipv4: ['185.47.112.10'], ipv6: ['2a0e:97c0:38f::a'], priority: '' }],
  dkim: { selector: DKIM_SELECTOR, public_key: '' },
  dmarc: { p: 'reject', rua: ['dmarc@good-mail.net'] },
  tls_rpt: { enabled: true, rua: ['tlsrpt@good-mail.net'] },
};

test('verify my plan: the saved plan is found in DNS', async () => {
  const zone = await fs.readFile(path.join(repoRoot, 'tests/zones/good-mail.net.zone'), 'utf8');
  const key = /p=([A-Za-z0-9+/=" ]+)"\s*$/m.exec(zone)[1].replace(/[" ]/g, '');
  const plan = { ...PLAN, dkim: { ...PLAN.dkim, public_key: key } };
  const { context, page, errors } = await openCheck();
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  // No plan yet: the page says so and asks nothing.
  await page.click('[data-action="verify"]');
  await page.waitForSelector('[data-notice-code="ui.check.no_plan"]');
  // A plan saved by an earlier visit: the page opens it into the Generate
  // half, and "Verify my plan" checks that plan (from the page's state).
  await page.evaluate((p) => localStorage.setItem('maildns.plan.v1', JSON.stringify(p)), plan);
  await page.reload();
  await page.click('#tab-check');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.click('[data-action="verify"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  const r = await report(page);
  assert.ok(r.areas.plan, 'plan area shown');
  const planCodes = r.areas.plan.findings.map((f) => f.code);
  assert.ok(planCodes.includes('plan.ok'), `plan codes: ${planCodes}`);
  assert.ok(!planCodes.includes('plan.missing'), `plan codes: ${planCodes}`);
  assert.equal(planCodes.filter((c) => c === 'plan.ok').length, 6, `plan codes: ${planCodes}`);
  // The zone's `v=spf1 mx -all` passes the planned addresses and fails the
  // rest like the planned record: equivalent, information only.
  assert.equal(r.areas.plan.findings.filter((f) => f.code === 'plan.different').length, 0, `plan codes: ${planCodes}`);
  const equivalent = r.areas.plan.findings.filter((f) => f.code === 'plan.spf_equivalent');
  assert.equal(equivalent.length, 1, `plan codes: ${planCodes}`);
  assert.equal(equivalent[0].severity, 'info');
  assert.ok(equivalent[0].text.includes('publishes "v=spf1 mx -all"'), equivalent[0].text);
  assert.equal(r.areas.plan.status, 'ok');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link with a custom resolver asks first: zero questions before confirming', async () => {
  await doh.reset();
  const ep = encodeURIComponent(`${doh.url}/dns-query`);
  const { context, page, errors } = await openCheck({ fragment: `check=good-mail.net&sel=${DKIM_SELECTOR}&ep=${ep}&flavor=cloudflare` });
  await page.waitForSelector('[data-confirm]');
  assert.equal(await page.inputValue('#check-domain'), 'good-mail.net');
  assert.equal(await page.inputValue('#ep-url'), `${doh.url}/dns-query`);
  await page.waitForTimeout(500);
  assert.equal((await doh.stats()).total, 0, 'no question before confirming');
  await assertAccessible(page, 'confirm prompt');
  await page.click('[data-action="confirm-yes"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  const stats = await doh.stats();
  assert.ok(stats.total > 0);
  assert.equal(stats.by_endpoint.cloudflare, stats.total);
  const r = await report(page);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('declining a share link\'s custom resolver asks nothing', async () => {
  await doh.reset();
  const ep = encodeURIComponent(`${doh.url}/resolve`);
  const { context, page } = await openCheck({ fragment: `check=good-mail.net&ep=${ep}` });
  await page.click('[data-action="confirm-no"]');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('[data-confirm]').count(), 0);
  assert.equal(await page.getAttribute('.check', 'data-run'), 'idle');
  assert.equal((await doh.stats()).total, 0);
  await context.close();
});

test('dark mode report with a failed area stays accessible', async () => {
  await doh.reset();
  await doh.setFaults([{ kind: 'servfail', name: '_dmarc.spf-double.net', type: 'TXT' }]);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 900 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.click('#tab-check');
  const r = await audit(page, 'spf-double.net');
  assert.equal(r.areas.dmarc.status, 'could_not_check');
  await screenshot(page, 'check-report-zh-CN-360-dark');
  await assertAccessible(page, 'dark report');
  await doh.reset();
  await context.close();
});

test('a share link with a preset resolver fills the form and starts', async () => {
  // Google itself is not reachable here: route its URL to the local endpoint.
  const { context, page } = await (async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('https://dns.google/resolve**', async (route) => {
      const u = new URL(route.request().url());
      const res = await fetch(`${doh.url}/resolve${u.search}`);
      await route.fulfill({ status: res.status, headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' }, body: await res.text() });
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/#check=good-mail.net&sel=${DKIM_SELECTOR}&ep=google`);
    return { context, page };
  })();
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  assert.equal(await page.getAttribute('#tab-check', 'aria-selected'), 'true');
  const r = await report(page);
  assert.deepEqual(r.errors, []);
  assert.ok(r.codes.includes('dkim.found'));
  await context.close();
});

test('a bad custom URL is refused with its code and nothing is asked', async () => {
  await doh.reset();
  const { context, page } = await openCheck();
  await page.fill('#check-domain', 'good-mail.net');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', 'http://dns.example.net/resolve');
  assert.equal(await page.getAttribute('#ep-url-error', 'data-error-code'), 'endpoint.http_not_loopback');
  await page.click('[data-action="audit"]');
  await page.waitForSelector('[data-notice-code="endpoint.http_not_loopback"]');
  assert.equal((await doh.stats()).total, 0);
  await assertAccessible(page, 'bad url');
  await context.close();
});

test('compare across transports: RFC 8484 against Cloudflare JSON', async () => {
  await doh.reset();
  // The same zone through two transports: the differences are the fault only.
  await doh.setFaults([{ kind: 'servfail', name: 'good-mail.net', type: 'CAA', endpoint: 'wire' }]);
  const { context, page, errors } = await openCheck();
  await page.fill('#check-domain', 'good-mail.net');
  await page.fill('#check-selectors', DKIM_SELECTOR);
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/dns-query`);
  await page.selectOption('#ep-flavor', 'wire');
  await page.click('.check-compare summary');
  await page.selectOption('#ep2-kind', 'custom');
  await page.fill('#ep2-url', `${doh.url}/dns-query`);
  await page.selectOption('#ep2-flavor', 'cloudflare');
  await page.click('[data-action="compare"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  assert.equal(await page.locator('.check-report').count(), 2);
  const rows = await page.$$eval('[data-diff]', (els) => els.map((e) => e.dataset.diff));
  assert.deepEqual(rows, ['good-mail.net. CAA']);
  const stats = await doh.stats();
  assert.ok(stats.by_endpoint.wire > 0 && stats.by_endpoint.cloudflare > 0, JSON.stringify(stats.by_endpoint));
  assert.deepEqual(errors, []);
  await doh.reset();
  await context.close();
});

test('compare two resolvers: the answers that differ are listed', async () => {
  await doh.reset();
  await doh.setFaults([{ kind: 'servfail', name: '_dmarc.good-mail.net', type: 'TXT', endpoint: 'cloudflare' }]);
  const { context, page, errors } = await openCheck();
  await page.fill('#check-domain', 'good-mail.net');
  await page.fill('#check-selectors', DKIM_SELECTOR);
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.click('.check-compare summary');
  await page.selectOption('#ep2-kind', 'custom');
  await page.fill('#ep2-url', `${doh.url}/dns-query`);
  await page.selectOption('#ep2-flavor', 'cloudflare');
  await page.click('[data-action="compare"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  assert.equal(await page.locator('.check-report').count(), 2);
  const rows = await page.$$eval('[data-diff]', (els) => els.map((e) => e.dataset.diff));
  assert.deepEqual(rows, ['_dmarc.good-mail.net. TXT']);
  await screenshot(page, 'check-compare-en-1280');
  await assertAccessible(page, 'compare');
  assert.deepEqual(errors, []);
  await doh.reset();
  await context.close();
});

for (const [locale, lang] of [['en-US', 'en'], ['zh-CN', 'zh-CN']]) {
  for (const width of [360, 1280]) {
    test(`report screen in ${lang} at ${width}px: readable, no sideways scroll, accessible`, async () => {
      await doh.reset();
      const { context, page, errors } = await openCheck({ locale, width });
      await assertAccessible(page, `form ${lang} ${width}`);
      await audit(page, 'spf-double.net');
      // Open the raw answers and a could-not-check state is covered by the fault test.
      await page.click('.check-area[data-area="spf"] details summary');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than ${width}px`);
      const status = await page.textContent('.check-area[data-area="spf"] .check-status');
      assert.equal(status.trim(), lang === 'en' ? 'Errors' : '有错误');
      await screenshot(page, `check-report-${lang}-${width}`);
      await assertAccessible(page, `report ${lang} ${width}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('exports download the JSON and Markdown report', async () => {
  const { context, page } = await openCheck();
  await audit(page, 'good-mail.net');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-json"]')]);
  assert.equal(json.suggestedFilename(), 'maildns-good-mail.net.json');
  const body = JSON.parse(await fs.readFile(await json.path(), 'utf8'));
  assert.equal(body.domain, 'good-mail.net');
  assert.ok(body.areas.length >= 11);
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-markdown"]')]);
  assert.equal(md.suggestedFilename(), 'maildns-good-mail.net.md');
  assert.ok((await fs.readFile(await md.path(), 'utf8')).startsWith('# Mail DNS check: good-mail.net'));
  await context.close();
});
