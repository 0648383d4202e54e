#!/usr/bin/python3
"""Makes a fix list's edits in copies of the scenario zones, as an admin would
in a BIND zone file: the e2e test of the fix list (fixlist.test.mjs) reads the
edits from the page (the "Zone file line" field and the line it replaces) and
hands them here; the local DoH endpoint then serves the copies.

    apply_zone_edits.py --from tests/zones --to DIR < edits.json

edits.json: [{"action": "fix.action.add"|"fix.action.change"|"fix.action.delete",
              "line": "<owner> <ttl> IN <type> <rdata>", "replaces": "<line>"|null}]

Each edit goes to the zone whose origin is the longest suffix of its owner
(read from DIR when an earlier edit already copied it there, else from
--from) and the zone is written to DIR/<origin>.zone. A delete, or the old
line of a change, that matches no record fails the run: the page's list must
name records that are published. TXT records are matched on their joined
strings (RFC 7208 §3.3), since a line may split a long value elsewhere than
the zone does. Prints one JSON object: the zones written and the edits made.

Debian's python3-dnspython only; run with /usr/bin/python3.
"""

import argparse
import json
import pathlib
import sys

import dns.name
import dns.rdataclass
import dns.rdatatype
import dns.rrset
import dns.zone

IN = dns.rdataclass.IN


def parse_line(line):
    """A zone-file line with an absolute owner, as (name, ttl, rdata)."""
    parts = line.split(None, 4)
    if len(parts) != 5 or parts[2].upper() != "IN":
        raise SystemExit(f"not a zone line (owner TTL IN TYPE RDATA): {line!r}")
    owner, ttl, _, rtype, rdata = parts
    if not owner.endswith("."):
        raise SystemExit(f"owner is not absolute: {line!r}")
    rrset = dns.rrset.from_text(owner, int(ttl), IN, rtype, rdata)
    return rrset.name, rrset.ttl, rrset[0]


def same(a, b):
    if a.rdtype != b.rdtype:
        return False
    if a.rdtype == dns.rdatatype.TXT:
        return b"".join(a.strings) == b"".join(b.strings)
    return a == b


class Zones:
    def __init__(self, source, target):
        self.source = pathlib.Path(source)
        self.target = pathlib.Path(target)
        self.origins = [dns.name.from_text(p.name[: -len(".zone")]) for p in self.source.glob("*.zone")]
        self.loaded = {}

    def zone_of(self, name):
        origins = [o for o in self.origins if name.is_subdomain(o)]
        if not origins:
            raise SystemExit(f"no scenario zone holds {name}")
        origin = max(origins, key=len)
        if origin not in self.loaded:
            file = f"{origin.to_text(omit_final_dot=True)}.zone"
            path = self.target / file if (self.target / file).exists() else self.source / file
            self.loaded[origin] = dns.zone.from_file(str(path), origin=origin, relativize=False)
        return origin, self.loaded[origin]

    def add(self, name, ttl, rdata):
        _, zone = self.zone_of(name)
        rdataset = zone.find_rdataset(name, rdata.rdtype, create=True)
        rdataset.add(rdata, ttl)

    def delete(self, name, rdata):
        _, zone = self.zone_of(name)
        rdataset = zone.get_rdataset(name, rdata.rdtype)
        hits = [r for r in (rdataset or []) if same(r, rdata)]
        if not hits:
            raise SystemExit(f"nothing to delete: {name} {rdata.to_text()}")
        for r in hits:
            rdataset.discard(r)
        if not rdataset:
            zone.delete_rdataset(name, rdata.rdtype)

    def write(self):
        written = []
        for origin, zone in self.loaded.items():
            path = self.target / f"{origin.to_text(omit_final_dot=True)}.zone"
            zone.to_file(str(path), relativize=False)
            written.append(path.name)
        return sorted(written)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--from", dest="source", required=True)
    p.add_argument("--to", dest="target", required=True)
    args = p.parse_args(argv)
    zones = Zones(args.source, args.target)
    made = []
    for e in json.load(sys.stdin):
        action = e["action"].rsplit(".", 1)[-1]
        name, ttl, rdata = parse_line(e["line"])
        if action == "add":
            zones.add(name, ttl, rdata)
        elif action == "delete":
            zones.delete(name, rdata)
        elif action == "change":
            if not e.get("replaces"):
                raise SystemExit(f"a change without the line it replaces: {e['line']!r}")
            old_name, _, old = parse_line(e["replaces"])
            zones.delete(old_name, old)
            zones.add(name, ttl, rdata)
        else:
            raise SystemExit(f"unknown action {e['action']!r}")
        made.append(f"{action} {e['line']}")
    print(json.dumps({"written": zones.write(), "made": made}))


if __name__ == "__main__":
    main(sys.argv[1:])
