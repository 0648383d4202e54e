// A static server for the benchmark that answers as GitHub Pages does for a
// built dist/: every file gzip-compressed in advance (level 9, so no measured
// load pays for compression), with Content-Length, an ETag and
// `cache-control: max-age=600`. The last matters: a file the page prefetches
// while idle is then reused from the HTTP cache when the part is needed, as
// on the real host (lib/static-server.mjs sends no-store, right for the
// tests, wrong for measuring a prefetch). On 127.0.0.1 only; it closes
// itself after `lifetimeMs`.
//
//   const server = await startPagesServer({ root: '/path/to/dist' });
//   ... page.goto(`${server.url}/`) ...
//   await server.close();
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

// Every file under `dir`, by its URL path (`/index.html`, `/sub/x.js`).
async function readTree(dir, prefix = '/') {
  const files = new Map();
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const [k, v] of await readTree(full, `${prefix}${entry.name}/`)) files.set(k, v);
    } else if (entry.isFile()) {
      const body = await fs.readFile(full);
      const { mtime } = await fs.stat(full);
      files.set(`${prefix}${entry.name}`, {
        body,
        gz: zlib.gzipSync(body, { level: 9 }),
        type: TYPES[path.extname(entry.name)] ?? 'application/octet-stream',
        etag: `"${crypto.createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
        modified: mtime.toUTCString(),
      });
    }
  }
  return files;
}

export async function startPagesServer({ root, lifetimeMs = 60 * 60_000 } = {}) {
  const files = await readTree(path.resolve(root));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let name = decodeURIComponent(url.pathname);
    if (name.endsWith('/')) name += 'index.html';
    const file = files.get(name);
    if (!file) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    const headers = {
      'content-type': file.type,
      'cache-control': 'max-age=600',
      'last-modified': file.modified,
      etag: file.etag,
      'access-control-allow-origin': '*',
      vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === file.etag) { res.writeHead(304, headers).end(); return; }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? file.gz : file.body;
    if (gzip) headers['content-encoding'] = 'gzip';
    headers['content-length'] = body.length;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  // Each answer is written whole at once: no delayed-ACK wait between a
  // header write and a body write (the DoH endpoint's lesson).
  server.on('connection', (socket) => socket.setNoDelay(true));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', 511, resolve));
  const timer = setTimeout(() => server.close(), lifetimeMs);
  timer.unref();
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { clearTimeout(timer); server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
