#!/usr/bin/python3
"""Writes the RFC 8484 wire-format fixtures of tests/wire_decode.rs.

Each fixture is a DNS response message as the project's DoH test server
(tests/doh/server.py) answers it: its ZoneStore resolves the question from
the zone files (tests/zones/ plus zones/ here), and dnspython builds the
response and renders it to wire format (with name compression) the way the
server's RFC 8484 endpoint does. Written per case:

  <name>.bin          the response message
  expectations.json   for every case: the question, the query dnspython
                      sends for it (ID 0, RD, EDNS0 payload 1232, DO when
                      asked), the header flags and RCODE, and the expected
                      outcome (the records at the end of the CNAME chain,
                      read by dnspython, or the error)

Run with Debian's dnspython: /usr/bin/python3 tests/vectors/wire/make_fixtures.py
The output is deterministic; commit it with this script.
"""

import importlib.util
import json
import pathlib

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdatatype
import dns.rrset

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]

spec = importlib.util.spec_from_file_location("doh_server", REPO / "tests" / "doh" / "server.py")
server = importlib.util.module_from_spec(spec)
spec.loader.exec_module(server)

T = dns.rdatatype

# name, question, type, options. `ad`: set the AD bit (as the server does
# with --ad-zone); `do`: ask with the DO bit; `max_size`: render for a UDP
# buffer of that size (truncation); `rrsig`: add the covering RRSIG to the
# answer as a validating resolver does; `outside`: RCODE for names not in
# any zone; `expect`: the outcome when it is an error.
CASES = [
    ("a", "mail.good-mail.net", "A", {}),
    ("aaaa", "mail.good-mail.net", "AAAA", {}),
    ("mx_ad", "good-mail.net", "MX", {"ad": True, "do": True}),
    ("ns", "good-mail.net", "NS", {}),
    ("txt_multi_string", "s202611._domainkey.good-mail.net", "TXT", {}),
    ("txt_odd_octets", "odd-txt.net", "TXT", {}),
    ("txt_mixed_case_owner", "_MixedCase.wire-fixtures.net", "TXT", {}),
    ("ptr", "10.112.47.185.in-addr.arpa", "PTR", {}),
    ("cname_one_hop", "mx.mx-cname.net", "A", {}),
    ("cname_chain", "a.wire-fixtures.net", "A", {}),
    ("cname_asked", "a.wire-fixtures.net", "CNAME", {}),
    ("soa", "good-mail.net", "SOA", {}),
    ("caa", "good-mail.net", "CAA", {}),
    ("tlsa", "_25._tcp.mail.good-mail.net", "TLSA", {}),
    ("srv", "_submission._tcp.wire-fixtures.net", "SRV", {}),
    ("srv_not_offered", "_imaps._tcp.wire-fixtures.net", "SRV", {}),
    ("unknown_hinfo", "wire-fixtures.net", "HINFO", {}),
    ("unknown_private_type", "wire-fixtures.net", "TYPE65280", {}),
    ("rrsig_with_do", "signed.wire-fixtures.net", "A", {"do": True, "ad": True, "rrsig": True}),
    ("nxdomain", "nope.good-mail.net", "A", {"expect": "nxdomain"}),
    ("nodata_with_soa", "mail.good-mail.net", "TXT", {"expect": "nodata"}),
    ("servfail_cname_loop", "loop1.wire-fixtures.net", "A", {"expect": "servfail"}),
    ("refused", "outside.example", "A", {"outside": "REFUSED", "expect": "refused"}),
    ("truncated", "big.wire-fixtures.net", "TXT", {"max_size": 512, "expect": "truncated"}),
    ("big_not_truncated", "big.wire-fixtures.net", "TXT", {}),
]


def rdata_json(rd):
    """The fields of one record's data, as dnspython reads them."""
    t = rd.rdtype
    if t in (T.A, T.AAAA):
        return {"address": rd.address}
    if t == T.MX:
        return {"preference": rd.preference, "exchange": rd.exchange.to_text()}
    if t == T.TXT:
        return {"strings_hex": [s.hex() for s in rd.strings]}
    if t in (T.PTR, T.CNAME, T.NS):
        return {"target": rd.target.to_text()}
    if t == T.SOA:
        return {"mname": rd.mname.to_text(), "rname": rd.rname.to_text(), "serial": rd.serial,
                "refresh": rd.refresh, "retry": rd.retry, "expire": rd.expire,
                "minimum": rd.minimum}
    if t == T.SRV:
        return {"priority": rd.priority, "weight": rd.weight, "port": rd.port,
                "target": rd.target.to_text()}
    if t == T.CAA:
        return {"flags": rd.flags, "tag": rd.tag.decode(), "value": rd.value.decode()}
    if t == T.TLSA:
        return {"usage": rd.usage, "selector": rd.selector, "mtype": rd.mtype,
                "cert_hex": rd.cert.hex()}
    return {"hex": rd.to_wire().hex()}


def rr_lines(rrsets):
    return [[rrset.name.to_text(), T.to_text(rrset.rdtype), int(rrset.rdtype), rrset.ttl]
            for rrset in rrsets for _ in rrset]


def final_records(answer, qname, qtype):
    """The records of qtype at the end of the CNAME chain from qname."""
    name = qname
    for _ in range(server.MAX_CHAIN):
        for rrset in answer:
            if rrset.name == name and rrset.rdtype == qtype:
                return [rdata_json(rd) for rd in rrset]
        nxt = [rrset[0].target for rrset in answer if rrset.name == name and rrset.rdtype == T.CNAME]
        if not nxt:
            return []
        name = nxt[0]
    return []


def build(case_name, qname_text, qtype_text, opts, store):
    qname = dns.name.from_text(qname_text)
    qtype = T.from_text(qtype_text)
    query = dns.message.make_query(qname, qtype, use_edns=0, payload=1232,
                                   want_dnssec=bool(opts.get("do")), id=0)
    result = store.lookup(qname, qtype, server.OUTSIDE_RCODES[opts.get("outside", "NXDOMAIN")])
    # As server.Handler.answer_wire's respond().
    response = dns.message.make_response(query, recursion_available=True)
    response.use_edns(0, query.ednsflags & dns.flags.DO, 1232)
    response.set_rcode(result.rcode)
    if opts.get("ad"):
        response.flags |= dns.flags.AD
    response.answer = list(result.answer)
    response.authority = list(result.authority)
    if opts.get("rrsig"):
        zone = store.zones[dns.name.from_text("wire-fixtures.net")]
        sig = zone.get_rdataset(qname, T.RRSIG, T.A)
        response.answer.append(dns.rrset.from_rdata_list(qname, sig.ttl, list(sig)))
    try:
        wire = response.to_wire(max_size=opts.get("max_size", server.MAX_WIRE))
    except dns.exception.TooBig:
        response.answer, response.authority = [], []
        response.flags |= dns.flags.TC
        wire = response.to_wire()
    (HERE / f"{case_name}.bin").write_bytes(wire)
    back = dns.message.from_wire(wire)
    expectation = {
        "file": f"{case_name}.bin",
        "qname": qname_text,
        "qtype": qtype_text,
        "qtype_number": int(qtype),
        "dnssec_ok": bool(opts.get("do")),
        "query_hex": query.to_wire().hex(),
        "rcode": back.rcode(),
        "flags": {f: bool(back.flags & getattr(dns.flags, f.upper())) for f in
                  ("aa", "tc", "rd", "ra", "ad", "cd")},
        "edns_do": bool(back.ednsflags & dns.flags.DO),
        "answer": rr_lines(back.answer),
        "authority": rr_lines(back.authority),
        # A compression pointer (RFC 1035 §4.1.4) to the question name at octet 12.
        "compressed": b"\xc0\x0c" in wire,
    }
    if "expect" in opts:
        expectation["error"] = opts["expect"]
    else:
        expectation["records"] = final_records(back.answer, qname, qtype)
        assert expectation["records"], case_name
    return expectation


def main():
    store = server.ZoneStore([REPO / "tests" / "zones", HERE / "zones"])
    out = [build(*case, store) for case in CASES]
    (HERE / "expectations.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} fixtures to {HERE}")


if __name__ == "__main__":
    main()
