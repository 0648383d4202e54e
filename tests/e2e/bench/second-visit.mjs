// The second visit (issue 20): the page opened again in the same browser
// after a first visit whose service worker (static/sw.js) stored the first
// view. Timed to the app's `maildns-interactive` mark in the page's own
// clock, on loopback and on the emulated mobile network, median of LOADS
// second visits each. Between the two visits every service worker is
// stopped (CDP ServiceWorker.stopAllWorkers), so the second visit pays for
// starting it again, as a visit on another day does; the HTTP cache is on,
// as in any browser.
import { NETWORKS, openCold } from '../lib/cold-load.mjs';
import { LOADS, figure, fmt, median } from '../lib/bench-figures.mjs';

export const order = 15;
export const rounds = LOADS;

const BUDGET_MS = 300;

export async function sample(browser, baseUrl) {
  const out = {};
  for (const network of [NETWORKS.loopback, NETWORKS.emulated]) {
    const load = await openCold(browser, { network, cacheDisabled: false });
    try {
      // The first visit: interactive, then its service worker in control
      // (installed: the first view's files are stored).
      await load.page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
      await load.interactive();
      await load.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000, polling: 50 });
      const cdp = await load.context.newCDPSession(load.page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      // The second visit.
      const finished = [];
      load.context.on('requestfinished', (r) => finished.push(r));
      await load.page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
      const tti = await load.interactive();
      // The page's own files that still came from the network before
      // interactive rather than from the worker (none expected).
      const t0 = await load.page.evaluate(() => performance.timeOrigin);
      let fromNetwork = 0;
      for (const r of finished) {
        const timing = r.timing();
        if (!r.url().startsWith(baseUrl) || timing.startTime + timing.responseEnd - t0 > tti) continue;
        if (!(await r.response())?.fromServiceWorker()) fromNetwork += 1;
      }
      out[network.name] = { tti, fromNetwork };
    } finally {
      await load.close();
    }
  }
  return out;
}

export function rows(samples) {
  const of = (net) => samples.map((s) => s[net].tti);
  return [
    figure(`second visit (/): time to interactive, loopback (median of ${samples.length})`, median(of('loopback')), fmt.ms,
      `≤ ${BUDGET_MS} ms`, (n) => n <= BUDGET_MS),
    figure(`second visit (/): time to interactive, emulated (median of ${samples.length})`, median(of('emulated')), fmt.ms,
      `≤ ${BUDGET_MS} ms`, (n) => n <= BUDGET_MS),
  ];
}

export function notes(samples) {
  const list = (net) => samples.map((s) => s[net].tti.toFixed(0)).join(', ');
  const network = Math.max(...samples.flatMap((s) => [s.loopback.fromNetwork, s.emulated.fromNetwork]));
  return [
    `second visit: time to interactive samples, loopback ${list('loopback')} ms; emulated ${list('emulated')} ms; `
      + `at most ${network} of the page's files from the network before interactive (the rest from the service worker)`,
  ];
}
