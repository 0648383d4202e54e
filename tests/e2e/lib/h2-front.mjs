// An HTTP/2 (TLS) front for the local DoH endpoint, so the page talks to it
// the way it talks to public resolvers: one connection, many streams.
//
// Why: over HTTP/1.1 Chromium opens at most 6 connections per host, so a
// wave of 9 independent questions takes two rounds however well the page
// schedules them. Public DoH resolvers (Google, Cloudflare, AliDNS, DNSPod)
// all speak HTTP/2, where the whole wave goes out at once.
//
//   const front = await startH2Front(doh.url);   // https://127.0.0.1:<port>
//   ... browser context with ignoreHTTPSErrors: true, page uses `${front.url}/resolve` ...
//   await front.close();
//
// The certificate is self-signed, made by openssl for this run in a fresh
// temporary directory, valid for 127.0.0.1 only. Each stream is forwarded to
// the HTTP/1.1 endpoint over a keep-alive agent with no socket limit, so the
// endpoint's added latency is the only wait. Binds to 127.0.0.1 only.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import http2 from 'node:http2';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function selfSignedCert() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'maildns-h2-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1',
  ]);
  const pair = { key: await fs.readFile(key), cert: await fs.readFile(cert) };
  await fs.rm(dir, { recursive: true, force: true });
  return pair;
}

export async function startH2Front(backendUrl) {
  const backend = new URL(backendUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const { key, cert } = await selfSignedCert();
  const server = http2.createSecureServer({ key, cert, allowHTTP1: false });
  let streams = 0;
  let maxConcurrent = 0;
  let open = 0;

  server.on('stream', (stream, headers) => {
    streams += 1;
    open += 1;
    maxConcurrent = Math.max(maxConcurrent, open);
    stream.once('close', () => { open -= 1; });
    const forward = { ...headers };
    for (const h of Object.keys(forward)) if (h.startsWith(':')) delete forward[h];
    forward.host = backend.host;
    const req = http.request({
      agent,
      host: backend.hostname,
      port: backend.port,
      method: headers[':method'],
      path: headers[':path'],
      headers: forward,
    }, (res) => {
      const out = { ':status': res.statusCode };
      for (const [h, v] of Object.entries(res.headers)) {
        // Connection-specific headers are forbidden in HTTP/2 (RFC 9113 §8.2.2).
        if (!['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'].includes(h)) out[h] = v;
      }
      if (stream.destroyed) { res.resume(); return; }
      stream.respond(out);
      res.pipe(stream);
    });
    // A reset or a dropped connection behind the front stays a reset here.
    req.on('error', () => stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR));
    stream.on('error', () => req.destroy());
    // DoH questions are GETs (RFC 8484 §4.1): no body to forward.
    req.setNoDelay(true);
    req.end();
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const sessions = new Set();
  server.on('session', (s) => { sessions.add(s); s.once('close', () => sessions.delete(s)); });
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    stats: () => ({ streams, maxConcurrent, sessions: sessions.size }),
    async close() {
      for (const s of sessions) s.destroy();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
