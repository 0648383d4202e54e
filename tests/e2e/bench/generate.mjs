// Benchmark of the Generate half, measured inside the page:
// - RSA-2048 key generation with WebCrypto (the page's `maildns-keygen`
//   performance measure: generateKey plus both exports), 5 per round;
// - regenerate and render after one keystroke in the domain field (the
//   page's `maildns-regenerate` measure: from the input handler's mark to
//   the effect that runs after the new DOM is committed), 20 per round.
// Two rounds per build, each on a fresh page; the rows give the medians of
// all their samples.
import { figure, fmt, median } from '../lib/bench-figures.mjs';

export const order = 50;
export const rounds = 2;

const KEYGEN_RUNS = 5;
const KEYSTROKES = 20;
const BUDGET_KEYGEN_MS = 300;
const BUDGET_KEYSTROKE_MS = 16;

async function entries(page, name) {
  return page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
}

export async function sample(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(baseUrl + '/');
    await page.waitForSelector('#domain');
    await page.fill('#domain', 'example.com');
    await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
    await page.selectOption('#dkim-algorithm', 'rsa-2048');

    for (let i = 1; i <= KEYGEN_RUNS; i++) {
      await page.click('#dkim-generate');
      await page.waitForFunction((n) => performance.getEntriesByName('maildns-keygen').length >= n, i);
      await page.waitForSelector('#dkim-generate:not([disabled])');
    }
    const keygen = await entries(page, 'maildns-keygen');

    await page.waitForSelector('tr[data-record-type="TXT"]');
    await page.evaluate(() => performance.clearMeasures('maildns-regenerate'));
    await page.focus('#domain');
    await page.keyboard.press('End');
    for (let i = 1; i <= KEYSTROKES; i++) {
      await page.keyboard.press(i <= KEYSTROKES / 2 ? 'x' : 'Backspace');
      await page.waitForFunction((n) => performance.getEntriesByName('maildns-regenerate').length >= n, i);
    }
    const keystroke = await entries(page, 'maildns-regenerate');
    return { keygen, keystroke };
  } finally {
    await context.close();
  }
}

export function rows(samples) {
  const keygen = samples.flatMap((s) => s.keygen);
  const keystroke = samples.flatMap((s) => s.keystroke);
  return [
    figure(`DKIM RSA-2048 key generation (median of ${keygen.length})`, median(keygen), fmt.ms,
      `≤ ${BUDGET_KEYGEN_MS} ms`, (n) => n <= BUDGET_KEYGEN_MS),
    figure(`regenerate + render per keystroke (median of ${keystroke.length})`, median(keystroke), fmt.ms1,
      `≤ ${BUDGET_KEYSTROKE_MS} ms`, (n) => n <= BUDGET_KEYSTROKE_MS),
  ];
}
