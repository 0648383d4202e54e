// The first view (Generate, `/`) opened cold: the bytes transferred before
// the page is interactive (the app's `maildns-interactive` mark; responses
// that finish later, such as an idle prefetch, are not counted) and the time
// to that mark, on loopback and on the emulated mobile network, median of
// LOADS cold loads each (issue 15, measure 1).
import { NETWORKS, openCold } from '../lib/cold-load.mjs';
import { LOADS, figure, fmt, median } from '../lib/bench-figures.mjs';

export const order = 10;
export const rounds = LOADS;

const BUDGET_KB = 250;
const BUDGET_LOOPBACK_MS = 300;
const BUDGET_EMULATED_MS = 2000;

export async function sample(browser, baseUrl) {
  const out = {};
  for (const network of [NETWORKS.loopback, NETWORKS.emulated]) {
    const load = await openCold(browser, { network });
    try {
      await load.page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
      const tti = await load.interactive();
      const sent = await load.transferred({ until: tti });
      out[network.name] = { tti, ...sent };
    } finally {
      await load.close();
    }
  }
  return out;
}

export function rows(samples) {
  const of = (net, key) => samples.map((s) => s[net][key]);
  return [
    figure('first view (/): bytes before interactive (gzip, with headers)', median(of('loopback', 'bytes')), fmt.kb,
      `≤ ${BUDGET_KB} KB`, (n) => n <= BUDGET_KB * 1024),
    figure(`first view (/): time to interactive, loopback (median of ${samples.length})`, median(of('loopback', 'tti')), fmt.ms,
      `≤ ${BUDGET_LOOPBACK_MS} ms`, (n) => n <= BUDGET_LOOPBACK_MS),
    figure(`first view (/): time to interactive, emulated (median of ${samples.length})`, median(of('emulated', 'tti')), fmt.s,
      `≤ ${(BUDGET_EMULATED_MS / 1000).toFixed(1)} s`, (n) => n <= BUDGET_EMULATED_MS),
  ];
}

export function notes(samples) {
  const list = (net) => samples.map((s) => s[net].tti.toFixed(0)).join(', ');
  const twice = [...new Set(samples.flatMap((s) => [...s.loopback.twice, ...s.emulated.twice]))];
  return [
    `first view: time to interactive samples, loopback ${list('loopback')} ms; emulated ${list('emulated')} ms; ${samples[0].loopback.requests} requests before interactive`,
    ...(twice.length ? [`first view: fetched twice in one load: ${twice.join(', ')}`] : []),
  ];
}
