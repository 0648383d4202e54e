// Benchmark of the built page: dist/ sizes raw and gzip, the bytes Chromium
// actually transfers on first load, and time to interactive (median of 5
// cold loads). Prints a table; checks budgets but never fails a test run.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, distDir } from './lib/browser.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const BUDGET_GZIP_KB = 250;
const BUDGET_TTI_MS = 300;
const LOADS = 5;

const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const row = (cells, widths) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';

async function distSizes() {
  const out = [];
  for (const name of (await fs.readdir(distDir)).sort()) {
    const file = path.join(distDir, name);
    if (name.startsWith('.') || !(await fs.stat(file)).isFile()) continue;
    const body = await fs.readFile(file);
    out.push({ name, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
  }
  return out;
}

async function measureLoads(server, browser, sizes) {
  // The server compresses each file once; ask for every file first so no
  // measured load pays for compression.
  for (const { name } of sizes) await (await fetch(`${server.url}/${name}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
  const ttis = [];
  let transfer = 0;
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const responses = [];
    page.on('requestfinished', (req) => responses.push(req));
    await page.goto(server.url + '/');
    await page.waitForFunction(() => performance.getEntriesByName('maildns-interactive').length > 0);
    ttis.push(await page.evaluate(() => performance.getEntriesByName('maildns-interactive')[0].startTime));
    if (i === 0) {
      for (const req of responses) {
        const sizes = await req.sizes();
        transfer += sizes.responseBodySize + sizes.responseHeadersSize;
      }
    }
    await context.close();
  }
  return { ttis, transfer };
}

// Each module in bench/ measures one part of the page (key generation,
// re-render after a keystroke, a full audit) and returns table rows.
async function measureParts(server, browser) {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'bench');
  const rows = [];
  let files = [];
  try { files = (await fs.readdir(dir)).filter((f) => f.endsWith('.mjs')).sort(); } catch { files = []; }
  for (const file of files) {
    const mod = await import(path.join(dir, file));
    try {
      rows.push(...(await mod.measure(browser, server.url)));
    } catch (e) {
      rows.push({ measure: `${file}: failed (${String(e).split('\n')[0]})`, value: '', budget: '', ok: 'NO' });
    }
  }
  return rows;
}

const sizes = await distSizes();
const server = await startStaticServer({ root: distDir, gzip: true });
const browser = await launch();
let loads;
let parts;
try {
  loads = await measureLoads(server, browser, sizes);
  parts = await measureParts(server, browser);
} finally {
  await browser.close();
  await server.close();
}

const w = [44, 10, 10];
console.log('\n## dist/ files\n');
console.log(row(['file', 'raw KB', 'gzip KB'], w));
console.log(row(['-'.repeat(w[0]), '-'.repeat(w[1]), '-'.repeat(w[2])], w));
for (const s of sizes) console.log(row([s.name, kb(s.raw), kb(s.gzip)], w));
const totalRaw = sizes.reduce((a, s) => a + s.raw, 0);
const totalGzip = sizes.reduce((a, s) => a + s.gzip, 0);
console.log(row(['total', kb(totalRaw), kb(totalGzip)], w));

const tti = median(loads.ttis);
const m = [52, 16, 22, 6];
console.log('\n## page\n');
console.log(row(['measure', 'value', 'budget', 'ok'], m));
console.log(row(['-'.repeat(m[0]), '-'.repeat(m[1]), '-'.repeat(m[2]), '-'.repeat(m[3])], m));
console.log(row(['total gzip of dist/', `${kb(totalGzip)} KB`, `≤ ${BUDGET_GZIP_KB} KB`, totalGzip / 1024 <= BUDGET_GZIP_KB ? 'yes' : 'NO'], m));
console.log(row(['first-load transfer (gzip, with headers)', `${kb(loads.transfer)} KB`, '', ''], m));
console.log(row([`time to interactive (median of ${LOADS})`, `${tti.toFixed(0)} ms`, `≤ ${BUDGET_TTI_MS} ms`, tti <= BUDGET_TTI_MS ? 'yes' : 'NO'], m));
for (const r of parts) {
  const ok = typeof r.ok === 'boolean' ? (r.ok ? 'yes' : 'NO') : (r.ok ?? '');
  console.log(row([r.measure, r.value, r.budget ?? '', ok], m));
}
console.log(`\nTTI samples: ${loads.ttis.map((t) => t.toFixed(0)).join(', ')} ms`);
