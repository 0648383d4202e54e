"""Reads one zone two ways with octoDNS's own providers and compares them.

Usage: octodns_compare.py ZONE YAML_DIR BIND_DIR

The YAML side is loaded with octodns.provider.yaml.YamlProvider
(enforce_order on, natural order, the defaults), the BIND side with
octodns_bind.ZoneFileSource. The zone's SOA and the placeholder apex NS
exist only in the BIND file and are left out. Every other record must be
the same: name, type, TTL and values as octoDNS holds them. Prints the
differences and exits 1 if there are any.
"""

import sys

from octodns.provider.yaml import YamlProvider
from octodns.zone import Zone
from octodns_bind import ZoneFileSource


def canonical(zone):
    out = {}
    for record in zone.records:
        if record._type in ("SOA",) or (record._type == "NS" and record.name == ""):
            continue
        data = record.data
        values = data.get("values", [data["value"]] if "value" in data else [])
        values = sorted(repr(v) for v in values)
        out[(record.name, record._type)] = (data["ttl"], values)
    return out


def main():
    zone_name, yaml_dir, bind_dir = sys.argv[1:4]
    yaml_zone = Zone(zone_name, [])
    YamlProvider("maildns", yaml_dir, enforce_order=True).populate(yaml_zone)
    bind_zone = Zone(zone_name, [])
    ZoneFileSource("bind", bind_dir).populate(bind_zone)
    want, got = canonical(bind_zone), canonical(yaml_zone)
    if want == got:
        print(f"{zone_name}: {len(got)} records the same")
        return 0
    for key in sorted(set(want) | set(got)):
        if want.get(key) != got.get(key):
            print(f"{key}: BIND {want.get(key)!r} != YAML {got.get(key)!r}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
