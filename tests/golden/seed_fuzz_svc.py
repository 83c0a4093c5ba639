#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# seed_fuzz_svc.py: fuzz_dissect seeds from the frames of the services captures (issue 13):
# each seed is the harness's link byte (0: Ethernet, no bytes past the capture) and a frame.
#   python3 tests/golden/seed_fuzz_svc.py tests/golden/input/sniff_svc_*.pcap ...
import struct
import sys

from seedlib import pcap_frames, write_seed

for path in sys.argv[1:]:
    magic = struct.unpack("<I", open(path, "rb").read(4))[0]
    if magic not in (0xA1B2C3D4, 0xA1B23C4D):
        continue  # little-endian pcap only
    for lt, fr in pcap_frames(path):
        if lt != 1:
            break  # Ethernet only
        write_seed(0, fr)
