// Evaluates a generated dnsconfig.js with stand-ins for the dnscontrol
// functions it may call, and prints what D() received as JSON:
// {domains: [{name, registrar, dsp, default_ttl, records: [{type, name, args, ttl, critical}]}]}.
// Usage: node dnscontrol-eval.mjs dnsconfig.js
import { readFileSync } from "node:fs";
import vm from "node:vm";

const domains = [];
const mod = (kind, value) => ({ __mod: kind, value });
const record = (type) => (name, ...rest) => {
  const args = [];
  let ttl = null;
  let critical = false;
  for (const a of rest) {
    if (a && a.__mod === "ttl") ttl = a.value;
    else if (a && a.__mod === "caa_critical") critical = true;
    else args.push(a);
  }
  return { __record: true, type, name, args, ttl, critical };
};
const context = {
  NewRegistrar: (name) => `registrar:${name}`,
  NewDnsProvider: (name) => `dsp:${name}`,
  DnsProvider: (dsp) => mod("dsp", dsp),
  DefaultTTL: (n) => mod("default_ttl", n),
  TTL: (n) => mod("ttl", n),
  CAA_CRITICAL: mod("caa_critical", true),
  D: (name, registrar, ...items) => {
    const d = { name, registrar, dsp: null, default_ttl: null, records: [] };
    for (const it of items) {
      if (it && it.__record) d.records.push(it);
      else if (it && it.__mod === "dsp") d.dsp = it.value;
      else if (it && it.__mod === "default_ttl") d.default_ttl = it.value;
      else throw new Error(`unexpected D() argument: ${JSON.stringify(it)}`);
    }
    domains.push(d);
  },
};
for (const t of ["A", "AAAA", "MX", "TXT", "CNAME", "CAA", "SRV", "TLSA"]) context[t] = record(t);

const source = readFileSync(process.argv[2], "utf8");
vm.runInNewContext(source, context, { filename: process.argv[2] });
for (const d of domains) for (const r of d.records) delete r.__record;
process.stdout.write(JSON.stringify({ domains }));
