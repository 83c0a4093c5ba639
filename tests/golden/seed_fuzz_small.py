#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# seed_fuzz_small.py: fuzz_dissect seeds from the GeoNetworking, CALM FAST, LISP, SOME/IP and VQP
# captures (issue 13).  The harness's first byte is the link: 0 Ethernet, 0x83 Frame Relay (the
# serial link types' index with the high bit set).
#   python3 tests/golden/seed_fuzz_small.py
from seedlib import input_frames, write_seed

CAPTURES = {
    "geonet_and_calm_fast.pcap": 0, "cve-2014-8768-Geonet.pcap": 0,
    "geonet-mac-lookup-heapoverflow.pcap": 0, "calm-fast-mac-lookup-heapoverflow.pcap": 0x83,
    "sniff_geonet_crafted.pcap": 0, "lisp_eid_notify.pcap": 0, "lisp_eid_register.pcap": 0,
    "lisp_ipv6.pcap": 0, "sniff_lisp_crafted.pcap": 0, "someip1.pcap": 0, "someip2.pcap": 0,
    "sniff_someip_crafted.pcap": 0, "vqp-oobr.pcap": 0, "sniff_vqp_crafted.pcap": 0,
}
PER_CAPTURE = 12  # the first frames only: the big captures repeat themselves

for name, first in CAPTURES.items():
    for i, (_, fr) in enumerate(input_frames(name)):
        if i >= PER_CAPTURE or not fr:
            break
        write_seed(first, fr[:4096])
