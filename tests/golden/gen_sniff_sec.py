#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_sec.py: writes tests/golden/input/sniff_sec_*.pcap, the security protocols of
# issue 13 built byte by byte where this machine cannot make the traffic (no IKE daemon, no
# PPPoE server): IKEv1 payloads, IKEv2 over UDP 4500's non-ESP marker, UDP-encapsulated ESP,
# NAT keepalives, PPPoE discovery tags, and cuts by the snap length.  The output is committed;
# only changing a capture needs python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, LINKTYPE_ETHERNET, eth, eth4, udp4,  # noqa: E402
                       write_pcap)

ICK = bytes.fromhex("2599708c847a8b02")
RCK = bytes.fromhex("1122334455667788")


def gen(np, body, critical=0):
    return struct.pack("!BBH", np, critical, 4 + len(body)) + body


def isakmp(icky, rcky, np, ver, etype, flags, msgid, payloads):
    return icky + rcky + struct.pack("!BBBBII", np, ver, etype, flags, msgid,
                                     28 + len(payloads)) + payloads


def attr_tv(t, v):
    return struct.pack("!HH", 0x8000 | t, v)


def ikev1_frames():
    # main mode: SA (proposal isakmp, two oakley transforms), then KE, nonce, VID
    t1 = struct.pack("!BBH", 1, 1, 0) + attr_tv(1, 7) + attr_tv(2, 2) + attr_tv(3, 1) + \
        attr_tv(4, 14) + attr_tv(11, 1) + struct.pack("!HH", 12, 4) + b"\0\x01\x51\x80"
    t2 = struct.pack("!BBH", 2, 1, 0) + attr_tv(1, 5) + attr_tv(2, 1) + attr_tv(3, 1) + \
        attr_tv(4, 2) + attr_tv(14, 128)
    prop = struct.pack("!BBBB", 1, 1, 0, 2) + gen(3, t1) + gen(0, t2)
    sa = struct.pack("!II", 1, 1) + gen(0, prop)
    p1 = isakmp(ICK, bytes(8), 1, 0x10, 2, 0, 0,
                gen(13, sa) + gen(0, b"\x4a\x13\x1c\x81\x07\x03\x58\x45\x5c\x57\x28\xf2"))
    ke = gen(10, bytes(range(64)))
    nonce = gen(13, bytes(range(100, 120)))
    vid = gen(0, bytes.fromhex("afcad71368a1f1c96b8696fc77570100"))
    p2 = isakmp(ICK, RCK, 4, 0x10, 2, 0, 0, ke + nonce + vid)
    ident = gen(8, struct.pack("!BBH", 1, 17, 500) + bytes([192, 0, 2, 1]))
    hsh = gen(11, bytes(20))
    n = gen(12, struct.pack("!IBBH", 1, 1, 0, 24578))
    d = gen(0, struct.pack("!IBBH", 1, 3, 4, 2) + b"\x01\x02\x03\x04\x05\x06\x07\x08")
    p3 = isakmp(ICK, RCK, 5, 0x10, 5, 0, 0x01020304, ident + hsh + n + d)
    enc = isakmp(ICK, RCK, 8, 0x10, 32, 1, 0x0a0b0c0d, bytes(32))
    fqdn = gen(0, struct.pack("!BBH", 2, 0, 0) + b"vpn.example.test")
    p4 = isakmp(ICK, RCK, 5, 0x10, 2, 0, 0, fqdn)
    u = lambda m, s=500, d=500: eth4(udp4(IP_A, IP_B, s, d, m))
    out = [u(p1), u(p2, 500, 500), u(p3), u(enc), u(p4)]
    # the responder answers: R, by the initiator's cookie and addresses
    out.append(eth4(udp4(IP_B, IP_A, 500, 500, isakmp(ICK, RCK, 4, 0x10, 2, 0, 0, ke[:0] +
                                                           gen(0, bytes(8))))))
    # cut inside the header, inside the SA
    out.append((u(p1), 14 + 20 + 8 + 20))
    out.append((u(p1), 14 + 20 + 8 + 40))
    return out


def ikev2_frames():
    tr = lambda last, ty, tid, attrs=b"": struct.pack("!BBHBBH", 0 if last else 3, 0,
                                                      8 + len(attrs), ty, 0, tid) + attrs
    trans = tr(0, 1, 12, attr_tv(14, 256)) + tr(0, 2, 2) + tr(0, 3, 12) + tr(1, 4, 19)
    prop = struct.pack("!BBHBBBB", 0, 0, 8 + len(trans), 1, 1, 0, 4) + trans
    sa = struct.pack("!BBH", 34, 0, 4 + len(prop)) + prop
    ke = gen(40, struct.pack("!HH", 19, 0) + bytes(64))
    nonce = gen(41, bytes(range(32)))
    notify = gen(0, struct.pack("!BBH", 0, 0, 16388) + bytes(20))
    m = isakmp(ICK, bytes(8), 33, 0x20, 34, 0x08, 0, sa + ke + nonce + notify)
    marker = b"\0\0\0\0"
    out = [eth4(udp4(IP_A, IP_B, 4500, 4500, marker + m)),
           eth4(udp4(IP_A, IP_B, 4500, 4500, b"\xff")),
           eth4(udp4(IP_A, IP_B, 4500, 4500, struct.pack("!II", 0x1234, 7) + bytes(40))),
           eth4(udp4(IP_A, IP_B, 4500, 4500, b"\0\0"))]
    auth = gen(0, struct.pack("!BBBB", 2, 0, 0, 0) + bytes(range(40)))
    idi = gen(39, struct.pack("!BBBB", 2, 0, 0, 0) + b"client.example.test")
    out.append(eth4(udp4(IP_A, IP_B, 500, 500, isakmp(ICK, RCK, 35, 0x20, 35, 0x08, 1,
                                                       idi + auth))))
    return out


def pppoe_frames():
    tag = lambda t, v=b"": struct.pack("!HH", t, len(v)) + v
    d = lambda code, sid, tags: eth(bytes.fromhex("ffffffffffff"), bytes.fromhex("00aabbccddee"),
                                    0x8863, struct.pack("!BBHH", 0x11, code, sid, len(tags)) +
                                    tags)
    return [
        d(0x07, 0, tag(0x0101, b"internet") + tag(0x0102, b"BRAS-1") +
          tag(0x0104, bytes(range(16))) + tag(0x0105, b"\0\0\x0d\xe9\x01\x02")),
        d(0x65, 0x1234, tag(0x0101) + tag(0x0110, b"\x01\x02")),
        d(0xa7, 0x1234, tag(0x0203, b"session closed") + tag(0)),
        d(0x42, 0, tag(0x0999, b"x")),
        d(0x09, 0, tag(0x0101, b"a" * 90)),
        (d(0x09, 0, tag(0x0101, b"internet") + tag(0x0103, b"\1\2\3\4")), 14 + 6 + 10),
    ]


def syslog_frames():
    u = lambda m, sport=40000: eth4(udp4(IP_A, IP_B, sport, 514, m))
    return [
        u(b"<13>Dec  6 18:00:00 host sockeye: hello from logger"),
        u(b"<191>local7 debug text"),
        u(b"<0>kernel panic\x01\xff"),
        u(b"<9999>four digits"),
        u(b"no priority"),
        u(b"<34"),
        u(b""),
        (u(b"<86>Dec  6 18:00:00 host sshd[42]: session opened for user root"), 14 + 20 + 8 + 20),
    ]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_sec_ike.pcap"), LINKTYPE_ETHERNET,
               ikev1_frames() + ikev2_frames())
    write_pcap(os.path.join(out, "sniff_sec_pppoe.pcap"), LINKTYPE_ETHERNET, pppoe_frames())
    write_pcap(os.path.join(out, "sniff_sec_syslog.pcap"), LINKTYPE_ETHERNET, syslog_frames())


if __name__ == "__main__":
    main()
