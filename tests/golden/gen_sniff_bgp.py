#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_bgp.py: writes tests/golden/input/sniff_bgp.pcap, BGP messages built byte by byte
# for what tcpdump's own captures leave out: every path attribute tcpdump 4.99 decodes, the
# address families of MP_REACH/UNREACH (labeled, VPN, RT constraint, multicast VPN, MDT,
# L2VPN, NSAP, one it does not decode), extended communities of each kind, malformed
# lengths, and cuts by the snap length.  The output is committed; only changing it needs
# python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import IP_A, IP_B, LINKTYPE_ETHERNET, eth4, tcp4, write_pcap  # noqa: E402

MARKER = b"\xff" * 16
seq = [1000]


def msg(typ, body):
    return MARKER + struct.pack("!HB", 19 + len(body), typ) + body


def seg(payload, sport=179, dport=40000):
    fr = eth4(tcp4(IP_A, IP_B, sport, dport, seq[0], 1, "P.", payload))
    seq[0] += len(payload)
    return fr


def attr(flags, typ, value):
    if flags & 0x10:
        return struct.pack("!BBH", flags, typ, len(value)) + value
    return struct.pack("!BBB", flags, typ, len(value)) + value


def update(attrs=b"", nlri=b"", withdrawn=b""):
    return msg(2, struct.pack("!H", len(withdrawn)) + withdrawn + struct.pack("!H", len(attrs)) +
               attrs + nlri)


def mp_reach(afi, safi, nh, nlri, snpa=b"\0"):
    return attr(0x90, 14, struct.pack("!HBB", afi, safi, len(nh)) + nh + snpa + nlri)


def mp_unreach(afi, safi, nlri):
    return attr(0x90, 15, struct.pack("!HB", afi, safi) + nlri)


def ip(s):
    return bytes(int(x) for x in s.split("."))


RD0 = struct.pack("!HHI", 0, 65000, 100)
RD1 = struct.pack("!H", 1) + ip("192.0.2.1") + struct.pack("!H", 7)
RD2 = struct.pack("!HIH", 2, 4200000001, 9)
LABEL = struct.pack("!I", 16001 << 4 | 1)[1:]
NOBOS = struct.pack("!I", 16002 << 4)[1:]
V6 = bytes.fromhex("20010db8000000000000000000000001")

frames = []
# the well-known attributes, AS paths of each segment kind, communities
frames.append(seg(update(
    attr(0x40, 1, b"\0") +
    attr(0x40, 2, bytes([2, 2]) + struct.pack("!HH", 65001, 65002) +
         bytes([1, 2]) + struct.pack("!HH", 10, 20) + bytes([3, 1]) + struct.pack("!H", 30) +
         bytes([4, 1]) + struct.pack("!H", 40)) +
    attr(0x40, 3, ip("10.0.0.1")) + attr(0x80, 4, struct.pack("!I", 50)) +
    attr(0x40, 5, struct.pack("!I", 200)) + attr(0x40, 6, b"") +
    attr(0xc0, 7, struct.pack("!H", 65001) + ip("10.0.0.9")) +
    attr(0xc0, 8, struct.pack("!III", 65001 << 16 | 100, 0xffffff01, 0xffffff02)) +
    attr(0x80, 9, ip("10.9.9.9")) + attr(0x80, 10, ip("10.1.1.1") + ip("10.2.2.2")) +
    attr(0xc0, 32, struct.pack("!III", 4200000000, 1, 2) + struct.pack("!III", 65001, 3, 4)) +
    attr(0xc0, 18, struct.pack("!I", 4200000000) + ip("10.0.0.7")),
    nlri=bytes([24]) + ip("192.168.1.0")[:3] + bytes([0]) + bytes([27, 10, 1, 2, 0xff]))))
# 4-byte AS path (-b prints asdot), confederations, malformed lengths
frames.append(seg(update(
    attr(0x40, 1, b"\0\0") + attr(0x40, 2, bytes([2, 2]) + struct.pack("!II", 4200000000, 65536)) +
    attr(0x40, 3, b"\1\2\3") + attr(0x40, 6, b"x") + attr(0xc0, 8, b"\1\2\3") +
    attr(0xc0, 32, b"\0" * 5) + attr(0xc0, 7, b"\0" * 5) + attr(0xd0, 99, b"\xaa\xbb\xcc") +
    attr(0x4f, 5, struct.pack("!I", 7)))))
# extended communities of each kind tcpdump prints
ext = b"".join([
    struct.pack("!HHI", 0x0002, 65001, 100), struct.pack("!H", 0x0102) + ip("10.0.0.1") +
    struct.pack("!H", 5), struct.pack("!HIH", 0x0202, 4200000000, 6),
    struct.pack("!HHI", 0x0003, 1, 2), struct.pack("!HHf", 0x4004, 65001, 125000000.0),
    struct.pack("!H", 0x0005) + ip("10.0.0.5") + b"\0\0",
    struct.pack("!H", 0x0306) + ip("0.0.0.1") + bytes([5, 1]),
    struct.pack("!H", 0x0306) + ip("0.0.0.2") + bytes([9, 0]),
    struct.pack("!HBBHH", 0x800a, 5, 0x11, 1500, 0), struct.pack("!HHI", 0x0009, 65005, 0),
    struct.pack("!HIH", 0x030c, 0, 8), struct.pack("!HHI", 0x4300, 0, 2),
    struct.pack("!HHI", 0x8801, 1, 2)])
frames.append(seg(update(attr(0xc0, 16, ext) + attr(0xc0, 16, b"\0" * 7))))
# MP_REACH: IPv6 unicast with two next hops and an SNPA, labeled, VPN; path ids
frames.append(seg(update(
    mp_reach(2, 1, V6 + bytes.fromhex("fe800000000000000000000000000001"),
             bytes([64]) + V6[:8] + bytes([128]) + V6, snpa=b"\1\2\xab\xcd") +
    mp_reach(1, 4, ip("10.0.0.1"), bytes([24 + 24]) + LABEL + ip("10.10.10.0")[:3] +
             bytes([24 + 16]) + NOBOS + b"\x0a\x0b") +
    mp_reach(2, 4, V6, bytes([24 + 64]) + LABEL + V6[:8]) +
    mp_reach(1, 128, RD0 + ip("10.0.0.1"), bytes([88 + 24]) + LABEL + RD0 + ip("172.16.1.0")[:3] +
             bytes([88 + 32]) + LABEL + RD1 + ip("172.16.2.1") +
             bytes([88 + 8]) + LABEL + RD2 + b"\x0a")) +
    b""))
frames.append(seg(update(
    mp_reach(2, 128, RD0 + V6, bytes([88 + 48]) + LABEL + RD1 + V6[:6]) +
    mp_reach(1, 1, ip("10.0.0.1"), struct.pack("!I", 1) + bytes([24]) + b"\x0a\x01\x01" +
             struct.pack("!I", 2) + bytes([0])) +
    mp_reach(1, 132, ip("10.0.0.1"), bytes([0]) + bytes([96]) + struct.pack("!I", 65001) +
             struct.pack("!HHI", 2, 65001, 100) + bytes([64]) + struct.pack("!I", 65001) +
             struct.pack("!HI", 0x0102, 0x0a000001) + bytes([48]) + struct.pack("!I", 4200000000) +
             struct.pack("!H", 0x0202) + bytes([72]) + struct.pack("!I", 1) +
             struct.pack("!HHI", 0x0303, 1, 2) + bytes([16]) + b"\0\0\0\1") + b"")))
# multicast VPN, MDT, L2VPN/VPLS, NSAP, an AFI/SAFI tcpdump does not decode, PMSI tunnels
mvpn = (bytes([1, 12]) + RD0 + ip("10.0.0.1") + bytes([2, 12]) + RD1 + struct.pack("!I", 65001) +
        bytes([3, 22]) + RD0 + bytes([32]) + ip("10.1.1.1") + bytes([32]) + ip("232.1.1.1") +
        bytes([5, 18]) + RD0 + bytes([32]) + ip("10.1.1.1") + bytes([32]) + ip("232.1.1.1") +
        bytes([7, 22]) + RD0 + struct.pack("!I", 65001) + bytes([32]) + ip("10.1.1.1") +
        bytes([0]) + bytes([4, 0]))
frames.append(seg(update(
    mp_reach(1, 5, ip("10.0.0.1"), mvpn) +
    mp_reach(1, 66, ip("10.0.0.1"), bytes([128]) + RD0 + ip("10.0.0.2") + ip("239.1.1.1")) +
    mp_reach(25, 65, ip("10.0.0.1"), struct.pack("!H", 12) + RD0 + ip("10.0.0.3") +
             struct.pack("!H", 25) + RD1 + struct.pack("!HHI", 1, 0, 800000 << 12)[:7] +
             bytes([1]) + struct.pack("!H", 12) + b"\xf0\x0f" + bytes([9]) + struct.pack("!H", 8)) +
    mp_reach(3, 1, bytes.fromhex("47000601") + ip("10.0.0.1") + b"\0", bytes([40]) + b"\0" * 8) +
    mp_reach(1, 70, ip("10.0.0.1"), b"\1\2\3\4") +
    attr(0xc0, 22, struct.pack("!BB", 1, 3) + LABEL + ip("10.0.0.1") + ip("232.0.0.1")) +
    attr(0xc0, 22, struct.pack("!BB", 0, 6) + LABEL + ip("10.0.0.2")) +
    attr(0xc0, 22, struct.pack("!BB", 0, 1) + LABEL + ip("10.0.0.3") + struct.pack("!I", 9)) +
    attr(0xc0, 22, struct.pack("!BB", 0, 9) + LABEL + b"\1\2") +
    attr(0x80, 26, struct.pack("!BHQ", 1, 11, 2000) + struct.pack("!BH", 2, 5) + b"\7\7"))))
# MP_UNREACH: end of RIB, IPv6 and VPN withdrawals; ATTR_SET with nested attributes
frames.append(seg(update(mp_unreach(2, 1, b"")) + update(mp_unreach(1, 128, bytes([88 + 24]) +
                  LABEL + RD0 + b"\x0a\x0b\x0c")) +
                  update(attr(0xc0, 128, struct.pack("!I", 65001) + attr(0x40, 1, b"\2") +
                                attr(0x40, 2, bytes([2, 1]) + struct.pack("!H", 7)) +
                                attr(0x50, 5, struct.pack("!I", 9))))))
# withdrawn routes, an illegal prefix length, the end-of-RIB marker, KEEPALIVE, an unknown type
frames.append(seg(update(withdrawn=bytes([16, 10, 1, 8, 10, 33, 1])) + update() + msg(4, b"") +
                  msg(9, b"\1\2\3")))
# OPEN with every capability kind, an authentication option, a parameter past the end
caps = (b"\1\4\0\1\0\1" + b"\2\0" + b"\x80\0" + b"\x40\6\x80\x78\0\1\1\x80" +
        b"\x41\4" + struct.pack("!I", 4200000000) + b"\x45\x08\0\1\1\3\0\2\1\2" +
        b"\x08\4\0\1\4\2" + b"\x47\0" + b"\x46\0" + b"\x43\2\1\2" + b"\x45\3\0\1\1" +
        b"\x01\2\0\1")
params = b"\2" + bytes([len(caps)]) + caps + b"\1\2\0\0" + b"\2\x40\1"
frames.append(seg(msg(1, struct.pack("!BHH", 4, 23456, 90) + ip("10.0.0.1") +
                      bytes([len(params)]) + params)))
# NOTIFICATION: each code, a max-prefix cease, shutdown communications; ROUTE-REFRESH
frames.append(seg(msg(3, b"\1\2") + msg(3, b"\2\7") + msg(3, b"\3\x0b") + msg(3, b"\4\0") +
                  msg(3, b"\5\2") + msg(3, b"\7\4") + msg(3, b"\x09\1") +
                  msg(3, b"\6\1" + struct.pack("!HBI", 1, 1, 1000)) +
                  msg(3, b"\6\2\x05hello\xff\xfe") + msg(3, b"\6\4\0") + msg(3, b"\6\2\x09ab") +
                  msg(5, struct.pack("!HBB", 2, 0, 1)) + msg(5, b"\0")))
# junk before a marker, a message cut by the segment's end, a length under 19
frames.append(seg(b"\1\2\3" + msg(4, b"") + MARKER + struct.pack("!HB", 60, 2) + b"\0\0"))
frames.append(seg(MARKER + struct.pack("!HB", 10, 4)))
# cuts by the snap length inside attributes, prefixes and capabilities
big = seg(update(attr(0x40, 1, b"\0") + attr(0x40, 2, bytes([2, 3]) + struct.pack("!HHH", 1, 2, 3)) +
                 mp_reach(1, 128, RD0 + ip("10.0.0.1"), bytes([88 + 24]) + LABEL + RD0 +
                          b"\x0a\x0b\x0c"), nlri=bytes([24, 10, 1, 2])))
for keep in (40, 47, 52, 60, 70, 75):
    frames.append((big, 14 + 20 + 20 + keep))
opn = seg(msg(1, struct.pack("!BHH", 4, 1, 90) + ip("10.0.0.1") + bytes([len(params)]) + params))
frames.append((opn, 14 + 20 + 20 + 40))

write_pcap(os.path.join(os.path.dirname(os.path.abspath(__file__)), "input", "sniff_bgp.pcap"),
           LINKTYPE_ETHERNET, frames)
