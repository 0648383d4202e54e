// End-to-end tests of the message test (issue 18): messages signed at test
// time by real signers (tests/message/sign.py: dkimpy and OpenDKIM, keys
// published in tests/zones/signed-mail.net.zone), opened in the page as
// files (bytes as they are) or pasted, checked through the local DoH
// endpoint with the browser's WebCrypto. The page must give, for every
// signature, the verdict written for it (which agrees with dkimpy's own,
// but for rsa-sha1, failed per RFC 8301), and the written SPF and DMARC
// results; a failed key question is temperror, never fail; the hop chooser
// re-runs SPF; both languages at 360 and 1280 px, axe clean. Screenshots go
// to target/e2e/message-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { collectAccessible } from './lib/a11y.mjs';
import { screenshot, repoRoot } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let doh;
let browser;
let out;
let manifest;

before(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'maildns-e2e-message-'));
  execFileSync('/usr/bin/python3', [path.join(repoRoot, 'tests', 'message', 'sign.py'), out], { stdio: 'pipe' });
  manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8'));
  ({ server, doh, browser } = await startFixture({ doh: { zones: ['tests/zones', 'tests/message/rfc8463'] } }));
});
after(async () => {
  await stopFixture({ server, doh, browser });
  if (out) await fs.rm(out, { recursive: true, force: true });
});

// The message test opened from its link, the local endpoint chosen.
async function open({ locale = 'en-US', width = 1280 } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('connectionrefused'));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/#message`);
  await page.waitForSelector('#panel-message:not([hidden]) .message-test[data-message-worker="ready"]', { timeout: 60_000 });
  assert.equal(await page.getAttribute('#tab-message', 'aria-selected'), 'true');
  await page.selectOption('#message-ep-kind', 'custom');
  await page.fill('#message-ep-url', `${doh.url}/resolve`);
  await page.selectOption('#message-ep-flavor', 'google');
  return { context, page, errors };
}

const finished = async (page) => Number(await page.getAttribute('.message-test', 'data-finished'));

// Runs the test on what `give` puts in (a file, a paste) and waits for its end.
async function runWith(page, give) {
  const before = await finished(page);
  await give();
  await page.click('[data-action="test-message"]');
  await page.waitForFunction((n) => Number(document.querySelector('.message-test')?.dataset.finished) > n, before, { timeout: 60_000 });
}

const openFile = (page, file) => runWith(page, () => page.setInputFiles('#message-file', path.join(out, file)));

async function paste(page, text) {
  if (await page.locator('[data-action="forget-file"]').count()) await page.click('[data-action="forget-file"]');
  await runWith(page, () => page.fill('#message-source', text));
}

async function seen(page) {
  return page.evaluate(() => {
    const r = document.querySelector('#message-report');
    if (!r) return null;
    return {
      dkim: [...r.querySelectorAll('.dkim-signature')].map((l) => l.dataset.verdict + (l.dataset.step ? `:${l.dataset.step}` : '')),
      spf: r.dataset.spf,
      dmarc: r.dataset.dmarc,
      codes: [...r.querySelectorAll('[data-finding-code]')].map((e) => e.dataset.findingCode),
    };
  });
}

test('every message signed by dkimpy and OpenDKIM: the page gives the written verdicts', { timeout: 300_000 }, async () => {
  const { context, page, errors } = await open();
  let passed = 0;
  const failed = [];
  for (const c of manifest) {
    await openFile(page, c.file);
    const s = await seen(page);
    const want = { dkim: c.ours, spf: c.spf ?? 'none', dmarc: c.dmarc };
    const got = s && { dkim: s.dkim, spf: s.spf, dmarc: s.dmarc };
    try {
      assert.deepEqual(got, want);
      if (c.name === 'testing-key') assert.ok(s.codes.includes('message.dkim_key_testing'), 't=y named');
      if (c.name.startsWith('length-l')) assert.ok(s.codes.includes('message.dkim_body_length'), 'l= named');
      if (c.name === 'receiver-disagrees') {
        assert.ok(s.codes.some((x) => x.startsWith('message.differ')), 'the disagreement with the receiver is named');
      }
      passed += 1;
    } catch (e) {
      failed.push(`${c.name}: ${e.message.split('\n')[0]} got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
    }
  }
  console.log(`message test (page): ${passed} passed, ${failed.length} failed`);
  assert.deepEqual(failed, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a failed key question is temperror, never fail; DMARC still passes on aligned SPF', async () => {
  const { context, page, errors } = await open();
  const rsa = manifest.find((c) => c.name === 'rsa-relaxed');
  await doh.setFaults([{ kind: 'servfail', name: 'rsa2026._domainkey.signed-mail.net', type: 'TXT' }]);
  try {
    await openFile(page, rsa.file);
    const s = await seen(page);
    assert.deepEqual(s.dkim, ['temperror']);
    assert.ok(s.codes.includes('message.dkim_key_temperror'), JSON.stringify(s.codes));
    assert.equal(s.dmarc, 'pass');
  } finally {
    await doh.reset();
  }
  // The same message once the resolver answers again.
  await openFile(page, rsa.file);
  assert.deepEqual((await seen(page)).dkim, ['pass']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the hop chooser re-runs SPF for the hop chosen, or none', async () => {
  const { context, page, errors } = await open();
  const c = manifest.find((m) => m.name === 'spf-fail-dkim-aligned');
  await openFile(page, c.file);
  assert.equal((await seen(page)).spf, 'fail');
  const before = await finished(page);
  await page.selectOption('#message-hop', 'skip');
  await page.waitForFunction((n) => Number(document.querySelector('.message-test')?.dataset.finished) > n, before);
  const s = await seen(page);
  assert.equal(s.spf, 'none');
  // DKIM still passes aligned: DMARC passes without SPF.
  assert.equal(s.dmarc, 'pass');
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasted, in both languages at 360 and 1280 px: the report, axe clean', { timeout: 180_000 }, async () => {
  const problems = [];
  const text = await fs.readFile(path.join(out, manifest.find((c) => c.name === 'two-signatures').file), 'utf8');
  const receiver = await fs.readFile(path.join(out, manifest.find((c) => c.name === 'receiver-disagrees').file), 'utf8');
  for (const [locale, lang] of [['en-US', 'en'], ['zh-CN', 'zh']]) {
    for (const width of [360, 1280]) {
      const { context, page, errors } = await open({ locale, width });
      assert.equal(await page.getAttribute('html', 'lang'), lang === 'en' ? 'en' : 'zh-CN');
      await screenshot(page, `message-form-${lang}-${width}`);
      await paste(page, text);
      const s = await seen(page);
      assert.deepEqual(s.dkim, ['pass', 'pass']);
      await collectAccessible(page, `message report ${lang} ${width}`, problems);
      await screenshot(page, `message-report-${lang}-${width}`);
      await paste(page, receiver);
      assert.deepEqual((await seen(page)).dkim, ['fail:body_hash']);
      await screenshot(page, `message-disagree-${lang}-${width}`);
      // Nothing wider than the screen, whatever the message holds.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= width, `${lang} ${width}: the page is ${wide} px wide`);
      // No text of the view left untranslated: no bare code shown.
      const shown = await page.locator('#panel-message').innerText();
      assert.ok(!/message_view\.|message\.[a-z_]+/.test(shown), `${lang}: a bare code is shown`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
  assert.deepEqual(problems, []);
});

test('nothing pasted: the page says so and sends nothing', async () => {
  const { context, page, errors } = await open();
  await page.click('[data-action="test-message"]');
  await page.waitForSelector('[data-problem="empty"]');
  assert.equal(await page.getAttribute('.message-test', 'data-run'), 'idle');
  assert.deepEqual(errors, []);
  await context.close();
});
