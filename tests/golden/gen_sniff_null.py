#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_null.py: writes tests/golden/input/sniff_null.pcap (DLT_NULL) and sniff_loop.pcap
# (LINKTYPE_LOOP): BSD loopback headers with the family in either byte order, a family sniff
# does not decode (printed as tcpdump's default print), and a header cut by the capture.  The
# output is committed; only changing a capture needs python3.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import IP_A, IP_B, IP6_A, IP6_B, udp4, udp6, write_pcap  # noqa: E402

LINKTYPE_NULL = 0
LINKTYPE_LOOP = 108


def null_frames():
    v4 = udp4(IP_A, IP_B, 40000, 9, b"ping")
    v6 = udp6(IP6_A, IP6_B, 40000, 9, b"ping")
    return [
        struct.pack("<I", 2) + v4,              # IPv4, little-endian writer
        struct.pack(">I", 2) + v4,              # IPv4, big-endian writer
        struct.pack("<I", 24) + v6,             # IPv6: NetBSD/OpenBSD
        struct.pack("<I", 28) + v6,             # FreeBSD
        struct.pack("<I", 30) + v6,             # Darwin
        struct.pack("<I", 99) + b"abcdef",      # a family tcpdump does not know
        struct.pack("<I", 6) + b"\x00\x01",     # NS: named, not decoded
        (b"\x02\x00\x00\x00", 2),               # the header cut by the capture
    ]


def loop_frames():
    return [
        struct.pack(">I", 2) + udp4(IP_A, IP_B, 40000, 9, b"ping"),
        struct.pack(">I", 24) + udp6(IP6_A, IP6_B, 40000, 9, b"ping"),
        (struct.pack(">I", 2), 3),
    ]


if __name__ == "__main__":
    d = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(d, "sniff_null.pcap"), LINKTYPE_NULL, null_frames())
    write_pcap(os.path.join(d, "sniff_loop.pcap"), LINKTYPE_LOOP, loop_frames())
