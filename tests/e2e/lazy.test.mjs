// End-to-end tests of the checker's lazy loading (src/ui/checker.rs) and of
// the Check half's code, split off the page's module (src/ui/check_half.rs,
// scripts/split.py): the first view fetches neither; they come when the
// browser is idle, when the Check tab opens, or at once with a check link; a
// file that does not match the page's integrity, or a network failure, shows
// a message with a retry button, never a blank area, and the retry works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot } from './lib/browser.mjs';
import { answerGoogleLocally, typeInclude } from './lib/spf-builder.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let doh;
let browser;

before(async () => ({ server, doh, browser } = await startFixture({ doh: { adZones: ['good-mail.net'] } })));
after(() => stopFixture({ server, doh, browser }));

const CHECKER = /\/checker-[0-9a-f]{16}(\.js|_bg\.wasm)$/;
const CHECK_HALF = /\/maildns-split_check_half-[0-9a-f]{16}\.wasm$/;
const REPLIES = /\/maildns-split_replies-[0-9a-f]{16}\.wasm$/;
const MESSAGE_HALF = /\/maildns-split_message_half-[0-9a-f]{16}\.wasm$/;
const MESSAGE_WORKER = /\/message-[0-9a-f]{16}(\.js|_bg\.wasm)$/;

async function open({ fragment = '', locale = 'en-US', width = 1280, route, pattern = CHECKER } = {}) {
  // A route on the page's own files sees nothing once the service worker
  // (static/sw.js) answers them, so a test that breaks them runs without
  // it, as Playwright advises; offline.test.mjs tests the worker itself.
  const context = await browser.newContext({ locale, viewport: { width, height: 900 }, ...(route ? { serviceWorkers: 'block' } : {}) });
  const page = await context.newPage();
  const errors = [];
  const checkerRequests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (pattern.test(new URL(r.url()).pathname)) checkerRequests.push(r.url()); });
  if (route) await page.route(pattern, route);
  await page.goto(`${server.url}/${fragment ? `#${fragment}` : ''}`);
  await page.waitForSelector('header h1');
  return { context, page, errors, checkerRequests };
}

// The two ways a lazily loaded file fails to arrive whole, for the checker
// and for the Check half's code alike.
const FAILURES = [
  ['a network failure', (r) => r.abort('connectionrefused')],
  ['a file that is not the one the page was built with', async (r) => {
    const response = await r.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 1;
    await r.fulfill({ response, body });
  }],
];

const lazyState = (page) => page.getAttribute('.check', 'data-lazy-state');

test('the first view carries no checker; it is fetched once the page is idle', async () => {
  const { context, page, errors, checkerRequests } = await open();
  const interactive = await page.evaluate(() => performance.getEntriesByName('maildns-interactive').length);
  assert.equal(interactive, 1);
  // What the entry HTML loads eagerly never names the checker.
  const eager = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')].map((e) => e.src || e.href));
  assert.ok(!eager.some((u) => CHECKER.test(new URL(u).pathname)), `eager: ${eager.join(', ')}`);
  await page.waitForFunction(() => document.querySelector('.check')?.dataset.lazyState === 'ready', null, { timeout: 30_000 });
  assert.equal(checkerRequests.length, 2, `requests: ${checkerRequests.join(', ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a check link loads the checker at once and reaches its first finding', async () => {
  const link = `check=good-mail.net&sel=s202611&ep=${encodeURIComponent(`${doh.url}/resolve`)}&flavor=google`;
  const { context, page, errors, checkerRequests: partRequests } = await open({ fragment: link, pattern: CHECK_HALF });
  // A resolver that is not a preset is confirmed first.
  await page.click('[data-action="confirm-yes"]', { timeout: 30_000 });
  await page.waitForSelector('.check[data-run="done"] [data-finding-code]', { timeout: 60_000 });
  assert.equal(await lazyState(page), 'ready');
  // The Check half's code was preloaded by the boot script, before the page
  // was interactive, and that one response was used.
  assert.equal(partRequests.length, 1, `requests: ${partRequests.join(', ')}`);
  const before = await page.evaluate(() => {
    const mark = performance.getEntriesByName('maildns-interactive')[0].startTime;
    const part = performance.getEntriesByType('resource').find((e) => /maildns-split_check_half-/.test(e.name));
    return part ? mark - part.startTime : null;
  });
  assert.ok(before !== null && before > 0, `the part was asked ${before} ms before the interactive mark`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [what, route] of FAILURES) {
  for (const [locale, width] of [['en-US', 1280], ['zh-CN', 360]]) {
    test(`${what} while loading the checker: a message and a retry that works (${locale}, ${width} px)`, async () => {
      let broken = true;
      const { context, page, errors } = await open({
        locale,
        width,
        route: (r) => (broken ? route(r) : r.continue()),
      });
      await page.click('#tab-check');
      await page.waitForSelector('.check[data-lazy-state="failed"] [data-notice-code="ui.checker.failed"]', { timeout: 30_000 });
      const text = await page.textContent('.lazy-failed');
      assert.match(text, locale === 'en-US' ? /could not be loaded/ : /加载失败/);
      await assertAccessible(page, `lazy failed ${locale}`);
      await screenshot(page, `lazy-failed-${locale}-${width}`);
      // An audit asked meanwhile says why it cannot run instead of spinning.
      await page.fill('#check-domain', 'good-mail.net');
      await page.selectOption('#ep-kind', 'custom');
      await page.fill('#ep-url', `${doh.url}/resolve`);
      await page.click('[data-action="audit"]');
      await page.waitForSelector('.check[data-run="idle"] .check-notices [data-notice-code="ui.checker.failed"]', { timeout: 30_000 });
      broken = false;
      await page.click('[data-action="retry-checker"]');
      await page.waitForSelector('.check[data-run="done"] [data-finding-code]', { timeout: 60_000 });
      assert.equal(await lazyState(page), 'ready');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('the first view carries no Check half code; it is fetched once the page is idle, and the tab is then instant', async () => {
  const { context, page, errors, checkerRequests: partRequests } = await open({ pattern: CHECK_HALF });
  const eager = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')].map((e) => e.src || e.href));
  assert.ok(!eager.some((u) => CHECK_HALF.test(new URL(u).pathname)), `eager: ${eager.join(', ')}`);
  await page.waitForFunction(() => document.querySelector('#check-domain') !== null, null, { timeout: 30_000 });
  assert.equal(partRequests.length, 1, `requests: ${partRequests.join(', ')}`);
  // Asked for only after the page was interactive (on loopback the browser
  // is idle at once, so the order is what tells).
  const after = await page.evaluate(() => {
    const mark = performance.getEntriesByName('maildns-interactive')[0].startTime;
    const part = performance.getEntriesByType('resource').find((e) => /maildns-split_check_half-/.test(e.name));
    return part ? part.startTime - mark : null;
  });
  assert.ok(after !== null && after >= 0, `the part was asked ${after} ms after the interactive mark`);
  await page.click('#tab-check');
  await page.waitForSelector('#check-domain', { state: 'visible', timeout: 2_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [what, route] of FAILURES) {
  for (const [locale, width] of [['en-US', 1280], ['zh-CN', 360]]) {
    test(`${what} while loading the Check half's code: a message and a retry that works (${locale}, ${width} px)`, async () => {
      let broken = true;
      const { context, page, errors } = await open({
        locale,
        width,
        pattern: CHECK_HALF,
        route: (r) => (broken ? route(r) : r.continue()),
      });
      await page.click('#tab-check');
      await page.waitForSelector('[data-check-half="failed"] [data-notice-code="ui.checker.failed"]', { timeout: 30_000 });
      const text = await page.textContent('.lazy-failed');
      assert.match(text, locale === 'en-US' ? /could not be loaded/ : /加载失败/);
      assert.equal(await page.locator('#check-domain').count(), 0);
      await assertAccessible(page, `check half failed ${locale}`);
      await screenshot(page, `lazy-check-half-failed-${locale}-${width}`);
      broken = false;
      await page.click('[data-action="retry-check-half"]');
      await page.waitForSelector('#check-domain', { state: 'visible', timeout: 30_000 });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// The message test's two lazily loaded pieces: the view's code (a part of
// the page's module) and its worker (which also brings the view's words).
for (const [what, route] of FAILURES) {
  for (const [piece, pattern, selector, locale, width] of [
    ['the message test\'s code', MESSAGE_HALF, '[data-half="message"][data-lazy-state="failed"]', 'en-US', 1280],
    ['the message worker', MESSAGE_WORKER, '.message-test[data-message-worker="failed"]', 'zh-CN', 360],
  ]) {
    test(`${what} while loading ${piece}: a message and a retry that works (${locale}, ${width} px)`, async () => {
      let broken = true;
      const { context, page, errors } = await open({
        locale,
        width,
        pattern,
        route: (r) => (broken ? route(r) : r.continue()),
      });
      // Not in what the entry HTML loads eagerly: both come when the tab
      // is first shown.
      const eager = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')].map((e) => e.src || e.href));
      assert.ok(!eager.some((u) => pattern.test(new URL(u).pathname)), `eager: ${eager.join(', ')}`);
      await page.click('#tab-message');
      await page.waitForSelector(`${selector} [data-notice-code="ui.checker.failed"]`, { timeout: 30_000 });
      const text = await page.textContent('#panel-message .lazy-failed');
      assert.match(text, locale === 'en-US' ? /could not be loaded/ : /加载失败/);
      assert.equal(await page.locator('#message-source').count(), 0);
      await assertAccessible(page, `${piece} failed ${locale}`);
      broken = false;
      await page.click('#panel-message .lazy-failed button');
      await page.waitForSelector('#message-source', { state: 'visible', timeout: 30_000 });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('the reply reader arriving after the worker started loses none of its replies', async () => {
  // The worker says it is ready as soon as it runs; the part that reads
  // what it says is held back here, so the page must keep those words
  // until the reader comes, in order (src/ui/checker.rs).
  const { context, page, errors } = await open({
    pattern: REPLIES,
    route: async (r) => { await new Promise((done) => setTimeout(done, 2_000)); await r.continue(); },
  });
  await page.click('#tab-check');
  await page.fill('#check-domain', 'good-mail.net');
  await page.fill('#check-selectors', 's202611');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"] [data-finding-code]', { timeout: 30_000 });
  assert.equal(await lazyState(page), 'ready');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a worker started from a blob: URL, as the checker is, keeps the page\'s connect-src', async () => {
  // The reason the checker is not started from its file's own URL: such a
  // worker would run under no policy at all (GitHub Pages sends no CSP
  // header). A blob: worker inherits the page's policies, the boot
  // script's narrowed connect-src included.
  const { context, page, errors } = await open();
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const source = "self.addEventListener('securitypolicyviolation',function(e){postMessage('violation '+e.violatedDirective)});"
      + "fetch('https://dns.quad9.net/dns-query?name=example.com').then(function(){postMessage('fetched')},function(){setTimeout(function(){postMessage('refused')},100)})";
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    const out = [];
    worker.onmessage = (e) => { out.push(e.data); if (out.length === 2) resolve(out); };
    setTimeout(() => resolve(out), 5000);
  }));
  assert.deepEqual(seen, ['violation connect-src', 'refused']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the SPF builder\'s include count says why when the checker cannot load, and works once it can', async () => {
  let broken = true;
  const { context, page, errors } = await open({ route: (r) => (broken ? r.abort('connectionrefused') : r.continue()) });
  await answerGoogleLocally(page, doh);
  await typeInclude(page, 'l9.spf-chain.net');
  await page.waitForSelector('#spf-lookups[data-finding-code="spf.budget.at_least"][data-count="1"]');
  await page.click('[data-action="fetch-includes"]');
  await page.waitForSelector('.spf-lookups [data-notice-code="ui.checker.failed"]', { timeout: 30_000 });
  // The count is as it was, and can be asked again.
  await page.waitForSelector('#spf-lookups[data-finding-code="spf.budget.at_least"][data-count="1"]');
  await assertAccessible(page, 'builder count, checker unavailable');
  broken = false;
  await page.click('[data-action="fetch-includes"]');
  await page.waitForSelector('#spf-lookups[data-finding-code="spf.budget.exact"][data-count="2"]', { timeout: 30_000 });
  assert.equal(await page.locator('.spf-lookups [data-notice-code="ui.checker.failed"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

// The plan's reader and writer (src/ui/codec.rs): a first visit's first
// view has no plan to read, so it comes when the page is idle; a saved plan
// or a share link is read before the page shows, its file preloaded.
const CODEC = /\/maildns-split_plan_codec-[0-9a-f]{16}\.wasm$/;
const savedPlan = (page) => page.evaluate(() => localStorage.getItem('maildns.plan'));

test('the first view carries no plan reader; it comes when the page is idle, and the first edit is saved', async () => {
  const { context, page, errors, checkerRequests: codecRequests } = await open({ pattern: CODEC });
  const eager = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')].map((e) => e.src || e.href));
  assert.ok(!eager.some((u) => CODEC.test(new URL(u).pathname)), `eager: ${eager.join(', ')}`);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /maildns-split_plan_codec-/.test(e.name)), null, { timeout: 30_000 });
  const after = await page.evaluate(() => {
    const mark = performance.getEntriesByName('maildns-interactive')[0].startTime;
    const part = performance.getEntriesByType('resource').find((e) => /maildns-split_plan_codec-/.test(e.name));
    return part.startTime - mark;
  });
  assert.ok(after >= 0, `the plan reader was asked ${-after} ms before the interactive mark`);
  await page.fill('#domain', 'first-visit.example');
  await page.waitForFunction(() => (localStorage.getItem('maildns.plan') ?? '').includes('first-visit.example'), null, { timeout: 30_000 });
  assert.equal(codecRequests.length, 1, `requests: ${codecRequests.join(', ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a saved plan is read before the page shows, its reader preloaded beside the page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  let page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.fill('#domain', 'saved-before.example');
  await page.waitForFunction(() => (localStorage.getItem('maildns.plan') ?? '').includes('saved-before.example'), null, { timeout: 30_000 });
  await page.close();
  page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#domain');
  // The first render already has it: no starter plan shown in between.
  assert.equal(await page.inputValue('#domain'), 'saved-before.example');
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].some((l) => /maildns-split_plan_codec-/.test(l.href)));
  assert.ok(preloaded, 'the boot script preloads the plan reader when a plan is saved');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [what, route] of FAILURES) {
  for (const [locale, width] of [['en-US', 1280], ['zh-CN', 360]]) {
    test(`${what} while loading the plan reader over a saved plan: the page says so, overwrites nothing, and a reload reads it (${locale}, ${width} px)`, async () => {
      let broken = false;
      const context = await browser.newContext({ locale, viewport: { width, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route(CODEC, (r) => (broken ? route(r) : r.continue()));
      await page.goto(`${server.url}/`);
      await page.fill('#domain', 'kept.example');
      await page.waitForFunction(() => (localStorage.getItem('maildns.plan') ?? '').includes('kept.example'), null, { timeout: 30_000 });
      const saved = await savedPlan(page);
      broken = true;
      await page.reload();
      await page.waitForSelector('[data-notice-code="ui.gen.codec.unread"]', { timeout: 30_000 });
      const text = await page.textContent('[data-notice-code="ui.gen.codec.unread"]');
      assert.match(text, locale === 'en-US' ? /did not load/ : /未能加载/);
      await assertAccessible(page, `plan reader failed ${locale}`);
      await screenshot(page, `codec-unread-${locale}-${width}`);
      // Typing meanwhile saves nothing over the unread plan.
      await page.fill('#domain', 'typed-meanwhile.example');
      await page.waitForTimeout(300);
      assert.equal(await savedPlan(page), saved);
      broken = false;
      await page.click('[data-action="retry-plan-codec"]');
      await page.waitForFunction(() => document.querySelector('#domain')?.value === 'kept.example', null, { timeout: 30_000 });
      assert.equal(await page.locator('[data-notice-code="ui.gen.codec.unread"]').count(), 0);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test(`${what} while loading the plan writer on a first visit: the edit says it is not saved, and a retry saves it (${locale}, ${width} px)`, async () => {
      let broken = true;
      const { context, page, errors } = await open({ locale, width, pattern: CODEC, route: (r) => (broken ? route(r) : r.continue()) });
      await page.fill('#domain', 'not-yet.example');
      await page.waitForSelector('[data-notice-code="ui.gen.codec.failed"]', { timeout: 30_000 });
      assert.equal(await savedPlan(page), null);
      await assertAccessible(page, `plan writer failed ${locale}`);
      await screenshot(page, `codec-failed-${locale}-${width}`);
      broken = false;
      await page.click('[data-action="retry-plan-codec"]');
      await page.waitForFunction(() => (localStorage.getItem('maildns.plan') ?? '').includes('not-yet.example'), null, { timeout: 30_000 });
      await page.waitForFunction(() => !document.querySelector('[data-notice-code="ui.gen.codec.failed"]'), null, { timeout: 30_000 });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// The closed sections' bodies (src/ui/generate/more.rs): not in the first
// view; fetched when idle, or when a section is opened first.
const MORE = /\/maildns-split_more_sections-[0-9a-f]{16}\.wasm$/;

test('the first view carries no closed section bodies; they come when the page is idle', async () => {
  const { context, page, errors, checkerRequests: moreRequests } = await open({ pattern: MORE });
  const eager = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')].map((e) => e.src || e.href));
  assert.ok(!eager.some((u) => MORE.test(new URL(u).pathname)), `eager: ${eager.join(', ')}`);
  // The summaries are there from the first render, closed.
  for (const id of ['import-box', 'section-spf', 'section-mta-sts', 'section-ttl', 'section-extras']) {
    assert.equal(await page.$eval(`#${id}`, (d) => d.open), false, id);
  }
  await page.waitForFunction(() => document.querySelector('#ttl-default') !== null, null, { timeout: 30_000 });
  const after = await page.evaluate(() => {
    const mark = performance.getEntriesByName('maildns-interactive')[0].startTime;
    const part = performance.getEntriesByType('resource').find((e) => /maildns-split_more_sections-/.test(e.name));
    return part.startTime - mark;
  });
  assert.ok(after >= 0, `the bodies were asked ${-after} ms before the interactive mark`);
  await page.fill('#domain', 'sections.example');
  await page.click('#section-ttl > summary');
  await page.fill('#ttl-default', '600');
  await page.waitForFunction(() => /"default":"600"/.test(localStorage.getItem('maildns.plan') ?? ''), null, { timeout: 30_000 });
  assert.equal(moreRequests.length, 1, `requests: ${moreRequests.join(', ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [what, route] of FAILURES) {
  for (const [locale, width] of [['en-US', 1280], ['zh-CN', 360]]) {
    test(`${what} while loading the closed sections' bodies: an opened section says so, and its retry works (${locale}, ${width} px)`, async () => {
      let broken = true;
      const { context, page, errors } = await open({ locale, width, pattern: MORE, route: (r) => (broken ? route(r) : r.continue()) });
      await page.click('#section-extras > summary');
      await page.waitForSelector('#section-extras [data-notice-code="ui.part.failed"]', { timeout: 30_000 });
      const text = await page.textContent('#section-extras .lazy-failed');
      assert.match(text, locale === 'en-US' ? /could not be loaded/ : /加载失败/);
      await assertAccessible(page, `sections failed ${locale}`);
      await screenshot(page, `more-failed-${locale}-${width}`);
      broken = false;
      await page.click('#section-extras [data-action="retry-more-sections"]');
      await page.waitForSelector('#section-extras #null-mx', { timeout: 30_000 });
      // Every other closed section has its body too now.
      await page.click('#section-spf > summary');
      await page.waitForSelector('#section-spf [id^="spf-ip4"]', { timeout: 30_000 });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// Each language's first-view texts (src/ui/texts.rs): a part of their own,
// the opening language's preloaded by the boot script and read before the
// page mounts, the other fetched when idle or when the switch asks for it.
const TEXTS = { 'en': /\/maildns-split_texts_en-[0-9a-f]{16}\.wasm$/, 'zh-CN': /\/maildns-split_texts_zh-[0-9a-f]{16}\.wasm$/ };
const textsTimes = (page) => page.evaluate(() => {
  const mark = performance.getEntriesByName('maildns-interactive')[0].startTime;
  return performance.getEntriesByType('resource')
    .filter((e) => /maildns-split_texts_/.test(e.name))
    .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime - mark }));
});

for (const [locale, mine, other] of [['en-US', 'en', 'zh-CN'], ['zh-CN', 'zh-CN', 'en']]) {
  test(`the first view carries its own language's texts only; the other comes when idle, and the switch is then at once (${locale})`, async () => {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('header h1');
    assert.equal(await page.getAttribute('html', 'lang'), mine);
    const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')].map((l) => new URL(l.href).pathname));
    assert.ok(preloads.some((p) => TEXTS[mine].test(p)), `preloads: ${preloads.join(', ')}`);
    assert.ok(!preloads.some((p) => TEXTS[other].test(p)), `preloads: ${preloads.join(', ')}`);
    const early = await textsTimes(page);
    const own = early.filter((e) => TEXTS[mine].test(e.path));
    assert.ok(own.length >= 1 && own.every((e) => e.start < 0), `own texts: ${JSON.stringify(early)}`);
    assert.ok(early.filter((e) => TEXTS[other].test(e.path)).every((e) => e.start >= 0), `the other language before the interactive mark: ${JSON.stringify(early)}`);
    await page.waitForFunction((re) => performance.getEntriesByType('resource').some((e) => new RegExp(re).test(new URL(e.name).pathname)), TEXTS[other].source, { timeout: 30_000 });
    await page.waitForTimeout(200);
    await page.click(`button[data-lang="${other}"]`);
    // Already there: no loading line in between.
    assert.equal(await page.getAttribute('html', 'lang'), other);
    assert.equal(await page.locator('.lang-status').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const [what, route] of FAILURES) {
  for (const [locale, width, mine, other] of [['en-US', 1280, 'en', 'zh-CN'], ['zh-CN', 360, 'zh-CN', 'en']]) {
    test(`${what} while loading the page's texts: it says so in its own language and a retry shows the page (${locale}, ${width} px)`, async () => {
      let broken = true;
      const context = await browser.newContext({ locale, viewport: { width, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route(TEXTS[mine], (r) => (broken ? route(r) : r.continue()));
      await page.goto(`${server.url}/`);
      await page.waitForSelector('#texts-unloaded', { timeout: 30_000 });
      assert.match(await page.textContent('#texts-unloaded'), mine === 'en' ? /could not load its texts/ : /无法加载页面文字/);
      assert.equal(await page.getAttribute('html', 'lang'), mine);
      assert.equal(await page.locator('header h1').count(), 0);
      await assertAccessible(page, `texts failed ${locale}`);
      await screenshot(page, `texts-unloaded-${locale}-${width}`);
      broken = false;
      await page.click('[data-action="retry-texts"]');
      await page.waitForSelector('header h1', { timeout: 30_000 });
      assert.equal(await page.locator('#texts-unloaded').count(), 0);
      assert.equal((await page.textContent('#tab-check')).trim(), mine === 'en' ? 'Check' : '检查域名');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test(`${what} while loading the other language: the switch says so, keeps the page as it is, and a retry switches (${locale}, ${width} px)`, async () => {
      let broken = true;
      const { context, page, errors } = await open({ locale, width, pattern: TEXTS[other], route: (r) => (broken ? route(r) : r.continue()) });
      await page.click(`button[data-lang="${other}"]`);
      await page.waitForSelector('.lang-status[data-lazy-state="failed"]', { timeout: 30_000 });
      assert.equal(await page.getAttribute('html', 'lang'), mine);
      assert.equal(await page.getAttribute(`button[data-lang="${mine}"]`, 'aria-pressed'), 'true');
      assert.match(await page.textContent('.lang-status'), mine === 'en' ? /简体中文 could not be loaded/ : /English加载失败/);
      await assertAccessible(page, `other language failed ${locale}`);
      await screenshot(page, `lang-failed-${locale}-${width}`);
      broken = false;
      await page.click('[data-action="retry-lang"]');
      await page.waitForSelector(`html[lang="${other}"]`, { timeout: 30_000 });
      assert.equal(await page.locator('.lang-status').count(), 0);
      assert.equal(await page.evaluate(() => localStorage.getItem('maildns.lang')), other);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
