#!/usr/bin/python3
"""Signs the message test's messages with real DKIM signers, at test time.

    /usr/bin/python3 tests/message/sign.py OUT_DIR

Writes OUT_DIR/<nn>-<name>.eml and OUT_DIR/manifest.json; run by
tests/message_verify.rs, which verifies every message with the page's own
core and compares.

Signers: dkimpy (Debian python3-dkim, `dkim.sign`) and OpenDKIM
(`opendkim-testmsg` from Debian opendkim-tools, which signs rsa-sha1 with
relaxed/simple and no options to change that). Neither is our code.
Keys: tests/message/keys/ (test-only); their public halves are published
in tests/zones/signed-mail.net.zone. For every signature the manifest
carries dkimpy's own verdict (`dkim.DKIM.verify` with a DNS function that
reads the same zone files the Rust test serves), and, written by hand for
each message, the verdict the page must give, and the SPF and DMARC results.
"""

import json
import pathlib
import subprocess
import sys

import dkim
import dns.zone

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KEYS = HERE / "keys"
RSA_KEY = (KEYS / "rsa2048.key.pem").read_bytes()
ED_SEED = (KEYS / "ed25519.seed.b64").read_bytes().strip()
DOMAIN = b"signed-mail.net"
TESTMSG = "/usr/sbin/opendkim-testmsg"


def zone_txt():
    """Every TXT record of tests/zones/ and the RFC 8463 keys, by name."""
    out = {}
    files = sorted((ROOT / "tests" / "zones").glob("*.zone"))
    files.append(HERE / "rfc8463" / "football.example.com.zone")
    for path in files:
        zone = dns.zone.from_file(str(path), relativize=False, check_origin=False)
        for name, rdataset in zone.iterate_rdatasets("TXT"):
            for rdata in rdataset:
                key = name.to_text().lower()
                out.setdefault(key, []).append(b"".join(rdata.strings))
    return out


TXT = zone_txt()


def dnsfunc(name, timeout=5):
    key = name.decode("ascii").lower()
    if not key.endswith("."):
        key += "."
    found = TXT.get(key)
    return found[0] if found else None


def core(subject="Test message", frm=b"Alice <alice@signed-mail.net>", body=None, extra=b""):
    """The message as the sending server's signer sees it (CRLF)."""
    if body is None:
        # Trailing and repeated white space and trailing empty lines: what
        # the body canonicalizations differ on.
        body = b"Hello Bob, \t\r\n\r\nthe  records are published;\tdoes this pass?\r\n\r\nAlice\r\n\r\n\r\n"
    head = (b"From: " + frm + b"\r\n"
            b"To: Bob <bob@receiver.example.org>\r\n"
            b"Subject: " + subject.encode() + b"\r\n"
            b"Date: Mon, 07 Dec 2026 10:00:00 +0000\r\n"
            b"Message-ID: <20261207100000.1@signed-mail.net>\r\n"
            b"MIME-Version: 1.0\r\n"
            b"Content-Type: text/plain; charset=utf-8\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n" + extra)
    return head + b"\r\n" + body


def trace(msg, ip="185.47.112.50", helo="mail.signed-mail.net", mail_from="bounce@signed-mail.net", ar=None):
    """What the receiving side adds on delivery: Return-Path, its
    Authentication-Results, its two Received hops (the outer one from the
    sender, the inner one from its own filter on 127.0.0.1)."""
    top = b"Return-Path: <" + mail_from.encode() + b">\r\n"
    if ar is not None:
        top += b"Authentication-Results: mx.receiver.example.org;\r\n " + ar.encode() + b"\r\n"
    top += (b"Received: from localhost (localhost [127.0.0.1])\r\n"
            b"\tby mx.receiver.example.org (Postfix) with ESMTP id 4A1;\r\n"
            b"\tMon, 07 Dec 2026 10:00:02 +0000\r\n"
            b"Received: from " + helo.encode() + b" (" + helo.encode() + b" [" + ip.encode() + b"])\r\n"
            b"\tby mx.receiver.example.org (Postfix) with ESMTPS id 4A0\r\n"
            b"\tfor <bob@receiver.example.org>; Mon, 07 Dec 2026 10:00:01 +0000\r\n")
    return top + msg


def sign(msg, alg="rsa", canon=(b"relaxed", b"relaxed"), selector=None, length=False, domain=DOMAIN, headers=None):
    if alg == "ed25519":
        key, selector, algorithm = ED_SEED, selector or b"ed2026", b"ed25519-sha256"
    else:
        key, selector = RSA_KEY, selector or b"rsa2026"
        algorithm = b"rsa-sha256"
    sig = dkim.sign(msg, selector, domain, key, canonicalize=canon, signature_algorithm=algorithm,
                    length=length, include_headers=headers)
    return sig + msg


def opendkim(msg):
    """opendkim-testmsg's signature (-C: CRLF line ends)."""
    run = subprocess.run([TESTMSG, "-C", "-d", DOMAIN.decode(), "-k", str(KEYS / "rsa2048.key.pem"),
                          "-s", "rsa2026"], input=msg, capture_output=True, check=True)
    return run.stdout


def replace_once(msg, old, new):
    assert msg.count(old) >= 1, old
    return msg.replace(old, new, 1)


def cases():
    base = core()
    rr = sign(base, canon=(b"relaxed", b"relaxed"))
    ss = sign(base, canon=(b"simple", b"simple"))
    folded = core(subject="A subject long enough to be folded by the sender's mail program,\r\n and so it is")
    eight_bit = core(subject="=?utf-8?q?caf=C3=A9?=",
                     body="Grüße, 你好, café\r\n\r\n".encode() + b"latin-1 bytes: caf\xe9\r\n")
    length = sign(base, length=True)
    # (name, message, page's verdicts per signature (top first), spf, dmarc, hop or None, notes)
    yield "rsa-relaxed", trace(rr), ["pass"], "pass", "pass"
    yield "rsa-simple", trace(ss), ["pass"], "pass", "pass"
    yield "ed25519-relaxed", trace(sign(base, "ed25519")), ["pass"], "pass", "pass"
    yield "ed25519-simple", trace(sign(base, "ed25519", (b"simple", b"simple"))), ["pass"], "pass", "pass"
    yield "rsa-relaxed-simple", trace(sign(base, canon=(b"relaxed", b"simple"))), ["pass"], "pass", "pass"
    yield "length-l", trace(length), ["pass"], "pass", "pass"
    # l= is the risk: text appended after the signed length still verifies.
    yield "length-l-appended", trace(length + b"\r\nAppended by someone else: click here.\r\n"), ["pass"], "pass", "pass"
    yield "two-signatures", trace(sign(sign(base, "rsa"), "ed25519")), ["pass", "pass"], "pass", "pass"
    yield "folded-simple", trace(sign(folded, canon=(b"simple", b"simple"))), ["pass"], "pass", "pass"
    yield "folded-relaxed", trace(sign(folded)), ["pass"], "pass", "pass"
    yield "eight-bit-relaxed", trace(sign(eight_bit)), ["pass"], "pass", "pass"
    yield "eight-bit-simple-ed25519", trace(sign(eight_bit, "ed25519", (b"simple", b"simple"))), ["pass"], "pass", "pass"
    # OpenDKIM signs rsa-sha1: RFC 8301 §3.1 says fail, dkimpy still says pass.
    yield "opendkim-rsa-sha1", trace(opendkim(base)), ["fail:sha1"], "pass", "pass"
    yield "rfc8463-example", (HERE / "rfc8463" / "message.eml").read_bytes(), ["pass", "pass"], None, "none"
    # Tampered copies.
    yield "body-byte-changed", trace(replace_once(rr, b"does this pass", b"does this Pass")), ["fail:body_hash"], "pass", "pass"
    yield "signed-header-changed", trace(replace_once(rr, b"Subject: Test message", b"Subject: Test massage")), ["fail:signature"], "pass", "pass"
    yield "unsigned-header-added", trace(replace_once(rr, b"MIME-Version:", b"X-Added-Later: yes\r\nMIME-Version:")), ["pass"], "pass", "pass"
    refold = b"Subject: A subject long enough to be folded by the sender's mail program,\r\n and so it is"
    refolded = b"Subject: A subject long enough to be folded\r\n by the sender's mail program, and so it is"
    yield "refolded-simple", trace(replace_once(sign(folded, canon=(b"simple", b"simple")), refold, refolded)), ["fail:signature"], "pass", "pass"
    # Relaxed header canonicalization unfolds: the same re-folding still verifies.
    yield "refolded-relaxed", trace(replace_once(sign(folded), refold, refolded)), ["pass"], "pass", "pass"
    yield "revoked-key", trace(sign(base, selector=b"revoked")), ["fail:key"], "pass", "pass"
    yield "testing-key", trace(sign(base, selector=b"testing")), ["pass"], "pass", "pass"
    # SPF and DMARC.
    yield "spf-fail-dkim-aligned", trace(rr, ip="185.47.112.99"), ["pass"], "fail", "pass"
    yield "null-mail-from-helo", trace(rr, mail_from=""), ["pass"], "pass", "pass"
    sub = sign(core(frm=b"Alice <alice@news.signed-mail.net>"))
    yield "subdomain-from-relaxed", trace(sub), ["pass"], "pass", "pass"
    other = sign(core(frm=b"Alice <alice@good-mail.net>"))
    yield "from-not-aligned", trace(other), ["pass"], "pass", "fail"
    # DKIM broken and SPF failing: nothing aligned passes, p=reject applies.
    yield "body-changed-spf-fail", trace(replace_once(rr, b"does this pass", b"does this Pass"), ip="185.47.112.99"), ["fail:body_hash"], "fail", "fail"
    yield "receiver-disagrees", trace(replace_once(rr, b"does this pass", b"does this Pass"),
                                      ar="dkim=pass header.d=signed-mail.net; spf=pass smtp.mailfrom=signed-mail.net; dmarc=pass header.from=signed-mail.net"), ["fail:body_hash"], "pass", "pass"


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for n, (name, msg, ours, spf, dmarc) in enumerate(cases(), 1):
        path = out / f"{n:02d}-{name}.eml"
        path.write_bytes(msg)
        d = dkim.DKIM(msg)
        count = sum(1 for h in d.headers if h[0].lower() == b"dkim-signature")
        dkimpy = []
        for i in range(count):
            try:
                dkimpy.append(bool(dkim.DKIM(msg).verify(idx=i, dnsfunc=dnsfunc)))
            except Exception:  # dkimpy raises on some malformed input
                dkimpy.append(False)
        manifest.append({"name": name, "file": path.name, "dkimpy": dkimpy, "ours": ours,
                         "spf": spf, "dmarc": dmarc})
    # Not a case: the message of the timing in the bench table.
    big = core(body=(b"0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,\r\n" * 12800))
    (out / "bench-two-rsa-1mb.eml").write_bytes(trace(sign(sign(big), canon=(b"simple", b"simple"))))
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    print(f"signed {len(manifest)} messages into {out}")


if __name__ == "__main__":
    main()
