// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const distDir = path.join(repoRoot, 'dist');
export const shotDir = path.join(repoRoot, 'target', 'e2e');

// As root, Chromium needs --no-sandbox; the rest keeps it from calling out
// to Google services, which this machine cannot reach.
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

// chromium.launch starts every browser with a new, empty profile directory
// of its own (a fresh --user-data-dir) and removes it on close.
// `extraArgs`: more command-line switches (the MTA-STS test maps policy
// host names to its local HTTPS server).
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...ARGS, ...extraArgs],
  });
}

// A browser with a profile on disk in `dir` (not off the record, as every
// context of launch() is): what Chromium's installability check needs.
export async function launchPersistent(dir, options = {}) {
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    ...options,
  });
}

export async function screenshot(page, name) {
  await fs.mkdir(shotDir, { recursive: true });
  const file = path.join(shotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
