// Benchmark of the built page: dist/ sizes raw and gzip, then the measures
// of the parts in bench/ (first view, links and the Check tab opened cold,
// Lighthouse, key generation and re-render, the audit), printed as one
// Markdown table.
// Figures, never a pass/fail test: budgets are printed beside them.
//
//   node tests/e2e/bench.mjs                         # dist/ alone
//   BENCH_BEFORE=/path/to/other/dist node tests/e2e/bench.mjs
//
// With BENCH_BEFORE, both builds are measured in the same run ("before" is
// that directory, "after" is dist/, or BENCH_AFTER), each on its own server,
// sample by sample in alternating order (before, after, after, before, …), so
// machine noise hits both alike; the table then has a column for each and
// the change. BENCH_LOADS sets the cold loads per measure (5),
// BENCH_LIGHTHOUSE_RUNS the Lighthouse runs per build (3), BENCH_ONLY a
// comma-separated list of parts to run (file names without .mjs).
//
// Every page is served as GitHub Pages serves it (lib/pages-server.mjs:
// gzip, Content-Length, max-age=600), on 127.0.0.1.
//
// A part module in bench/ exports
//   order                      where its rows go in the table (smaller first)
//   rounds                     samples per build
//   start(browser) -> env      (optional) what it needs once for all builds
//   sample(browser, baseUrl, env) -> one sample, of one build
//   rows(samples) -> [row]     rows from that build's samples (lib/bench-figures.mjs `figure`)
//   notes(samples) -> [text]   (optional) lines printed under the table
//   stop(env)                  (optional)
// or only `measure(browser, baseUrl) -> [row]`, called once per build.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, distDir } from './lib/browser.mjs';
import { startPagesServer } from './lib/pages-server.mjs';
import { NETWORK_NOTE } from './lib/cold-load.mjs';
import { figure, fmt } from './lib/bench-figures.mjs';
import { filesTable, measureTable } from './lib/bench-table.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const log = (text) => process.stderr.write(`[bench] ${text}\n`);

async function distFiles(dir, prefix = '') {
  const out = [];
  for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await distFiles(file, `${prefix}${entry.name}/`)));
    else if (entry.isFile()) {
      const body = await fs.readFile(file);
      out.push({ name: `${prefix}${entry.name}`, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
    }
  }
  return out;
}

async function loadParts() {
  const dir = path.join(here, 'bench');
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
  const parts = [];
  for (const file of (await fs.readdir(dir)).filter((f) => f.endsWith('.mjs')).sort()) {
    const name = file.replace(/\.mjs$/, '');
    if (only && !only.has(name)) continue;
    parts.push({ name, mod: await import(path.join(dir, file)) });
  }
  return parts.sort((a, b) => (a.mod.order ?? 100) - (b.mod.order ?? 100));
}

const failedRow = (name, e) => ({ measure: `${name}: failed (${String(e?.message ?? e).split('\n')[0]})`, value: '', budget: '', ok: '' });

// One part for every build; returns { rows: Map(label -> rows), notes: [{ label, line }] }.
async function runPart({ name, mod }, browser, builds) {
  const rows = new Map();
  const notes = [];
  if (typeof mod.sample !== 'function') {
    for (const build of builds) {
      log(`${name}: ${build.label}`);
      try { rows.set(build.label, await mod.measure(browser, build.url)); } catch (e) { rows.set(build.label, [failedRow(name, e)]); }
    }
    return { rows, notes };
  }
  const samples = new Map(builds.map((b) => [b.label, []]));
  const errors = new Map();
  const failures = new Map();
  let env;
  try {
    env = await mod.start?.(browser);
    const rounds = mod.rounds ?? 1;
    for (let r = 0; r < rounds; r++) {
      // before, after | after, before | …: each build goes first as often.
      const order = r % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order) {
        // A build that failed twice here is not tried again (each try can
        // wait out a time-out).
        if ((failures.get(build.label) ?? 0) >= 2) continue;
        log(`${name}: round ${r + 1}/${rounds}, ${build.label}`);
        try {
          samples.get(build.label).push(await mod.sample(browser, build.url, env));
        } catch (e) {
          errors.set(build.label, e);
          failures.set(build.label, (failures.get(build.label) ?? 0) + 1);
          log(`${name}: ${build.label}: ${String(e?.message ?? e).split('\n')[0]}`);
        }
      }
    }
  } catch (e) {
    for (const b of builds) errors.set(b.label, e);
  } finally {
    await mod.stop?.(env);
  }
  for (const b of builds) {
    const got = samples.get(b.label);
    if (got.length === 0) { rows.set(b.label, [failedRow(name, errors.get(b.label))]); continue; }
    try { rows.set(b.label, mod.rows(got)); } catch (e) { rows.set(b.label, [failedRow(name, e)]); continue; }
    if (errors.has(b.label)) notes.push({ label: b.label, line: `${name}: ${got.length} samples, one or more failed: ${String(errors.get(b.label)?.message ?? errors.get(b.label)).split('\n')[0]}` });
    for (const line of mod.notes?.(got) ?? []) notes.push({ label: b.label, line });
  }
  return { rows, notes };
}

const builds = [];
if (process.env.BENCH_BEFORE) builds.push({ label: 'before', dir: path.resolve(process.env.BENCH_BEFORE) });
builds.push({ label: builds.length ? 'after' : 'dist/', dir: path.resolve(process.env.BENCH_AFTER ?? distDir) });
for (const b of builds) {
  await fs.access(path.join(b.dir, 'index.html')).catch(() => { throw new Error(`no index.html in ${b.dir}`); });
  b.files = await distFiles(b.dir);
  b.server = await startPagesServer({ root: b.dir });
  b.url = b.server.url;
  b.rows = [figure('total gzip of dist/ (every file; the 250 KB budget is the first view\'s)', b.files.reduce((s, f) => s + f.gzip, 0), fmt.kb)];
}

// One load of each build that is not measured: the browser's first page
// load pays for starting its processes, which no later cold load does.
async function warmUp(browser, build) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${build.url}/`);
    await page.waitForFunction(() => performance.getEntriesByName('maildns-interactive').length > 0, null, { timeout: 45_000 });
  } finally {
    await context.close();
  }
}

const notes = [];
const browser = await launch();
try {
  for (const b of builds) await warmUp(browser, b).catch((e) => log(`warm-up of ${b.label}: ${String(e?.message ?? e).split('\n')[0]}`));
  for (const part of await loadParts()) {
    const got = await runPart(part, browser, builds);
    for (const b of builds) b.rows.push(...got.rows.get(b.label));
    notes.push(...got.notes);
  }
} finally {
  await browser.close();
  for (const b of builds) await b.server.close();
}

console.log('\n## dist/ files\n');
if (builds.length > 1) console.log(`before: ${builds[0].dir}\nafter: ${builds[1].dir}\n`);
console.log(filesTable(builds));
console.log('\n## page\n');
console.log(measureTable(builds));
console.log('');
// A note every build gave alike is printed once, without its label.
const printed = new Set();
for (const { label, line } of [{ line: NETWORK_NOTE }, ...notes]) {
  if (printed.has(line)) continue;
  const alike = label === undefined || builds.every((b) => notes.some((n) => n.label === b.label && n.line === line));
  if (alike) printed.add(line);
  console.log(`- ${alike || builds.length === 1 ? '' : `${label}: `}${line}`);
}
console.log(`\nBenchmark run: ${((Date.now() - started) / 60_000).toFixed(1)} min (${builds.length} build${builds.length > 1 ? 's' : ''}).`);
