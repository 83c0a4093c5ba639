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


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_udpapps_timed.pcap"), LINKTYPE_ETHERNET, timed_frames())


if __name__ == "__main__":
    main()
