// End-to-end tests of SPF as the README promises it (issue 21 item 8): the
// builder's lookup count as the user types, the check_host() trace of each
// address in the report, the flattened record offered with its caveat, and
// the what-if box, in both languages at 360 and 1280 px, axe on each.
// Each test takes its screenshots before asserting, so a build without the
// feature still leaves its "before" pictures (SPF_SHOT_TAG=before).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot, shotDir } from './lib/browser.mjs';
import { answerGoogleLocally, typeInclude } from './lib/spf-builder.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let doh;
let browser;

before(async () => ({ server, doh, browser } = await startFixture({ doh: {} })));
after(() => stopFixture({ server, doh, browser }));

const TAG = process.env.SPF_SHOT_TAG ?? 'after';
const VIEWS = [
  { locale: 'en-US', lang: 'en', width: 1280 },
  { locale: 'en-US', lang: 'en', width: 360 },
  { locale: 'zh-CN', lang: 'zh-CN', width: 1280 },
  { locale: 'zh-CN', lang: 'zh-CN', width: 360 },
];

async function open({ locale, width }, check = false) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#domain');
  if (check) await page.click('#tab-check');
  return { context, page, errors };
}

// The part of the page the feature is in; the whole page when the part
// does not exist (a build without the feature).
async function shot(page, selector, name) {
  const el = page.locator(selector).first();
  if (await el.count()) {
    await fs.mkdir(shotDir, { recursive: true });
    await el.screenshot({ path: path.join(shotDir, `spf-${TAG}-${name}.png`) });
  } else {
    await screenshot(page, `spf-${TAG}-${name}`);
  }
}

// Runs `fn` in every view, even after one failed (so every screenshot is
// taken), then fails with every view's error.
async function eachView(fn) {
  const failed = [];
  for (const v of VIEWS) {
    try {
      await fn(v);
    } catch (e) {
      failed.push(`${v.lang} ${v.width}: ${e.message}`);
    }
  }
  assert.deepEqual(failed, []);
}

async function useLocalResolver(page) {
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
}

test('the builder counts lookups as the user types, "at least" naming the includes not read', async () => {
  await eachView(async (v) => {
    const { context, page, errors } = await open(v);
    await page.fill('#domain', 'example.com');
    await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
    await page.click('#section-spf > summary');
    if (!(await page.locator('#spf-mx-0').count())) await page.click('#spf-mx > button.add');
    await page.fill('#spf-mx-0', '@');
    if (!(await page.locator('#spf-includes-0').count())) await page.click('#spf-includes > button.add');
    await page.fill('#spf-includes-0', '_spf.provider.example');
    await shot(page, '#section-spf', `builder-${v.lang}-${v.width}`);
    const line = page.locator('#spf-lookups');
    await line.waitFor({ timeout: 5_000 });
    assert.equal(await line.getAttribute('data-finding-code'), 'spf.budget.at_least');
    assert.equal(await line.getAttribute('data-count'), '2');
    assert.match(await line.textContent(), /_spf\.provider\.example/);
    assert.ok(await page.locator('[data-action="fetch-includes"]').isVisible());
    // Typing changes the count at once; no DNS question is asked for it.
    await page.fill('#spf-includes-0', '');
    await page.waitForSelector('#spf-lookups[data-finding-code="spf.budget.exact"][data-count="1"]');
    await assertAccessible(page, `builder count ${v.lang} ${v.width}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

test('"Count what the includes need" reads the targets once, on request, and the count becomes exact', async () => {
  const { context, page, errors } = await open(VIEWS[0]);
  const asked = await answerGoogleLocally(page, doh);
  await typeInclude(page, 'l9.spf-chain.net');
  await page.waitForSelector('#spf-lookups[data-finding-code="spf.budget.at_least"][data-count="1"]');
  assert.deepEqual(asked, [], 'typing asks no DNS question');
  await page.click('[data-action="fetch-includes"]');
  // include:l9 (1) + l9's include:l10 (1), both read: exactly 2.
  await page.waitForSelector('#spf-lookups[data-finding-code="spf.budget.exact"][data-count="2"]');
  assert.deepEqual([...new Set(asked)].sort(), ['l10.spf-chain.net', 'l9.spf-chain.net']);
  assert.equal(await page.locator('[data-action="fetch-includes"]').count(), 0, 'nothing left to read');
  await assertAccessible(page, 'builder count after reading the includes');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the report shows the check_host() trace per address, and the flattened record with its caveat', async () => {
  await eachView(async (v) => {
    const { context, page, errors } = await open(v, true);
    await page.fill('#check-domain', 'spf-lookups.net');
    await page.fill('#check-selectors', 's202611');
    await page.fill('#check-ips', '185.47.112.101');
    await useLocalResolver(page);
    await page.click('[data-action="audit"]');
    await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
    const area = page.locator('.check-area[data-area="spf"]').first();
    // The server address passes through the include chain: the deepest trace.
    const trace = area.locator('.spf-trace[data-ip="185.47.112.101"]');
    if (await trace.count()) await trace.locator('summary').click();
    await area.scrollIntoViewIfNeeded();
    await shot(page, '.check-area[data-area="spf"]', `report-${v.lang}-${v.width}`);
    // The flattened record is offered inside the fix box with its caveat.
    const fix = area.locator('[data-finding-code="spf.too_many_lookups"] .fix');
    assert.match(await fix.locator('pre[data-fix]').textContent(), /ip4:185\.47\.112\.101/);
    const caveat = fix.locator('.fix-caveat[data-finding-code="spf.flatten_caveat"]');
    assert.equal(await caveat.count(), 1, 'the caveat sits with the flattened record');
    assert.match(await caveat.textContent(), v.lang === 'en' ? /stale/ : /过时/);
    // One collapsed trace per address: the MX host's two and the server's.
    const ips = await area.locator('.spf-trace').evaluateAll((els) => els.map((e) => [e.dataset.ip, e.open]));
    assert.deepEqual(ips.map(([ip]) => ip).sort(), ['185.47.112.101', '185.47.112.11', '2a0e:97c0:38f::b'].sort());
    assert.deepEqual(ips.filter(([, o]) => o).length, 1, 'collapsed by default (one opened by the test)');
    const steps = await trace.locator('.trace-step').allTextContents();
    const depths = await trace.locator('.trace-step').evaluateAll((els) => els.map((e) => Number(e.dataset.depth)));
    assert.ok(steps.length >= 6 && Math.max(...depths) >= 1, `steps: ${steps}`);
    assert.match(steps.join('\n'), /include:l1\.spf-chain\.net/);
    assert.ok(steps.every((s) => !s.includes('{') && !s.includes('\n')), `one filled line per step: ${steps}`);
    await assertAccessible(page, `report trace ${v.lang} ${v.width}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

test('the what-if box evaluates a draft for each server address before publishing', async () => {
  await eachView(async (v) => {
    const { context, page, errors } = await open(v, true);
    await page.fill('#check-domain', 'good-mail.net');
    await page.fill('#check-ips', '185.47.112.10, 192.0.2.99');
    await useLocalResolver(page);
    const box = page.locator('#spf-whatif');
    if (await box.count()) {
      await box.locator('summary').click();
      await page.fill('#whatif-draft', 'v=spf1 ip4:192.0.2.99 include:l9.spf-chain.net -all');
      await page.click('[data-action="whatif"]');
      await page.waitForSelector('[data-whatif="good-mail.net"]', { timeout: 30_000 });
      await box.locator('.spf-trace').first().locator('summary').click();
    }
    await shot(page, '#spf-whatif', `whatif-${v.lang}-${v.width}`);
    assert.equal(await box.count(), 1, 'the what-if box exists');
    const results = await box.locator('.spf-trace').evaluateAll((els) => els.map((e) => [e.dataset.ip, e.dataset.result]));
    // The published record (mx) passes the MX host; the draft does not list it.
    assert.deepEqual(results, [['185.47.112.10', 'fail'], ['192.0.2.99', 'pass']]);
    // include:l9 -> l10: 2 lookups, all read.
    const lookups = box.locator('.whatif-lookups');
    assert.equal(await lookups.getAttribute('data-count'), '2');
    assert.equal(await lookups.getAttribute('data-bound'), 'false');
    await assertAccessible(page, `what-if ${v.lang} ${v.width}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

test('the what-if box says why it cannot start', async () => {
  const { context, page, errors } = await open(VIEWS[0], true);
  await page.click('#spf-whatif > summary');
  await page.click('[data-action="whatif"]');
  const codes = await page.locator('#spf-whatif [data-notice-code]').evaluateAll((els) => els.map((e) => e.dataset.noticeCode));
  assert.deepEqual(codes.slice(0, 2), ['ui.spf.whatif.no_draft', 'ui.spf.whatif.no_domain']);
  assert.deepEqual(errors, []);
  await context.close();
});
