// End-to-end tests of starting a plan from records already published:
// "Use as my plan" after an audit of the scenario zones (tests/zones/)
// through the local DoH endpoint, and the import box reading a zone file or
// a DNSPod table (pasted or chosen as a file). The plan must carry the
// values the zone publishes, say what it could not take (`adopt.*` notes),
// keep the user's own plan to restore, refuse what it cannot read without
// touching the plan, and never turn a failed question into a plan that
// silently lacks the part it asked about. axe runs on every screen shown;
// screenshots go to target/e2e/adopt-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import path from 'node:path';
import { collectAccessible } from './lib/a11y.mjs';
import { records } from './lib/records.mjs';
import { screenshot, repoRoot } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let doh;
let browser;

before(async () => ({ server, doh, browser } = await startFixture({ doh: { adZones: ['good-mail.net'] } })));
after(() => stopFixture({ server, doh, browser }));

const SELECTOR = 's202611';
const ZONE_FILE = path.join(repoRoot, 'tests', 'zones', 'good-mail.net.zone');
const DNSPOD_FILE = path.join(repoRoot, 'tests', 'import', 'dnspod.tsv');

// Every test opens its own context: nothing stored by one test reaches another.
async function open({ locale = 'en-US', width = 1280, fragment = '' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.goto(`${server.url}/${fragment ? `#${fragment}` : ''}`);
  await page.waitForSelector('header h1');
  return { context, page, errors };
}

// The joined character-strings of the TXT record at `owner` (relative, as
// the zone file writes it) whose text starts with `prefix`.
async function zoneTxt(owner, prefix) {
  const text = await fs.readFile(ZONE_FILE, 'utf8');
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+IN\s+TXT\s+(.*)$/.exec(line);
    if (!m || m[1] !== owner) continue;
    const value = [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((q) => q[1]).join('');
    if (value.startsWith(prefix)) return value;
  }
  throw new Error(`no TXT ${prefix} at ${owner} in ${ZONE_FILE}`);
}

// The SPF record the plan writes for a published one: the generator puts
// the mail host's own addresses first (src/adopt/spf.rs), then the
// published terms. For `v=spf1 mx -all` the addresses are the ones `mx`
// already allows, so the record authorises the same senders.
function spfAsPlanned(published, ip4, ip6) {
  const terms = published.split(/\s+/).slice(1);
  return ['v=spf1', `ip4:${ip4}`, `ip6:${ip6}`, ...terms].join(' ');
}

// A plan typed by hand before anything is adopted: what "Restore my plan"
// must bring back.
const OWN = { domain: 'example.com', host: 'mail.example.com', ip: '192.0.2.1' };

async function typeOwnPlan(page) {
  if (await page.locator('#panel-generate[hidden]').count()) await page.click('#tab-generate');
  await page.fill('#domain', OWN.domain);
  await page.fill('#hosts-0-name', OWN.host);
  await page.fill('#hosts-0-ipv4-0', OWN.ip);
  await page.waitForSelector(`#records tr[data-record-type="MX"][data-record-value="${OWN.host}"]`);
  await page.waitForSelector(`#records tr[data-record-type="A"][data-record-value="${OWN.ip}"]`);
  return records(page);
}

const one = (rows, type, name, label) => {
  const hit = rows.filter((r) => r.type === type && r.name === name);
  assert.equal(hit.length, 1, `${label}: one ${type} at ${name} in ${JSON.stringify(rows, null, 1)}`);
  return hit[0];
};

// The audit from the Check half's form, custom endpoint (a typed endpoint
// is not confirmed; a link's is).
async function auditByForm(page, domain) {
  await page.click('#tab-check');
  await page.fill('#check-domain', domain);
  await page.fill('#check-selectors', SELECTOR);
  await page.fill('#check-ips', '');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"] [data-action="adopt"]', { timeout: 60_000 });
}

// The audit from a check link, as a user would open one.
async function openAuditLink(domain, opts = {}) {
  const link = `check=${domain}&sel=${SELECTOR}&ep=${encodeURIComponent(`${doh.url}/resolve`)}&flavor=google`;
  const o = await open({ ...opts, fragment: link });
  await o.page.click('[data-action="confirm-yes"]', { timeout: 30_000 });
  await o.page.waitForSelector('.check[data-run="done"] [data-action="adopt"]', { timeout: 60_000 });
  return o;
}

// "Use as my plan", then the Generate half with where the plan came from.
async function adopt(page) {
  await page.click('[data-action="adopt"]');
  await page.waitForSelector('#panel-generate:not([hidden]) #adoption', { timeout: 30_000 });
  assert.equal(await page.getAttribute('#tab-generate', 'aria-selected'), 'true', 'the Generate tab is selected');
  assert.equal(await page.locator('#panel-check[hidden]').count(), 1, 'the Check half is hidden');
}

// An adopted plan holds what a typed one may not (IPv6 reverse names, long
// TXT values): nothing may widen the page past the screen.
async function assertNoSideScroll(page, width) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= width, `the page is ${wide} px wide on a ${width} px screen`);
}

async function adoptionNotes(page) {
  return page.$$eval('#adoption-notes li[data-finding-code]', (lis) => lis.map((li) => ({
    code: li.dataset.findingCode, severity: li.dataset.severity, text: li.textContent,
  })));
}

async function assertGoodMailPlan(page, label, { ttl = true } = {}) {
  assert.equal(await page.inputValue('#domain'), 'good-mail.net', `${label}: #domain`);
  await page.waitForSelector('#records tr[data-record-type="MX"][data-record-value="mail.good-mail.net"]');
  const rows = await records(page);
  const mx = one(rows, 'MX', 'good-mail.net.', label);
  assert.equal(mx.value, 'mail.good-mail.net', `${label}: MX target`);
  assert.equal(mx.priority, '10', `${label}: MX priority`);
  assert.equal(one(rows, 'A', 'mail.good-mail.net.', label).value, '185.47.112.10', `${label}: A`);
  assert.equal(one(rows, 'AAAA', 'mail.good-mail.net.', label).value, '2a0e:97c0:38f::a', `${label}: AAAA`);
  const spf = rows.filter((r) => r.type === 'TXT' && r.name === 'good-mail.net.' && r.value.startsWith('v=spf1'));
  assert.equal(spf.length, 1, `${label}: one SPF record`);
  assert.equal(spf[0].value, spfAsPlanned(await zoneTxt('@', 'v=spf1'), '185.47.112.10', '2a0e:97c0:38f::a'), `${label}: SPF as published`);
  assert.equal(one(rows, 'TXT', '_dmarc.good-mail.net.', label).value, await zoneTxt('_dmarc', 'v=DMARC1'), `${label}: DMARC as published`);
  assert.equal(one(rows, 'TXT', `${SELECTOR}._domainkey.good-mail.net.`, label).value, await zoneTxt(`${SELECTOR}._domainkey`, 'v=DKIM1'), `${label}: DKIM as published`);
  assert.equal(one(rows, 'TXT', '_smtp._tls.good-mail.net.', label).value, await zoneTxt('_smtp._tls', 'v=TLSRPTv1'), `${label}: TLS-RPT as published`);
  // The zone's $TTL is 3600 and the answers keep their TTL.
  if (ttl) {
    for (const r of [mx, spf[0]]) assert.equal(r.ttl, '3600', `${label}: TTL of ${r.type} ${r.name}`);
  }
  // Nothing of the user's own plan is mixed in.
  assert.ok(!rows.some((r) => r.value.includes('example.com') || r.name.includes('example.com')), `${label}: no example.com record left`);
  return rows;
}

for (const locale of ['en-US', 'zh-CN']) {
  for (const width of [360, 1280]) {
    test(`"Use as my plan" after auditing good-mail.net takes its records, and "Restore my plan" brings back the typed one (${locale}, ${width} px)`, async () => {
      const a11y = [];
      const { context, page, errors } = await open({ locale, width });
      const own = await typeOwnPlan(page);
      await auditByForm(page, 'good-mail.net');
      await collectAccessible(page, `audit report with "Use as my plan" ${locale} ${width}`, a11y);
      await adopt(page);
      const rows = await assertGoodMailPlan(page, `${locale} ${width}`);
      await assertNoSideScroll(page, width);
      // Where the plan came from, in the page's language.
      const intro = await page.textContent('#adoption');
      assert.ok(intro.includes('good-mail.net'), `#adoption names the domain: ${intro}`);
      assert.match(intro, locale === 'en-US' ? /publishes now/ : /当前发布的记录/);
      const notes = await adoptionNotes(page);
      assert.equal(Number(await page.getAttribute('#adoption', 'data-notes')), notes.length, 'data-notes counts the notes listed');
      for (const n of notes) assert.match(n.code, /^adopt\./, `only adopt.* notes: ${n.code}`);
      // The reference domain has nothing wrong: no error, nothing unknown.
      assert.deepEqual(notes.filter((n) => n.severity === 'error' || n.code === 'adopt.unknown').map((n) => n.code), [], 'no error or unknown note');
      // What the zone has and the plan derives or cannot hold is said.
      for (const code of ['adopt.mta_sts_id', 'adopt.tlsa_not_adopted']) {
        assert.ok(notes.some((n) => n.code === code), `${code} in ${notes.map((n) => n.code)}`);
      }
      // The own plan is kept, with a way back.
      await page.waitForSelector('[data-notice-code="ui.gen.share.kept_saved"] #restore-plan');
      const kept = await page.textContent('[data-notice-code="ui.gen.share.kept_saved"]');
      assert.ok(kept.includes(OWN.domain), `the kept notice names ${OWN.domain}: ${kept}`);
      assert.equal((await page.textContent('#restore-plan')).trim(), locale === 'en-US' ? 'Restore my plan' : '恢复我的方案');
      await collectAccessible(page, `adopted plan ${locale} ${width}`, a11y);
      await screenshot(page, `adopt-live-${locale}-${width}`);

      await page.click('#restore-plan');
      await page.waitForSelector('#adoption', { state: 'detached' });
      assert.equal(await page.inputValue('#domain'), OWN.domain);
      await page.waitForSelector(`#records tr[data-record-type="MX"][data-record-value="${OWN.host}"]`);
      assert.deepEqual(await records(page), own, 'the typed plan is back as it was');
      assert.ok(!(await records(page)).some((r) => r.name.includes('good-mail.net')), 'nothing of good-mail.net left');
      assert.equal(await page.locator('#restore-plan').count(), 0, 'no restore button once restored');
      assert.ok(rows.length > own.length, 'the adopted plan had more records than the typed one');
      await collectAccessible(page, `restored plan ${locale} ${width}`, a11y);
      await screenshot(page, `adopt-restored-${locale}-${width}`);
      assert.deepEqual(errors, []);
      assert.deepEqual(a11y, [], 'axe violations');
      await context.close();
    });
  }
}

// Domains with one fault each (tests/zones/README.md), and the notes that
// adopting them must show.
const FAULTY = [
  { domain: 'dmarc-bad-value.net', notes: [{ code: 'adopt.dmarc_invalid', subject: '_dmarc.dmarc-bad-value.net', text: 'p=rejected' }] },
  { domain: 'spf-double.net', notes: [{ code: 'adopt.spf_multiple', subject: 'spf-double.net', text: 'v=spf1 ip4:185.47.112.12 -all' }] },
  { domain: 'dmarc-missing.net', notes: [{ code: 'adopt.dmarc_absent', subject: '_dmarc.dmarc-missing.net' }] },
  { domain: 'dkim-testing.net', notes: [{ code: 'adopt.dkim_tag', subject: `${SELECTOR}._domainkey.dkim-testing.net`, text: 't' }] },
  { domain: 'null-mx.net', notes: [{ code: 'adopt.null_mx_lockdown' }] },
];

for (const [i, s] of FAULTY.entries()) {
  const locale = i % 2 ? 'zh-CN' : 'en-US';
  test(`adopting ${s.domain} lists what the plan could not take (${locale})`, async () => {
    const a11y = [];
    const { context, page, errors } = await openAuditLink(s.domain, { locale });
    await adopt(page);
    assert.equal(await page.inputValue('#domain'), s.domain);
    const notes = await adoptionNotes(page);
    const codes = notes.map((n) => n.code);
    assert.equal(Number(await page.getAttribute('#adoption', 'data-notes')), notes.length);
    for (const want of s.notes) {
      const hit = notes.filter((n) => n.code === want.code);
      assert.equal(hit.length, 1, `${s.domain}: ${want.code} once in ${codes}`);
      if (want.subject) assert.ok(hit[0].text.includes(want.subject), `${want.code} names ${want.subject}: ${hit[0].text}`);
      if (want.text) assert.ok(hit[0].text.includes(want.text), `${want.code} quotes ${want.text}: ${hit[0].text}`);
    }
    // Nothing failed in these audits: no part is unknown.
    assert.ok(!codes.includes('adopt.unknown'), `${s.domain}: adopt.unknown in ${codes}`);
    if (s.domain === 'spf-double.net') {
      // The first record is the one taken.
      const spf = (await records(page)).filter((r) => r.type === 'TXT' && r.name === 'spf-double.net.' && r.value.startsWith('v=spf1'));
      assert.deepEqual(spf.map((r) => r.value), [spfAsPlanned('v=spf1 mx -all', '185.47.112.12', '2a0e:97c0:38f::c')]);
    }
    if (s.domain === 'dmarc-bad-value.net') {
      // The plan still publishes a DMARC record, a valid one.
      const dmarc = one(await records(page), 'TXT', '_dmarc.dmarc-bad-value.net.', s.domain);
      assert.match(dmarc.value, /^v=DMARC1; p=(none|quarantine|reject)(;|$)/);
      assert.ok(dmarc.value.includes('rua=mailto:dmarc@dmarc-bad-value.net'), `the readable rua is taken: ${dmarc.value}`);
    }
    await collectAccessible(page, `adoption notes ${s.domain}`, a11y);
    await screenshot(page, `adopt-notes-${s.domain}-${locale}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(a11y, [], 'axe violations');
    await context.close();
  });
}

async function openImportBox(page) {
  if (await page.locator('#panel-generate[hidden]').count()) await page.click('#tab-generate');
  if (!(await page.$eval('#import-box', (d) => d.open))) await page.click('#import-box > summary');
  await page.waitForSelector('#import-box[open] #import-text');
  assert.equal(await page.getAttribute('#import-box', 'data-import-state'), 'idle');
}

async function importText(page, text) {
  await openImportBox(page);
  await page.fill('#import-text', text);
  await page.click('#import-read');
}

const EXPORT_INTRO = {
  'en-US': (format, taken, left) => `Made from a ${format} export: ${taken} mail record${taken === 1 ? '' : 's'} taken, ${left} other record${left === 1 ? '' : 's'} left alone.`,
  'zh-CN': (format, taken, left) => `根据 ${format} 导出文件生成：采用了 ${taken} 条邮件相关记录，其余 ${left} 条记录未改动。`,
};

// good-mail.net's zone: 13 mail records (MX, mail A/AAAA, SPF, DKIM,
// DMARC, _mta-sts, mta-sts A/AAAA, TLS-RPT, TLSA, two CAA) and 3 others
// (SOA, two NS).
const GOOD_MAIL_TAKEN = 13;
const GOOD_MAIL_LEFT = 3;

for (const [locale, width] of [['en-US', 1280], ['zh-CN', 360]]) {
  test(`a pasted zone file becomes good-mail.net's plan, saying how many records were taken and left alone (${locale}, ${width} px)`, async () => {
    const a11y = [];
    const { context, page, errors } = await open({ locale, width });
    await importText(page, await fs.readFile(ZONE_FILE, 'utf8'));
    await page.waitForSelector('#adoption', { timeout: 30_000 });
    assert.equal(await page.getAttribute('#import-box', 'data-import-state'), 'idle');
    await assertGoodMailPlan(page, `import ${locale}`);
    await assertNoSideScroll(page, width);
    const intro = await page.textContent('#adoption');
    assert.ok(intro.includes(EXPORT_INTRO[locale]('BIND', GOOD_MAIL_TAKEN, GOOD_MAIL_LEFT)), `#adoption: ${intro}`);
    const notes = await adoptionNotes(page);
    assert.equal(Number(await page.getAttribute('#adoption', 'data-notes')), notes.length);
    assert.ok(!notes.some((n) => n.code === 'adopt.unknown'), 'a zone file answers every question');
    // No plan was typed: there is nothing to restore.
    assert.equal(await page.locator('#restore-plan').count(), 0);
    await collectAccessible(page, `imported zone ${locale} ${width}`, a11y);
    await screenshot(page, `adopt-import-bind-${locale}-${width}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(a11y, [], 'axe violations');
    await context.close();
  });
}

test('a zone file chosen as a file works the same as pasted', async () => {
  const { context, page, errors } = await open();
  await openImportBox(page);
  await page.setInputFiles('#import-file', ZONE_FILE);
  await page.waitForSelector('#adoption', { timeout: 30_000 });
  await assertGoodMailPlan(page, 'file');
  assert.ok((await page.textContent('#adoption')).includes(EXPORT_INTRO['en-US']('BIND', GOOD_MAIL_TAKEN, GOOD_MAIL_LEFT)));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a zone file with its own $ORIGIN is read for that domain even when another one was typed', async () => {
  const { context, page, errors } = await open();
  await typeOwnPlan(page);
  await importText(page, await fs.readFile(ZONE_FILE, 'utf8'));
  await page.waitForSelector('#adoption', { timeout: 30_000 });
  const got = { domain: await page.inputValue('#domain'), adoption: await page.textContent('#adoption'), notes: (await adoptionNotes(page)).map((n) => n.code) };
  await screenshot(page, 'adopt-import-bind-over-typed');
  assert.deepEqual(errors, []);
  assert.equal(got.domain, 'good-mail.net', `got ${JSON.stringify(got)}`);
  await assertGoodMailPlan(page, 'import over a typed plan');
  await page.click('#restore-plan');
  assert.equal(await page.inputValue('#domain'), OWN.domain);
  await context.close();
});

// tests/import/dnspod.tsv: a table names no domain, so the typed one is
// its origin. MX and the mail host's A on the default line are taken; the
// Ed25519 DKIM key has no RSA key beside it (noted, not taken); the DMARC
// record is on the 境外 line (left alone, said in a note); the NS record
// is not mail's.
async function assertDnspodPlan(page, label) {
  assert.equal(await page.inputValue('#domain'), 'example.com', `${label}: #domain`);
  await page.waitForSelector('#records tr[data-record-type="MX"][data-record-value="mail.example.com"]');
  const rows = await records(page);
  const mx = one(rows, 'MX', 'example.com.', label);
  assert.equal(mx.priority, '10', `${label}: MX priority`);
  assert.equal(one(rows, 'A', 'mail.example.com.', label).value, '192.0.2.25', `${label}: A`);
  assert.ok(!rows.some((r) => r.value === OWN.ip), `${label}: the typed address is gone`);
  // An Ed25519 key alone is not taken (the plan publishes it only beside
  // an RSA key): no DKIM row, and a note naming the selector.
  assert.ok(!rows.some((r) => r.name.endsWith('._domainkey.example.com.')), `${label}: no DKIM row`);
  // The DMARC record is on the 境外 line only: not taken, the plan's own.
  assert.ok(!one(rows, 'TXT', '_dmarc.example.com.', label).value.includes('p=none'), `${label}: the 境外 line's p=none is not taken`);
  const intro = await page.textContent('#adoption');
  assert.ok(intro.includes('DNSPod'), `${label}: #adoption names DNSPod: ${intro}`);
  // Taken: MX, the A record and the DKIM key (read, then noted); left
  // alone: the NS record. The 境外 line's record is in a note of its own.
  assert.ok(intro.includes(EXPORT_INTRO['en-US']('DNSPod', 3, 1)), `${label}: counts in ${intro}`);
  const notes = await adoptionNotes(page);
  const codes = notes.map((n) => n.code);
  const ed = notes.find((n) => n.code === 'adopt.dkim_ed25519_alone');
  assert.ok(ed?.text.includes('s1'), `${label}: adopt.dkim_ed25519_alone names s1: ${codes}`);
  assert.ok(codes.includes('import.other_lines'), `${label}: the 境外 line's record is said: ${codes}`);
  assert.ok(codes.includes('adopt.dmarc_absent'), `${label}: no DMARC on the default line is said: ${codes}`);
  return rows;
}

test('a pasted DNSPod table becomes the typed domain\'s plan', async () => {
  const a11y = [];
  const { context, page, errors } = await open();
  const own = await typeOwnPlan(page);
  await importText(page, await fs.readFile(DNSPOD_FILE, 'utf8'));
  await page.waitForSelector('#adoption', { timeout: 30_000 });
  await assertDnspodPlan(page, 'dnspod pasted');
  await collectAccessible(page, 'imported DNSPod table', a11y);
  await screenshot(page, 'adopt-import-dnspod');
  // Same domain, but the typed plan is still kept aside.
  await page.click('#restore-plan');
  await page.waitForSelector('#adoption', { state: 'detached' });
  assert.deepEqual(await records(page), own);
  assert.deepEqual(errors, []);
  assert.deepEqual(a11y, [], 'axe violations');
  await context.close();
});

test('a DNSPod table chosen as a file works the same as pasted', async () => {
  const { context, page, errors } = await open();
  await typeOwnPlan(page);
  await openImportBox(page);
  await page.setInputFiles('#import-file', DNSPOD_FILE);
  await page.waitForSelector('#adoption', { timeout: 30_000 });
  await assertDnspodPlan(page, 'dnspod file');
  assert.deepEqual(errors, []);
  await context.close();
});

// The table publishes TTL 600 on every row; the plan's default is 3600.
// Taking the published TTL, or saying that it was not taken, is what "nothing
// is dropped silently" asks for.
test('the TTLs an export publishes are kept in the plan, or a note says they were not', async () => {
  const { context, page, errors } = await open();
  await typeOwnPlan(page);
  await importText(page, await fs.readFile(DNSPOD_FILE, 'utf8'));
  await page.waitForSelector('#adoption', { timeout: 30_000 });
  await page.waitForSelector('#records tr[data-record-type="MX"][data-record-value="mail.example.com"]');
  const mx = one(await records(page), 'MX', 'example.com.', 'dnspod ttl');
  const notes = await adoptionNotes(page);
  assert.deepEqual(errors, []);
  assert.ok(mx.ttl === '600' || notes.some((n) => /TTL/.test(n.text)), `MX TTL ${mx.ttl}, notes ${notes.map((n) => n.code)}`);
  await context.close();
});

for (const [locale, typed] of [['en-US', true], ['zh-CN', false]]) {
  test(`a zone file with $INCLUDE is refused, naming it, and the plan is unchanged (${locale}, ${typed ? 'typed plan' : 'empty plan'})`, async () => {
    const a11y = [];
    const { context, page, errors } = await open({ locale });
    const before = typed ? await typeOwnPlan(page) : await records(page);
    const domainBefore = await page.inputValue('#domain');
    const zone = await fs.readFile(ZONE_FILE, 'utf8');
    // The include comes after some records: nothing read before it is taken.
    const lines = zone.split('\n');
    lines.splice(10, 0, '$INCLUDE /etc/bind/other.zone');
    await importText(page, lines.join('\n'));
    await page.waitForSelector('#import-box[data-import-state="failed"] #import-msg [data-error-code="import.include"]', { timeout: 30_000 });
    const msg = await page.textContent('#import-msg');
    assert.ok(msg.length > 10, `the refusal is explained: ${msg}`);
    assert.match(msg, /11/, `the refusal names the line: ${msg}`);
    assert.equal(await page.locator('#adoption').count(), 0, 'no adoption shown');
    assert.equal(await page.inputValue('#domain'), domainBefore, 'domain unchanged');
    assert.deepEqual(await records(page), before, 'records unchanged');
    assert.equal(await page.locator('#restore-plan').count(), 0, 'nothing displaced');
    assert.equal(await page.locator('[data-notice-code="ui.gen.adopted"]').count(), 0);
    await collectAccessible(page, `import refused ${locale}`, a11y);
    await screenshot(page, `adopt-import-include-${locale}`);
    // The same box then reads a text it can.
    await page.fill('#import-text', zone);
    await page.click('#import-read');
    await page.waitForSelector('#adoption', { timeout: 30_000 });
    assert.equal(await page.getAttribute('#import-box', 'data-import-state'), 'idle');
    assert.equal(await page.locator('#import-msg [data-error-code]').count(), 0, 'the refusal is gone');
    assert.deepEqual(errors, []);
    assert.deepEqual(a11y, [], 'axe violations');
    await context.close();
  });
}

// What the panels' own export button gives, chosen as it was downloaded:
// a ZIP archive (here a real ZIP entry holding a worksheet's XML).
function xlsxBytes() {
  const xml = Buffer.from('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'.repeat(20));
  const data = zlib.deflateRawSync(xml);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(zlib.crc32(xml), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(xml.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}

// An old .xls: an OLE2 compound file, which the browser reads as text
// with its signature's invalid bytes replaced.
const xlsBytes = () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(16), Buffer.from('3e000300feff0900', 'hex'), Buffer.alloc(480)]);

for (const [locale, kind, bytes] of [['en-US', '.xlsx', xlsxBytes], ['zh-CN', '.xls', xlsBytes]]) {
  test(`a panel's ${kind} export chosen as is is named a spreadsheet, with how to paste its table, and the plan is unchanged (${locale})`, async () => {
    const a11y = [];
    const { context, page, errors } = await open({ locale });
    const before = await typeOwnPlan(page);
    await openImportBox(page);
    await page.setInputFiles('#import-file', { name: `records${kind}`, mimeType: 'application/octet-stream', buffer: bytes() });
    await page.waitForSelector('#import-box[data-import-state="failed"] #import-msg [data-error-code="import.spreadsheet"]', { timeout: 30_000 });
    const msg = await page.textContent('#import-msg');
    assert.ok(msg.includes(`（${kind}）`) || msg.includes(`(${kind})`), msg);
    assert.match(msg, locale === 'en-US' ? /paste it here/ : /粘贴到这里/);
    assert.deepEqual(await records(page), before, 'records unchanged');
    assert.equal(await page.locator('#adoption').count(), 0, 'no adoption shown');
    await collectAccessible(page, `xlsx refused ${locale}`, a11y);
    await screenshot(page, `adopt-import-${kind.slice(1)}-${locale}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(a11y, [], 'axe violations');
    await context.close();
  });
}

for (const [label, fault] of [
  ['SERVFAIL', { kind: 'servfail', name: '_dmarc.good-mail.net', type: 'TXT' }],
  ['HTTP 503', { kind: 'http503', name: '_dmarc.good-mail.net', type: 'TXT' }],
]) {
  test(`a DMARC question that fails (${label}) is adopted as unknown, never as a plan without DMARC`, async () => {
    await doh.setFaults([fault]);
    try {
      const a11y = [];
      const { context, page, errors } = await openAuditLink('good-mail.net');
      assert.equal(await page.getAttribute('.check-area[data-area="dmarc"]', 'data-status'), 'could_not_check');
      await adopt(page);
      assert.equal(await page.inputValue('#domain'), 'good-mail.net');
      const notes = await adoptionNotes(page);
      const unknown = notes.filter((n) => n.code === 'adopt.unknown');
      assert.equal(unknown.length, 1, `one adopt.unknown in ${notes.map((n) => n.code)}`);
      assert.ok(unknown[0].text.includes('_dmarc.good-mail.net'), `adopt.unknown names _dmarc: ${unknown[0].text}`);
      assert.ok(unknown[0].text.includes('TXT'), `adopt.unknown names the type: ${unknown[0].text}`);
      assert.ok(!notes.some((n) => n.code === 'adopt.dmarc_absent'), 'a failed question is not an absent record');
      // The plan still publishes a DMARC record (the plan's default), and
      // the rest of the domain is taken as published.
      const rows = await records(page);
      const dmarc = one(rows, 'TXT', '_dmarc.good-mail.net.', label);
      assert.match(dmarc.value, /^v=DMARC1; p=/);
      assert.equal(one(rows, 'MX', 'good-mail.net.', label).value, 'mail.good-mail.net');
      assert.equal(
        rows.find((r) => r.type === 'TXT' && r.name === 'good-mail.net.' && r.value.startsWith('v=spf1'))?.value,
        spfAsPlanned(await zoneTxt('@', 'v=spf1'), '185.47.112.10', '2a0e:97c0:38f::a'),
      );
      // Only the failed question is unknown.
      assert.deepEqual(unknown.map((n) => n.severity), ['warning']);
      await collectAccessible(page, `adopt unknown ${label}`, a11y);
      await screenshot(page, `adopt-unknown-dmarc-${label.replace(/\s+/g, '')}`);
      assert.deepEqual(errors, []);
      assert.deepEqual(a11y, [], 'axe violations');
      await context.close();
    } finally {
      await doh.reset();
    }
  });
}

// The note for a failed question tells the user to press the button again
// by its name; in Chinese that name must be the button's own label.
test('the zh-CN note for a failed question names the "Use as my plan" button as the page labels it', async () => {
  await doh.setFaults([{ kind: 'servfail', name: '_dmarc.good-mail.net', type: 'TXT' }]);
  try {
    const { context, page, errors } = await openAuditLink('good-mail.net', { locale: 'zh-CN' });
    const label = (await page.textContent('[data-action="adopt"]')).trim();
    await adopt(page);
    const unknown = (await adoptionNotes(page)).find((n) => n.code === 'adopt.unknown');
    assert.deepEqual(errors, []);
    const quoted = [...unknown.text.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
    assert.ok(quoted.length > 0, `the note quotes the button: ${unknown.text}`);
    assert.deepEqual(quoted, [label], `button “${label}”, note: ${unknown.text}`);
    await context.close();
  } finally {
    await doh.reset();
  }
});
