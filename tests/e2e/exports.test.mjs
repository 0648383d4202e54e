// End-to-end tests of the exports for other tools (src/ui/generate/exports.rs):
// the first view does not fetch the tools worker; choosing a format loads it
// and shows the files; an edit or the other language rewrites them; a
// failed load says why and its retry works. Each file shown is the one the
// download gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let doh;
let browser;

before(async () => ({ server, doh, browser } = await startFixture()));
after(() => stopFixture({ server, doh, browser }));

const TOOLS = /\/tools-[0-9a-f]{16}(\.js|_bg\.wasm)$/;

async function open({ locale = 'en-US', width = 1280, route } = {}) {
  // A route on the page's own files sees nothing once the service worker
  // answers them: a test that breaks them runs without it (lazy.test.mjs).
  const context = await browser.newContext({ locale, viewport: { width, height: 900 }, acceptDownloads: true, ...(route ? { serviceWorkers: 'block' } : {}) });
  const page = await context.newPage();
  const errors = [];
  const toolsRequests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  page.on('request', (r) => { if (TOOLS.test(new URL(r.url()).pathname)) toolsRequests.push(r.url()); });
  if (route) await page.route(TOOLS, route);
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#domain');
  return { context, page, errors, toolsRequests };
}

async function example(page) {
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-name', 'mail.example.com');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
  await page.waitForSelector('tr[data-record-name="_dmarc.example.com."]');
}

const fileText = (page, name) => page.textContent(`.export-file[data-file="${name}"] pre`);

test('no tools in the first view; choosing octoDNS loads them and shows the zone, which follows every edit', async () => {
  const { context, page, errors, toolsRequests } = await open();
  await example(page);
  // Idle, the page prefetches the checker, never the tools.
  await page.waitForFunction(() => document.querySelector('.check')?.dataset.lazyState === 'ready', null, { timeout: 30_000 });
  assert.deepEqual(toolsRequests, []);
  await page.selectOption('#export-format', 'octodns');
  await page.waitForSelector('.export-result[data-export-state="files"] .export-file[data-file="example.com.yaml"]', { timeout: 30_000 });
  assert.equal(toolsRequests.length, 2, toolsRequests.join(', '));
  let yaml = await fileText(page, 'example.com.yaml');
  assert.match(yaml, /^'_dmarc':$/m);
  assert.match(yaml, /v=DMARC1\\;/, 'semicolons escaped for octoDNS');
  assert.match(yaml, /exchange: 'mail\.example\.com\.'/);
  // An edit rewrites the file.
  await page.fill('#hosts-0-ipv4-0', '192.0.2.77');
  await page.waitForFunction(() => document.querySelector('.export-file pre')?.textContent.includes('192.0.2.77'), null, { timeout: 30_000 });
  // The download is the text shown.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.export-file[data-file="example.com.yaml"] button.download'),
  ]);
  assert.equal(download.suggestedFilename(), 'example.com.yaml');
  const { readFile } = await import('node:fs/promises');
  yaml = await fileText(page, 'example.com.yaml');
  assert.equal(await readFile(await download.path(), 'utf8'), yaml);
  await assertAccessible(page, 'exports octodns');
  assert.equal(toolsRequests.length, 2, 'the worker is loaded once');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, width, lang] of [['en-US', 1280, 'en'], ['zh-CN', 360, 'zh-CN']]) {
  test(`the monitoring kit: three files with comments in the page's language (${locale}, ${width} px)`, async () => {
    const { context, page, errors } = await open({ locale, width });
    await example(page);
    await page.selectOption('#export-format', 'monitoring');
    await page.waitForSelector('.export-file[data-file="maildns-rules.yml"]', { timeout: 30_000 });
    const names = await page.$$eval('.export-file', (fs) => fs.map((f) => f.dataset.file));
    assert.deepEqual(names, ['blackbox.yml', 'prometheus.yml', 'maildns-rules.yml']);
    const blackbox = await fileText(page, 'blackbox.yml');
    assert.match(blackbox, /fail_if_none_matches_regexp/);
    assert.doesNotMatch(blackbox, /fail_if_not_matches_regexp/);
    const rules = await fileText(page, 'maildns-rules.yml');
    assert.match(rules, /probe_dns_query_succeeded\{[^}]*\} == 0/);
    assert.match(rules, /probe_success\{[^}]*\} == 0 and probe_dns_query_succeeded\{[^}]*\} == 1/);
    if (lang === 'zh-CN') assert.match(rules, /[\u4e00-\u9fff]/, 'Chinese annotations');
    await page.locator('#tool-exports').scrollIntoViewIfNeeded();
    await screenshot(page, `exports-monitoring-${lang}-${width}`);
    await assertAccessible(page, `exports monitoring ${lang}`);
    // The other language rewrites the comments.
    const other = lang === 'en' ? 'zh-CN' : 'en';
    await page.click(`button[data-lang="${other}"]`);
    await page.waitForFunction((zh) => {
      const t = document.querySelector('.export-file[data-file="maildns-rules.yml"] pre')?.textContent ?? '';
      return zh ? /[\u4e00-\u9fff]/.test(t) : !/[\u4e00-\u9fff]/.test(t);
    }, other === 'zh-CN', { timeout: 30_000 });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the MTA-STS policy host kit: the generated policy, byte for byte, for nginx, Caddy, Apache and GitHub Pages', async () => {
  const { context, page, errors } = await open();
  await example(page);
  await page.$eval('#section-mta-sts', (d) => { d.open = true; });
  await page.check('#mta-sts-enabled');
  await page.selectOption('#export-format', 'mta-sts-host');
  await page.waitForSelector('.export-file[data-file="github-pages/CNAME"]', { timeout: 30_000 });
  const names = await page.$$eval('.export-file', (fs) => fs.map((f) => f.dataset.file));
  assert.equal(names[0], 'README.txt');
  for (const n of names.slice(1)) assert.ok((await fileText(page, 'README.txt')).includes(`  ${n}: `), `${n} explained in the README`);
  const policies = names.filter((n) => n.endsWith('/.well-known/mta-sts.txt'));
  assert.equal(policies.length, 4, names.join(', '));
  const bodies = new Set(await Promise.all(policies.map((n) => fileText(page, n))));
  assert.equal(bodies.size, 1, 'the same policy for every server');
  assert.match([...bodies][0], /^version: STSv1\r?\nmode: /);
  assert.match(await fileText(page, names.find((n) => n.startsWith('nginx/'))), /add_header Access-Control-Allow-Origin "\*" always;/);
  assert.equal((await fileText(page, 'github-pages/CNAME')).trim(), 'mta-sts.example.com');
  assert.doesNotMatch(await fileText(page, 'README.txt'), /mta_sts_kit\./, 'no bare code');
  await page.locator('#tool-exports').scrollIntoViewIfNeeded();
  await screenshot(page, 'exports-mta-sts-host-en-1280');
  await assertAccessible(page, 'exports mta-sts host');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the tools cannot load: the box says why, and its retry works', async () => {
  let broken = true;
  const { context, page, errors } = await open({ route: (r) => (broken ? r.abort('connectionrefused') : r.continue()) });
  await example(page);
  await page.selectOption('#export-format', 'octodns');
  await page.waitForSelector('.export-result[data-export-state="failed"] #export-retry', { timeout: 30_000 });
  assert.match(await page.textContent('.export-result'), /could not be written/);
  await assertAccessible(page, 'exports failed');
  broken = false;
  await page.click('#export-retry');
  await page.waitForSelector('.export-result[data-export-state="files"] .export-file[data-file="example.com.yaml"]', { timeout: 30_000 });
  assert.deepEqual(errors, []);
  await context.close();
});
