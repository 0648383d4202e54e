// End-to-end tests of international domain names: the page has no IDNA
// tables of its own and converts names with the browser's URL parser
// (src/web/idn.rs, installed by the page and by the checker worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let doh;
let browser;

before(async () => ({ server, doh, browser } = await startFixture({ doh: {} })));
after(() => stopFixture({ server, doh, browser }));

async function openPage() {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url + '/');
  await page.waitForSelector('#domain');
  return { context, page, errors };
}

test('the Generate half converts international names in the browser', async () => {
  const { context, page, errors } = await openPage();
  for (const [typed, aLabel] of [
    ['Bücher.Example', 'xn--bcher-kva.example'],
    ['faß.de', 'xn--fa-hia.de'],
    ['例子。测试', 'xn--fsqu00a.xn--0zwm56d'],
  ]) {
    await page.fill('#domain', typed);
    await page.waitForFunction(
      (a) => document.querySelector('#domain-help')?.textContent.includes(a), aLabel, { timeout: 5_000 });
  }
  // Refused by UTS #46 (a zero width non-joiner between Latin letters), and
  // URL syntax the browser's parser would read as a path.
  for (const bad of ['a\u200cb.example', 'bü/cher.example']) {
    await page.fill('#domain', 'bücher.example');
    await page.waitForFunction(() => !document.querySelector('[data-error-code="name.bad_idn"]'));
    await page.fill('#domain', bad);
    await page.waitForSelector('[data-error-code="name.bad_idn"]');
    assert.doesNotMatch(await page.textContent('#domain-help'), /xn--/);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the checker worker audits an international domain by its A-label', async () => {
  const { context, page, errors } = await openPage();
  await page.click('#tab-check');
  await page.fill('#check-domain', 'Bücher.Example');
  await page.fill('#check-selectors', 's1');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  const text = await page.textContent('.check-report');
  assert.match(text, /xn--bcher-kva\.example/);
  assert.deepEqual(errors, []);
  await context.close();
});
