// Wording and layout as a first-time user meets them (issue 21 item 9): the
// help of each host name, placeholders that read as examples, the PTR note,
// the resolver's answer-format label, the tabs' keyboard (WAI-ARIA APG tabs
// pattern), the date and resolver of the Markdown report, and the width used
// at 1280 px. Screenshots at 360 and 1280 px in both languages go to
// target/e2e/ (wording-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { assertAccessible } from './lib/a11y.mjs';
import { screenshot } from './lib/browser.mjs';
import { startFixture, stopFixture } from './lib/fixture.mjs';

let server;
let doh;
let browser;

before(async () => ({ server, doh, browser } = await startFixture({ doh: { adZones: ['good-mail.net'] } })));
after(() => stopFixture({ server, doh, browser }));

async function openPage({ locale = 'en-US', width = 1280 } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#domain');
  return { context, page, errors };
}

// The guide's example (its records and PTR request shown), then a second
// mail host and a backup MX, still empty.
async function fillExample(page) {
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
  await page.waitForSelector('[data-finding-code="generate.ptr_needed"]');
}

async function addHosts(page) {
  await page.click('#hosts-add');
  await page.click('#section-backup > summary');
  await page.click('#backup_mx-add');
  await page.waitForSelector('#backup_mx-0-name');
}

const help = (page, id) => page.evaluate((id) => {
  const input = document.getElementById(id);
  return (input.getAttribute('aria-describedby') ?? '').split(/\s+/)
    .map((x) => document.getElementById(x)?.textContent ?? '').join(' ');
}, id);

for (const [locale, example, firstHelp] of [['en-US', 'e.g. ', 'mail.<'], ['zh-CN', '例如 ', 'mail.<']]) {
  test(`host help and placeholders say what is true (${locale})`, async () => {
    const { context, page, errors } = await openPage({ locale });
    await fillExample(page);
    // The PTR note names the section it points at, which is on the page.
    const note = await page.textContent('[data-finding-code="generate.ptr_needed"]');
    const section = (await page.textContent('#ptr-title')).trim();
    assert.ok(note.includes(section), `note "${note}" names "${section}"`);
    assert.ok(!/below|下面/.test(note), note);
    await addHosts(page);
    // Only the first mail host defaults to mail.<domain>.
    assert.ok((await help(page, 'hosts-0-name')).includes(firstHelp), 'first host: empty means mail.<domain>');
    for (const id of ['hosts-1-name', 'backup_mx-0-name']) {
      const text = await help(page, id);
      assert.ok(text.length > 0, `${id} has help`);
      assert.ok(!text.includes('mail.<'), `${id}: ${text}`);
    }
    // Placeholders of values read as examples, not as filled values.
    for (const id of ['hosts-0-ipv4-0', 'hosts-0-priority', 'backup_mx-0-priority']) {
      const ph = await page.getAttribute(`#${id}`, 'placeholder');
      assert.ok(ph?.startsWith(example), `${id} placeholder "${ph}"`);
    }
    // The resolver's format choice includes RFC 8484 wire: not "JSON format".
    await page.click('#tab-check');
    await page.selectOption('#ep-kind', 'custom');
    const label = await page.textContent('label[for="ep-flavor"]');
    assert.ok(!label.includes('JSON'), `format label "${label}"`);
    await assertAccessible(page, `wording ${locale}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('tabs answer the arrow keys, Home and End, with a roving tabindex', async () => {
  const { context, page, errors } = await openPage();
  const state = () => page.evaluate(() => ({
    focused: document.activeElement?.id,
    selected: [...document.querySelectorAll('[role="tab"]')].filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.id),
    tabindex: Object.fromEntries([...document.querySelectorAll('[role="tab"]')].map((t) => [t.id, t.getAttribute('tabindex')])),
    shown: ['generate', 'check', 'message'].filter((p) => !document.getElementById(`panel-${p}`).hidden),
  }));
  await page.focus('#tab-generate');
  assert.deepEqual((await state()).tabindex, { 'tab-generate': '0', 'tab-check': '-1', 'tab-message': '-1' });
  const steps = [
    ['ArrowRight', 'tab-check'],
    ['ArrowRight', 'tab-message'],
    ['ArrowRight', 'tab-generate'],
    ['ArrowLeft', 'tab-message'],
    ['Home', 'tab-generate'],
    ['End', 'tab-message'],
    ['ArrowLeft', 'tab-check'],
  ];
  for (const [key, tab] of steps) {
    await page.keyboard.press(key);
    // Focus moves at once; the selection and the panel follow with the
    // next render, which on a busy machine may come a frame later.
    await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-selected') === 'true', tab, { timeout: 5_000 }).catch(() => {});
    const s = await state();
    assert.equal(s.focused, tab, `${key}: focus`);
    assert.deepEqual(s.selected, [tab], `${key}: selected`);
    assert.deepEqual(s.shown, [tab.replace('tab-', '')], `${key}: panel`);
    assert.equal(s.tabindex[tab], '0', `${key}: only the selected tab is in the Tab order`);
  }
  // Tab leaves the tab list (the other tabs are skipped).
  await page.keyboard.press('Tab');
  assert.ok(!['tab-generate', 'tab-check', 'tab-message'].includes((await state()).focused), 'Tab leaves the tab list');
  await assertAccessible(page, 'tabs');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Markdown report says when and through which resolver', async () => {
  const { context, page, errors } = await openPage();
  await page.click('#tab-check');
  await page.fill('#check-domain', 'good-mail.net');
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-markdown"]')]);
  const text = await fs.readFile(await md.path(), 'utf8');
  const head = text.split('\n').slice(0, 4).join('\n');
  const today = new Date().toISOString().slice(0, 10);
  assert.ok(head.includes(today), `date ${today} in ${head}`);
  assert.ok(head.includes(`${doh.url}/resolve`), `resolver in ${head}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// At 1280 px the record table and the report use the width; at 360 px
// nothing sticks out sideways. Both languages, axe-clean.
for (const [locale, lang] of [['en-US', 'en'], ['zh-CN', 'zh-CN']]) {
  for (const width of [360, 1280]) {
    test(`layout in ${lang} at ${width}px: the record table and the report use the width`, async () => {
      const { context, page, errors } = await openPage({ locale, width });
      await page.fill('#domain', 'example.com');
      await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
      await page.waitForSelector('table.records');
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(await overflow() <= 0, `generate is ${await overflow()}px wider than ${width}px`);
      const tableWidth = await page.evaluate(() => document.querySelector('.records-section').getBoundingClientRect().width);
      await screenshot(page, `wording-generate-${lang}-${width}`);
      // Too narrow is noted, and the report is still shown and photographed.
      const narrow = [];
      if (width === 1280 && tableWidth < 1100) narrow.push(`record table ${tableWidth}px wide at 1280`);
      await assertAccessible(page, `generate ${lang} ${width}`);

      await page.click('#tab-check');
      await page.fill('#check-domain', 'good-mail.net');
      await page.selectOption('#ep-kind', 'custom');
      await page.fill('#ep-url', `${doh.url}/resolve`);
      await page.selectOption('#ep-flavor', 'google');
      await page.click('[data-action="audit"]');
      await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
      assert.ok(await overflow() <= 0, `report is ${await overflow()}px wider than ${width}px`);
      const reportWidth = await page.evaluate(() => document.querySelector('.check-report').getBoundingClientRect().width);
      await screenshot(page, `wording-check-${lang}-${width}`);
      if (width === 1280 && reportWidth < 1100) narrow.push(`report ${reportWidth}px wide at 1280`);
      assert.deepEqual(narrow, []);
      await assertAccessible(page, `report ${lang} ${width}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
