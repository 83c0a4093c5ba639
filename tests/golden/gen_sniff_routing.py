#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_routing.py: writes tests/golden/input/sniff_routing.pcap, routing protocols built
# byte by byte where tcpdump's own captures have no example: RIPv1 and RIPv2 (routes, simple
# and keyed authentication, an unknown family), RIPng requests and responses, OSPFv2 hello,
# database description, LS request, and updates with router, network, summary, external,
# NSSA and router information LSAs, OSPFv2 with MD5 authentication and LLS, a PIMv1 query
# in IGMP, and messages cut short.  The output is committed; only changing the capture needs
# python3.  Helpers come from gen_sniff.py beside it.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP6_A, IP_A, IP_B, LINKTYPE_ETHERNET, csum, eth4, eth6, ipv4,  # noqa: E402
                       udp4, udp6, write_pcap)

RIP_MCAST = bytes([224, 0, 0, 9])
OSPF_MCAST = bytes([224, 0, 0, 5])
RIPNG_MCAST = bytes.fromhex("ff020000000000000000000000000009")


def ip(s):
    return bytes(int(x) for x in s.split("."))


def rip(cmd, vers, entries):
    return struct.pack("!BBH", cmd, vers, 0) + b"".join(entries)


def rip_v1(addr, metric, family=2):
    return struct.pack("!HH4s8xI", family, 0, ip(addr), metric)


def rip_v2(addr, mask, nh, metric, tag=0, family=2):
    return struct.pack("!HH4s4s4sI", family, tag, ip(addr), ip(mask), ip(nh), metric)


def ripng(cmd, entries):
    return struct.pack("!BBH", cmd, 1, 0) + b"".join(entries)


def ripng_entry(prefix, plen, metric, tag=0):
    return bytes.fromhex(prefix) + struct.pack("!HBB", tag, plen, metric)


def ospf(typ, body, rid="1.1.1.1", area="0.0.0.0", auth=0, authdata=b"\0" * 8, trailer=b""):
    h = struct.pack("!BBH4s4sHH", 2, typ, 24 + len(body), ip(rid), ip(area), 0, auth) + authdata
    m = h + body
    if auth != 2:
        c = csum(m[:16] + m[24:])
        m = m[:12] + struct.pack("!H", c) + m[14:]
    return m + trailer


def lsa(typ, lsid, adv, body, age=10, opts=0x22, seq=0x80000001):
    return struct.pack("!HBB4s4sIHH", age, opts, typ, ip(lsid), ip(adv), seq, 0, 20 + len(body)) + body


def lshdr(typ, lsid, adv, length=36):
    return struct.pack("!HBB4s4sIHH", 5, 0x02, typ, ip(lsid), ip(adv), 0x80000002, 0x1234, length)


def ospf4(m, src=IP_A, dst=OSPF_MCAST):
    return eth4(ipv4(src, dst, 89, m, ttl=1, tos=0xC0))


def frames():
    out = []
    # RIPv1 request for the whole table, and a response (one route with must-be-zero bytes set)
    out.append(eth4(udp4(IP_A, IP_B, 520, 520, rip(1, 1, [rip_v1("0.0.0.0", 16, family=0)]))))
    bad = struct.pack("!HH4sII I", 2, 0, ip("10.9.0.0"), 1, 0, 3)
    out.append(eth4(udp4(IP_B, IP_A, 520, 520,
                         rip(2, 1, [rip_v1("10.1.0.0", 1), rip_v1("10.2.0.0", 16), bad]))))
    # RIPv2: routes, simple password, keyed MD5 header and trailer, an unknown family
    v2 = [rip_v2("192.168.1.0", "255.255.255.0", "0.0.0.0", 1, tag=7),
          rip_v2("172.16.0.0", "255.240.0.0", "10.0.0.254", 2),
          rip_v2("10.0.0.0", "255.0.255.0", "0.0.0.0", 16),
          rip_v2("0.0.0.0", "0.0.0.0", "0.0.0.0", 3, family=28)]
    out.append(eth4(udp4(IP_B, RIP_MCAST, 520, 520, rip(2, 2, v2))))
    pw = struct.pack("!HH16s", 0xFFFF, 2, b"secret")
    out.append(eth4(udp4(IP_B, RIP_MCAST, 520, 520, rip(2, 2, [pw] + v2[:1]))))
    md5 = struct.pack("!HHHBBI8x", 0xFFFF, 3, 44, 1, 16, 77)
    trailer = struct.pack("!HH", 0xFFFF, 1) + bytes(range(16))
    out.append(eth4(udp4(IP_B, RIP_MCAST, 520, 520, rip(2, 2, [md5] + v2[:1] + [trailer]))))
    out.append(eth4(udp4(IP_B, RIP_MCAST, 520, 520, rip(9, 2, []))))
    out.append(eth4(udp4(IP_B, RIP_MCAST, 520, 520, rip(5, 2, [b"\x01\x02\x03\x04"]))))
    out.append(eth4(udp4(IP_B, RIP_MCAST, 520, 520, rip(2, 3, v2[:1]))))
    out.append(eth4(udp4(IP_B, RIP_MCAST, 520, 520, rip(2, 2, v2[:1]) + b"\0\2\0")))
    # RIPng: a table dump request, a request for two prefixes, a response with tags and metrics
    out.append(eth6(udp6(IP6_A, RIPNG_MCAST, 521, 521, ripng(1, [ripng_entry("00" * 16, 0, 16)]))))
    out.append(eth6(udp6(IP6_A, RIPNG_MCAST, 521, 521, ripng(1, [
        ripng_entry("20010db8000100000000000000000000", 48, 0),
        ripng_entry("20010db8000200000000000000000000", 64, 0)]))))
    out.append(eth6(udp6(IP6_A, RIPNG_MCAST, 521, 521, ripng(2, [
        ripng_entry("20010db8000100000000000000000000", 48, 1, tag=5),
        ripng_entry("20010db8000300000000000000000000", 64, 0)]) + b"\0\0")))
    # OSPFv2 hello with neighbours, and one with the LLS option and its data block
    hello = struct.pack("!4sHBBI4s4s", ip("255.255.255.0"), 10, 0x02, 1, 40, ip("10.0.0.1"),
                        ip("10.0.0.2")) + ip("2.2.2.2") + ip("3.3.3.3")
    out.append(ospf4(ospf(1, hello)))
    hello_l = struct.pack("!4sHBBI4s4s", ip("255.255.255.0"), 10, 0x12, 1, 40, ip("0.0.0.0"),
                          ip("0.0.0.0"))
    lls = struct.pack("!HH", 0xABCD, 5) + struct.pack("!HHI", 1, 4, 3) + \
        struct.pack("!HHI16x", 2, 20, 99)
    out.append(ospf4(ospf(1, hello_l, trailer=lls)))
    # database description with two LSA headers (one opaque), and an LS request
    dd = struct.pack("!HBBI", 1500, 0x42, 0x07, 0x1234) + lshdr(1, "1.1.1.1", "1.1.1.1") + \
        struct.pack("!HBBBBHII HH", 5, 0x42, 10, 4, 0, 0, 0x01010101, 0x80000001, 0, 28)
    out.append(ospf4(ospf(2, dd, area="0.0.0.1")))
    lsr = struct.pack("!I4s4s", 1, ip("1.1.1.1"), ip("1.1.1.1")) + \
        struct.pack("!IBBH4s", 10, 1, 0, 7, ip("2.2.2.2"))
    out.append(ospf4(ospf(3, lsr)))
    # an update: router (with a TOS metric), network, summary, ASBR summary, external, NSSA, RI
    rtr = struct.pack("!BBH", 0x03, 0, 3) + \
        struct.pack("!4s4sBBH", ip("2.2.2.2"), ip("10.0.0.1"), 1, 0, 10) + \
        struct.pack("!4s4sBBH", ip("10.0.0.0"), ip("10.0.0.1"), 2, 1, 10) + struct.pack("!BBH", 1, 0, 20) + \
        struct.pack("!4s4sBBH", ip("192.168.0.0"), ip("255.255.255.0"), 3, 0, 1)
    net = ip("255.255.255.0") + ip("1.1.1.1") + ip("2.2.2.2")
    summ = ip("255.255.0.0") + struct.pack("!I", 30)
    asbr = ip("0.0.0.0") + struct.pack("!I", 40)
    ext = ip("255.255.255.0") + struct.pack("!I4sI", 0x80000014, ip("10.0.0.9"), 0x0000002A) + \
        struct.pack("!I4sI", 0x01FFFFFF, ip("0.0.0.0"), 0)
    nssa = ip("255.255.255.252") + struct.pack("!I4sI", 5, ip("0.0.0.0"), 0)
    ri = struct.pack("!HHI", 1, 4, 0x30) + struct.pack("!HH", 7, 5) + b"r1.ex\0\0\0" + \
        struct.pack("!HHBB2x", 8, 2, 0, 1)
    lsas = [lsa(1, "1.1.1.1", "1.1.1.1", rtr), lsa(2, "10.0.0.1", "1.1.1.1", net),
            lsa(3, "10.1.0.0", "1.1.1.1", summ), lsa(4, "3.3.3.3", "1.1.1.1", asbr),
            lsa(5, "172.16.0.0", "1.1.1.1", ext), lsa(7, "10.2.0.0", "1.1.1.1", nssa),
            struct.pack("!HBBBBHII HH", 1, 0x42, 10, 4, 0, 0, 0x01010101, 0x80000001, 0, 20 + len(ri)) + ri]
    out.append(ospf4(ospf(4, struct.pack("!I", len(lsas)) + b"".join(lsas))))
    # opaque LSAs: traffic engineering (router address, a link with its sub-TLVs), grace,
    # extended prefix
    f = lambda v: struct.pack("!f", v)
    link = struct.pack("!HHB3x", 1, 1, 1) + struct.pack("!HH4s", 2, 4, ip("2.2.2.2")) + \
        struct.pack("!HH4s", 3, 4, ip("10.0.0.1")) + struct.pack("!HHI", 5, 4, 10) + \
        struct.pack("!HH", 6, 4) + f(125000000.0) + struct.pack("!HH", 8, 32) + f(1250000.0) * 8 + \
        struct.pack("!HHI", 9, 4, 0xF0) + struct.pack("!HHB3x", 17, 12, 0) + f(1e6) + f(2e6) + \
        struct.pack("!HHB3x", 14, 4, 0x08) + struct.pack("!HHII", 16, 8, 100, 200) + \
        struct.pack("!HHII", 11, 8, 5, 6)
    te = struct.pack("!HH4s", 1, 4, ip("1.1.1.1")) + struct.pack("!HH", 2, len(link)) + link
    grace = struct.pack("!HHI", 1, 4, 120) + struct.pack("!HHB3x", 2, 1, 1) + \
        struct.pack("!HH4s", 3, 4, ip("10.0.0.1"))
    ep = struct.pack("!HHBBBB4s", 1, 16, 1, 24, 0, 0x80, ip("10.5.0.0")) + \
        struct.pack("!HHBBBBI", 2, 8, 0x40, 0, 0, 0, 1000)
    opq = lambda t, oid, body: struct.pack("!HBBBBHII HH", 1, 0x42, 10, t, 0, oid, 0x01010101,
                                           0x80000001, 0, 20 + len(body)) + body
    out.append(ospf4(ospf(4, struct.pack("!I", 3) + opq(1, 1, te) + opq(3, 0, grace) +
                          opq(7, 2, ep))))
    # an ack with MD5 authentication (the digest trails the message), a simple password hello
    ack = lshdr(1, "1.1.1.1", "1.1.1.1") + lshdr(2, "10.0.0.1", "1.1.1.1")
    out.append(ospf4(ospf(5, ack, auth=2, authdata=struct.pack("!HBBI", 0, 1, 16, 0x5F5E100),
                          trailer=bytes(range(16)))))
    out.append(ospf4(ospf(1, hello, auth=1, authdata=b"pass\0\0\0\0")))
    # an update cut short by the capture, and an unknown OSPF type
    cut = ospf4(ospf(4, struct.pack("!I", 1) + lsas[0]))
    out.append(cut[:len(cut) - 10])
    out.append(ospf4(ospf(9, b"")))
    # PIMv1 in IGMP: a query, an RP-reachable, an assert
    pimq = bytes([0x14, 0, 0, 0, 0x10, 0, 0, 0, 0x10, 0, 0, 105])
    out.append(eth4(ipv4(IP_A, bytes([224, 0, 0, 2]), 2, pimq[:2] + struct.pack("!H", csum(pimq)) + pimq[4:], ttl=1)))
    rp = bytes([0x14, 4, 0, 0, 0x10, 0, 0, 0]) + ip("239.1.1.1") + ip("255.255.255.255") + \
        ip("1.1.1.1") + b"\0\0\0\x5a"
    out.append(eth4(ipv4(IP_A, bytes([224, 0, 0, 2]), 2, rp, ttl=1)))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write_pcap(os.path.join(here, "input", "sniff_routing.pcap"), LINKTYPE_ETHERNET, frames())


if __name__ == "__main__":
    main()
