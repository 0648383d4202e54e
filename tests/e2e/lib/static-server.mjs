// A static file server for the built page (dist/), on 127.0.0.1 only.
// It serves the same files at / and under a GitHub Pages style project path
// (/maildns/), so tests prove that the relative asset URLs work in both.
// It closes itself after `lifetimeMs` even if a test forgets to.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

// `onRequest(req, res)`, if given, sees every request first and returns
// true when it answered it itself (tests/e2e/offline.test.mjs logs requests
// and takes the server down with it).
export async function startStaticServer({ root, prefixes = ['/', '/maildns/'], gzip = true, lifetimeMs = 10 * 60_000, onRequest } = {}) {
  const base = path.resolve(root);
  // Compressed once per file content, as a static host or CDN keeps it:
  // compressing the 1.2 MB wasm at level 9 on every load would add its
  // CPU time to the measured time to interactive.
  const gzipped = new Map();
  const compressed = (file, body) => {
    const hit = gzipped.get(file);
    if (hit && hit.body.equals(body)) return hit.gz;
    const gz = zlib.gzipSync(body, { level: 9 });
    gzipped.set(file, { body, gz });
    return gz;
  };
  const server = http.createServer(async (req, res) => {
    if (onRequest?.(req, res)) return;
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let rel = null;
      for (const p of [...prefixes].sort((a, b) => b.length - a.length)) {
        if (url.pathname.startsWith(p)) { rel = url.pathname.slice(p.length); break; }
      }
      if (rel === null) { res.writeHead(404).end('not found'); return; }
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(base, decodeURIComponent(rel));
      if (!file.startsWith(base + path.sep)) { res.writeHead(403).end('forbidden'); return; }
      const body = await fs.readFile(file);
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        headers['content-encoding'] = 'gzip';
        res.writeHead(200, headers).end(compressed(file, body));
      } else {
        res.writeHead(200, headers).end(body);
      }
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(() => server.close(), lifetimeMs);
  timer.unref();
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { clearTimeout(timer); server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
