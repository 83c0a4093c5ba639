#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_link.py: writes the crafted captures of the link-type and truncation goldens into
# tests/golden/input/: IPv6 extension headers and AH cut after 0, 1, 2 ... bytes (where tcpdump
# names a header only once its first byte is there).  The output is committed; only changing a
# capture needs python3.  Every expected file is tcpdump 4.99.3's text of the same capture.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import write_pcap  # noqa: E402

LINKTYPE_RAW = 101
SRC6 = bytes(range(1, 17))
DST6 = bytes(range(17, 33))


def ip6(nh, plen=32):
    return struct.pack(">IHBB", 6 << 28, plen, nh, 64) + SRC6 + DST6


def ext_cut_frames():
    """Each extension header (and AH, ESP) with 0 and 1 bytes of it captured."""
    frames = []
    for nh in (0, 60, 44, 43, 50, 51):
        for n in (0, 1):
            pkt = ip6(nh) + b"\x11" * 32
            frames.append((pkt, 40 + n))
    # a type 0 routing header cut at every byte of its first 8
    rt = bytes([17, 2, 0, 1, 0, 0, 0, 0]) + bytes(16)
    for n in range(2, 9):
        frames.append((ip6(43) + rt, 40 + n))
    return frames


def ah4_frames():
    """AH over IPv4 with 0, 1 and 2 bytes of it captured."""
    hdr = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 60, 1, 0, 64, 51, 0,
                      bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
    return [(hdr + b"\x11" * 40, 20 + n, 60) for n in (0, 1, 2)]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_ip6_ext_cut.pcap"), LINKTYPE_RAW, ext_cut_frames())
    write_pcap(os.path.join(out, "sniff_ah4_cut.pcap"), LINKTYPE_RAW, ah4_frames())


if __name__ == "__main__":
    main()
