// End-to-end tests of issue 19's page side: the "Blocklists" area of an
// audit and the "What this page cannot test" section. The built page audits
// the scenario domain dnsbl-listed.net (tests/zones/README.md) through the
// local DoH endpoint, which serves bl.spamcop.net (test entry answered, the
// first MX host listed, the second clean) and zen.spamhaus.org (its test
// entry answers 127.255.255.254: the resolver is refused); the other lists
// have no zone, so their test entries are NXDOMAIN. Both languages, 360 and
// 1280 px, axe on every screen, screenshots under target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot } from './lib/browser.mjs';
import { openCheck as openCheck_, auditThrough } from './lib/check-page.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let doh;
let browser;

before(async () => ({ server, doh, browser } = await startFixture({ doh: {} })));
after(() => stopFixture({ server, doh, browser }));

const DOMAIN = 'dnsbl-listed.net';
const LISTED = '185.47.112.60';
const CLEAN = '185.47.112.61';
const SPAMCOP = 'SpamCop Blocking List';
const ZEN = 'Spamhaus ZEN';

const openCheck = (options) => openCheck_(browser, server, options);

async function audit(page, domain = DOMAIN) {
  await auditThrough(page, doh, domain);
  return page.evaluate(() => {
    const area = document.querySelector('.check-report:first-of-type .check-area[data-area="blocklists"]');
    const rows = [...(area?.querySelectorAll('tr[data-verdict]') ?? [])].map((tr) => ({
      list: tr.dataset.list, subject: tr.dataset.subject, verdict: tr.dataset.verdict,
      code: tr.dataset.findingCode, text: tr.textContent, link: tr.querySelector('a')?.getAttribute('href') ?? null,
    }));
    const handoffs = [...document.querySelectorAll('div.handoffs [data-handoff]')].map((d) => ({
      code: d.dataset.handoff,
      commands: [...d.querySelectorAll('.fix pre')].map((p) => p.textContent),
      copy: d.querySelectorAll('button.copy').length,
      good: d.querySelectorAll(':scope > pre')[0]?.textContent ?? '',
      bad: d.querySelectorAll(':scope > pre')[1]?.textContent ?? '',
      text: d.textContent,
    }));
    return {
      status: area?.dataset.status ?? null,
      title: area?.querySelector('h3 span')?.textContent ?? '',
      rows,
      handoffs,
      handoffTitle: document.querySelector('div.handoffs h3')?.textContent ?? '',
      last: document.querySelector('.check-report:first-of-type')?.lastElementChild?.classList.contains('handoffs') === true,
    };
  });
}

const row = (r, list, subject) => r.rows.find((x) => x.list === list && x.subject === subject);

test('blocklists: listed, not listed and unknown rows, never "not listed" when unknown', async () => {
  const { context, page, errors } = await openCheck();
  await doh.reset();
  const r = await audit(page);
  assert.equal(r.title, 'Blocklists (DNSBL)');
  const listed = row(r, SPAMCOP, LISTED);
  assert.ok(listed, `SpamCop row for ${LISTED}: ${JSON.stringify(r.rows)}`);
  assert.equal(listed.verdict, 'listed');
  assert.match(listed.text, /127\.0\.0\.2 \(listed by SpamCop/, 'the return code and its meaning');
  assert.equal(listed.link, 'https://www.spamcop.net/bl.shtml', 'the delisting page');
  assert.match(listed.text, /https:\/\/www\.spamcop\.net\/bl\.shtml/);
  assert.equal(row(r, SPAMCOP, CLEAN)?.verdict, 'not_listed');
  // ZEN answered its test entry with its "public resolver" code: unknown.
  for (const ip of [LISTED, CLEAN]) {
    const zen = row(r, ZEN, ip);
    assert.equal(zen?.verdict, 'unknown', `ZEN ${ip}`);
    assert.equal(zen.code, 'dnsbl.refused');
    assert.match(zen.text, /127\.255\.255\.254/);
  }
  // Lists without a zone here: the test entry is NXDOMAIN, so unknown.
  const dbl = row(r, 'Spamhaus DBL', DOMAIN);
  assert.equal(dbl?.verdict, 'unknown');
  assert.equal(dbl.code, 'dnsbl.test_entry_missing');
  for (const x of r.rows.filter((x) => x.list !== SPAMCOP)) {
    assert.equal(x.verdict, 'unknown', `${x.list} ${x.subject} is ${x.verdict}`);
  }
  assert.equal(r.status, 'errors', 'a listing is an error');
  await assertAccessible(page, 'blocklists');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a failed list question is unknown with its reason, never "not listed", and can be tried again', async () => {
  const { context, page, errors } = await openCheck();
  await doh.reset();
  const name = `${CLEAN.split('.').reverse().join('.')}.bl.spamcop.net`;
  await doh.setFaults([{ kind: 'servfail', name, type: 'A' }]);
  const r = await audit(page);
  const clean = row(r, SPAMCOP, CLEAN);
  assert.equal(clean?.verdict, 'unknown', `SpamCop ${CLEAN}`);
  assert.equal(clean.code, 'dnsbl.question_failed');
  assert.ok(!/is not listed on/.test(clean.text), clean.text);
  assert.equal(row(r, SPAMCOP, LISTED)?.verdict, 'listed', 'the other address is still judged');
  assert.deepEqual(r.rows.filter((x) => x.verdict === 'not_listed'), [], 'nothing else reads clean');
  // The fault clears; "Try again" on the area asks again and now judges it.
  await doh.reset();
  await page.click('.check-area[data-area="blocklists"] [data-action="rerun-area"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  const verdict = await page.getAttribute(
    `.check-area[data-area="blocklists"] tr[data-list="${SPAMCOP}"][data-subject="${CLEAN}"]`, 'data-verdict');
  assert.equal(verdict, 'not_listed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('what this page cannot test: commands for the audited MX hosts, at the end of the report', async () => {
  const { context, page, errors } = await openCheck();
  await doh.reset();
  const r = await audit(page);
  assert.equal(r.handoffTitle, 'What this page cannot test');
  assert.ok(r.last, 'the section ends the report');
  assert.deepEqual(r.handoffs.map((h) => h.code),
    ['handoff.starttls', 'handoff.port25', 'handoff.relay', 'handoff.ipv6', 'handoff.rdns']);
  const starttls = r.handoffs[0];
  assert.ok(starttls.commands.some((c) => c.includes('-connect mail.dnsbl-listed.net:25')), starttls.commands.join('\n'));
  assert.ok(starttls.commands.some((c) => c.includes('mail2.dnsbl-listed.net')), 'the second MX host too');
  for (const h of r.handoffs) {
    assert.ok(h.commands.length > 0, `${h.code}: commands`);
    assert.equal(h.copy, h.commands.length, `${h.code}: a copy button per command`);
    assert.ok(h.commands.every((c) => /dnsbl-listed\.net|185\.47\.112\.6[01]|2a0e:97c0:38f::3[cd]/.test(c)),
      `${h.code}: every command names the host or its address: ${h.commands}`);
    assert.ok(h.good.length > 0 && h.bad.length > 0, `${h.code}: good and bad output`);
    assert.match(h.text, /RFC \d+/, `${h.code}: RFC`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

for (const locale of ['en-US', 'zh-CN']) {
  for (const width of [360, 1280]) {
    test(`blocklists and hand-offs, ${locale} at ${width} px: screenshots and axe`, async () => {
      const { context, page, errors } = await openCheck({ locale, width });
      await doh.reset();
      const r = await audit(page);
      if (locale === 'zh-CN') {
        assert.equal(r.title, '黑名单（DNSBL）');
        assert.equal(r.handoffTitle, '本页面无法测试的项目');
        assert.match(row(r, SPAMCOP, LISTED).text, /已列入/);
        assert.match(row(r, ZEN, CLEAN).text, /未知/);
      }
      await page.locator('div.handoffs details').first().evaluate((d) => { d.open = true; });
      await assertAccessible(page, `blocklists ${locale} ${width}`);
      await screenshot(page, `beyond-report-${locale}-${width}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// A certificate made now by Debian's openssl, for the DANE paste box: its
// key is not the one good-mail.net's TLSA record names, so the record
// matches nothing and the box offers the `3 1 1` record of this key.
function makeCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maildns-dane-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-days', '2', '-subj', '/CN=mail.good-mail.net'],
    { stdio: 'ignore' });
    const pem = fs.readFileSync(path.join(dir, 'c.pem'), 'utf8');
    const spki = execFileSync('sh', ['-c', `openssl x509 -in ${dir}/c.pem -pubkey -noout | openssl pkey -pubin -outform DER | openssl dgst -sha256 -r`]).toString().split(' ')[0];
    return { pem, spki };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function dane(page, text) {
  const box = page.locator('.check-area[data-area="tlsa"] details.dane-box');
  if (!(await box.evaluate((d) => d.open))) await box.locator('summary').click();
  await box.locator('textarea').fill(text);
  await box.locator('[data-action="dane-compare"]').click();
  await box.locator('.dane-result').waitFor({ timeout: 30_000 });
  return box.evaluate((d) => ({
    codes: [...d.querySelectorAll('.dane-result [data-finding-code]')].map((f) => f.dataset.findingCode),
    rows: [...d.querySelectorAll('.dane-result tr[data-tlsa]')].map((r) => ({ record: r.dataset.tlsa, matched: Number(r.dataset.matched) })),
    rollover: d.querySelector('[data-rollover]')?.textContent ?? '',
    command: d.querySelector('.dane-result > .fix pre')?.textContent ?? '',
    text: d.textContent,
  }));
}

test('DANE paste box: the pasted chain against the TLSA records found, the 3 1 1 record and the command; bad pastes get findings', async () => {
  const { context, page, errors } = await openCheck();
  await doh.reset();
  await audit(page, 'good-mail.net');
  const { pem, spki } = makeCertificate();
  const r = await dane(page, pem);
  assert.deepEqual(r.rows.map((x) => x.matched), [0], 'the record matches nothing pasted');
  assert.match(r.rows[0].record, /^3 1 1 e45af1b1/);
  assert.ok(r.codes.includes('dane.no_match'), `codes: ${r.codes}`);
  assert.equal(r.rollover.trim(), `3 1 1 ${spki}`, 'the 3 1 1 record of the pasted key');
  assert.equal(r.command,
    'openssl s_client -starttls smtp -connect mail.good-mail.net:25 -showcerts -servername mail.good-mail.net </dev/null');
  await assertAccessible(page, 'dane box');
  await screenshot(page, 'beyond-dane-en-US-1280');
  // Not a certificate at all.
  const junk = await dane(page, 'hello, this is no certificate');
  assert.deepEqual(junk.codes, ['dane.no_pem']);
  assert.deepEqual(junk.rows, []);
  // A 5 MB paste: refused with its size, nothing read.
  const huge = await dane(page, `${pem}\n${'A'.repeat(5 * 1024 * 1024)}`);
  assert.deepEqual(huge.codes, ['dane.too_large']);
  assert.match(huge.text, /5,?24\d,?\d{3}|5242/, 'the size is said');
  assert.deepEqual(errors, []);
  await context.close();
});
