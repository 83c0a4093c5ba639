#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_mesh.py: writes tests/golden/input/sniff_olsr.pcap, OLSR (RFC 3626, UDP 698) over
# IPv4 and IPv6 built byte by byte (tcpdump's OLSR captures are not in the shared corpus):
# HELLO with neighbor lists, HELLO-LQ, TC and TC-LQ, MID, HNA with plain routes and smart
# gateway entries, name service, an unknown message type, and malformed and cut messages
# (message and link lengths out of range, a zero type, a capture ending inside a message).
# The output is committed; only changing the capture needs python3.  Helpers come from
# gen_sniff.py beside it.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, LINKTYPE_ETHERNET, eth4, eth6, udp4, udp6,  # noqa: E402
                       write_pcap)

OLSR = 698
BCAST = bytes([10, 0, 0, 255])
IP6_S = bytes.fromhex("fe800000000000000000000000000001")
IP6_M = bytes.fromhex("ff020000000000000000000000000001")


def ip(s):
    return bytes(int(x) for x in s.split("."))


def ip6(s):
    return bytes.fromhex(s)


def olsr(seq, msgs, plen=None):
    body = b"".join(msgs)
    if plen is None:
        plen = 4 + len(body)
    return struct.pack("!HH", plen, seq) + body


def msg4(typ, body, orig="10.0.0.1", vtime=0x86, ttl=255, hop=0, seq=1, mlen=None):
    if mlen is None:
        mlen = 12 + len(body)
    return struct.pack("!BBH4sBBH", typ, vtime, mlen, ip(orig), ttl, hop, seq) + body


def msg6(typ, body, orig=IP6_S, vtime=0x86, ttl=255, hop=0, seq=1, mlen=None):
    if mlen is None:
        mlen = 24 + len(body)
    return struct.pack("!BBH16sBBH", typ, vtime, mlen, orig, ttl, hop, seq) + body


def hello(links, htime=0x05, will=3):
    return struct.pack("!HBB", 0, htime, will) + b"".join(links)


def link(code, addrs, llen=None):
    if llen is None:
        llen = 4 + len(addrs)
    return struct.pack("!BBH", code, 0, llen) + addrs


def o4(m, **k):
    return eth4(udp4(IP_A, BCAST, OLSR, OLSR, m, **k))


def o6(m):
    return eth6(udp6(IP6_S, IP6_M, OLSR, OLSR, m))


def frames():
    out = []
    nb = ip("10.0.0.2") + ip("10.0.0.3") + ip("10.0.0.4") + ip("10.0.0.5") + ip("10.0.0.6")
    # HELLO: two link blocks, one with five neighbors
    out.append(o4(olsr(0x1234, [msg4(1, hello([link(0x06, nb), link(0x0b, ip("10.0.0.9"))]))])))
    # TC and MID in one packet
    tc = struct.pack("!HH", 0x0042, 0) + ip("10.0.1.1") + ip("10.0.1.2")
    mid = ip("192.168.1.1") + ip("192.168.2.1")
    out.append(o4(olsr(2, [msg4(2, tc, vtime=0x2c, hop=2, seq=7), msg4(3, mid, seq=8)])))
    # HNA: routes and smart gateways, more than four to wrap
    hna = (ip("192.168.0.0") + ip("255.255.255.0") + ip("0.0.0.0") + bytes([0, 0x1f, 0x51, 0xff]) +
           ip("10.10.0.0") + ip("255.255.0.0") + ip("0.0.0.0") + bytes([0, 0x02, 0, 0]) +
           ip("172.16.0.0") + ip("255.240.0.0") + ip("0.0.0.0") + ip("0.0.0.0") +
           ip("1.2.3.4") + ip("255.0.255.0") + b"\0\0\0")
    out.append(o4(olsr(3, [msg4(4, hna, vtime=0xff)])))
    # HELLO-LQ and TC-LQ
    lq = ip("10.0.0.2") + bytes([255, 128, 0, 0]) + ip("10.0.0.3") + bytes([0, 1, 0, 0])
    out.append(o4(olsr(4, [msg4(201, hello([link(0x0a, lq)])),
                          msg4(202, struct.pack("!HH", 9, 0) + lq + b"\1\2")])))
    # name service: a good entry, then one too long
    ns = struct.pack("!HH", 1, 2) + struct.pack("!HH", 0, 5) + ip("10.0.0.1") + b"host1\0\0\0" + \
        struct.pack("!HH", 1, 200) + ip("10.0.0.1") + b"abcd"
    out.append(o4(olsr(5, [msg4(130, ns)])))
    # name service with zero entries; Powerinfo and an unknown type as hex
    out.append(o4(olsr(6, [msg4(130, struct.pack("!HH", 1, 0)), msg4(128, b"\1\2\3\4\5\6"),
                          msg4(99, b"")])))
    # malformed: message length past the packet, a link length too small, a zero type
    out.append(o4(olsr(7, [msg4(1, hello([]), mlen=400)])))
    out.append(o4(olsr(8, [msg4(1, hello([link(0x06, nb, llen=2)]))])))
    out.append(o4(olsr(9, [msg4(0, b"\0\0\0\0")])))
    # a HELLO too short for its header, TC too short, name service too short
    out.append(o4(olsr(10, [msg4(1, b"\0\0")])))
    out.append(o4(olsr(11, [msg4(2, b"\0")])))
    out.append(o4(olsr(12, [msg4(130, b"\0")])))
    # name entry padding past the message
    out.append(o4(olsr(13, [msg4(130, struct.pack("!HH", 1, 1) + struct.pack("!HH", 0, 3) +
                                 ip("10.0.0.1") + b"abc")])))
    # packet length smaller than the UDP payload, and a header only
    out.append(o4(olsr(14, [msg4(3, ip("1.1.1.1")), msg4(3, ip("2.2.2.2"))], plen=20)))
    out.append(o4(olsr(15, [])))
    out.append(o4(b"\0\4"))
    # cut by the capture: in the first message, and in a neighbor list
    full = o4(olsr(16, [msg4(1, hello([link(0x06, nb)]))]))
    out.append((full, 14 + 20 + 8 + 10))
    out.append((full, len(full) - 6))
    out.append((full, 14 + 20 + 8 + 2))
    # IPv6: HELLO, HELLO-LQ, TC, MID, HNA, name service
    a6 = ip6("fe800000000000000000000000000002") + ip6("20010db8000000000000000000000001")
    out.append(o6(olsr(0x600, [msg6(1, hello([link(0x06, a6)]))])))
    lq6 = ip6("fe800000000000000000000000000002") + bytes([200, 100, 0, 0])
    out.append(o6(olsr(0x601, [msg6(201, hello([link(0x06, lq6)])),
                              msg6(202, struct.pack("!HH", 3, 0) + lq6)])))
    out.append(o6(olsr(0x602, [msg6(2, struct.pack("!HH", 4, 0) + a6), msg6(3, a6)])))
    hna6 = (ip6("20010db8000100000000000000000000") + ip6("ffffffffffff00000000000000000000") +
            ip6("20010db8000200000000000000000000") + ip6("ffff00ff000000000000000000000000") +
            ip6("20010db8000300000000000000000000") + ip6("ffffff0f000000000000000000000000"))
    out.append(o6(olsr(0x603, [msg6(4, hna6)])))
    ns6 = struct.pack("!HH", 1, 1) + struct.pack("!HH", 2, 4) + IP6_S + b"name"
    out.append(o6(olsr(0x604, [msg6(130, ns6), msg6(4, b"", mlen=30)])))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write_pcap(os.path.join(here, "input", "sniff_olsr.pcap"), LINKTYPE_ETHERNET, frames())


if __name__ == "__main__":
    main()
