#!/usr/bin/python3
"""A local DNS-over-HTTPS endpoint for maildns' end-to-end tests.

It loads RFC 1035 zone files with dnspython and answers from them in-process,
the way a recursive resolver would present authoritative data:

* Google's JSON API (GET /resolve?name=&type=),
* Cloudflare's JSON API (GET /dns-query?name=&type= with
  `Accept: application/dns-json` or `ct=application/dns-json`),
* RFC 8484 wire format (GET /dns-query?dns=<base64url>, POST /dns-query).

Quirks of real providers (TXT quoting, RFC 3597 hex rdata, names without a
trailing dot, Question as an object, null sections) and faults (latency,
SERVFAIL, REFUSED, timeouts, HTTP 429/500/400, malformed bodies, wrong content
type, connection resets) are switched by flags or by the JSON control API
under /_control/. See tests/doh/README.md.

Only the standard library and Debian's python3-dnspython are used; run it
with /usr/bin/python3. It binds 127.0.0.1 only, prints `LISTENING <port>` once
ready, and stops after --lifetime seconds or when stdin reaches EOF.
"""

import argparse
import base64
import binascii
import copy
import fnmatch
import json
import pathlib
import select
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset
import dns.zone

T = dns.rdatatype
IN = dns.rdataclass.IN
REPO = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_ZONES = REPO / "tests" / "zones"
MAX_CHAIN = 16
MAX_WIRE = 65535

TXT_STYLES = ("quoted", "unquoted", "adjacent", "spaced")
# Types Cloudflare has sent as RFC 3597 `\# len hex` (FORMATS.md C-5, C-8).
GENERIC_TYPES = {T.CAA, T.TLSA, T.SSHFP, T.SVCB, T.HTTPS, T.NAPTR}
OUTSIDE_RCODES = {"NXDOMAIN": dns.rcode.NXDOMAIN, "REFUSED": dns.rcode.REFUSED,
                  "SERVFAIL": dns.rcode.SERVFAIL}
FAULT_KINDS = ("latency", "servfail", "refused", "timeout", "http429", "http500", "http503", "http400",
               "malformed", "wrong_content_type", "reset")
FAULT_KEYS = {"kind", "name", "type", "endpoint", "times", "ms", "seconds", "retry_after", "error"}
ENDPOINTS = ("any", "google", "cloudflare", "wire")

JSON_TYPES = {"google": "application/x-javascript; charset=UTF-8",
              "cloudflare": "application/dns-json"}
WIRE_TYPE = "application/dns-message"


class BadRequest(Exception):
    """The request itself is invalid (HTTP 400)."""


# ---------------------------------------------------------------- zone data

class Result:
    def __init__(self, rcode, answer, authority, zones):
        self.rcode = rcode          # int RCODE
        self.answer = answer        # list of dns.rrset.RRset
        self.authority = authority  # list of dns.rrset.RRset
        self.zones = zones          # origins consulted, for the AD flag


class ZoneStore:
    """Authoritative data of every loaded zone, answered like a resolver would."""

    def __init__(self, dirs):
        self.zones = {}
        for directory in dirs:
            for path in sorted(pathlib.Path(directory).glob("*.zone")):
                origin = dns.name.from_text(path.name[: -len(".zone")])
                self.zones[origin] = dns.zone.from_file(str(path), origin=origin, relativize=False)
        if not self.zones:
            raise SystemExit(f"no *.zone files in {', '.join(map(str, dirs))}")

    def zone_for(self, name):
        for n in (name.split(i)[1] for i in range(len(name), 0, -1)):
            if n in self.zones:
                return n, self.zones[n]
        return None, None

    @staticmethod
    def _exists(zone, name):
        """True for a node, or an empty non-terminal (a name with descendants)."""
        if name in zone.nodes:
            return True
        return any(n.is_subdomain(name) for n in zone.nodes)

    @staticmethod
    def _negative_soa(origin, zone):
        soa = zone.get_rdataset(origin, T.SOA)
        ttl = min(soa.ttl, soa[0].minimum)  # RFC 2308 §5
        return [dns.rrset.from_rdata_list(origin, ttl, list(soa))]

    def _wildcard(self, zone, origin, name):
        """RFC 4592 §3.3.1: the source of synthesis is `*.` + the closest encloser."""
        encloser = name.parent()
        while encloser != origin and not self._exists(zone, encloser):
            encloser = encloser.parent()
        return zone.get_node(dns.name.Name(("*",) + encloser.labels))

    def lookup(self, qname, qtype, outside_rcode):
        answer, used, seen = [], [], set()
        name = qname
        for _ in range(MAX_CHAIN):
            origin, zone = self.zone_for(name)
            if zone is None:
                # Not served here: decide as if the public DNS had no such name.
                return Result(outside_rcode, answer, [], used)
            used.append(origin)
            node = zone.get_node(name)
            if node is None:
                if self._exists(zone, name):
                    return Result(dns.rcode.NOERROR, answer, self._negative_soa(origin, zone), used)
                node = self._wildcard(zone, origin, name)
                if node is None:
                    return Result(dns.rcode.NXDOMAIN, answer, self._negative_soa(origin, zone), used)
            if qtype == T.ANY:
                answer += [dns.rrset.from_rdata_list(name, rds.ttl, list(rds)) for rds in node.rdatasets]
                return Result(dns.rcode.NOERROR, answer, [], used)
            found = node.get_rdataset(IN, qtype)
            if found is not None:
                answer.append(dns.rrset.from_rdata_list(name, found.ttl, list(found)))
                return Result(dns.rcode.NOERROR, answer, [], used)
            cname = node.get_rdataset(IN, T.CNAME)
            if cname is None:
                return Result(dns.rcode.NOERROR, answer, self._negative_soa(origin, zone), used)
            answer.append(dns.rrset.from_rdata_list(name, cname.ttl, list(cname)))
            seen.add(name)
            name = cname[0].target
            if name in seen:
                break  # CNAME loop
        return Result(dns.rcode.SERVFAIL, answer, [], used)


# ---------------------------------------------------------------- presentation

def escape_string(raw):
    """One <character-string> inside quotes with RFC 1035 §5.1 escapes."""
    out = []
    for b in raw:
        if b in (0x22, 0x5C):
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\%03d" % b)
    return "".join(out)


def txt_data(strings, style):
    if style == "unquoted":
        return b"".join(strings).decode("utf-8", "replace")
    if style == "quoted":
        return '"' + escape_string(b"".join(strings)) + '"'
    sep = "" if style == "adjacent" else " "
    return sep.join('"' + escape_string(s) + '"' for s in strings)


def name_text(name, trailing_dot):
    text = name.to_text()
    if not trailing_dot and text != ".":
        return text[:-1]
    return text


def rdata_text(rdata, rdtype, opts):
    if rdtype in (T.TXT, T.SPF):
        return txt_data(rdata.strings, opts["txt_style"])
    if opts["generic_rdata"] and rdtype in GENERIC_TYPES:
        wire = rdata.to_wire()
        return " ".join(["\\#", str(len(wire))] + ["%02x" % b for b in wire])
    if not opts["trailing_dot"]:
        dot = False
        if rdtype in (T.CNAME, T.PTR, T.NS, T.DNAME):
            return name_text(rdata.target, dot)
        if rdtype == T.MX:
            return f"{rdata.preference} {name_text(rdata.exchange, dot)}"
        if rdtype == T.SRV:
            return f"{rdata.priority} {rdata.weight} {rdata.port} {name_text(rdata.target, dot)}"
        if rdtype == T.SOA:
            return (f"{name_text(rdata.mname, dot)} {name_text(rdata.rname, dot)} {rdata.serial} "
                    f"{rdata.refresh} {rdata.retry} {rdata.expire} {rdata.minimum}")
    return rdata.to_text()


def json_records(rrsets, opts):
    return [{"name": name_text(rrset.name, opts["trailing_dot"]), "type": rrset.rdtype, "TTL": rrset.ttl,
             "data": rdata_text(rd, rrset.rdtype, opts)}
            for rrset in rrsets for rd in rrset]


def json_answer(flavour, qname, qtype, rcode, result, ad, cd, opts):
    body = {"Status": rcode, "TC": False, "RD": True, "RA": True, "AD": ad, "CD": cd}
    question = {"name": name_text(qname, opts["trailing_dot"]), "type": qtype}
    body["Question"] = question if opts["question_object"] else [question]
    sections = (("Answer", result.answer if result else []),
                ("Authority", result.authority if result else []), ("Additional", []))
    for key, rrsets in sections:
        if rrsets:
            body[key] = json_records(rrsets, opts)
        elif opts["null_sections"]:
            body[key] = None
    if flavour == "google":
        if rcode == dns.rcode.SERVFAIL:
            body["Comment"] = "Test server: SERVFAIL (injected or unresolvable)."
        else:
            body["Comment"] = "Response from 127.0.0.1 (maildns test DoH server)."
    return json.dumps(body).encode()


# ---------------------------------------------------------------- faults, options, stats

def parse_type(value):
    """A type as a number in [1, 65535] or a case-insensitive mnemonic."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    elif isinstance(value, str) and value.strip():
        try:
            number = T.from_text(value.strip().upper())
        except (dns.rdatatype.UnknownRdatatype, ValueError):
            raise BadRequest(f"unknown type {value!r}") from None
    else:
        raise BadRequest(f"invalid type {value!r}")
    if not 1 <= number <= 65535:
        raise BadRequest(f"type {number} out of range")
    return number


def key_name(name):
    text = name.to_text().lower()
    return text if text == "." else text[:-1]


class Fault:
    def __init__(self, spec):
        if not isinstance(spec, dict):
            raise BadRequest("each fault must be an object")
        unknown = set(spec) - FAULT_KEYS
        if unknown:
            raise BadRequest(f"unknown fault keys {sorted(unknown)}")
        self.kind = spec.get("kind")
        if self.kind not in FAULT_KINDS:
            raise BadRequest(f"fault kind must be one of {list(FAULT_KINDS)}")
        self.name = str(spec.get("name") or "*").lower().rstrip(".") or "."
        self.type = None if spec.get("type") in (None, "*", "ANY") else parse_type(spec["type"])
        self.endpoint = spec.get("endpoint", "any")
        if self.endpoint not in ENDPOINTS:
            raise BadRequest(f"endpoint must be one of {list(ENDPOINTS)}")
        self.remaining = spec.get("times")
        self.ms = self._number(spec, "ms", 1000 if self.kind == "latency" else 0)
        self.seconds = self._number(spec, "seconds", 10)
        self.retry_after = self._number(spec, "retry_after", 1)
        self.error = str(spec.get("error", "Invalid query (fault injected by the test server)"))
        if self.remaining is not None and (not isinstance(self.remaining, int) or self.remaining < 0):
            raise BadRequest("times must be a non-negative integer")
        self.spec = dict(spec)

    @staticmethod
    def _number(spec, key, default):
        value = spec.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise BadRequest(f"{key} must be a non-negative number")
        return value

    def matches(self, name_key, qtype, endpoint):
        if self.remaining == 0:
            return False
        if self.endpoint not in ("any", endpoint):
            return False
        if self.type is not None and self.type != qtype:
            return False
        return fnmatch.fnmatchcase(name_key, self.name)

    def consume(self):
        if self.remaining is not None:
            self.remaining -= 1

    def to_json(self):
        return dict(self.spec, remaining=self.remaining)


OPTION_CHECKS = {
    "txt_style": lambda v: v in TXT_STYLES,
    "generic_rdata": lambda v: isinstance(v, bool),
    "trailing_dot": lambda v: isinstance(v, bool),
    "question_object": lambda v: isinstance(v, bool),
    "null_sections": lambda v: isinstance(v, bool),
    "latency_ms": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0,
    "ad_zones": lambda v: isinstance(v, list) and all(isinstance(z, str) for z in v),
    "outside": lambda v: v in OUTSIDE_RCODES,
    "expose_retry_after": lambda v: isinstance(v, bool),
    "keep_alive": lambda v: isinstance(v, bool),
}


class State:
    """Everything the control API changes, behind one lock."""

    def __init__(self, store, defaults, faults):
        self.store = store
        self.lock = threading.Lock()
        self.defaults = defaults
        self.initial_faults = faults
        self.stop = threading.Event()
        self.reset()

    def reset(self):
        with self.lock:
            self.options = copy.deepcopy(self.defaults)
            self.faults = [Fault(f) for f in self.initial_faults]
            self.counts = {}
            self.total = 0
            # Questions still being answered (e.g. a held timeout) stay counted.
            self.in_flight = getattr(self, "in_flight", 0)
            self.max_in_flight = self.in_flight
            self.by_endpoint = {}
            self.faults_applied = {}

    def set_options(self, update):
        if not isinstance(update, dict):
            raise BadRequest("options must be an object")
        for key, value in update.items():
            if key not in OPTION_CHECKS:
                raise BadRequest(f"unknown option {key!r}")
            if not OPTION_CHECKS[key](value):
                raise BadRequest(f"invalid value for {key}: {value!r}")
        with self.lock:
            self.options.update(copy.deepcopy(update))
            return copy.deepcopy(self.options)

    def set_faults(self, specs):
        if isinstance(specs, dict):
            specs = specs.get("faults")
        if not isinstance(specs, list):
            raise BadRequest("faults must be a list (or {\"faults\": [...]})")
        faults = [Fault(s) for s in specs]
        with self.lock:
            self.faults = faults

    def begin(self, name_key, qtype, endpoint):
        """Counts the question and picks its faults: (options, latency ms, fault or None)."""
        key = f"{name_key}/{T.to_text(qtype)}"
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + 1
            self.total += 1
            self.by_endpoint[endpoint] = self.by_endpoint.get(endpoint, 0) + 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            latency = self.options["latency_ms"]
            chosen = None
            for fault in self.faults:
                if not fault.matches(name_key, qtype, endpoint):
                    continue
                if fault.kind == "latency":
                    fault.consume()
                    latency += fault.ms
                elif chosen is None:
                    fault.consume()
                    chosen = fault
            if chosen is not None:
                self.faults_applied[chosen.kind] = self.faults_applied.get(chosen.kind, 0) + 1
            return copy.deepcopy(self.options), latency, chosen

    def end(self):
        with self.lock:
            self.in_flight -= 1

    def stats(self, clear=False):
        with self.lock:
            out = {"total": self.total, "in_flight": self.in_flight, "max_in_flight": self.max_in_flight,
                   "questions": dict(sorted(self.counts.items())), "by_endpoint": dict(self.by_endpoint),
                   "faults_applied": dict(self.faults_applied)}
            if clear:
                self.counts, self.total, self.by_endpoint, self.faults_applied = {}, 0, {}, {}
                self.max_in_flight = self.in_flight
            return out

    def ad_for(self, result, opts):
        wanted = {z.lower().rstrip(".") for z in opts["ad_zones"]}
        if not result.zones:
            return False
        return "*" in wanted or all(key_name(z) in wanted for z in result.zones)


# ---------------------------------------------------------------- HTTP

def flag_value(params, key, strict):
    value = params.get(key, [""])[0]
    if value.lower() in ("", "0", "false"):
        return False
    if value.lower() in ("1", "true"):
        return True
    if strict:  # Cloudflare's wording (FORMATS.md C-2)
        raise BadRequest(f"Invalid {key.upper()} flag `{value}`. Expected to be empty or one of "
                         "`0`, `false`, `1`, or `true`.")
    return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "maildns-test-doh/1"
    # Headers and body go out as two writes: with Nagle's algorithm on a
    # kept-alive connection the body waits for the client's delayed ACK
    # (40 ms on Linux), which would add to every answer's latency.
    disable_nagle_algorithm = True
    state = None  # set in main()
    verbose = False

    def handle(self):
        try:
            super().handle()
        except (ConnectionError, TimeoutError):
            pass  # the client went away (gave up, or was reset): nothing to report

    def log_message(self, fmt, *args):
        if self.verbose:
            super().log_message(fmt, *args)

    def end_headers(self):
        # CORS on every response, including the ones BaseHTTPRequestHandler makes itself.
        self.send_header("Access-Control-Allow-Origin", "*")
        if self.state.options.get("expose_retry_after", True):
            self.send_header("Access-Control-Expose-Headers", "Retry-After")
        super().end_headers()

    def connection_header(self):
        # Without keep-alive every request gets a fresh connection, so Chromium never
        # silently retries a request whose reused connection was reset or dropped.
        if not self.state.options.get("keep_alive", False):
            self.send_header("Connection", "close")

    def reply(self, status, ctype, body, headers=()):
        self.send_response(status)
        self.connection_header()
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def reply_json(self, status, obj, ctype="application/json"):
        self.reply(status, ctype, json.dumps(obj).encode())

    def bad_request(self, endpoint, message):
        if endpoint == "cloudflare":
            self.reply_json(400, {"error": message})
        else:  # Google and RFC 8484 servers answer 400 with text, not JSON
            self.reply(400, "text/plain; charset=utf-8", f"400 Bad Request: {message}\n".encode())

    # -- methods

    def do_OPTIONS(self):
        self.send_response(204)
        self.connection_header()
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "accept, content-type")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

    def read_body(self):
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise BadRequest("Content-Length required")
        if int(length) > MAX_WIRE:
            raise BadRequest("body too large")
        return self.rfile.read(int(length))

    def route(self, method):
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        endpoint = "google" if url.path == "/resolve" else "cloudflare"
        try:
            if url.path.startswith("/_control/"):
                self.control(method, url.path[len("/_control/"):], params)
            elif url.path == "/resolve" and method == "GET":
                if params.get("ct", [""])[0] == WIRE_TYPE:
                    endpoint = "wire"
                    qname, qtype = self.json_question(params)
                    self.answer_wire(dns.message.make_query(qname, qtype, want_dnssec=False))
                else:
                    self.answer_json("google", params)
            elif url.path == "/dns-query" and method == "POST":
                endpoint = "wire"
                if self.headers.get("Content-Type", "").split(";")[0].strip().lower() != WIRE_TYPE:
                    self.reply(415, "text/plain", b"415 Unsupported Media Type\n")
                    return
                self.answer_wire(self.parse_wire(self.read_body()))
            elif url.path == "/dns-query" and method == "GET":
                if "dns" in params:
                    endpoint = "wire"
                    raw = params["dns"][0]
                    try:
                        wire = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
                    except (binascii.Error, ValueError):
                        raise BadRequest("dns parameter is not base64url") from None
                    self.answer_wire(self.parse_wire(wire))
                elif self.wants_dns_json(params):
                    self.answer_json("cloudflare", params)
                else:
                    raise BadRequest("Unsupported content type: send accept: application/dns-json")
            else:
                self.reply(404, "text/plain", b"404 Not Found\n")
        except BadRequest as err:
            self.bad_request(endpoint, str(err))

    def wants_dns_json(self, params):
        if params.get("ct", [""])[0] == "application/dns-json":
            return True
        return self.headers.get("Accept", "").strip().lower() == "application/dns-json"

    # -- DNS answers

    def json_question(self, params):
        raw = params.get("name", [""])[0]
        if not raw:
            raise BadRequest("name is required")
        try:
            qname = dns.name.from_text(raw)
        except dns.exception.DNSException as err:
            raise BadRequest(f"invalid name {raw!r}: {err}") from None
        return qname, parse_type(params.get("type", ["1"])[0])

    def answer_json(self, flavour, params):
        qname, qtype = self.json_question(params)
        cd = flag_value(params, "cd", flavour == "cloudflare")
        flag_value(params, "do", flavour == "cloudflare")

        def respond(opts, rcode, result, ad):
            body = json_answer(flavour, qname, qtype, rcode, result, ad, cd, opts)
            self.reply(200, JSON_TYPES[flavour], body)

        self.answer(flavour, qname, qtype, respond)

    def parse_wire(self, wire):
        try:
            query = dns.message.from_wire(wire)
        except dns.exception.DNSException as err:
            raise BadRequest(f"malformed DNS message: {err}") from None
        if query.flags & dns.flags.QR:
            raise BadRequest("message is a response, not a query")
        return query

    def answer_wire(self, query):
        if len(query.question) != 1:
            response = dns.message.make_response(query)
            response.set_rcode(dns.rcode.FORMERR)
            self.reply(200, WIRE_TYPE, response.to_wire())
            return
        question = query.question[0]

        def respond(opts, rcode, result, ad):
            response = dns.message.make_response(query, recursion_available=True)
            if query.edns >= 0:
                response.use_edns(0, query.ednsflags & dns.flags.DO, 1232)
            response.set_rcode(rcode)
            if ad:
                response.flags |= dns.flags.AD
            response.flags |= query.flags & dns.flags.CD
            if result:
                response.answer = list(result.answer)
                response.authority = list(result.authority)
            try:
                wire = response.to_wire(max_size=MAX_WIRE)
            except dns.exception.TooBig:
                response.answer, response.authority = [], []
                response.flags |= dns.flags.TC
                wire = response.to_wire()
            self.reply(200, WIRE_TYPE, wire)

        self.answer("wire", question.name, question.rdtype, respond)

    def answer(self, endpoint, qname, qtype, respond):
        state = self.state
        opts, latency, fault = state.begin(key_name(qname), qtype, endpoint)
        try:
            if latency and state.stop.wait(latency / 1000):
                return self.drop()
            if fault is None or fault.kind == "latency":
                result = state.store.lookup(qname, qtype, OUTSIDE_RCODES[opts["outside"]])
                respond(opts, result.rcode, result, state.ad_for(result, opts))
            else:
                self.inject(fault, endpoint, opts, respond)
        finally:
            state.end()

    def inject(self, fault, endpoint, opts, respond):
        kind = fault.kind
        if kind == "servfail":
            respond(opts, dns.rcode.SERVFAIL, None, False)
        elif kind == "refused":
            respond(opts, dns.rcode.REFUSED, None, False)
        elif kind == "timeout":
            self.hold(fault.seconds)
            self.drop()
        elif kind == "reset":
            self.reset_connection()
        elif kind == "http429":
            self.reply(429, "text/plain", b"429 Too Many Requests\n",
                       [("Retry-After", str(int(fault.retry_after)))])
        elif kind == "http500":
            self.reply(500, "text/plain", b"500 Internal Server Error\n")
        elif kind == "http503":
            self.reply(503, "text/plain", b"503 Service Unavailable\n")
        elif kind == "http400":
            self.reply_json(400, {"error": fault.error})
        elif kind == "malformed":
            if endpoint == "wire":
                self.reply(200, WIRE_TYPE, b"\x12\x34\x81")
            else:
                self.reply(200, JSON_TYPES[endpoint], b'{"Status": 0, "TC": false, "Question": [{"name": ')
        elif kind == "wrong_content_type":
            self.reply(200, "text/html; charset=utf-8",
                       b"<!DOCTYPE html><html><body><h1>Captive portal</h1></body></html>")

    def hold(self, seconds):
        """Say nothing for `seconds`; give up early when the client closes or the server stops."""
        deadline = time.monotonic() + seconds
        while not self.state.stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            readable, _, _ = select.select([self.connection], [], [], min(left, 0.1))
            if readable:
                try:
                    if self.connection.recv(1, socket.MSG_PEEK) == b"":
                        return  # the client gave up
                except OSError:
                    return
                self.state.stop.wait(deadline - time.monotonic())  # it sent more: just wait
                return

    def drop(self):
        """Close the connection without an answer (a FIN: the client sees an empty reply)."""
        self.close_connection = True

    def reset_connection(self):
        """Abort the connection: SO_LINGER 0 makes close() send a TCP RST."""
        self.close_connection = True
        sock = self.connection
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # detach(): close the descriptor now, even though rfile/wfile still refer to it.
        socket.close(sock.detach())

    # -- control API

    def control(self, method, what, params):
        state = self.state
        if what == "faults" and method == "POST":
            state.set_faults(self.json_body())
            self.reply_json(200, {"faults": [f.to_json() for f in state.faults]})
        elif what == "faults" and method == "GET":
            self.reply_json(200, {"faults": [f.to_json() for f in state.faults]})
        elif what == "options" and method == "POST":
            self.reply_json(200, state.set_options(self.json_body()))
        elif what == "options" and method == "GET":
            self.reply_json(200, state.options)
        elif what == "reset" and method == "POST":
            self.read_body_if_any()
            state.reset()
            self.reply_json(200, {"ok": True})
        elif what == "stats" and method == "GET":
            self.reply_json(200, state.stats(clear=params.get("clear", ["0"])[0] in ("1", "true")))
        elif what == "zones" and method == "GET":
            zones = [{"origin": key_name(origin), "nodes": len(zone.nodes)}
                     for origin, zone in sorted(state.store.zones.items())]
            self.reply_json(200, {"zones": zones})
        elif what == "shutdown" and method == "POST":
            self.read_body_if_any()
            self.reply_json(200, {"ok": True})
            stop_server(self.server, "control")
        else:
            self.reply_json(404, {"error": f"no control endpoint {method} /_control/{what}"})

    def read_body_if_any(self):
        if self.headers.get("Content-Length", "0") != "0":
            self.read_body()

    def json_body(self):
        try:
            return json.loads(self.read_body() or b"null")
        except ValueError as err:
            raise BadRequest(f"body is not JSON: {err}") from None


# ---------------------------------------------------------------- lifetime

def stop_server(server, reason):
    if server.state.stop.is_set():
        return
    server.state.stop.set()
    server.stop_reason = reason
    threading.Thread(target=server.shutdown, daemon=True).start()


def watch_stdin(server):
    try:
        while sys.stdin.buffer.read1(4096):
            pass
    except (OSError, ValueError):
        pass
    stop_server(server, "stdin closed")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Local DoH endpoint serving zone files (maildns e2e tests).")
    p.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0 = any free port)")
    p.add_argument("--zones", action="append", metavar="DIR",
                   help=f"directory of <origin>.zone files (repeatable; default {DEFAULT_ZONES})")
    p.add_argument("--txt-style", choices=TXT_STYLES, default="adjacent")
    p.add_argument("--generic-rdata", action="store_true", help="CAA/TLSA/... data as RFC 3597 \\# len hex")
    p.add_argument("--no-trailing-dot", action="store_true", help="names without the trailing dot")
    p.add_argument("--question-object", action="store_true", help="Question as an object (AliDNS)")
    p.add_argument("--null-sections", action="store_true", help="empty sections as null (AdGuard)")
    p.add_argument("--latency-ms", type=float, default=0, help="added to every DNS answer")
    p.add_argument("--ad-zone", action="append", default=[], metavar="ORIGIN",
                   help="answers from this zone get AD=true (repeatable; * = all)")
    p.add_argument("--outside", choices=sorted(OUTSIDE_RCODES), default="NXDOMAIN",
                   help="RCODE for names in no loaded zone")
    p.add_argument("--faults", metavar="FILE", help="JSON file with the initial fault list")
    p.add_argument("--no-expose-retry-after", action="store_true",
                   help="do not list Retry-After in Access-Control-Expose-Headers")
    p.add_argument("--keep-alive", action="store_true",
                   help="keep connections open between requests (default: Connection: close)")
    p.add_argument("--lifetime", type=float, default=600, help="seconds before it stops by itself")
    p.add_argument("--no-stdin-watch", action="store_true", help="do not stop when stdin reaches EOF")
    p.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    store = ZoneStore(args.zones or [DEFAULT_ZONES])
    defaults = {
        "txt_style": args.txt_style, "generic_rdata": args.generic_rdata,
        "trailing_dot": not args.no_trailing_dot, "question_object": args.question_object,
        "null_sections": args.null_sections, "latency_ms": args.latency_ms, "ad_zones": args.ad_zone,
        "outside": args.outside, "expose_retry_after": not args.no_expose_retry_after,
        "keep_alive": args.keep_alive,
    }
    faults = []
    if args.faults:
        faults = json.loads(pathlib.Path(args.faults).read_text())
        if isinstance(faults, dict):
            faults = faults.get("faults", [])
    try:
        state = State(store, defaults, faults)
    except BadRequest as err:
        raise SystemExit(f"--faults: {err}") from None
    Handler.state = state
    Handler.verbose = args.verbose
    # Chromium opens its 6 connections at once: a listen backlog of 5 (the
    # default) would drop one SYN and stall it for a second.
    ThreadingHTTPServer.request_queue_size = 64
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.state = state
    server.stop_reason = None
    timer = threading.Timer(args.lifetime, stop_server, (server, "lifetime"))
    timer.daemon = True
    timer.start()
    if not args.no_stdin_watch:
        threading.Thread(target=watch_stdin, args=(server,), daemon=True).start()
    print(f"LISTENING {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.05)
    except KeyboardInterrupt:
        server.stop_reason = "interrupted"
    server.server_close()
    print(f"STOPPED {server.stop_reason}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
