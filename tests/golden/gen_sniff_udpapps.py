#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_udpapps.py: writes tests/golden/input/sniff_udpapps_*.pcap (issue 13): the UDP and TCP
# applications tcpdump 4.99 decodes by port that sniff learnt last (timed, AODV, HNCP, Rx/AFS,
# lwres, Telnet), built byte by byte with the paths tcpdump's test captures lack and cuts by the
# snap length inside each message.  The output is committed; only changing a capture needs
# python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, IP6_A, IP6_B, LINKTYPE_ETHERNET, eth4, eth6,  # noqa: E402
                       tcp4, udp4, udp6, write_pcap)

UDP_OFF = 14 + 20 + 8  # the first payload byte of eth4(udp4(...))


def u(payload, sport=40000, dport=525):
    return eth4(udp4(IP_A, IP_B, sport, dport, payload))


def u6(payload, sport=40000, dport=654):
    return eth6(udp6(IP6_A, IP6_B, sport, dport, payload))


# ---- timed (BSD TSP, UDP 525) ----------------------------------------------------------------
def tsp(typ, seq, mid=b"\x00" * 8, name=b"host\x00", vers=1):
    return struct.pack("!BBH", typ, vers, seq) + mid + name


def timed_frames():
    name = b"master.example\x00"
    out = [
        u(tsp(3, 1, name=name)),                                   # MASTERREQ
        u(tsp(24, 2, b"\x07" + bytes(7), name)),                   # LOOP: hop count
        u(tsp(5, 3, struct.pack("!ii", 1700000000, 250000), name)),  # SETTIME
        u(tsp(1, 4, struct.pack("!ii", -2, 500000), name)),        # ADJTIME: -1.500000
        u(tsp(22, 5, struct.pack("!ii", -1, 1), name)),            # SETDATE: -0.999999
        u(tsp(23, 6, struct.pack("!ii", -3, 0), name)),            # SETDATEREQ: -3.000000
        u(tsp(1, 7, struct.pack("!ii", 5, -1), name)),             # negative usec: no name
        u(tsp(99, 8, name=name)),                                  # unknown type
        u(tsp(4, 9, name=b"\x01\xff" + b"x" * 300)),               # no NUL within 256 bytes
        u(tsp(2, 10, name=b"ab")),                                 # no NUL: the capture ends
        u(tsp(3, 11), sport=525, dport=53000),
    ]
    full = u(tsp(5, 3, struct.pack("!ii", 1, 2), name))
    out += [(full, UDP_OFF + k) for k in (0, 1, 3, 6, 13)]
    return out


# ---- AODV (RFC 3561, UDP 654; IPv6 forms and draft-01 types 16-19) ---------------------------
A4 = bytes([10, 1, 1, 1])
B4 = bytes([10, 2, 2, 2])
A6 = bytes.fromhex("20010db8000000000000000000000001")
B6 = bytes.fromhex("20010db8000000000000000000000002")
HELLO = b"\x01\x04" + struct.pack("!I", 1000)


def aodv_frames():
    rreq4 = struct.pack("!BBBBI", 1, 0, 0, 3, 0x1234) + A4 + struct.pack("!I", 7) + B4 + \
        struct.pack("!I", 9)
    rrep4 = struct.pack("!BBBB", 2, 0, 0x15, 2) + A4 + struct.pack("!I", 8) + B4 + \
        struct.pack("!I", 3000)
    rreq6 = struct.pack("!BBBBI", 1, 0, 0, 1, 0xabcdef01) + A6 + struct.pack("!I", 5) + B6 + \
        struct.pack("!I", 6)
    rrep6 = struct.pack("!BBBB", 2, 0, 0x08, 4) + A6 + struct.pack("!I", 11) + B6 + \
        struct.pack("!I", 60000)
    d_rreq = struct.pack("!BBBBIII", 16, 0, 0, 2, 77, 1, 2) + A6 + B6
    d_rrep = struct.pack("!BBBBI", 17, 0, 3, 1, 42) + A6 + B6 + struct.pack("!I", 500)
    out = [
        u(rreq4, dport=654),
        u(rreq4 + HELLO, dport=654),
        u(rreq4 + b"\x01\x02\x00\x00\x00\x05", sport=654, dport=40000),   # a bad hello length
        u(rreq4, sport=654, dport=525),                        # timed's port is tried first
        u(rrep4 + b"\x07\x03abc", dport=654),                 # an unknown extension
        u(rrep4 + HELLO[:4], dport=654),                       # a hello cut by the length
        u(bytes([0xc2]) + rrep4[1:], dport=654),                # flags in the type byte: unknown
        u(rrep4[:12], dport=654),                               # shorter than a reply
        u(struct.pack("!BBBB", 3, 0x80, 0, 2) + A4 + struct.pack("!I", 1) + B4 +
          struct.pack("!I", 2), dport=654),
        u(struct.pack("!BBBB", 3, 0, 0, 3) + A4 + struct.pack("!I", 1), dport=654),  # too few
        u(b"\x04\x00", dport=654),
        u(b"\x13\x00", dport=654),
        u(b"\x09\x00\x00\x00", dport=654),
        u(b"", dport=654),
        u6(rreq6),
        u6(rreq6 + HELLO),
        u6(rrep6),
        u6(struct.pack("!BBBB", 3, 0x80, 0, 1) + A6 + struct.pack("!I", 4)),
        u6(rreq4),                                              # IPv4's size over IPv6
        u6(d_rreq + b"\x02\x00"),
        u6(d_rrep),
        u6(struct.pack("!BBBB", 18, 0, 0, 2) + A6 + struct.pack("!I", 4) + B6 +
           struct.pack("!I", 5)),
        u(d_rreq, dport=654),                                   # draft-01 over IPv4
    ]
    full = u(rreq4 + HELLO, dport=654)
    out += [(full, UDP_OFF + k) for k in (0, 1, 10, 23, 24, 25, 27)]
    return out


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_udpapps_timed.pcap"), LINKTYPE_ETHERNET, timed_frames())
    write_pcap(os.path.join(out, "sniff_udpapps_aodv.pcap"), LINKTYPE_ETHERNET, aodv_frames())


if __name__ == "__main__":
    main()
