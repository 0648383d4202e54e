// What every e2e file starts before its tests and stops after them: the
// built page on a static server, Chromium, and (when asked) the local DoH
// endpoint.
//
//   let server, doh, browser;
//   before(async () => ({ server, doh, browser } = await startFixture({ doh: { adZones: ['good-mail.net'] } })));
//   after(() => stopFixture({ server, doh, browser }));
import { launch, distDir } from './browser.mjs';
import { startStaticServer } from './static-server.mjs';
import { startDohServer } from './doh-server.mjs';

// `doh`: options of startDohServer, or nothing for no DoH endpoint;
// `gzip`: false serves without compression (many page loads);
// `browserArgs`: more Chromium switches.
export async function startFixture({ doh, gzip, browserArgs } = {}) {
  const server = await startStaticServer({ root: distDir, ...(gzip === undefined ? {} : { gzip }) });
  const dohServer = doh ? await startDohServer(doh) : undefined;
  const browser = await launch(browserArgs);
  return { server, doh: dohServer, browser };
}

export async function stopFixture({ server, doh, browser }) {
  await browser?.close();
  await doh?.close();
  await server?.close();
}
