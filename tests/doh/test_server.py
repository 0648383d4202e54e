"""Tests of tests/doh/server.py, run as a subprocess on port 0.

    /usr/bin/python3 -m unittest discover -s tests/doh -v

The last line printed is `doh-endpoint: N passed, N failed`.
"""

import atexit
import base64
import http.client
import json
import pathlib
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import dns.flags
import dns.message
import dns.rcode
import dns.rdatatype

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
SERVER = HERE / "server.py"
PYTHON = "/usr/bin/python3"
ZONE_ARGS = ["--zones", str(REPO / "tests" / "zones"), "--zones", str(HERE / "fixtures")]
TLSA_HASH = "e45af1b1d677c5c97c35eb6084bba7ad2849a190bf3f24917c70a534d36a320f"


class DohProcess:
    """One server subprocess; stdin stays open as its lifeline."""

    def __init__(self, *extra, lifetime=120):
        cmd = [PYTHON, str(SERVER), "--port", "0", "--lifetime", str(lifetime), *ZONE_ARGS, *extra]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("LISTENING "):
            self.proc.kill()
            raise RuntimeError(f"server did not start: {line!r} {self.proc.stderr.read()}")
        self.port = int(line.split()[1])

    def request(self, method, path, body=None, headers=None, timeout=10):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            if isinstance(body, (dict, list)):
                body = json.dumps(body).encode()
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    def get_json(self, path, headers=None):
        status, hdrs, body = self.request("GET", path, headers=headers)
        if status != 200:
            raise AssertionError(f"{path}: HTTP {status} {body!r}")
        return json.loads(body)

    def control(self, what, body=None):
        status, _, raw = self.request("POST" if body is not None else "GET", f"/_control/{what}", body)
        return status, json.loads(raw)

    def wait_idle(self, within=5.0):
        """Polls the stats until no question is in flight; returns the in-flight count."""
        deadline = time.monotonic() + within
        while True:
            in_flight = self.control("stats")[1]["in_flight"]
            if in_flight == 0 or time.monotonic() > deadline:
                return in_flight
            time.sleep(0.02)

    def stop(self):
        """Stops the server; returns what it wrote on stderr."""
        if not self.proc.stdin.closed:
            self.proc.stdin.close()  # the lifeline: EOF stops it
        if self.proc.poll() is None:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        err = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return err


SHARED = None
_COUNTS = {}  # tests run and failed, for the final summary line


def setUpModule():
    global SHARED
    try:
        SHARED = DohProcess("--ad-zone", "good-mail.net")
    except Exception:
        _COUNTS["failed"] = _COUNTS.get("failed", 0) + 1  # unittest reports it outside any test
        raise


def tearDownModule():
    err = SHARED.stop()
    # Clients that vanish (timeouts, resets) must not make the server print tracebacks.
    if "Traceback" in err:
        _COUNTS["failed"] = _COUNTS.get("failed", 0) + 1
        raise AssertionError(f"server stderr has a traceback:\n{err}")


class ServerTest(unittest.TestCase):
    def setUp(self):
        self.s = SHARED
        status, _ = self.s.control("reset", {})
        self.assertEqual(status, 200)

    def google(self, name, rtype="A"):
        return self.s.get_json(f"/resolve?name={name}&type={rtype}")

    def cloudflare(self, name, rtype="A"):
        return self.s.get_json(f"/dns-query?name={name}&type={rtype}", {"Accept": "application/dns-json"})

    def options(self, **opts):
        status, body = self.s.control("options", opts)
        self.assertEqual(status, 200, body)

    def faults(self, *specs):
        status, body = self.s.control("faults", list(specs))
        self.assertEqual(status, 200, body)

    def wire(self, name, rtype, method="GET", path="/dns-query", **make):
        query = dns.message.make_query(name, rtype, **make)
        if method == "GET":
            q = base64.urlsafe_b64encode(query.to_wire()).rstrip(b"=").decode()
            status, hdrs, body = self.s.request("GET", f"{path}?dns={q}")
        else:
            status, hdrs, body = self.s.request("POST", path, query.to_wire(),
                                                {"Content-Type": "application/dns-message"})
        self.assertEqual(status, 200, body)
        self.assertEqual(hdrs["content-type"], "application/dns-message")
        return query, dns.message.from_wire(body)


class JsonShapes(ServerTest):
    def test_google_shape(self):
        status, hdrs, raw = self.s.request("GET", "/resolve?name=good-mail.net&type=MX")
        self.assertEqual(status, 200)
        self.assertEqual(hdrs["content-type"], "application/x-javascript; charset=UTF-8")
        body = json.loads(raw)
        self.assertEqual(body["Status"], 0)
        self.assertEqual([body[k] for k in ("TC", "RD", "RA", "AD", "CD")], [False, True, True, True, False])
        self.assertEqual(body["Question"], [{"name": "good-mail.net.", "type": 15}])
        self.assertEqual(body["Answer"], [{"name": "good-mail.net.", "type": 15, "TTL": 3600,
                                           "data": "10 mail.good-mail.net."}])
        self.assertNotIn("Authority", body)  # empty sections are omitted
        self.assertNotIn("Additional", body)
        self.assertIn("Response from", body["Comment"])

    def test_cloudflare_shape_by_accept_and_ct(self):
        by_accept = self.cloudflare("mail.good-mail.net", "AAAA")
        by_ct = self.s.get_json("/dns-query?name=mail.good-mail.net&type=AAAA&ct=application/dns-json")
        self.assertEqual(by_accept, by_ct)
        self.assertNotIn("Comment", by_accept)
        self.assertEqual(by_accept["Answer"][0]["data"], "2a0e:97c0:38f::a")
        status, hdrs, _ = self.s.request("GET", "/dns-query?name=good-mail.net",
                                         headers={"Accept": "application/dns-json"})
        self.assertEqual(hdrs["content-type"], "application/dns-json")

    def test_cloudflare_needs_dns_json(self):
        for accept in (None, "application/json", "application/dns-json, application/json"):
            status, hdrs, raw = self.s.request("GET", "/dns-query?name=good-mail.net",
                                               headers={"Accept": accept} if accept else {})
            self.assertEqual(status, 400, accept)
            self.assertIn("error", json.loads(raw))

    def test_cloudflare_bad_flag_is_400_json(self):
        status, _, raw = self.s.request("GET", "/dns-query?name=good-mail.net&cd=2",
                                        headers={"Accept": "application/dns-json"})
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(raw)["error"],
                         "Invalid CD flag `2`. Expected to be empty or one of `0`, `false`, `1`, or `true`.")

    def test_google_bad_requests_are_400_text(self):
        for query in ("name=", "name=.good-mail.net", "name=good..net", "name=good-mail.net&type=NOPE",
                      "name=good-mail.net&type=70000", "type=A"):
            status, hdrs, _ = self.s.request("GET", f"/resolve?{query}")
            self.assertEqual(status, 400, query)
            self.assertTrue(hdrs["content-type"].startswith("text/plain"), query)

    def test_type_by_number_or_mnemonic(self):
        self.assertEqual(self.google("good-mail.net", "15"), self.google("good-mail.net", "mx"))
        self.assertEqual(self.google("good-mail.net")["Question"][0]["type"], 1)  # default A

    def test_ad_only_for_configured_zones(self):
        self.assertTrue(self.google("good-mail.net", "MX")["AD"])
        self.assertFalse(self.google("dkim-1024.net", "MX")["AD"])
        self.options(ad_zones=["*"])
        self.assertTrue(self.google("dkim-1024.net", "MX")["AD"])

    def test_unknown_path_404_with_cors(self):
        status, hdrs, _ = self.s.request("GET", "/nope")
        self.assertEqual(status, 404)
        self.assertEqual(hdrs["access-control-allow-origin"], "*")


class Semantics(ServerTest):
    def test_nxdomain_with_soa(self):
        body = self.google("nope.doh-fixture.net")
        self.assertEqual(body["Status"], 3)
        self.assertNotIn("Answer", body)
        self.assertEqual(body["Authority"][0]["type"], 6)
        self.assertEqual(body["Authority"][0]["name"], "doh-fixture.net.")
        self.assertEqual(body["Authority"][0]["TTL"], 60)  # min(SOA TTL 300, minimum 60)

    def test_nodata_other_type(self):
        body = self.google("mail.doh-fixture.net", "TXT")
        self.assertEqual(body["Status"], 0)
        self.assertNotIn("Answer", body)
        self.assertEqual(body["Authority"][0]["type"], 6)

    def test_nodata_empty_non_terminal(self):
        body = self.google("ent.doh-fixture.net")
        self.assertEqual(body["Status"], 0)
        self.assertNotIn("Answer", body)
        self.assertEqual(self.google("x.ent.doh-fixture.net")["Answer"][0]["data"], "185.47.112.254")

    def test_cname_chain_followed(self):
        body = self.google("a.doh-fixture.net", "TXT")
        self.assertEqual(body["Status"], 0)
        self.assertEqual([(r["name"], r["type"], r["data"]) for r in body["Answer"]], [
            ("a.doh-fixture.net.", 5, "b.doh-fixture.net."),
            ("b.doh-fixture.net.", 5, "c.doh-fixture.net."),
            ("c.doh-fixture.net.", 16, '"at c"'),
        ])

    def test_cname_query_returns_cname_only(self):
        body = self.google("a.doh-fixture.net", "CNAME")
        self.assertEqual([r["type"] for r in body["Answer"]], [5])

    def test_cname_to_nodata_and_out_of_zone_and_loop(self):
        nodata = self.google("a.doh-fixture.net", "MX")
        self.assertEqual((nodata["Status"], len(nodata["Answer"])), (0, 2))
        self.assertEqual(nodata["Authority"][0]["type"], 6)
        out = self.google("out.doh-fixture.net")
        self.assertEqual((out["Status"], [r["type"] for r in out["Answer"]]), (3, [5]))
        self.assertEqual(self.google("loop1.doh-fixture.net")["Status"], 2)

    def test_mx_target_cname_scenario(self):
        body = self.google("mx.mx-cname.net")
        self.assertEqual([r["type"] for r in body["Answer"]], [5, 1])

    def test_names_case_insensitive(self):
        body = self.google("MAIL.Good-Mail.NET")
        self.assertEqual(body["Question"][0]["name"], "MAIL.Good-Mail.NET.")
        self.assertEqual(body["Answer"][0]["data"], "185.47.112.10")

    def test_trailing_dot_in_query_accepted(self):
        self.assertEqual(self.google("good-mail.net.", "MX")["Answer"], self.google("good-mail.net", "MX")["Answer"])

    def test_wildcard(self):
        body = self.google("q.r.wild.doh-fixture.net", "TXT")
        self.assertEqual(body["Answer"], [{"name": "q.r.wild.doh-fixture.net.", "type": 16, "TTL": 300,
                                           "data": '"wildcard"'}])
        self.assertEqual(self.google("q.wild.doh-fixture.net", "MX")["Status"], 0)  # NODATA at synthesis
        self.assertEqual(self.google("wild.doh-fixture.net")["Status"], 0)  # ENT, not synthesized
        self.assertEqual(self.google("y.ent.doh-fixture.net")["Status"], 3)  # no *.ent

    def test_outside_served_zones(self):
        self.assertEqual(self.google("not-served.org")["Status"], 3)
        self.options(outside="REFUSED")
        self.assertEqual(self.google("not-served.org")["Status"], 5)

    def test_reverse_zones(self):
        self.assertEqual(self.google("10.112.47.185.in-addr.arpa", "PTR")["Answer"][0]["data"],
                         "mail.good-mail.net.")
        v6 = "a.0.0.0." + "0.0.0.0." * 4 + "f.8.3.0.0.c.7.9.e.0.a.2.ip6.arpa"
        self.assertEqual(self.google(v6, "PTR")["Answer"][0]["data"], "mail.good-mail.net.")
        self.assertEqual(self.google("23.112.47.185.in-addr.arpa", "PTR")["Answer"][0]["data"],
                         "vps23.fictional-hosting.net.")
        self.assertEqual(self.google("24.112.47.185.in-addr.arpa", "PTR")["Status"], 3)

    def test_any(self):
        types = {r["type"] for r in self.google("mail.doh-fixture.net", "ANY")["Answer"]}
        self.assertEqual(types, {1, 28})


class Presentation(ServerTest):
    def test_txt_styles(self):
        expected = {"quoted": '"abcdef"', "unquoted": "abcdef", "adjacent": '"abc""def"',
                    "spaced": '"abc" "def"'}
        for style, data in expected.items():
            with self.subTest(style=style):
                self.options(txt_style=style)
                self.assertEqual(self.google("two.doh-fixture.net", "TXT")["Answer"][0]["data"], data)
                self.assertEqual(self.cloudflare("two.doh-fixture.net", "TXT")["Answer"][0]["data"], data)

    def test_txt_default_is_adjacent(self):
        self.assertEqual(self.google("two.doh-fixture.net", "TXT")["Answer"][0]["data"], '"abc""def"')

    def test_txt_escapes(self):
        expected = {"adjacent": '"say \\"hi\\" \\\\ \\233""x"', "spaced": '"say \\"hi\\" \\\\ \\233" "x"',
                    "quoted": '"say \\"hi\\" \\\\ \\233x"', "unquoted": 'say "hi" \\ \ufffdx'}
        for style, data in expected.items():
            with self.subTest(style=style):
                self.options(txt_style=style)
                self.assertEqual(self.google("esc.doh-fixture.net", "TXT")["Answer"][0]["data"], data)

    def test_txt_several_records_are_separate_answers(self):
        data = sorted(r["data"] for r in self.google("many.doh-fixture.net", "TXT")["Answer"])
        self.assertEqual(data, ['"first"', '"second"'])

    def test_html_payload_served_verbatim(self):
        self.options(txt_style="unquoted")
        data = [r["data"] for r in self.google("odd-txt.net", "TXT")["Answer"]]
        self.assertIn('note="quoted" back\\slash \ufffd café<img src=x onerror=alert(1)>', data)

    def test_caa_tlsa_presentation_and_generic(self):
        self.assertEqual(self.google("doh-fixture.net", "CAA")["Answer"][0]["data"], '0 issue "letsencrypt.org"')
        tlsa = "_25._tcp.mail.doh-fixture.net"
        self.assertEqual(self.google(tlsa, "TLSA")["Answer"][0]["data"], f"3 1 1 {TLSA_HASH}")
        self.options(generic_rdata=True)
        caa = "\\# 22 00 05 " + " ".join("%02x" % b for b in b"issueletsencrypt.org")
        self.assertEqual(self.google("doh-fixture.net", "CAA")["Answer"][0]["data"], caa)
        hexbytes = " ".join(TLSA_HASH[i:i + 2] for i in range(0, 64, 2))
        self.assertEqual(self.google(tlsa, "TLSA")["Answer"][0]["data"], f"\\# 35 03 01 01 {hexbytes}")
        self.assertEqual(self.google("doh-fixture.net", "MX")["Answer"][0]["data"], "10 mail.doh-fixture.net.")

    def test_no_trailing_dot(self):
        self.options(trailing_dot=False)
        body = self.google("a.doh-fixture.net")
        self.assertEqual(body["Question"][0]["name"], "a.doh-fixture.net")
        self.assertEqual([(r["name"], r["data"]) for r in body["Answer"]], [
            ("a.doh-fixture.net", "b.doh-fixture.net"), ("b.doh-fixture.net", "c.doh-fixture.net"),
            ("c.doh-fixture.net", "185.47.112.253")])
        self.assertEqual(self.google("null-mx.net", "MX")["Answer"][0]["data"], "0 .")
        self.assertEqual(self.google("_sip._tcp.doh-fixture.net", "SRV")["Answer"][0]["data"],
                         "10 5 5060 sip.doh-fixture.net")

    def test_question_object_and_null_sections(self):
        self.options(question_object=True, null_sections=True)
        body = self.google("nope.doh-fixture.net")
        self.assertEqual(body["Question"], {"name": "nope.doh-fixture.net.", "type": 1})
        self.assertIsNone(body["Answer"])
        self.assertIsNone(body["Additional"])
        self.assertEqual(body["Authority"][0]["type"], 6)

    def test_cli_flags(self):
        other = DohProcess("--txt-style", "spaced", "--generic-rdata", "--no-trailing-dot",
                           "--question-object", "--null-sections")
        try:
            body = other.get_json("/resolve?name=two.doh-fixture.net&type=TXT")
            self.assertEqual(body["Question"], {"name": "two.doh-fixture.net", "type": 16})
            self.assertEqual(body["Answer"][0]["data"], '"abc" "def"')
            self.assertIsNone(body["Authority"])
            caa = other.get_json("/resolve?name=doh-fixture.net&type=CAA")["Answer"][0]["data"]
            self.assertTrue(caa.startswith("\\# 22 00 05 "), caa)
        finally:
            other.stop()


class Wire(ServerTest):
    def test_get_round_trip_keeps_id_and_do(self):
        query, resp = self.wire("mail.good-mail.net", "AAAA", want_dnssec=True)
        self.assertEqual(resp.id, query.id)
        self.assertTrue(resp.flags & dns.flags.QR and resp.flags & dns.flags.RA)
        self.assertTrue(resp.flags & dns.flags.AD)
        self.assertEqual(resp.edns, 0)
        self.assertTrue(resp.ednsflags & dns.flags.DO)
        self.assertEqual(resp.answer[0].to_text(), "mail.good-mail.net. 3600 IN AAAA 2a0e:97c0:38f::a")

    def test_post_nxdomain_and_no_edns_echo(self):
        query, resp = self.wire("nope.doh-fixture.net", "A", method="POST", use_edns=False)
        self.assertEqual(resp.id, query.id)
        self.assertEqual(resp.rcode(), dns.rcode.NXDOMAIN)
        self.assertEqual(resp.edns, -1)
        self.assertEqual(resp.authority[0].rdtype, dns.rdatatype.SOA)

    def test_wire_cname_chain_and_txt_strings(self):
        _, resp = self.wire("a.doh-fixture.net", "TXT", method="POST")
        self.assertEqual([r.rdtype for r in resp.answer], [5, 5, 16])
        _, resp = self.wire("s202611._domainkey.dkim-split.net", "TXT")
        self.assertEqual(len(resp.answer[0][0].strings), 3)
        self.assertEqual(resp.answer[0][0].strings[0], b"v=DK")

    def test_resolve_ct_dns_message(self):
        status, hdrs, raw = self.s.request("GET", "/resolve?name=good-mail.net&type=MX&ct=application/dns-message")
        self.assertEqual((status, hdrs["content-type"]), (200, "application/dns-message"))
        self.assertEqual(dns.message.from_wire(raw).answer[0][0].to_text(), "10 mail.good-mail.net.")

    def test_wire_errors(self):
        status, _, _ = self.s.request("POST", "/dns-query", b"\x00\x01", {"Content-Type": "application/dns-message"})
        self.assertEqual(status, 400)
        status, _, _ = self.s.request("POST", "/dns-query", b"{}", {"Content-Type": "application/json"})
        self.assertEqual(status, 415)
        status, _, _ = self.s.request("GET", "/dns-query?dns=***")
        self.assertEqual(status, 400)


class Faults(ServerTest):
    def test_latency_fault_and_global_latency(self):
        self.faults({"kind": "latency", "name": "good-mail.net", "type": "MX", "ms": 300})
        start = time.monotonic()
        self.google("good-mail.net", "MX")
        self.assertGreaterEqual(time.monotonic() - start, 0.3)
        start = time.monotonic()
        self.google("good-mail.net", "TXT")
        self.assertLess(time.monotonic() - start, 0.3)
        self.options(latency_ms=200)
        start = time.monotonic()
        self.google("good-mail.net", "TXT")
        self.assertGreaterEqual(time.monotonic() - start, 0.2)

    def test_servfail_and_refused_json_and_wire(self):
        self.faults({"kind": "servfail", "name": "good-mail.net"}, {"kind": "refused", "name": "*.good-mail.net"})
        body = self.google("good-mail.net", "MX")
        self.assertEqual(body["Status"], 2)
        self.assertNotIn("Answer", body)
        self.assertIn("Comment", body)
        self.assertEqual(self.cloudflare("mail.good-mail.net")["Status"], 5)
        _, resp = self.wire("good-mail.net", "MX")
        self.assertEqual(resp.rcode(), dns.rcode.SERVFAIL)
        _, resp = self.wire("MAIL.good-mail.net", "A", method="POST")
        self.assertEqual(resp.rcode(), dns.rcode.REFUSED)

    def test_timeout_holds_then_closes(self):
        self.faults({"kind": "timeout", "name": "good-mail.net", "seconds": 0.5})
        start = time.monotonic()
        with self.assertRaises(http.client.RemoteDisconnected):
            self.s.request("GET", "/resolve?name=good-mail.net")
        self.assertGreaterEqual(time.monotonic() - start, 0.5)
        # A client that gives up first: the server notices and frees the question.
        self.faults({"kind": "timeout", "seconds": 30})
        with self.assertRaises(socket.timeout):
            self.s.request("GET", "/resolve?name=good-mail.net", timeout=0.3)
        self.assertEqual(self.s.wait_idle(), 0)

    def test_client_giving_up_during_latency(self):
        self.faults({"kind": "latency", "name": "good-mail.net", "ms": 400})
        for _ in range(3):
            with self.assertRaises(socket.timeout):
                self.s.request("GET", "/resolve?name=good-mail.net", timeout=0.1)
        self.assertEqual(self.s.wait_idle(), 0)
        self.assertEqual(self.google("mail.good-mail.net")["Status"], 0)

    def test_http429_first_n_times(self):
        self.faults({"kind": "http429", "name": "good-mail.net", "type": "MX", "times": 2, "retry_after": 7})
        for _ in range(2):
            status, hdrs, _ = self.s.request("GET", "/resolve?name=good-mail.net&type=MX")
            self.assertEqual((status, hdrs["retry-after"]), (429, "7"))
            self.assertEqual(hdrs["access-control-allow-origin"], "*")
            self.assertEqual(hdrs["access-control-expose-headers"], "Retry-After")
        self.assertEqual(self.google("good-mail.net", "MX")["Status"], 0)
        self.options(expose_retry_after=False)
        self.faults({"kind": "http429"})
        _, hdrs, _ = self.s.request("GET", "/resolve?name=good-mail.net")
        self.assertEqual((hdrs["retry-after"], "access-control-expose-headers" in hdrs), ("1", False))
        self.faults({"kind": "http429", "name": "good-mail.net", "type": "MX", "times": 0})
        _, faults = self.s.control("faults")
        self.assertEqual(faults["faults"][0]["remaining"], 0)
        self.assertEqual(self.s.control("stats")[1]["faults_applied"], {"http429": 3})

    def test_http500_and_http400(self):
        self.faults({"kind": "http500", "type": "A"}, {"kind": "http400", "type": "TXT", "error": "nope"})
        status, _, _ = self.s.request("GET", "/resolve?name=good-mail.net&type=A")
        self.assertEqual(status, 500)
        status, hdrs, raw = self.s.request("GET", "/resolve?name=good-mail.net&type=TXT")
        self.assertEqual((status, json.loads(raw)), (400, {"error": "nope"}))
        self.assertEqual(self.google("good-mail.net", "MX")["Status"], 0)

    def test_http503(self):
        self.faults({"kind": "http503", "name": "null-mx.net", "type": "MX"})
        status, _, raw = self.s.request("GET", "/resolve?name=null-mx.net&type=MX")
        self.assertEqual((status, raw), (503, b"503 Service Unavailable\n"))
        self.assertEqual(self.google("null-mx.net", "TXT")["Status"], 0)

    def test_malformed_and_wrong_content_type(self):
        self.faults({"kind": "malformed", "type": "MX"}, {"kind": "wrong_content_type", "type": "TXT"})
        status, hdrs, raw = self.s.request("GET", "/resolve?name=good-mail.net&type=MX")
        self.assertEqual(status, 200)
        with self.assertRaises(ValueError):
            json.loads(raw)
        status, hdrs, raw = self.s.request("GET", "/resolve?name=good-mail.net&type=TXT")
        self.assertEqual((status, hdrs["content-type"]), (200, "text/html; charset=utf-8"))
        query = dns.message.make_query("good-mail.net", "MX")
        status, _, raw = self.s.request("POST", "/dns-query", query.to_wire(),
                                        {"Content-Type": "application/dns-message"})
        with self.assertRaises(Exception):
            dns.message.from_wire(raw)

    def test_reset(self):
        self.faults({"kind": "reset", "name": "*.good-mail.net"})
        with self.assertRaises(ConnectionResetError):
            self.s.request("GET", "/resolve?name=mail.good-mail.net")
        self.assertEqual(self.google("good-mail.net", "MX")["Status"], 0)  # the server lives on

    def test_endpoint_filter(self):
        self.faults({"kind": "servfail", "endpoint": "wire"})
        self.assertEqual(self.google("good-mail.net", "MX")["Status"], 0)
        self.assertEqual(self.wire("good-mail.net", "MX")[1].rcode(), dns.rcode.SERVFAIL)

    def test_faults_replaced_and_reset(self):
        self.faults({"kind": "servfail"})
        self.faults()
        self.assertEqual(self.google("good-mail.net", "MX")["Status"], 0)
        self.faults({"kind": "servfail"})
        self.s.control("reset", {})
        self.assertEqual(self.google("good-mail.net", "MX")["Status"], 0)

    def test_invalid_control_bodies(self):
        for what, body in (("faults", [{"kind": "explode"}]), ("faults", [{"kind": "http429", "extra": 1}]),
                           ("faults", {"nope": 1}), ("options", {"txt_style": "fancy"}),
                           ("options", {"colour": 1}), ("options", [1])):
            status, reply = self.s.control(what, body)
            self.assertEqual(status, 400, (what, body))
            self.assertIn("error", reply)


class CorsAndStats(ServerTest):
    def test_preflight(self):
        status, hdrs, body = self.s.request("OPTIONS", "/dns-query", headers={
            "Origin": "http://127.0.0.1:1234", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
        self.assertEqual((status, body), (204, b""))
        self.assertEqual(hdrs["access-control-allow-origin"], "*")
        self.assertIn("POST", hdrs["access-control-allow-methods"])
        self.assertIn("GET", hdrs["access-control-allow-methods"])
        self.assertEqual(hdrs["access-control-allow-headers"], "accept, content-type")

    def test_connection_close_unless_keep_alive(self):
        _, hdrs, _ = self.s.request("GET", "/resolve?name=good-mail.net")
        self.assertEqual(hdrs["connection"], "close")
        self.options(keep_alive=True)
        conn = http.client.HTTPConnection("127.0.0.1", self.s.port, timeout=10)
        try:
            for _ in range(2):  # two questions on one connection
                conn.request("GET", "/resolve?name=good-mail.net")
                resp = conn.getresponse()
                self.assertEqual((resp.status, resp.getheader("connection")), (200, None))
                resp.read()
        finally:
            conn.close()

    def test_cors_on_answers(self):
        for path in ("/resolve?name=good-mail.net", "/resolve?name=", "/_control/stats"):
            _, hdrs, _ = self.s.request("GET", path)
            self.assertEqual(hdrs["access-control-allow-origin"], "*", path)

    def test_stats_counts(self):
        self.google("good-mail.net", "MX")
        self.cloudflare("Good-Mail.net.", "mx")
        self.wire("good-mail.net", "TXT")
        stats = self.s.control("stats")[1]
        self.assertEqual(stats["total"], 3)
        self.assertEqual(stats["questions"], {"good-mail.net/MX": 2, "good-mail.net/TXT": 1})
        self.assertEqual(stats["by_endpoint"], {"google": 1, "cloudflare": 1, "wire": 1})
        self.assertEqual(stats["in_flight"], 0)
        status, _, raw = self.s.request("GET", "/_control/stats?clear=1")
        self.assertEqual(json.loads(raw)["total"], 3)
        self.assertEqual(self.s.control("stats")[1]["total"], 0)

    def test_parallel_questions_in_flight(self):
        self.faults({"kind": "latency", "ms": 1500})
        barrier = threading.Barrier(5)
        errors = []

        def ask(i):
            barrier.wait()
            try:
                self.google(f"host{i}.good-mail.net")
            except Exception as err:  # noqa: BLE001 - reported below
                errors.append(err)

        threads = [threading.Thread(target=ask, args=(i,)) for i in range(5)]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertLess(time.monotonic() - start, 4.5)  # not served one after another
        # A handler thread lowers its in-flight count just after the client
        # has read the answer, so give the last ones a moment to finish.
        deadline = time.monotonic() + 2
        stats = self.s.control("stats")[1]
        while stats["in_flight"] and time.monotonic() < deadline:
            time.sleep(0.02)
            stats = self.s.control("stats")[1]
        self.assertEqual((stats["max_in_flight"], stats["in_flight"], stats["total"]), (5, 0, 5))

    def test_zones_listing(self):
        zones = {z["origin"] for z in self.s.control("zones")[1]["zones"]}
        files = {p.name[:-5] for p in (REPO / "tests" / "zones").glob("*.zone")}
        self.assertEqual(zones, files | {"doh-fixture.net"})
        self.assertIn("112.47.185.in-addr.arpa", zones)


class Scenarios(ServerTest):
    """The scenario zones carry the data the README promises."""

    def txt(self, name):
        self.options(txt_style="unquoted")
        body = self.google(name, "TXT")
        return [r["data"] for r in body.get("Answer", []) if r["type"] == 16]

    def dkim_der(self, domain):
        (record,) = self.txt(f"s202611._domainkey.{domain}")
        key = record.split("p=", 1)[1]
        return base64.b64decode(key, validate=True)

    def test_check_zones_script(self):
        run = subprocess.run([str(HERE / "check_zones.sh")], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        self.assertIn(", 0 failed", run.stdout)

    def test_dkim_keys(self):
        self.assertEqual(len(self.dkim_der("good-mail.net")), 294)  # RSA-2048 SubjectPublicKeyInfo
        self.assertEqual(self.dkim_der("dkim-split.net"), self.dkim_der("good-mail.net"))
        self.assertEqual(len(self.dkim_der("dkim-1024.net")), 162)  # RSA-1024
        self.assertIn("t=y;", self.txt("s202611._domainkey.dkim-testing.net")[0])
        with self.assertRaises(ValueError):
            self.dkim_der("dkim-truncated.net")

    def test_single_faults(self):
        self.assertEqual(sum(t.startswith("v=spf1") for t in self.txt("spf-double.net")), 2)
        self.assertEqual(self.google("_dmarc.dmarc-missing.net", "TXT")["Status"], 3)
        self.assertIn("p=rejected", self.txt("_dmarc.dmarc-bad-value.net")[0])
        self.assertEqual(self.txt("dmarc-ext-rua-ok.net._report._dmarc.dmarc-reports.net"), ["v=DMARC1"])
        self.assertEqual(self.txt("dmarc-ext-rua.net._report._dmarc.dmarc-reports.net"), [])
        self.assertEqual(self.google("mx-ip-literal.net", "MX")["Answer"][0]["data"], "10 185.47.112.22.")
        self.assertEqual(self.google("null-mx.net", "MX")["Answer"][0]["data"], "0 .")
        self.assertEqual(self.txt("null-mx.net"), ["v=spf1 -all"])
        self.assertEqual(self.txt("_mta-sts.mta-sts-bad-id.net"), ["v=STSv1; id=2026-11-29!"])
        self.assertTrue(self.txt("_smtp._tls.tls-rpt-bad.net")[0].startswith("v=TLSRPTv2;"))

    def test_spf_include_chain_is_deep(self):
        depth, name = 0, "l1.spf-chain.net"
        while name:
            (record,) = self.txt(name)
            depth += 1
            name = record.split("include:", 1)[1].split()[0] if "include:" in record else None
        self.assertEqual(depth, 10)


class Lifetime(unittest.TestCase):
    def finish(self, proc):
        proc.proc.wait(timeout=10)
        err = proc.stop()
        return proc.proc.returncode, err

    def test_stops_after_lifetime(self):
        proc = DohProcess(lifetime=2)
        start = time.monotonic()
        self.assertEqual(proc.get_json("/resolve?name=good-mail.net")["Status"], 0)
        code, err = self.finish(proc)
        self.assertEqual(code, 0)
        self.assertIn("STOPPED lifetime", err)
        self.assertLess(time.monotonic() - start, 8)

    def test_stops_on_stdin_eof(self):
        proc = DohProcess(lifetime=60)
        proc.proc.stdin.close()
        code, err = self.finish(proc)
        self.assertEqual((code, "STOPPED stdin closed" in err), (0, True))

    def test_stops_on_control_shutdown_even_with_held_connection(self):
        proc = DohProcess(lifetime=60)
        proc.control("faults", [{"kind": "timeout", "seconds": 60}])
        held = threading.Thread(target=lambda: self.assertRaises(Exception, proc.request, "GET",
                                                                 "/resolve?name=good-mail.net"))
        held.start()
        self.assertEqual(proc.control("shutdown", {})[0], 200)
        code, err = self.finish(proc)
        held.join(10)
        self.assertEqual((code, "STOPPED control" in err, held.is_alive()), (0, True, False))

    def test_faults_file_is_the_reset_state(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
            json.dump({"faults": [{"kind": "refused", "name": "good-mail.net"}]}, f)
            f.flush()
            proc = DohProcess("--faults", f.name, lifetime=60)
        try:
            self.assertEqual(proc.get_json("/resolve?name=good-mail.net")["Status"], 5)
            proc.control("faults", [])
            self.assertEqual(proc.get_json("/resolve?name=good-mail.net")["Status"], 0)
            proc.control("reset", {})
            self.assertEqual(proc.get_json("/resolve?name=good-mail.net")["Status"], 5)
        finally:
            proc.stop()

    def test_binds_loopback_only(self):
        proc = DohProcess(lifetime=60)
        try:
            port = "%04X" % proc.port
            lines = pathlib.Path("/proc/net/tcp").read_text().splitlines()[1:]
            lines += pathlib.Path("/proc/net/tcp6").read_text().splitlines()[1:]
            listening = [ln.split()[1] for ln in lines if ln.split()[1].endswith(":" + port)
                         and ln.split()[3] == "0A"]
            self.assertEqual(listening, ["0100007F:" + port])
        finally:
            proc.stop()


class _CountingSuite(unittest.TestSuite):
    def run(self, result, debug=False):
        ran, bad = result.testsRun, len(result.failures) + len(result.errors)
        super().run(result, debug)
        _COUNTS["ran"] = _COUNTS.get("ran", 0) + result.testsRun - ran
        _COUNTS["failed"] = _COUNTS.get("failed", 0) + len(result.failures) + len(result.errors) - bad
        return result


def load_tests(loader, tests, pattern):
    return _CountingSuite([tests])


@atexit.register
def _summary():
    # After unittest's own summary, so it is the last line.
    ran, failed = _COUNTS.get("ran", 0), _COUNTS.get("failed", 0)
    if ran or failed:
        sys.stderr.flush()
        print(f"doh-endpoint: {max(ran - failed, 0)} passed, {failed} failed", flush=True)
