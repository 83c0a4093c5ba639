#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# seed_fuzz_kday.py: fuzz_dissect seeds for ARP (ATMARP, Frame Relay), Q.933 and FRF.15 (issue 13): each seed is the
# harness's link byte (7: DLT_PPP, 0x84: DLT_PPP_SERIAL, 0x85: DLT_PPP_PPPD, 0x86: DLT_PPP_ETHER,
# 0x83: DLT_FRELAY, 0: Ethernet; its bits 3-6 add wire bytes past the capture and a -T type,
# none here: the harness prints every -e/-v/-q combination anyway) and a frame.
#   python3 tests/golden/seed_fuzz_kday.py
from seedlib import input_frames, write_seed

LINK_BYTE = {1: 0x00, 9: 0x07, 50: 0x84, 51: 0x86, 107: 0x83, 166: 0x85}
CAPTURES = ("sniff_arp_atm_fr.pcap", "sniff_fr_q933.pcap",
            "q933-heapoverflow-2.pcap", "heapoverflow-q933_printq.pcap")

for name in CAPTURES:
    for lt, fr in input_frames(name):
        write_seed(LINK_BYTE[lt], fr)
