// Links opened cold (issue 15, measures 3 and 4), each on loopback and on
// the emulated mobile network, median of LOADS cold loads:
// - a check link, `/#check=good-mail.net&sel=…&ep=<local DoH URL>&flavor=google`:
//   the page asks before using a resolver that is not a preset, and the
//   probe presses "yes" the moment the prompt appears; timed from navigation
//   to the first finding of the report on screen, with the bytes of the
//   page's own files finished by then (the DoH answers are not counted);
// - a share link, `/#p1=…`, made by pressing the page's own Share button on
//   a plan with a domain, an address and an RSA-2048 DKIM key: timed from
//   navigation to the form holding the shared domain with its records shown,
//   with the bytes finished by then.
import { startDohServer } from '../lib/doh-server.mjs';
import { NETWORKS, openCold } from '../lib/cold-load.mjs';
import { LOADS, figure, fmt, median } from '../lib/bench-figures.mjs';

export const order = 20;
export const rounds = LOADS;

const CHECK_DOMAIN = 'good-mail.net';
const SELECTOR = 's202611';
const SHARE_DOMAIN = 'example.com';

export async function start() {
  const doh = await startDohServer({ adZones: [CHECK_DOMAIN], keepAlive: true });
  return { doh, shares: new Map() };
}

export async function stop(env) {
  await env?.doh.close();
}

// The fragment the build's own Share button makes (not timed).
async function shareFragment(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.fill('#domain', SHARE_DOMAIN);
    await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
    await page.selectOption('#dkim-algorithm', 'rsa-2048');
    await page.click('#dkim-generate');
    await page.waitForSelector('#private-key');
    await page.click('#share-link');
    await page.waitForSelector('[data-notice-code="ui.gen.share.copied"]');
    const url = new URL(page.url());
    if (!url.hash.startsWith('#p1=')) throw new Error(`Share made ${url.hash.slice(0, 20)}…, not a #p1= link`);
    return url.hash;
  } finally {
    await context.close();
  }
}

async function timedLoad(browser, url, network, fromOrigin, probe, state) {
  const load = await openCold(browser, { network, probe });
  try {
    await load.page.goto(url, { waitUntil: 'commit' });
    const t = await load.waitFor(state);
    const sent = await load.transferred({ fromOrigin, until: t });
    return { t, ...sent };
  } finally {
    await load.close();
  }
}

export async function sample(browser, baseUrl, env) {
  if (!env.shares.has(baseUrl)) env.shares.set(baseUrl, await shareFragment(browser, baseUrl));
  const ep = encodeURIComponent(`${env.doh.url}/resolve`);
  const checkUrl = `${baseUrl}/#check=${CHECK_DOMAIN}&sel=${SELECTOR}&ep=${ep}&flavor=google`;
  const shareUrl = `${baseUrl}/${env.shares.get(baseUrl)}`;
  const out = {};
  for (const network of [NETWORKS.loopback, NETWORKS.emulated]) {
    out[network.name] = {
      check: await timedLoad(browser, checkUrl, network, baseUrl, { watch: ['firstFinding'], autoConfirm: true }, 'firstFinding'),
      share: await timedLoad(browser, shareUrl, network, baseUrl, { watch: ['filled'], domain: SHARE_DOMAIN }, 'filled'),
    };
  }
  return out;
}

export function rows(samples) {
  const of = (net, link, key) => median(samples.map((s) => s[net][link][key]));
  const n = samples.length;
  return [
    figure('check link opened cold: bytes to the first finding (page files)', of('loopback', 'check', 'bytes'), fmt.kb),
    figure(`check link opened cold: time to the first finding, loopback (median of ${n})`, of('loopback', 'check', 't'), fmt.ms),
    figure(`check link opened cold: time to the first finding, emulated (median of ${n})`, of('emulated', 'check', 't'), fmt.s),
    figure('share link opened cold: bytes to the filled form', of('loopback', 'share', 'bytes'), fmt.kb),
    figure(`share link opened cold: time to the filled form, loopback (median of ${n})`, of('loopback', 'share', 't'), fmt.ms),
    figure(`share link opened cold: time to the filled form, emulated (median of ${n})`, of('emulated', 'share', 't'), fmt.s),
  ];
}

export function notes(samples) {
  const list = (net, link) => samples.map((s) => s[net][link].t.toFixed(0)).join(', ');
  const twice = [...new Set(samples.flatMap((s) => ['loopback', 'emulated'].flatMap((net) => [...s[net].check.twice, ...s[net].share.twice])))];
  return [
    `check link: samples, loopback ${list('loopback', 'check')} ms; emulated ${list('emulated', 'check')} ms`,
    `share link: samples, loopback ${list('loopback', 'share')} ms; emulated ${list('emulated', 'share')} ms`,
    ...(twice.length ? [`links: fetched twice in one load: ${twice.join(', ')}`] : []),
  ];
}
