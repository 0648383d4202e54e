// One Lighthouse run (the npm package pinned in package.json, its default
// mobile configuration: a Moto G Power screen, simulated slow 4G and a 4x
// slower CPU) against a page served on 127.0.0.1, in Debian's Chromium.
//
//   const r = await runLighthouse('http://127.0.0.1:8080/');
//   // { version, scores: { performance, accessibility, 'best-practices', seo },
//   //   lcpMs, ttiMs, totalBytes, requests, foreign: [urls of other hosts] }
//
// Lighthouse's own launcher starts the browser named by CHROME_PATH (here
// /usr/bin/chromium unless told otherwise; it never downloads one), headless
// and without the sandbox (root), with its own fresh profile, and stops it
// afterwards. Nothing but the page is fetched: Lighthouse reports every
// request, and `foreign` lists any that went to another host.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(e2eDir, 'node_modules', 'lighthouse', 'cli', 'index.js');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--no-first-run', '--disable-domain-reliability',
];

export const chromePath = () => process.env.CHROME_PATH ?? process.env.CHROMIUM ?? '/usr/bin/chromium';

function run(file, args, env) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [file, ...args], { env, timeout: 180_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) {
        const last = String(stderr).trim().split('\n').slice(-3).join(' / ');
        reject(new Error(`lighthouse exited (${error.code ?? error.signal}): ${last || error.message}`));
      } else {
        resolve();
      }
    });
  });
}

export async function runLighthouse(url) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'maildns-lighthouse-'));
  const out = path.join(dir, 'report.json');
  try {
    await run(CLI, [
      url,
      '--quiet',
      '--no-enable-error-reporting',
      '--output=json',
      `--output-path=${out}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    ], { ...process.env, CHROME_PATH: chromePath() });
    const lhr = JSON.parse(await fs.readFile(out, 'utf8'));
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const page = new URL(url).origin;
    const requests = lhr.audits['network-requests']?.details?.items ?? [];
    const scores = {};
    for (const c of CATEGORIES) scores[c] = lhr.categories[c]?.score == null ? NaN : Math.round(lhr.categories[c].score * 100);
    return {
      version: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      throttling: lhr.configSettings.throttling,
      scores,
      lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
      ttiMs: lhr.audits.interactive.numericValue,
      totalBytes: lhr.audits['total-byte-weight'].numericValue,
      requests: requests.length,
      foreign: requests.map((r) => r.url).filter((u) => !u.startsWith('data:') && new URL(u).origin !== page),
      // Lighthouse's measure of this machine's CPU speed; its simulation
      // assumes a fast desktop (about 1000 or more) slowed down 4 times.
      benchmarkIndex: lhr.environment?.benchmarkIndex,
      warnings: (lhr.runWarnings ?? []).map((w) => w.replace(/\s+/g, ' ')),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
