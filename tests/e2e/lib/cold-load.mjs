// A cold page load for the benchmark: a new browser context (its HTTP cache
// starts empty), optionally Chromium's network emulation at Lighthouse's
// mobile figures, every finished response logged with the moment it
// finished, and a probe in the page that notes, in the page's own clock
// (performance.now(), 0 = navigation start), when each awaited state was
// first reached.
//
//   const load = await openCold(browser, { network: NETWORKS.emulated, probe: { watch: ['firstFinding'], autoConfirm: true } });
//   await load.page.goto(url);
//   const t = await load.waitFor('firstFinding');            // ms since navigation start
//   const { bytes } = await load.transferred({ origin, until: t });
//   await load.close();
//
// Requests are taken from the whole context, so a dedicated worker's
// fetches count too (the emulation applies to them as well).

// Lighthouse's mobile throttling (its `mobileSlow4G`): 150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up (Lighthouse's Kbit is 1024 bit).
export const NETWORKS = {
  loopback: { name: 'loopback' },
  emulated: {
    name: 'emulated',
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  },
};

export const NETWORK_NOTE = 'emulated = Chromium network emulation at Lighthouse\'s mobile throttling: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, no CPU slowdown';

// Runs in the page before any of its scripts. `watch` names the states to
// time (see STATES below); `autoConfirm` presses "yes" on a link's resolver
// prompt the moment it appears, so no round trip to the bench is timed;
// `domain` is what the share link's form must show.
function probe({ watch = [], autoConfirm = false, domain = '' }) {
  const bench = (window.__bench = { times: {}, clicks: {} });
  const visible = (el) => !!el && (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
  const STATES = {
    // The first finding of a check report on screen.
    firstFinding: () => !!document.querySelector('.check-report [data-finding-code]'),
    // A share link's plan in the form: the domain field holds it and its records are shown.
    filled: () => {
      const d = document.getElementById('domain');
      return !!d && d.value === domain && !!document.querySelector('tr[data-record-type]');
    },
    // After the Check tab was clicked: its form can be typed into, and no
    // part of the page says it is still loading the checker.
    checkReady: () => {
      if (bench.clicks.tabCheck === undefined) return false;
      const input = document.getElementById('check-domain');
      return visible(input) && !input.disabled && !document.querySelector('[data-lazy-state="loading"]');
    },
  };
  const check = () => {
    const now = performance.now();
    if (autoConfirm && bench.times.confirm === undefined) {
      const yes = document.querySelector('[data-action="confirm-yes"]');
      if (yes) { bench.times.confirm = now; yes.click(); }
    }
    for (const name of watch) {
      if (bench.times[name] === undefined && STATES[name]()) bench.times[name] = now;
    }
  };
  addEventListener('click', (e) => {
    if (bench.clicks.tabCheck === undefined && e.target.closest?.('#tab-check')) bench.clicks.tabCheck = performance.now();
  }, true);
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // A property change (an input's value, `disabled`) is no mutation: look
  // once a frame too.
  const frame = () => { check(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
}

export async function openCold(browser, {
  network = NETWORKS.loopback,
  cacheDisabled = true,
  probe: probeOptions = {},
  contextOptions = {},
} = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const finished = [];
  context.on('requestfinished', (request) => finished.push(request));
  await context.addInitScript(probe, probeOptions);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (network.latency !== undefined) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latency,
      downloadThroughput: network.downloadThroughput,
      uploadThroughput: network.uploadThroughput,
    });
  }
  if (cacheDisabled) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  // Epoch ms of the page's time 0, read once the page is there.
  let timeOrigin;
  const origin = async () => (timeOrigin ??= await page.evaluate(() => performance.timeOrigin));

  return {
    context,
    page,
    // Waits until the probe saw `state`; its time in ms since navigation start.
    async waitFor(state, { timeout = 45_000 } = {}) {
      const handle = await page.waitForFunction((s) => window.__bench?.times[s], state, { timeout, polling: 50 });
      return handle.jsonValue();
    },
    async clickTime(name) {
      return page.evaluate((n) => window.__bench.clicks[n], name);
    },
    async interactive({ timeout = 45_000 } = {}) {
      await page.waitForFunction(() => performance.getEntriesByName('maildns-interactive').length > 0, null, { timeout, polling: 50 });
      return page.evaluate(() => performance.getEntriesByName('maildns-interactive')[0].startTime);
    },
    // Bytes (body as sent, plus headers) of the responses from `fromOrigin`
    // (all when omitted) that finished between `since` and `until` (ms in
    // the page's clock). Waits `settleMs` first, so the events of responses
    // that finished just before `until` have arrived.
    async transferred({ fromOrigin, since = -Infinity, until = Infinity, settleMs = 300 } = {}) {
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const t0 = await origin();
      let bytes = 0;
      const urls = [];
      for (const request of [...finished]) {
        const url = request.url();
        if (fromOrigin && new URL(url).origin !== fromOrigin) continue;
        const timing = request.timing();
        const end = timing.startTime + timing.responseEnd - t0;
        if (!(end > since && end <= until)) continue;
        const sizes = await request.sizes();
        // A worker's own script is reported with a body of 0: take its
        // Content-Length then.
        let body = sizes.responseBodySize;
        if (!body) body = Number((await request.response())?.headers()['content-length'] ?? 0);
        bytes += body + sizes.responseHeadersSize;
        urls.push(url);
      }
      const seen = new Set();
      const twice = [...new Set(urls.filter((u) => seen.has(u) || !seen.add(u)))];
      return { bytes, requests: urls.length, twice };
    },
    close: () => context.close(),
  };
}
