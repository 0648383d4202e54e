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
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot } from './lib/browser.mjs';
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

async function openCheck({ locale = 'en-US', width = 1280 } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/`);
  await page.waitForSelector('header h1');
  await page.click('#tab-check');
  return { context, page, errors };
}

async function audit(page, domain = DOMAIN) {
  await page.fill('#check-domain', domain);
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  return page.evaluate(() => {
    const area = document.querySelector('.check-report:first-of-type .check-area[data-area="blocklists"]');
    const rows = [...(area?.querySelectorAll('tr[data-verdict]') ?? [])].map((tr) => ({
      list: tr.dataset.list, subject: tr.dataset.subject, verdict: tr.dataset.verdict,
      code: tr.dataset.findingCode, text: tr.textContent, link: tr.querySelector('a')?.getAttribute('href') ?? null,
    }));
    const handoffs = [...document.querySelectorAll('[data-handoffs] [data-handoff]')].map((d) => ({
      code: d.dataset.handoff,
      commands: [...d.querySelectorAll('pre[data-command]')].map((p) => p.textContent),
      copy: d.querySelectorAll('button.copy').length,
      good: d.querySelector('pre[data-output="good"]')?.textContent ?? '',
      bad: d.querySelector('pre[data-output="bad"]')?.textContent ?? '',
      text: d.textContent,
    }));
    return {
      status: area?.dataset.status ?? null,
      title: area?.querySelector('h3 span')?.textContent ?? '',
      rows,
      handoffs,
      handoffTitle: document.querySelector('[data-handoffs] h3')?.textContent ?? '',
      last: document.querySelector('.check-report:first-of-type')?.lastElementChild?.dataset.handoffs !== undefined,
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
      await page.locator('[data-handoffs] details').first().evaluate((d) => { d.open = true; });
      await assertAccessible(page, `blocklists ${locale} ${width}`);
      await screenshot(page, `beyond-report-${locale}-${width}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
