// The Check tab after the first view (issue 15, measure 5): `/` opened cold,
// interactive, then 2 s idle (the time a prefetch of the checker has), then
// a click on the Check tab; timed in the page from the click to a usable
// check form: `#check-domain` visible and enabled, and no element
// `[data-lazy-state="loading"]` left. On loopback and on the emulated
// mobile network, median of LOADS cold loads. Also printed: the bytes that
// arrived during the idle time (what was prefetched).
//
// The HTTP cache stays on here (the context is new, so it starts empty): a
// prefetched file is worth something only if the later load can reuse it.
import { NETWORKS, openCold } from '../lib/cold-load.mjs';
import { LOADS, figure, fmt, median, sleep } from '../lib/bench-figures.mjs';

export const order = 30;
export const rounds = LOADS;

const IDLE_MS = 2000;

export async function sample(browser, baseUrl) {
  const out = {};
  for (const network of [NETWORKS.loopback, NETWORKS.emulated]) {
    const load = await openCold(browser, { network, cacheDisabled: false, probe: { watch: ['checkReady'] } });
    try {
      await load.page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
      const tti = await load.interactive();
      await sleep(IDLE_MS);
      const idle = await load.transferred({ since: tti, settleMs: 0 });
      await load.page.click('#tab-check');
      const ready = await load.waitFor('checkReady');
      const clicked = await load.clickTime('tabCheck');
      out[network.name] = { ms: ready - clicked, idleBytes: idle.bytes, idleRequests: idle.requests };
    } finally {
      await load.close();
    }
  }
  return out;
}

export function rows(samples) {
  const of = (net, key) => median(samples.map((s) => s[net][key]));
  const n = samples.length;
  return [
    figure(`Check tab after 2 s idle: click to usable form, loopback (median of ${n})`, of('loopback', 'ms'), fmt.ms),
    figure(`Check tab after 2 s idle: click to usable form, emulated (median of ${n})`, of('emulated', 'ms'), fmt.ms),
    figure('first view: bytes fetched in the 2 s idle after interactive (prefetch), loopback', of('loopback', 'idleBytes'), fmt.kb),
    figure('first view: bytes fetched in the 2 s idle after interactive (prefetch), emulated', of('emulated', 'idleBytes'), fmt.kb),
  ];
}

export function notes(samples) {
  const list = (net) => samples.map((s) => s[net].ms.toFixed(0)).join(', ');
  return [`Check tab: samples, loopback ${list('loopback')} ms; emulated ${list('emulated')} ms`];
}
