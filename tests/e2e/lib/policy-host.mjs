// A local HTTPS policy host for the MTA-STS e2e test: answers
// https://mta-sts.<domain>/.well-known/mta-sts.txt as each site says (status,
// headers, body), per Host header, and keeps every request it saw. Chromium
// reaches it under the real names through --host-resolver-rules (see
// mtasts.test.mjs); the certificate is self-signed, made by openssl for this
// run, with every site's name in subjectAltName. Binds to 127.0.0.1 only.
//
//   const host = await startPolicyHost({ 'mta-sts.good-mail.net': { cors: true, body } });
//   host.set('mta-sts.good-mail.net', { cors: true, body: other });
//   host.requests  // [{ host, path, method, headers }]
//   await host.close();
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function certFor(names) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'maildns-sts-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${names[0]}`,
    '-addext', `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
  ]);
  const pair = { key: await fs.readFile(key), cert: await fs.readFile(cert) };
  await fs.rm(dir, { recursive: true, force: true });
  return pair;
}

// A site: { status = 200, type = 'text/plain', cors = false, body, location }.
export async function startPolicyHost(sites) {
  const table = new Map(Object.entries(sites));
  const requests = [];
  const { key, cert } = await certFor([...table.keys()]);
  const server = https.createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    requests.push({ host, path: req.url, method: req.method, headers: { ...req.headers } });
    const site = table.get(host);
    if (!site || req.url !== '/.well-known/mta-sts.txt') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    const headers = { 'content-type': site.type ?? 'text/plain', 'cache-control': 'no-store' };
    if (site.cors) headers['access-control-allow-origin'] = '*';
    if (site.location) headers.location = site.location;
    res.writeHead(site.status ?? 200, headers);
    res.end(site.body ?? '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    requests,
    set(host, site) { table.set(host, site); },
    // Chromium's switch that sends every site's name to this server.
    resolverRules() {
      return `--host-resolver-rules=${[...table.keys()].map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',')}`;
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
