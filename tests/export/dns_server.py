"""A tiny authoritative DNS server for the monitoring end-to-end test.

Usage: dns_server.py ZONE_FILE ORIGIN [SECONDS]

Loads a BIND zone file with dnspython, binds UDP and TCP on the same free
port of 127.0.0.1, prints that port on its first line of output, answers
until killed or for SECONDS (default 120), then exits by itself. Answers
are authoritative: the record set asked for, NOERROR with no answer when
the name holds other types, NXDOMAIN when the name does not exist. Over
UDP an answer larger than the client allows (512 octets without EDNS,
RFC 1035 §4.2.1) is sent empty with TC set, so the client retries over TCP.
Nothing here reaches beyond the loopback interface.
"""

import socket
import struct
import sys
import threading
import time

import dns.exception
import dns.flags
import dns.message
import dns.rcode
import dns.rdatatype
import dns.zone


def answer(zone, wire, udp):
    try:
        query = dns.message.from_wire(wire)
    except dns.exception.DNSException:
        return None
    response = dns.message.make_response(query)
    response.flags |= dns.flags.AA
    question = query.question[0]
    node = zone.get_node(question.name)
    if node is None:
        response.set_rcode(dns.rcode.NXDOMAIN)
    else:
        rdataset = node.get_rdataset(question.rdclass, question.rdtype)
        if rdataset is not None:
            rrset = response.find_rrset(
                response.answer, question.name, question.rdclass, question.rdtype, create=True
            )
            rrset.update(rdataset)
    limit = 65535
    if udp:
        limit = max(512, query.payload) if query.edns >= 0 else 512
    try:
        return response.to_wire(max_size=limit)
    except dns.exception.TooBig:
        response.answer = []
        response.flags |= dns.flags.TC
        return response.to_wire(max_size=limit)


def serve_udp(sock, zone):
    while True:
        wire, peer = sock.recvfrom(65535)
        reply = answer(zone, wire, udp=True)
        if reply is not None:
            sock.sendto(reply, peer)


def read_exactly(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def serve_tcp_client(conn, zone):
    with conn:
        while True:
            head = read_exactly(conn, 2)
            if head is None:
                return
            wire = read_exactly(conn, struct.unpack("!H", head)[0])
            if wire is None:
                return
            reply = answer(zone, wire, udp=False)
            if reply is None:
                return
            conn.sendall(struct.pack("!H", len(reply)) + reply)


def serve_tcp(sock, zone):
    while True:
        conn, _ = sock.accept()
        threading.Thread(target=serve_tcp_client, args=(conn, zone), daemon=True).start()


def bind_pair():
    """UDP and TCP sockets on one free loopback port."""
    for _ in range(50):
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(("127.0.0.1", 0))
        port = udp.getsockname()[1]
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            tcp.bind(("127.0.0.1", port))
        except OSError:
            udp.close()
            tcp.close()
            continue
        tcp.listen(16)
        return udp, tcp, port
    raise SystemExit("no free port for both UDP and TCP on 127.0.0.1")


def main():
    path, origin = sys.argv[1], sys.argv[2]
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 120.0
    zone = dns.zone.from_file(path, origin=origin, relativize=False)
    udp, tcp, port = bind_pair()
    threading.Thread(target=serve_udp, args=(udp, zone), daemon=True).start()
    threading.Thread(target=serve_tcp, args=(tcp, zone), daemon=True).start()
    print(port, flush=True)
    time.sleep(seconds)


if __name__ == "__main__":
    main()
