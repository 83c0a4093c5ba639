#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_dns.py: writes tests/golden/input/sniff_dns.pcap, DNS, mDNS and LLMNR messages
# built byte by byte: every record type tcpdump prints, EDNS0 options, compression (and a
# pointer loop), truncated and malformed messages.  The output is committed; only changing
# the capture needs python3.  Helpers come from gen_sniff.py beside it.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, IP6_A, IP6_B, LINKTYPE_ETHERNET, eth4, eth6, tcp4,  # noqa: E402
                       udp4, udp6, write_pcap)


def name(s):
    if s in ("", "."):
        return b"\0"
    return b"".join(bytes([len(p)]) + p.encode() for p in s.rstrip(".").split(".")) + b"\0"


def hdr(ident, flags, qd=0, an=0, ns=0, ar=0):
    return struct.pack("!HHHHHH", ident, flags, qd, an, ns, ar)


def q(n, typ, cls=1):
    return (name(n) if isinstance(n, str) else n) + struct.pack("!HH", typ, cls)


def rr(n, typ, data, ttl=3600, cls=1):
    return (name(n) if isinstance(n, str) else n) + struct.pack("!HHIH", typ, cls, ttl,
                                                                len(data)) + data


def opt(size=1232, ext_rcode=0, version=0, do=False, opts=b""):
    return b"\0" + struct.pack("!HHBBHH", 41, size, ext_rcode, version, 0x8000 if do else 0,
                               len(opts)) + opts


def eopt(code, data):
    return struct.pack("!HH", code, len(data)) + data


def txt(*strs):
    return b"".join(bytes([len(s)]) + s.encode() for s in strs)


PTR_QNAME = b"\xc0\x0c"  # the question's name, right after the header

RD, RA, AA, TC, AD, CD, QR = 0x0100, 0x0080, 0x0400, 0x0200, 0x0020, 0x0010, 0x8000


def dns_messages():
    """(transport, message) pairs; transport 'u4', 'u6', 'tcp', 'mdns', 'llmnr'."""
    m = []
    # A query with EDNS0 and its answer: the issue's own example
    m.append(("u4", hdr(54477, RD, 1, 0, 0, 1) + q("www.example.test", 1) + opt(1232)))
    m.append(("u4r", hdr(54477, QR | AA | RD | RA, 1, 1, 0, 1) + q("www.example.test", 1) +
              rr(PTR_QNAME, 1, bytes([10, 0, 0, 1])) + opt(1232)))
    # AAAA through a CNAME, over IPv6
    m.append(("u6", hdr(4242, RD | AD, 1, 0, 0, 0) + q("alias.example.test", 28)))
    m.append(("u6r", hdr(4242, QR | RD | RA | AD, 1, 2, 0, 0) + q("alias.example.test", 28) +
              rr(PTR_QNAME, 5, name("www.example.test"), ttl=300) +
              rr(name("www.example.test"), 28, IP6_A, ttl=86400 * 9 + 3725)))
    # MX, TXT, SRV, NS, PTR, SOA in the authority section of an NXDOMAIN
    m.append(("u4r", hdr(2, QR | RD | RA, 1, 2, 0, 0) + q("example.test", 15) +
              rr(PTR_QNAME, 15, struct.pack("!H", 10) + name("mx1.example.test")) +
              rr(PTR_QNAME, 15, struct.pack("!H", 20) + b"\x03mx2\xc0\x0c")))
    m.append(("u4r", hdr(3, QR | RD | RA, 1, 1, 0, 0) + q("example.test", 16) +
              rr(PTR_QNAME, 16, txt("v=spf1 -all", "second \"string\"\x01"))))
    m.append(("u4r", hdr(4, QR | AA | RD, 1, 1, 0, 0) + q("_sip._udp.example.test", 33) +
              rr(PTR_QNAME, 33, struct.pack("!HHH", 10, 60, 5060) + name("sip.example.test"))))
    m.append(("u4r", hdr(5, QR | RD | RA, 1, 2, 0, 0) + q("example.test", 2) +
              rr(PTR_QNAME, 2, b"\x03ns1\xc0\x0c") + rr(PTR_QNAME, 2, b"\x03ns2\xc0\x0c")))
    m.append(("u4r", hdr(6, QR | RD | RA, 1, 1, 0, 0) + q("1.0.0.10.in-addr.arpa", 12) +
              rr(PTR_QNAME, 12, name("www.example.test"), ttl=0)))
    soa = name("ns1.example.test") + name("hostmaster.example.test") + \
        struct.pack("!IIIII", 2026120601, 7200, 900, 1209600, 300)
    m.append(("u4r", hdr(7, QR | AA | RD | RA | 3, 1, 0, 1, 0) + q("nope.example.test", 1) +
              rr(name("example.test"), 6, soa, ttl=300)))
    # DNSSEC: a query with DO and CD, answers with RRSIG, DNSKEY, DS, NSEC, NSEC3
    m.append(("u4", hdr(8, RD | CD | AD, 1, 0, 0, 1) + q("example.test", 48) +
              opt(4096, do=True, opts=eopt(10, bytes(range(8))))))
    m.append(("u4r", hdr(8, QR | RD | RA | AD | CD, 1, 3, 0, 1) + q("example.test", 48) +
              rr(PTR_QNAME, 48, struct.pack("!HBB", 257, 3, 13) + bytes(64)) +
              rr(PTR_QNAME, 46, struct.pack("!HBBIIIH", 48, 13, 2, 3600, 1767225600,
                                            1764547200, 12345) + b"\xc0\x0c" + bytes(64)) +
              rr(PTR_QNAME, 43, struct.pack("!HBB", 12345, 13, 2) + bytes(32)) +
              opt(1232, do=True)))
    m.append(("u4r", hdr(9, QR | RD | RA | 3, 1, 0, 2, 0) + q("nope.example.test", 1) +
              rr(name("example.test"), 47, b"\x03www\xc0\x0c" + b"\x00\x06\x62\x01\x80\x08\x00\x03"
                 ) +
              rr(name("abc.example.test"), 50, b"\x01\x00\x00\x0a\x04abcd\x14" + bytes(20) +
                 b"\x00\x01\x40")))
    # EDNS0 options tcpdump decodes, and extended rcode BADVERS
    opts = (eopt(3, b"") + eopt(8, struct.pack("!HBB", 1, 24, 0) + bytes([192, 0, 2])) +
            eopt(8, struct.pack("!HBB", 2, 56, 0) + bytes.fromhex("20010db8000000")) +
            eopt(10, bytes(range(8)) + bytes(range(8, 24))) + eopt(11, struct.pack("!H", 1234)) +
            eopt(9, struct.pack("!I", 86400)) + eopt(12, bytes(5)) +
            eopt(14, struct.pack("!HH", 20326, 38696)) + eopt(5, bytes([8, 13, 15])) +
            eopt(6, bytes([1, 2])) + eopt(7, bytes([1])) + eopt(65001, b"\xab"))
    m.append(("u4", hdr(10, RD, 1, 0, 0, 1) + q("example.test", 1) + opt(1400, opts=opts)))
    m.append(("u4r", hdr(10, QR | RD | RA, 1, 0, 0, 1) + q("example.test", 1) +
              opt(1232, ext_rcode=1, version=0)))
    # opcodes and rcodes; classes CHAOS and odd ones; unknown types
    m.append(("u4", hdr(11, 0, 1, 0, 0, 0) + q("version.bind", 16, cls=3)))
    m.append(("u4r", hdr(11, QR | AA, 1, 1, 0, 0) + q("version.bind", 16, cls=3) +
              rr(PTR_QNAME, 16, txt("9.18"), cls=3, ttl=0)))
    m.append(("u4", hdr(12, 4 << 11 | AA, 1, 0, 0, 0) + q("example.test", 6)))
    m.append(("u4r", hdr(12, QR | 4 << 11 | AA | 5, 1, 0, 0, 0) + q("example.test", 6)))
    m.append(("u4", hdr(13, 5 << 11, 1, 1, 1, 0) + q("example.test", 6) +
              rr(name("a.example.test"), 1, b"", cls=255, ttl=0) +
              rr(name("b.example.test"), 1, bytes([10, 0, 0, 9]), ttl=60)))
    m.append(("u4", hdr(14, RD | 0x0040, 2, 0, 0, 0) + q("a.test", 65280) + q("b.test", 255, 4)))
    m.append(("u4r", hdr(14, QR | RD | RA | TC | 2, 0, 0, 0, 0)))
    # A6, URI, HINFO, unknown type 65280, NAPTR: tcpdump prints what it knows
    m.append(("u4r", hdr(15, QR | RA, 1, 3, 0, 0) + q("x.test", 255) +
              rr(PTR_QNAME, 38, bytes([64]) + bytes.fromhex("0000000000000001") + name("p.test")) +
              rr(PTR_QNAME, 256, struct.pack("!HH", 1, 10) + b"https://x.test/") +
              rr(PTR_QNAME, 65280, b"\x01\x02\x03")))
    # compression: a pointer forward, a pointer to itself, a reserved label type, a bit label
    m.append(("u4r", hdr(16, QR, 1, 1, 0, 0) + q("a.test", 1) + rr(b"\xc0\x40", 1, bytes(4))))
    m.append(("u4", hdr(17, RD, 1, 0, 0, 0) + b"\xc0\x0c\x00\x01\x00\x01"))
    m.append(("u4", hdr(18, RD, 1, 0, 0, 0) + b"\x01a\x80\x00\x00\x01\x00\x01"))
    m.append(("u4", hdr(19, RD, 1, 0, 0, 0) + b"\x41\x10\xab\xcd\x00\x00\x01\x00\x01"))
    # malformed: shorter than a header; counts larger than the message; non-printable label
    m.append(("u4", hdr(20, RD)[:7]))
    m.append(("u4", hdr(21, RD, 1, 0, 0, 0) + name("ok.test")))
    m.append(("u4r", hdr(22, QR | RA, 1, 5, 0, 0) + q("a.test", 1) +
              rr(PTR_QNAME, 1, bytes([1, 2, 3, 4]))))
    m.append(("u4", hdr(23, RD, 1, 0, 0, 0) + q(b"\x04a\x00\xffz\x03t\xe9t\x00", 1)))
    # over TCP: the length prefix, a query and its answer; a wrong prefix
    m.append(("tcp", hdr(24, RD, 1, 0, 0, 0) + q("example.test", 252)))
    m.append(("tcpr", hdr(24, QR | AA, 1, 1, 0, 0) + q("example.test", 252) +
              rr(PTR_QNAME, 1, bytes([10, 0, 0, 3]))))
    m.append(("tcpbad", hdr(25, RD, 1, 0, 0, 0) + q("example.test", 1)))
    # mDNS: QU question, a response with cache flush; LLMNR query and answer
    m.append(("mdns", hdr(0, 0, 1, 0, 0, 0) + q("printer.local", 12, cls=0x8001)))
    m.append(("mdns", hdr(0, QR | AA, 0, 1, 0, 1) +
              rr(name("printer.local"), 1, bytes([10, 0, 0, 7]), ttl=120, cls=0x8001) +
              rr(name("printer.local"), 47, b"\xc0\x0c\x00\x04\x40\x00\x00\x08", ttl=120,
                 cls=0x8001)))
    m.append(("llmnr", hdr(30, 0, 1, 0, 0, 0) + q("host", 1)))
    m.append(("llmnrr", hdr(30, QR, 1, 1, 0, 0) + q("host", 1) +
              rr(PTR_QNAME, 1, bytes([10, 0, 0, 2]), ttl=30)))
    # TSIG, A6 edge prefixes, UNSPECA; the EDNS CHAIN option and bad ECS, COOKIE, KEEPALIVE;
    # a TXT string past its record; IQUERY; an extended rcode tcpdump has no name for
    tsig = name("hmac-sha256") + struct.pack("!HIH", 0, 1767225600, 300) + \
        struct.pack("!H", 4) + b"abcd" + struct.pack("!HHH", 77, 0, 0)
    m.append(("u4r", hdr(40, QR, 1, 1, 0, 1) + q("x.test", 1) + rr(PTR_QNAME, 1, bytes([1, 2, 3, 4])) +
              rr(name("key.test"), 250, tsig, cls=255, ttl=0)))
    m.append(("u4r", hdr(41, QR, 0, 4, 0, 0) + rr(name("x.test"), 38, bytes([0]) + bytes(16)) +
              rr(name("x.test"), 38, bytes([128]) + name("p.test")) +
              rr(name("x.test"), 38, bytes([200])) + rr(name("x.test"), 104, b"hello\x01")))
    m.append(("u4", hdr(42, RD, 1, 0, 0, 1) + q("x.test", 1) +
              opt(512, opts=eopt(13, name("example.test")) + eopt(8, b"\x00\x01\x20\x00" + bytes(4)) +
                  eopt(10, bytes(9)) + eopt(11, b"\x01") + eopt(16, b""))))
    m.append(("u4r", hdr(43, QR, 1, 1, 0, 0) + q("y.test", 16) + rr(PTR_QNAME, 16, b"\x05ab")))
    m.append(("u4r", hdr(44, RD | 1 << 11, 0, 1, 0, 0) + rr(name("iq.test"), 1, bytes(4))))
    m.append(("u4r", hdr(45, QR | RD | 4, 1, 0, 0, 1) + q("z.test", 1) + opt(512, ext_rcode=2)))
    m.append(("mdns6", hdr(0, 0, 1, 0, 0, 0) + q("a.local", 28)))
    return m


def frames():
    out = []
    seq = [1000, 5000]
    for kind, msg in dns_messages():
        if kind == "u4":
            out.append(eth4(udp4(IP_A, IP_B, 33333, 53, msg)))
        elif kind == "u4r":
            out.append(eth4(udp4(IP_B, IP_A, 53, 33333, msg)))
        elif kind == "u6":
            out.append(eth6(udp6(IP6_A, IP6_B, 33334, 53, msg)))
        elif kind == "u6r":
            out.append(eth6(udp6(IP6_B, IP6_A, 53, 33334, msg)))
        elif kind in ("tcp", "tcpbad"):
            pre = struct.pack("!H", len(msg) + (7 if kind == "tcpbad" else 0))
            out.append(eth4(tcp4(IP_A, IP_B, 40000, 53, seq[0], seq[1], "P.", pre + msg)))
            seq[0] += len(pre + msg)
        elif kind == "tcpr":
            pre = struct.pack("!H", len(msg))
            out.append(eth4(tcp4(IP_B, IP_A, 53, 40000, seq[1], seq[0], "P.", pre + msg)))
            seq[1] += len(pre + msg)
        elif kind == "mdns":
            out.append(eth4(udp4(IP_A, bytes([224, 0, 0, 251]), 5353, 5353, msg)))
        elif kind == "mdns6":
            out.append(eth6(udp6(IP6_A, bytes.fromhex("ff0200000000000000000000000000fb"), 5353,
                                 5353, msg)))
        elif kind == "llmnr":
            out.append(eth4(udp4(IP_A, bytes([224, 0, 0, 252]), 44444, 5355, msg)))
        elif kind == "llmnrr":
            out.append(eth4(udp4(IP_B, IP_A, 5355, 44444, msg)))
    # the answer of the example, cut by the snap length inside its A record
    full = eth4(udp4(IP_B, IP_A, 53, 33333, dns_messages()[1][1]))
    out.append((full, len(full) - 20))
    # and inside its question, and inside its header
    out.append((full, 14 + 20 + 8 + 12 + 6))
    out.append((full, 14 + 20 + 8 + 5))
    # a TCP segment of one byte to port 53: too short for a length prefix
    out.append(eth4(tcp4(IP_A, IP_B, 40001, 53, 1, 1, "P.", b"\x00")))
    return out


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_dns.pcap"), LINKTYPE_ETHERNET, frames())


if __name__ == "__main__":
    main()
