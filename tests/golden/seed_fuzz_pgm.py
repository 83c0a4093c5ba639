#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# seed_fuzz_pgm.py: fuzz_dissect seeds from the PGM and ZMTP/1.0 captures (issue 13).  The
# harness's first byte is the link (low bits: 0, Ethernet) and, in its bits 3-7, sniff -T's
# index: 0 for PGM over IP, 12 (zmtp1) for ZMTP over TCP, 15 (pgm_zmtp1) for EPGM.
#   python3 tests/golden/seed_fuzz_pgm.py
from seedlib import input_frames, write_seed

CAPTURES = {
    "sniff_pgm.pcap": 0, "pgm_zmtp1.pcap": 0, "pgm_opts_asan.pcap": 0,
    "pgm_group_addr_asan.pcap": 0, "sniff_pgm_epgm.pcap": 15 << 3, "epgm_zmtp1.pcap": 15 << 3,
    "sniff_zmtp1.pcap": 12 << 3, "zmtp1.pcap": 12 << 3,
}

for name, first in CAPTURES.items():
    for _, fr in input_frames(name):
        write_seed(first, fr)
