// The local DoH endpoint (tests/doh/server.py) as a child process, with its
// control API wrapped. See tests/doh/README.md for options and fault specs.
//
//   const doh = await startDohServer({ txtStyle: 'unquoted', adZones: ['good-mail.net'] });
//   await doh.setFaults([{ kind: 'http429', name: 'good-mail.net', type: 'MX', times: 1 }]);
//   ... page uses `${doh.url}/resolve` or `${doh.url}/dns-query` ...
//   await doh.close();
//
// The server's stdin is a pipe held by this process: if Node dies, the
// server sees EOF and stops; it also stops by itself after `lifetime` seconds.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVER = path.join(repoRoot, 'tests', 'doh', 'server.py');

function cliArgs(o) {
  const args = ['--port', String(o.port ?? 0), '--lifetime', String(o.lifetime ?? 600)];
  for (const dir of o.zones ?? []) args.push('--zones', path.resolve(repoRoot, dir));
  if (o.txtStyle) args.push('--txt-style', o.txtStyle);
  if (o.genericRdata) args.push('--generic-rdata');
  if (o.trailingDot === false) args.push('--no-trailing-dot');
  if (o.questionObject) args.push('--question-object');
  if (o.nullSections) args.push('--null-sections');
  if (o.latencyMs) args.push('--latency-ms', String(o.latencyMs));
  for (const zone of o.adZones ?? []) args.push('--ad-zone', zone);
  if (o.outside) args.push('--outside', o.outside);
  if (o.faultsFile) args.push('--faults', path.resolve(repoRoot, o.faultsFile));
  if (o.exposeRetryAfter === false) args.push('--no-expose-retry-after');
  if (o.keepAlive) args.push('--keep-alive');
  if (o.verbose) args.push('--verbose');
  return args;
}

export async function startDohServer(options = {}) {
  const child = spawn(options.python ?? '/usr/bin/python3', [SERVER, ...cliArgs(options)], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', options.verbose ? 'inherit' : 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const port = await new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    const timer = setTimeout(() => fail(new Error('DoH server did not start within 10 s')), 10_000);
    function fail(err) { clearTimeout(timer); lines.close(); child.kill('SIGKILL'); reject(err); }
    lines.on('line', (line) => {
      const m = /^LISTENING (\d+)$/.exec(line);
      if (m) { clearTimeout(timer); lines.close(); resolve(Number(m[1])); }
    });
    child.once('error', fail);
    exited.then(({ code, signal }) => fail(new Error(`DoH server exited (${code ?? signal}): ${stderr}`)));
  });
  child.stdout.resume(); // nothing else is printed, but never let the pipe fill

  const url = `http://127.0.0.1:${port}`;
  async function control(what, body) {
    const init = body === undefined ? {} : {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    };
    const res = await fetch(`${url}/_control/${what}`, init);
    const reply = await res.json();
    if (!res.ok) throw new Error(`DoH control ${what}: ${res.status} ${reply.error ?? ''}`);
    return reply;
  }

  return {
    url,
    port,
    setFaults: (list) => control('faults', list),
    setOptions: (obj) => control('options', obj),
    reset: () => control('reset', {}),
    stats: () => control('stats'),
    zones: () => control('zones'),
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin.end();
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
}
