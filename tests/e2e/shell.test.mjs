// End-to-end tests of the app shell: the built dist/ served on 127.0.0.1,
// driven in Debian's Chromium, axe-checked on every screen it visits, with
// screenshots saved under target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await startFixture()));
after(() => stopFixture({ server, browser }));

async function openPage({ locale = 'en-US', width = 1280, colorScheme = 'light', path = '/' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 800 }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url + path);
  await page.waitForSelector('header h1');
  return { context, page, errors };
}

for (const [locale, lang, tab] of [['en-US', 'en', 'Generate'], ['zh-CN', 'zh-CN', '生成记录']]) {
  for (const width of [360, 1280]) {
    test(`first visit in ${locale} at ${width}px: language from the browser, readable, accessible`, async () => {
      const { context, page, errors } = await openPage({ locale, width });
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal((await page.textContent('#tab-generate')).trim(), tab);
      // Nothing sticks out sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the ${width}px viewport`);
      await screenshot(page, `shell-${lang}-${width}`);
      await assertAccessible(page, `${lang} ${width}px`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('dark mode follows prefers-color-scheme and stays accessible', async () => {
  const { context, page } = await openPage({ colorScheme: 'dark', width: 360, locale: 'zh-CN' });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(15, 18, 22)');
  await screenshot(page, 'shell-zh-CN-360-dark');
  await assertAccessible(page, 'dark');
  await context.close();
});

test('the language switch changes the page and is remembered across reloads', async () => {
  const { context, page } = await openPage({ locale: 'en-US' });
  await page.click('button[data-lang="zh-CN"]');
  // The other language's texts may still be coming (a part of their own,
  // src/ui/texts.rs): the page switches once they are there.
  await page.waitForSelector('html[lang="zh-CN"]');
  assert.equal(await page.getAttribute('button[data-lang="zh-CN"]', 'aria-pressed'), 'true');
  await page.reload();
  await page.waitForSelector('header h1');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal((await page.textContent('#tab-check')).trim(), '检查域名');
  await page.click('#tab-check');
  await assertAccessible(page, 'check tab zh-CN');
  await context.close();
});

test('keyboard focus is visible', async () => {
  const { context, page } = await openPage();
  // Tab to the first control after the skip link.
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => document.activeElement?.className);
  assert.equal(skip, 'skip-link');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    return { tag: el.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.equal(outline.tag, 'BUTTON');
  assert.notEqual(outline.style, 'none');
  assert.ok(outline.width >= 2, `focus outline ${outline.width}px`);
  await context.close();
});

test('the domain field explains a bad name in the chosen language', async () => {
  const { context, page } = await openPage({ locale: 'zh-CN', width: 360 });
  await page.fill('#domain', 'mail..example.com');
  await page.waitForSelector('[data-error-code="name.empty_label"]');
  assert.match(await page.textContent('#domain-help'), /空标签/);
  await page.fill('#domain', '邮件.中国');
  assert.match(await page.textContent('#domain-help'), /xn--/);
  await page.fill('#domain', '192.0.2.1');
  await page.waitForSelector('[data-error-code="name.ip_literal"]');
  await screenshot(page, 'shell-zh-CN-360-domain-error');
  await assertAccessible(page, 'domain error');
  await context.close();
});

test('the same dist/ works under a GitHub Pages project path', async () => {
  const { context, page, errors } = await openPage({ path: '/maildns/' });
  assert.equal((await page.textContent('#tab-generate')).trim(), 'Generate');
  assert.deepEqual(errors, []);
  await context.close();
});
