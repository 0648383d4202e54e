// End-to-end test of issue 19 item 2: the page fetches the live MTA-STS
// policy itself. A local HTTPS host (lib/policy-host.mjs, a throwaway
// certificate) answers for mta-sts.good-mail.net with
// Access-Control-Allow-Origin and for mta-sts.dkim-testing.net without it;
// Chromium reaches it under those names through --host-resolver-rules, and
// the audits go through the local DoH endpoint serving tests/zones/ (both
// domains publish an _mta-sts record and an address for the policy host).
//
// What it shows: before the origin is allowed the page asks the host nothing
// and offers the "allow" step (the same as for a custom resolver: stored,
// one reload); after it, the audit reads the policy and checks it against
// the live MX set; without the header the report says CORS kept the answer
// back and the paste box still works; a policy changed under the same id is
// said (RFC 8461 §3.1). Both languages at 360 and 1280 px, axe on each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './lib/a11y.mjs';
import path from 'node:path';
import { screenshot, shotDir } from './lib/browser.mjs';
import { openCheck, auditThrough } from './lib/check-page.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';
import { startPolicyHost } from './lib/policy-host.mjs';

let server;
let doh;
let browser;
let host;

const CORS_HOST = 'mta-sts.good-mail.net';
const PLAIN_HOST = 'mta-sts.dkim-testing.net';
const HUGE_HOST = 'mta-sts.odd-txt.net';
const POLICY = 'version: STSv1\r\nmode: enforce\r\nmx: mail.good-mail.net\r\nmax_age: 604800\r\n';
const PLAIN_POLICY = 'version: STSv1\r\nmode: testing\r\nmx: mail.dkim-testing.net\r\nmax_age: 86400\r\n';
const ORIGINS_KEY = 'maildns.connect.origins';

before(async () => {
  host = await startPolicyHost({
    [CORS_HOST]: { cors: true, body: POLICY },
    [PLAIN_HOST]: { cors: false, body: PLAIN_POLICY },
    // A hostile host: 5 MB of "policy".
    [HUGE_HOST]: { cors: true, body: `version: STSv1\r\nmode: enforce\r\n${'x: y\r\n'.repeat(5 * 1024 * 1024 / 6)}` },
  });
  ({ server, doh, browser } = await startFixture({
    doh: {},
    browserArgs: [host.resolverRules(), '--ignore-certificate-errors'],
  }));
});
after(async () => {
  await stopFixture({ server, doh, browser });
  await host?.close();
});

// A page whose storage already allows `origins` (as the allow step leaves it).
function open({ locale, width, origins = [] } = {}) {
  return openCheck(browser, server, {
    locale,
    width,
    contextOptions: { ignoreHTTPSErrors: true },
    before: origins.length
      ? (context) => context.addInitScript(([key, list]) => {
        if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify(list));
      }, [ORIGINS_KEY, origins])
      : undefined,
  });
}

const audit = (page, domain) => auditThrough(page, doh, domain);

// The MTA-STS area of the first report.
function stsArea(page) {
  return page.evaluate(() => {
    const area = document.querySelector('.check-report:first-of-type .check-area[data-area="mta_sts"]');
    const findings = [...(area?.querySelectorAll('[data-finding-code]') ?? [])].map((f) => ({
      code: f.dataset.findingCode, severity: f.dataset.severity, text: f.textContent,
    }));
    return {
      status: area?.dataset.status ?? null,
      codes: findings.map((f) => f.code),
      findings,
      allow: area?.querySelector('[data-action="allow-policy"]')?.textContent ?? null,
      text: area?.textContent ?? '',
    };
  });
}

const asked = (name) => host.requests.filter((r) => r.host === name);

test('not allowed yet: the page asks the host nothing and offers the allow step; allowed, it reads the policy', async () => {
  host.requests.length = 0;
  const { context, page, errors } = await open();
  await audit(page, 'good-mail.net');
  let a = await stsArea(page);
  assert.ok(a.codes.includes('mta_sts.fetch_not_allowed'), a.codes.join(' '));
  assert.ok(!a.codes.includes('mta_sts.fetch_policy'), 'no "fetch it yourself" beside the allow step');
  assert.match(a.allow ?? '', /Allow https:\/\/mta-sts\.good-mail\.net and check again/);
  assert.match(a.text, /curl -sS https:\/\/mta-sts\.good-mail\.net\/\.well-known\/mta-sts\.txt/);
  assert.equal(asked(CORS_HOST).length, 0, 'nothing asked before the origin is allowed');
  await assertAccessible(page, 'mta-sts allow step');

  // The allow step: stores the origin, reloads into the same audit, which runs at once.
  await Promise.all([page.waitForEvent('load'), page.click('[data-action="allow-policy"]')]);
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '[]'), ORIGINS_KEY);
  assert.ok(stored.includes('https://mta-sts.good-mail.net'), JSON.stringify(stored));
  a = await stsArea(page);
  const fetched = a.findings.find((f) => f.code === 'mta_sts.fetched');
  assert.ok(fetched, a.codes.join(' '));
  assert.ok(fetched.text.includes(`HTTP 200, text/plain, ${Buffer.byteLength(POLICY)} bytes; mode enforce, max_age 604800, mx mail.good-mail.net`), fetched.text);
  assert.ok(!a.codes.some((c) => /fetch_not_allowed|fetch_policy|mx_not_covered|cors/.test(c)), a.codes.join(' '));
  assert.equal(a.status, 'ok');
  // One plain GET of the policy path, without cookies.
  const reqs = asked(CORS_HOST);
  assert.equal(reqs.length, 1, JSON.stringify(reqs));
  assert.equal(reqs[0].path, '/.well-known/mta-sts.txt');
  assert.equal(reqs[0].method, 'GET');
  assert.equal(reqs[0].headers.cookie, undefined);
  await assertAccessible(page, 'mta-sts fetched');
  await screenshot(page, 'mtasts-fetched-en-US-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without Access-Control-Allow-Origin: the report says CORS kept the answer back, and the paste box still checks the file', async () => {
  host.requests.length = 0;
  const { context, page, errors } = await open({ origins: ['https://mta-sts.dkim-testing.net'] });
  await audit(page, 'dkim-testing.net');
  let a = await stsArea(page);
  const blocked = a.findings.find((f) => f.code === 'mta_sts.fetch_cors_blocked');
  assert.ok(blocked, a.codes.join(' '));
  assert.match(blocked.text, /answered, but without an Access-Control-Allow-Origin header/);
  assert.equal(blocked.severity, 'info', 'senders are not affected');
  assert.ok(!a.codes.includes('mta_sts.fetched') && !a.codes.includes('mta_sts.fetch_failed'), a.codes.join(' '));
  // The readable request and the no-cors one that showed the host answers.
  assert.equal(asked(PLAIN_HOST).length, 2, JSON.stringify(asked(PLAIN_HOST)));
  await assertAccessible(page, 'mta-sts cors blocked');
  await screenshot(page, 'mtasts-cors-blocked-en-US-1280');

  // The paste box is still there and is what the audit then checks.
  await page.fill('#check-policy', PLAIN_POLICY);
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  a = await stsArea(page);
  assert.ok(!a.codes.includes('mta_sts.fetch_cors_blocked'), a.codes.join(' '));
  assert.ok(a.codes.includes('mta_sts.policy_testing'), `the pasted file is checked: ${a.codes.join(' ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a hostile policy host: a 5 MB answer is refused as too large, the page keeps answering', async () => {
  const { context, page, errors } = await open({ origins: ['https://mta-sts.odd-txt.net'] });
  await audit(page, 'odd-txt.net');
  const a = await stsArea(page);
  assert.ok(a.codes.includes('mta_sts.policy_too_large'), a.codes.join(' '));
  assert.ok(!a.codes.includes('mta_sts.fetched'), a.codes.join(' '));
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a policy changed under the same id is said on every run until the id changes (RFC 8461 §3.1)', async () => {
  const { context, page, errors } = await open({ origins: ['https://mta-sts.good-mail.net'] });
  host.set(CORS_HOST, { cors: true, body: POLICY });
  await audit(page, 'good-mail.net');
  let a = await stsArea(page);
  assert.ok(a.codes.includes('mta_sts.fetched') && !a.codes.includes('mta_sts.id_unchanged'), a.codes.join(' '));
  // The admin edits the file but forgets the id.
  host.set(CORS_HOST, { cors: true, body: POLICY.replace('mode: enforce', 'mode: testing') });
  for (const run of [1, 2]) {
    await page.click('[data-action="audit"]');
    await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
    a = await stsArea(page);
    const f = a.findings.find((x) => x.code === 'mta_sts.id_unchanged');
    assert.ok(f, `run ${run}: ${a.codes.join(' ')}`);
    assert.equal(f.severity, 'warning');
    assert.match(f.text, /id 20261129T120000 \(then: mode enforce, max_age 604800, mx mail\.good-mail\.net; now: mode testing/);
  }
  host.set(CORS_HOST, { cors: true, body: POLICY });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const locale of ['en-US', 'zh-CN']) {
  for (const width of [360, 1280]) {
    test(`the live policy, ${locale} at ${width} px: allow step, fetched, CORS-blocked; screenshots and axe`, async () => {
      const { context, page, errors } = await open({ locale, width });
      await audit(page, 'good-mail.net');
      let a = await stsArea(page);
      assert.ok(a.allow, 'allow button');
      if (locale === 'zh-CN') assert.match(a.allow, /允许 https:\/\/mta-sts\.good-mail\.net 并重新检查/);
      await page.locator('.check-area[data-area="mta_sts"]').first().scrollIntoViewIfNeeded();
      await assertAccessible(page, `mta-sts allow ${locale} ${width}`);
      await screenshot(page, `mtasts-allow-${locale}-${width}`);
      await page.locator('.check-report:first-of-type .check-area[data-area="mta_sts"]')
        .screenshot({ path: path.join(shotDir, `mtasts-area-allow-${locale}-${width}.png`) });
      // Then the two live outcomes, with both origins allowed.
      await page.evaluate((k) => localStorage.setItem(k, JSON.stringify([
        'https://mta-sts.good-mail.net', 'https://mta-sts.dkim-testing.net'])), ORIGINS_KEY);
      await page.reload();
      await page.click('#tab-check');
      for (const [domain, code] of [['good-mail.net', 'mta_sts.fetched'], ['dkim-testing.net', 'mta_sts.fetch_cors_blocked']]) {
        await audit(page, domain);
        a = await stsArea(page);
        assert.ok(a.codes.includes(code), `${domain}: ${a.codes.join(' ')}`);
        // No bare code, no placeholder, no sideways scroll.
        assert.ok(!/mta_sts\.|\{[a-z_]+\}/.test(a.text), a.text);
        if (locale === 'zh-CN') assert.match(a.text, /已获取|有应答/);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
        assert.equal(wide, false, 'no horizontal scroll');
        await assertAccessible(page, `mta-sts ${code} ${locale} ${width}`);
        await screenshot(page, `mtasts-${code.replace('mta_sts.', '')}-${locale}-${width}`);
        await page.locator('.check-report:first-of-type .check-area[data-area="mta_sts"]')
          .screenshot({ path: path.join(shotDir, `mtasts-area-${code.replace('mta_sts.', '')}-${locale}-${width}.png`) });
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
