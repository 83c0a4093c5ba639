#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# seed_fuzz_pgm.py: fuzz_dissect seeds from the PGM and ZMTP/1.0 captures (issue 13).  The
# harness's first byte is the link (low bits: 0, Ethernet) and, in its bits 3-7, sniff -T's
# index: 0 for PGM over IP, 12 (zmtp1) for ZMTP over TCP, 15 (pgm_zmtp1) for EPGM.
#   python3 tests/golden/seed_fuzz_pgm.py
import hashlib
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_dissect")
CAPTURES = {
    "sniff_pgm.pcap": 0, "pgm_zmtp1.pcap": 0, "pgm_opts_asan.pcap": 0,
    "pgm_group_addr_asan.pcap": 0, "sniff_pgm_epgm.pcap": 15 << 3, "epgm_zmtp1.pcap": 15 << 3,
    "sniff_zmtp1.pcap": 12 << 3, "zmtp1.pcap": 12 << 3,
}


def frames(path):
    data = open(path, "rb").read()
    off = 24
    while off + 16 <= len(data):
        caplen = struct.unpack("<I", data[off + 8:off + 12])[0]
        yield data[off + 16:off + 16 + caplen]
        off += 16 + caplen


for name, first in CAPTURES.items():
    for fr in frames(os.path.join(HERE, "input", name)):
        seed = bytes([first]) + fr
        with open(os.path.join(OUT, hashlib.sha1(seed).hexdigest()), "wb") as f:
            f.write(seed)
