// End-to-end test of the fix list, the way an admin uses it: audit a
// scenario domain with a known fault (tests/zones/README.md) through the
// local DoH endpoint, "Use as my plan" (the adopted plan opens from its
// share link in a fresh browser), "Verify my plan", read the numbered
// edits in Aliyun DNS's fields and as BIND zone lines, make those edits in a
// copy of the zones (lib/apply_zone_edits.py, dnspython), serve the copy
// from a second endpoint and verify again: no difference is left and the
// fix list is gone. Screenshots (target/e2e/fixlist-*.png) in both
// languages at 360 and 1280 px; axe on the list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { collectAccessible } from './lib/a11y.mjs';
import { records } from './lib/records.mjs';
import { screenshot, repoRoot } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';
import { startDohServer } from './lib/doh-server.mjs';

let server;
let doh;
let browser;

before(async () => ({ server, doh, browser } = await startFixture({ doh: {} })));
after(() => stopFixture({ server, doh, browser }));

const SELECTOR = 's202611';
const ZONES = path.join(repoRoot, 'tests', 'zones');
const APPLY = path.join(repoRoot, 'tests', 'e2e', 'lib', 'apply_zone_edits.py');
const PLAN_DIFFS = ['plan.missing', 'plan.different', 'plan.extra', 'plan.shadowed'];

async function open({ locale = 'en-US', width = 1280, fragment = '' } = {}) {
  const context = await browser.newContext({
    locale, viewport: { width, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.goto(`${server.url}/${fragment}`);
  await page.waitForSelector('header h1');
  return { context, page, errors };
}

// The adopted plan travels in the share link like any plan: a fresh
// browser opening it shows the same records.
async function assertShared(page, domain) {
  const adopted = await records(page);
  await page.click('#share-link');
  await page.waitForSelector('[data-notice-code="ui.gen.share.copied"]');
  const url = page.url();
  assert.match(url, /#p1=[A-Za-z0-9_-]+$/);
  const fresh = await open({ fragment: url.slice(url.indexOf('#')) });
  try {
    await fresh.page.waitForSelector('#records tr[data-record-type]');
    assert.equal(await fresh.page.inputValue('#domain'), domain);
    assert.deepEqual(await records(fresh.page), adopted, 'the shared plan opens with the adopted records');
    assert.deepEqual(fresh.errors, []);
  } finally {
    await fresh.context.close();
  }
}

async function useEndpoint(page, url) {
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${url}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
}

async function auditAndAdopt(page, domain) {
  await page.click('#tab-check');
  await page.fill('#check-domain', domain);
  await page.fill('#check-selectors', SELECTOR);
  await page.fill('#check-ips', '');
  await useEndpoint(page, doh.url);
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"] [data-action="adopt"]', { timeout: 60_000 });
  await page.click('[data-action="adopt"]');
  await page.waitForSelector('#panel-generate:not([hidden]) #adoption', { timeout: 30_000 });
  assert.equal(await page.inputValue('#domain'), domain);
}

async function choosePanel(page, value) {
  if (await page.locator('#panel-generate[hidden]').count()) await page.click('#tab-generate');
  await page.selectOption('#panel', value);
}

// "Verify my plan" through `url`; the report's plan findings.
async function verify(page, url) {
  await page.click('#tab-check');
  await useEndpoint(page, url);
  await page.click('[data-action="verify"]');
  await page.waitForSelector('.check[data-run="done"] .check-area[data-area="plan"]', { timeout: 60_000 });
  // The report of this run, through this endpoint (not one left from before).
  await page.waitForFunction((u) => {
    const r = document.querySelector('.check[data-run="done"] .check-report');
    return r?.querySelector('.check-area[data-area="plan"]') && r.textContent.includes(u);
  }, url, { timeout: 60_000 });
  return page.$$eval('.check-report:first-of-type .check-area[data-area="plan"] [data-finding-code]', (els) =>
    els.map((f) => ({ code: f.dataset.findingCode, severity: f.dataset.severity, text: f.textContent })));
}

// The fix list as shown: each edit's number, action, fields (by their
// label code), the line it replaces, dig command and when it shows.
async function fixList(page) {
  return page.$$eval('#fix-list li.fix', (lis) => lis.map((li) => {
    const fields = {};
    for (const dd of li.querySelectorAll('dd[data-field]')) fields[dd.dataset.field] = dd.querySelector('code')?.textContent ?? '';
    return {
      n: Number(li.dataset.n),
      action: li.dataset.action,
      blocked: li.classList.contains('blocked'),
      fields,
      copyButtons: li.querySelectorAll('dd[data-field] button').length,
      visible: li.querySelector('.visible-until')?.textContent ?? null,
      unknown: li.querySelector('.visible-unknown')?.textContent ?? null,
      text: li.textContent,
    };
  }));
}

async function applyEdits(dir, edits) {
  const input = JSON.stringify(edits.map((e) => ({
    action: e.action, line: e.fields['fix.field.zone_line'], replaces: e.fields.replaces ?? null,
  })));
  return new Promise((resolve, reject) => {
    const child = execFile('/usr/bin/python3', [APPLY, '--from', ZONES, '--to', dir], (err, stdout, stderr) => {
      if (err) reject(new Error(`${APPLY}: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout));
    });
    child.stdin.end(input);
  });
}

// Each scenario: its fault, and the edit the list must hold for it.
const SCENARIOS = [
  {
    // The SPF record lacks the MX host's addresses: one change at the apex.
    domain: 'spf-wrong-ip.net',
    expect: (edits) => {
      const spf = edits.filter((e) => e.fields['fix.field.type'] === 'TXT' && e.fields['fix.field.value'].startsWith('v=spf1'));
      assert.equal(spf.length, 1, `one SPF edit in ${JSON.stringify(edits, null, 1)}`);
      assert.equal(spf[0].action, 'fix.action.change');
      assert.equal(spf[0].fields['fix.field.host'], '@');
      assert.match(spf[0].fields['fix.field.value'], /ip4:185\.47\.112\.13\b/);
      assert.match(spf[0].fields['fix.field.value'], /ip6:2a0e:97c0:38f::d\b/);
      assert.equal(spf[0].fields.replaces, 'v=spf1 ip4:185.47.112.200 ip6:2a0e:97c0:38f::c8 -all');
    },
  },
  {
    // The MX names an alias (RFC 2181 §10.3): add the MX to the canonical
    // host, then delete the one to the alias.
    domain: 'mx-cname.net',
    expect: (edits) => {
      const mx = edits.filter((e) => e.fields['fix.field.type'] === 'MX');
      assert.deepEqual(mx.map((e) => [e.action, e.fields['fix.field.value'], e.fields['fix.field.mx_priority']]), [
        ['fix.action.add', 'mail.mx-cname.net', '10'],
        ['fix.action.delete', 'mx.mx-cname.net', '10'],
      ], JSON.stringify(edits, null, 1));
    },
  },
  {
    // The report destination does not authorize the reports (RFC 9989
    // §3.3 external destinations): a record to add in the other zone.
    domain: 'dmarc-ext-rua.net',
    expect: (edits) => {
      const auth = edits.filter((e) => e.fields['fix.field.host']?.startsWith('dmarc-ext-rua.net._report._dmarc'));
      assert.equal(auth.length, 1, JSON.stringify(edits, null, 1));
      assert.equal(auth[0].action, 'fix.action.add');
      assert.match(auth[0].text, /dmarc-reports\.net/, 'the edit names the zone it belongs in');
    },
  },
];

const RUNS = [
  ...['en-US', 'zh-CN'].flatMap((locale) => [360, 1280].map((width) => ({ s: SCENARIOS[0], locale, width }))),
  { s: SCENARIOS[1], locale: 'en-US', width: 1280 },
  { s: SCENARIOS[2], locale: 'zh-CN', width: 1280 },
];

for (const { s, locale, width } of RUNS) {
  test(`${s.domain}: audit, adopt, verify, make the listed edits in the zone, verify again: nothing left (${locale}, ${width} px)`, async () => {
    const a11y = [];
    const { context, page, errors } = await open({ locale, width });
    const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'maildns-fixlist-'));
    let fixed;
    try {
      await auditAndAdopt(page, s.domain);
      await assertShared(page, s.domain);

      // Aliyun DNS's own fields, a copy button per field, the dig command,
      // and until when resolvers may show the old value.
      await choosePanel(page, 'aliyun');
      const before = await verify(page, doh.url);
      assert.ok(before.some((f) => PLAN_DIFFS.includes(f.code)), `the fault shows as a difference: ${before.map((f) => f.code)}`);
      await page.waitForSelector('#fix-list[data-panel="Aliyun"]');
      const aliyun = await fixList(page);
      assert.ok(aliyun.length > 0, 'a fix list');
      assert.deepEqual(aliyun.map((e) => e.n), aliyun.map((_, i) => i + 1), 'numbered from 1');
      for (const e of aliyun) {
        const labels = Object.keys(e.fields).filter((k) => k.startsWith('fix.field.'));
        assert.deepEqual(labels.slice(0, 3), ['fix.field.host', 'fix.field.type', 'fix.field.value'], `Aliyun's fields first: ${labels}`);
        assert.ok(e.copyButtons >= labels.length + 1, `a copy button per field and the dig command: ${e.text}`);
        assert.match(e.fields.dig, /^dig \+short /, e.fields.dig);
        if (e.action !== 'fix.action.delete') assert.equal(e.fields['fix.field.ttl'], '3600', `TTL: ${e.text}`);
        // Every answer of these zones has TTL 3600: "until HH:MM".
        if (e.action !== 'fix.action.add') assert.match(e.visible ?? '', /\d\d:\d\d/, `when it shows: ${e.text}`);
        // An add after "no such record" says why the time is not known.
        else assert.ok(e.visible || /RFC 2308/.test(e.unknown ?? ''), `when it shows: ${e.text}`);
      }
      s.expect(aliyun);
      await collectAccessible(page, `fix list ${s.domain} ${locale} ${width}`, a11y);
      await screenshot(page, `fixlist-${s.domain}-aliyun-${locale}-${width}`);
      await page.locator('#fix-list').screenshot({ path: path.join(repoRoot, 'target', 'e2e', `fixlist-${s.domain}-aliyun-${locale}-${width}-list.png`) });

      // The same edits as BIND zone lines: one line each, in the same order.
      await choosePanel(page, 'generic');
      await verify(page, doh.url);
      await page.waitForSelector('#fix-list[data-panel="Generic"]');
      const bind = await fixList(page);
      assert.deepEqual(bind.map((e) => e.action), aliyun.map((e) => e.action), 'the same edits in the same order');
      for (const e of bind) assert.match(e.fields['fix.field.zone_line'] ?? '', /^\S+\. \d+ IN [A-Z]+ /, e.text);
      await screenshot(page, `fixlist-${s.domain}-bind-${locale}-${width}`);
      await page.locator('#fix-list').screenshot({ path: path.join(repoRoot, 'target', 'e2e', `fixlist-${s.domain}-bind-${locale}-${width}-list.png`) });

      // Made in a copy of the zones and served by a second endpoint.
      const todo = bind.filter((e) => !e.blocked);
      const made = await applyEdits(copy, todo);
      assert.equal(made.made.length, todo.length, JSON.stringify(made));
      fixed = await startDohServer({ zones: [ZONES, copy] });
      const after = await verify(page, fixed.url);
      assert.ok((await fixed.stats()).total > 0, 'the second verification asked the endpoint serving the edited zones');
      assert.deepEqual(after.filter((f) => PLAN_DIFFS.includes(f.code)).map((f) => `${f.code} ${f.text}`), [], 'no difference after the edits');
      assert.equal(await page.locator('#fix-list').count(), 0, 'no fix list once the zone matches the plan');
      await screenshot(page, `fixlist-${s.domain}-fixed-${locale}-${width}`);
      assert.deepEqual(errors, []);
      assert.deepEqual(a11y, [], 'axe violations');
    } finally {
      await fixed?.close();
      await fs.rm(copy, { recursive: true, force: true });
      await context.close();
    }
  });
}

