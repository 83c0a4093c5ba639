#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_openflow.py: writes tests/golden/input/sniff_openflow.pcap, OpenFlow messages built
# byte by byte for what tcpdump's own captures leave out: every OpenFlow 1.0 message type and
# stats kind, each action type, Big Switch's vendor messages and actions, bogus bits and
# lengths, several messages in a segment, a message or a header cut by the segment's end or by
# the snap length, and OpenFlow 1.3 messages (whose bodies tcpdump 4.99 does not decode).
# The output is committed; only changing it needs python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import IP_A, IP_B, LINKTYPE_ETHERNET, eth4, tcp4, write_pcap  # noqa: E402

seq = [5000]
xid = [0x100]


def seg(payload, sport=6653, dport=41000):
    fr = eth4(tcp4(IP_A, IP_B, sport, dport, seq[0], 1, "P.", payload))
    seq[0] += len(payload)
    return fr


def of(typ, body=b"", version=1, length=None):
    xid[0] += 1
    n = 8 + len(body) if length is None else length
    return struct.pack("!BBHI", version, typ, n, xid[0]) + body


def ip(s):
    return bytes(int(x) for x in s.split("."))


MAC1 = bytes.fromhex("0001e88ae0e4")
MAC2 = bytes.fromhex("112233445566")


def phy_port(no, name, config=0, state=0, curr=0x340, adv=0x340, sup=0x340, peer=0):
    return struct.pack("!H", no) + MAC1 + name.ljust(16, b"\0")[:16] + \
        struct.pack("!IIIIII", config, state, curr, adv, sup, peer)


def match(wc, in_port=1, dl_src=MAC1, dl_dst=MAC2, vlan=100, pcp=3, dl_type=0x0800, tos=0x10,
          proto=6, nw_src="10.1.2.3", nw_dst="10.4.5.6", tp_src=1234, tp_dst=80):
    return struct.pack("!IH", wc, in_port) + dl_src + dl_dst + \
        struct.pack("!HBBHBBH", vlan, pcp, 0, dl_type, tos, proto, 0) + ip(nw_src) + \
        ip(nw_dst) + struct.pack("!HH", tp_src, tp_dst)


def action(typ, body):
    return struct.pack("!HH", typ, 4 + len(body)) + body


ACTIONS = (action(0, struct.pack("!HH", 0xfffd, 128)) + action(0, struct.pack("!HH", 3, 0)) +
           action(1, struct.pack("!HH", 10, 0)) + action(1, struct.pack("!HH", 0xffff, 0)) +
           action(1, struct.pack("!HH", 0x1000, 0)) + action(2, bytes([9, 0, 0, 0])) +
           action(3, b"\0" * 4) + action(4, MAC2 + b"\0" * 6) + action(5, MAC1 + b"\0" * 6) +
           action(6, ip("192.0.2.1")) + action(7, ip("192.0.2.2")) +
           action(8, bytes([0x2c, 0, 0, 0])) + action(9, struct.pack("!HH", 22, 0)) +
           action(10, struct.pack("!HH", 443, 0)) +
           action(11, struct.pack("!H6xI", 0xfffb, 7)) +
           action(11, struct.pack("!H6xI", 2, 0xffffffff)) +
           # Big Switch: mirror with no tag, an 802.1Q tag, another tag; an unknown subtype
           action(0xffff, struct.pack("!IIIIB3x", 0x5c16c7, 1, 5, 0, 1)) +
           action(0xffff, struct.pack("!IIIIB3x", 0x5c16c7, 1, 6, 0x8100b00a, 0)) +
           action(0xffff, struct.pack("!IIIIB3x", 0x5c16c7, 1, 7, 0x88a80001, 2)) +
           action(0xffff, struct.pack("!II", 0x5c16c7, 2) + b"\0" * 8) +
           action(0xffff, struct.pack("!I", 0x002320) + b"\1\2\3\4") +
           action(0xffff, struct.pack("!I", 0xff000002) + b"\1\2\3\4") +
           # bogus: a length of the wrong size for the type, an unknown type
           action(0, b"\0" * 12) + action(0x20, b"\0" * 4))

frames = []
# header-only messages, HELLO and ECHO with data, several in a segment
frames.append(seg(of(0) + of(0, b"hello!") + of(2, b"\x00\x01ping") + of(3) + of(5) + of(7) +
                  of(18) + of(19)))
# wrong lengths for header-only and fixed-size types, an unknown type
frames.append(seg(of(5, b"\0" * 4) + of(9, b"\0" * 2) + of(0x30, b"\1\2\3\4")))
# FEATURES_REPLY with ports (bits of every kind, bogus ones), and a trailing short port
frames.append(seg(of(6, struct.pack("!QIB3xII", 0x00010001e88ae0e2, 256, 6, 0xff, 0xffff) +
                     phy_port(1, b"eth1") + phy_port(0xfffe, b"local", 0x7f, 0x301, 0xfff, 1, 2, 3) +
                     phy_port(0xff00, b"x" * 16, 0x80, 0x201, 0x1000, 0, 0, 0) +
                     phy_port(5, b"p5\x01\x80", 0, 0x100) + b"\0" * 10)))
# GET_CONFIG_REPLY, SET_CONFIG (an invalid flag), PORT_STATUS, PORT_MOD, QUEUE_GET_CONFIG_REQUEST
frames.append(seg(of(8, struct.pack("!HH", 1, 128)) + of(9, struct.pack("!HH", 7, 0xffff)) +
                  of(12, bytes([2]) + b"\0" * 7 + phy_port(3, b"ge-0/0/3", 1, 1, 0x20, 0, 0, 0)) +
                  of(12, bytes([9]) + b"\0" * 7 + phy_port(4, b"ge-0/0/4")) +
                  of(15, struct.pack("!H", 2) + MAC2 + struct.pack("!IIII", 1, 0x41, 0x2000, 0)) +
                  of(20, struct.pack("!HH", 0xfffc, 0))))
# QUEUE_GET_CONFIG_REPLY: queues with properties (MIN_RATE, NONE, bogus, unknown, disabled)
q1 = struct.pack("!HH4xH6x", 1, 16, 250) + struct.pack("!HH4x", 0, 8)
q2 = struct.pack("!HH4xH6x", 1, 16, 1001) + struct.pack("!HH4x", 1, 8) + \
    struct.pack("!HH4x4x", 7, 12)
frames.append(seg(of(21, struct.pack("!H6x", 5) + struct.pack("!IH2x", 1, 8 + len(q1)) + q1 +
                     struct.pack("!IH2x", 2, 8 + len(q2)) + q2 + struct.pack("!IH2x", 3, 8))))
frames.append(seg(of(21, struct.pack("!H6x", 5) + struct.pack("!IH2x", 1, 40) + b"\0" * 4)))
# FLOW_MOD: a full match, every action; DELETE with out_port; a wildcarded match with bogus bits
frames.append(seg(of(14, match(0) + struct.pack("!QHHHHIHH", 0x1122334455667788, 0, 30, 60, 100,
                                                 0xffffffff, 0xffff, 7) + ACTIONS)))
frames.append(seg(of(14, match(0xffc3ffff, dl_type=0x0806, proto=2) +
                     struct.pack("!QHHHHIHH", 1, 3, 0, 0, 0, 0, 0xfff8, 0x10)) +
                  of(14, match(0x3820ef, dl_type=0x0800, proto=1, tp_src=8, tp_dst=0, vlan=0,
                               pcp=9) +
                     struct.pack("!QHHHHIHH", 2, 9, 0, 0, 1, 0x12, 0, 0)) +
                  of(14, match(0x3fffff) + struct.pack("!QHHHHIHH", 3, 1, 0, 0, 0, 0, 0, 0) +
                     action(0, struct.pack("!HH", 1, 0)) + b"\0\0\0\0") +
                  of(14, match(0x3fffff) + struct.pack("!QHHHHIHH", 3, 1, 0, 0, 0, 0, 0, 0) +
                     struct.pack("!HH", 0, 64) + b"\0" * 4)))
# PACKET_IN, PACKET_OUT (actions and data), FLOW_REMOVED, ERROR of each type
frame = bytes.fromhex("ffffffffffff0200000000010806" "0001080006040001" "020000000001" "0a000001" "000000000000" "0a000002")
frames.append(seg(of(10, struct.pack("!IHHBx", 0xffffffff, len(frame), 3, 0) + frame) +
                  of(10, struct.pack("!IHHBx", 77, 60, 0xfffe, 5)) +
                  of(13, struct.pack("!IHH", 0x100, 0xffff, 16) + action(0, struct.pack("!HH", 2, 0)) +
                     action(3, b"\0" * 4) + frame) +
                  of(13, struct.pack("!IHH", 0x100, 1, 200))))
frames.append(seg(of(11, match(0x3ffffe) + struct.pack("!QHBxIIH2xQQ", 9, 500, 1, 10, 20, 30, 40, 50)) +
                  of(11, match(0x3fffff) + struct.pack("!QHBxIIH2xQQ", 9, 0, 7, 10, 20, 0, 40, 50))))
frames.append(seg(b"".join(of(1, struct.pack("!HH", t, c) + b"\1\2\3\4")
                           for t, c in ((0, 1), (1, 8), (2, 4), (3, 5), (4, 1), (5, 2), (1, 99),
                                        (9, 0))) + of(1, struct.pack("!HH", 0, 0))))
# VENDOR: Big Switch subtypes, bad lengths, Nicira, an unknown vendor, too short
bsn = lambda sub, body=b"": of(4, struct.pack("!II", 0x5c16c7, sub) + body)
frames.append(seg(bsn(0, struct.pack("!B3x", 1) + ip("255.255.0.0")) + bsn(1, b"\2" + b"\0" * 7) +
                  bsn(2, struct.pack("!B3x", 3) + ip("255.0.0.0")) + bsn(3, b"\1\0\0\0") +
                  bsn(4, b"\7\0\0\0") + bsn(5, b"\0\0\0\0") + bsn(6, struct.pack("!I", 2) + b"ls -l") +
                  bsn(7, b"out\x01put") + bsn(8, struct.pack("!I", 0xdead)) + bsn(9) + bsn(13) +
                  bsn(19) + bsn(21) + bsn(27) + bsn(17, struct.pack("!I", 42)) + bsn(30, b"\1\2") +
                  bsn(1, b"\0") + bsn(9, b"\0") + bsn(17) + bsn(8, b"\0") + bsn(6, b"\0") +
                  of(4, struct.pack("!I", 0x5c16c7) + b"\0\0") +
                  of(4, struct.pack("!I", 0x002320) + b"nicira data") +
                  of(4, struct.pack("!I", 0x4f4e4600)) + of(4, struct.pack("!I", 0xab000001)) +
                  of(4, b"\0\0")))
# STATS_REQUEST of each type, with bad lengths and flags
frames.append(seg(of(16, struct.pack("!HH", 0, 0)) + of(16, struct.pack("!HH", 3, 1)) +
                  of(16, struct.pack("!HH", 1, 0) + match(0x3ffffe) + struct.pack("!BxH", 0xff, 0xffff)) +
                  of(16, struct.pack("!HH", 2, 0) + match(0x3fffff) + struct.pack("!BxH", 3, 2)) +
                  of(16, struct.pack("!HH", 4, 0) + struct.pack("!H6x", 0xffff)) +
                  of(16, struct.pack("!HH", 5, 0) + struct.pack("!H2xI", 1, 0xffffffff)) +
                  of(16, struct.pack("!HH", 5, 0) + struct.pack("!H2xI", 2, 3)) +
                  of(16, struct.pack("!HH", 0xffff, 0) + struct.pack("!I", 0x5c16c7) + b"abc") +
                  of(16, struct.pack("!HH", 0xffff, 0) + b"\0\0") +
                  of(16, struct.pack("!HH", 9, 0) + b"\0\0") + of(16, struct.pack("!HH", 0, 0) + b"\0") +
                  of(16, struct.pack("!HH", 1, 0) + b"\0" * 10) + of(16, struct.pack("!HH", 4, 0))))
# STATS_REPLY of each type
desc = b"".join(s.ljust(n, b"\0") for s, n in ((b"Maker", 256), (b"HW 1.0", 256), (b"SW\x01", 256),
                                               (b"SN123", 32), (b"dp one", 256)))
flow = lambda acts: struct.pack("!HBx", 88 + len(acts), 0xfe) + match(0x3ffffe) + \
    struct.pack("!IIHHH6xQQQ", 100, 200, 300, 10, 20, 0xabc, 5, 6000) + acts
frames.append(seg(of(17, struct.pack("!HH", 0, 0) + desc)))
frames.append(seg(of(17, struct.pack("!HH", 1, 1) + flow(action(0, struct.pack("!HH", 1, 0))) + flow(b"")) +
                  of(17, struct.pack("!HH", 1, 0) + struct.pack("!HBx", 20, 0) + b"\0" * 86) +
                  of(17, struct.pack("!HH", 2, 2) + struct.pack("!QQI4x", 1, 2, 3)) +
                  of(17, struct.pack("!HH", 2, 0) + b"\0" * 4) +
                  of(17, struct.pack("!HH", 3, 0) + struct.pack("!B3x", 1) + b"tbl".ljust(32, b"\0") +
                     struct.pack("!IIIQQ", 0xffc00001, 100, 2, 3, 4) + b"\0" * 8)))
frames.append(seg(of(17, struct.pack("!HH", 4, 0) + struct.pack("!H6x", 1) +
                     struct.pack("!12Q", *range(1, 13)) + struct.pack("!H6x", 0xfffe) + b"\0" * 96) +
                  of(17, struct.pack("!HH", 5, 0) + struct.pack("!H2xIQQQ", 1, 2, 3, 4, 5) + b"\0" * 8) +
                  of(17, struct.pack("!HH", 0xffff, 0) + struct.pack("!I", 0x002320) + b"xyz") +
                  of(17, struct.pack("!HH", 7, 0) + b"\1\2")))
# OpenFlow 1.3 (tcpdump 4.99 prints only the header), a length under 8, an unknown version
frames.append(seg(of(0, b"\0\1\0\x08\0\0\0\x10", version=4) + of(5, version=4) +
                  of(6, struct.pack("!QIBB2xII", 1, 2, 3, 0, 4, 0), version=4) +
                  of(0, version=0x2a), sport=6633))
# PACKET_IN with an IPv4 frame then another message; the same cut by the snap length
from gen_sniff import udp4  # noqa: E402
inner = eth4(udp4(IP_B, IP_A, 5000, 53, b"\0\1\0\0\0\0\0\0\0\0\0\0"))
pin = of(10, struct.pack("!IHHBx", 12, len(inner), 7, 1) + inner) + of(18)
frames.append(seg(pin))
cut = seg(pin)
frames.append((cut, len(cut) - 20))
# OpenFlow 1.3: every type; the bodies tcpdump 4.99 decodes, with wrong lengths and bogus bits
of13 = lambda typ, body=b"", **k: of(typ, body, version=4, **k)
port13 = lambda no, name, *bits: struct.pack("!I4x", no) + MAC1 + b"\0\0" + \
    name.ljust(16, b"\0") + struct.pack("!8I", *bits)
frames.append(seg(of13(0, struct.pack("!HHI", 1, 8, 0x12) + struct.pack("!HHI", 1, 8, 0xc0) +
                       struct.pack("!HH", 7, 6) + b"\1\2" + struct.pack("!HHII", 1, 12, 1, 2)) +
                  of13(0, struct.pack("!HH", 1, 20)) + of13(0, b"\0\1") +
                  of13(1, struct.pack("!HH", 4, 10) + b"\xaa") + of13(1, struct.pack("!HH", 13, 5)) +
                  of13(1, struct.pack("!HH", 0xffff, 3)) + of13(1, struct.pack("!HH", 20, 3)) +
                  of13(1, struct.pack("!HH", 6, 99)) + of13(1, b"\0\0") +
                  of13(2, b"ping") + of13(3) +
                  of13(4, struct.pack("!II", 0x5c16c7, 7) + b"xy") + of13(4, struct.pack("!II", 0xff000001, 1)) +
                  of13(4, b"\0\0\0\0")))
frames.append(seg(of13(5) + of13(6, struct.pack("!QIBB2xII", 7, 8, 9, 1, 0x16f, 0)) +
                  of13(6, struct.pack("!QIBB2xII", 7, 8, 9, 1, 0x1090, 0)) + of13(6, b"\0" * 8) +
                  of13(7) + of13(8, struct.pack("!HH", 2, 0xffe5)) + of13(9, struct.pack("!HH", 5, 128)) +
                  of13(9, struct.pack("!HH", 0, 0xffff)) + of13(9, b"\0")))
frames.append(seg(of13(12, bytes([1]) + b"\0" * 7 + port13(0xfffffffe, b"br0", 0x65, 7, 0xffff, 1, 2, 3, 10000000, 40000000)) +
                  of13(12, bytes([5]) + b"\0" * 7 + port13(3, b"eth3", 0x80, 8, 0x10000, 0, 0, 0, 0, 0)) +
                  of13(12, b"\0" * 10) +
                  of13(16, struct.pack("!I4x", 0xffffff00) + MAC2 + b"\0\0" + struct.pack("!IIII", 1, 0x65, 0x2040, 0)) +
                  of13(16, b"\0" * 4) + of13(17, struct.pack("!B3xI", 0xfe, 3)) + of13(17, struct.pack("!B3xI", 4, 0))))
frames.append(seg(of13(10, b"\0" * 30) + of13(11, b"\1") + of13(13) + of13(14, b"\0" * 50) + of13(15, b"\0" * 8) +
                  of13(18, b"\0" * 8) + of13(19, b"\0" * 3) + of13(20) + of13(21) + of13(21, b"\0") +
                  of13(22, struct.pack("!I4x", 0xfffffffd)) + of13(22, struct.pack("!I4x", 9)) +
                  of13(23, b"\0" * 9) +
                  of13(24, struct.pack("!I4xQ", 2, 0x0102030405060708)) + of13(25, struct.pack("!I4xQ", 9, 1)) +
                  of13(26) + of13(27, struct.pack("!6I", 7, 8, 1, 0xf, 4, 2)) +
                  of13(28, struct.pack("!6I", 0, 0, 0, 0, 0, 0)) + of13(28, b"\0" * 4) +
                  of13(29, b"\0" * 8) + of13(30) + of13(0xff, b"zz")))
cut = seg(of13(12, bytes([1]) + b"\0" * 7 + port13(1, b"abc", 0, 0, 0, 0, 0, 0, 0, 0)))
frames.append((cut, len(cut) - 10))
frames.append(seg(of(0) + of(2, length=4) + of(0)))
frames.append(seg(of(0, version=4, length=3)))
# a STATS_REQUEST of an unknown type longer than the segment: tcpdump checks nothing past its flags
frames.append(seg(of(16, struct.pack("!HH", 9, 0) + b"\0" * 4, length=100)))
# a header cut by the segment's end; a message cut by the segment's end (more in the next)
frames.append(seg(of(0) + b"\1\0\0"))
frames.append(seg(of(18) + of(6, struct.pack("!QIB3xII", 1, 2, 3, 4, 5) + phy_port(1, b"a"))[:40]))
frames.append(seg(of(17, struct.pack("!HH", 3, 0) + b"\0" * 30)[:20]))
# cut by the snap length inside a port's name, an action, a match, a BSN action
cut = seg(of(6, struct.pack("!QIB3xII", 1, 2, 3, 4, 5) + phy_port(1, b"abcdefgh")))
frames.append((cut, len(cut) - 40))
cut = seg(of(14, match(0) + struct.pack("!QHHHHIHH", 1, 0, 0, 0, 0, 0, 0, 0) + ACTIONS))
for n in (54 + 8 + 20, 54 + 8 + 33, 54 + 8 + 72 + 6, 54 + 8 + 72 + 200, 54 + 8 + 72 + 290):
    frames.append((cut, n))
cut = seg(of(17, struct.pack("!HH", 0, 0) + desc))
frames.append((cut, 54 + 8 + 4 + 300))
cut = seg(of(0, b"0123456789" * 4))
frames.append((cut, 54 + 20))
# an ordinary ACK and a segment to an OpenFlow port from another well-known port
frames.append(eth4(tcp4(IP_B, IP_A, 41000, 6653, 1, seq[0], ".", b"")))
frames.append(seg(of(0), sport=80, dport=6653))

write_pcap(os.path.join(os.path.dirname(os.path.abspath(__file__)), "input", "sniff_openflow.pcap"),
           LINKTYPE_ETHERNET, frames)
