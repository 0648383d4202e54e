// The message test (issue 18): a message with two RSA-2048 signatures
// (dkimpy, relaxed and simple) and a 1 MB body, opened as a file in the
// page and verified through the local DoH endpoint (tests/zones/, keys of
// signed-mail.net) with WebCrypto in the message worker. Timed from the
// click on "Test the message" to the report, median of `rounds`; and, on
// loopback, from a click on the tab to a usable form (the view's part and
// the message worker fetched and started), the page opened cold.
// A build without the message test prints n/a.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../lib/browser.mjs';
import { startDohServer } from '../lib/doh-server.mjs';
import { LOADS, figure, fmt, median } from '../lib/bench-figures.mjs';

export const order = 60;
export const rounds = LOADS;

export async function start() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'maildns-bench-message-'));
  execFileSync('/usr/bin/python3', [path.join(repoRoot, 'tests', 'message', 'sign.py'), dir], { stdio: 'pipe' });
  const doh = await startDohServer({ zones: ['tests/zones'], keepAlive: true });
  return { dir, doh, file: path.join(dir, 'bench-two-rsa-1mb.eml') };
}

export async function stop(env) {
  await env.doh.close();
  await fs.rm(env.dir, { recursive: true, force: true });
}

export async function sample(browser, baseUrl, env) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('header h1');
    if (!(await page.locator('#tab-message').count())) return { tab: NaN, verify: NaN };
    const t0 = Date.now();
    await page.click('#tab-message');
    await page.waitForSelector('.message-test[data-message-worker="ready"] #message-source', { timeout: 60_000 });
    const tab = Date.now() - t0;
    await page.selectOption('#message-ep-kind', 'custom');
    await page.fill('#message-ep-url', `${env.doh.url}/resolve`);
    await page.selectOption('#message-ep-flavor', 'google');
    await page.setInputFiles('#message-file', env.file);
    await page.waitForSelector('#message-file-chosen');
    const t1 = Date.now();
    await page.click('[data-action="test-message"]');
    await page.waitForFunction(() => document.querySelector('.message-test')?.dataset.finished === '1', null, { timeout: 60_000 });
    const verify = Date.now() - t1;
    const dkim = await page.getAttribute('#message-report', 'data-dkim');
    if (dkim !== 'pass') throw new Error(`the bench message did not pass DKIM (${dkim})`);
    return { tab, verify };
  } finally {
    await context.close();
  }
}

export function rows(samples) {
  const n = samples.length;
  return [
    figure(`message test tab, opened cold: click to usable form, loopback (median of ${n})`, median(samples.map((s) => s.tab)), fmt.ms),
    figure(`message test: 2 RSA-2048 signatures, 1 MB body, click to report, loopback (median of ${n})`, median(samples.map((s) => s.verify)), fmt.ms),
  ];
}
