#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# seed_fuzz_svc.py: fuzz_dissect seeds from the frames of the services captures (issue 13):
# each seed is the harness's link byte (0: Ethernet, no bytes past the capture) and a frame.
#   python3 tests/golden/seed_fuzz_svc.py tests/golden/input/sniff_svc_*.pcap ...
import hashlib
import os
import struct
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz", "corpus",
                   "fuzz_dissect")


def frames(path):
    data = open(path, "rb").read()
    magic = struct.unpack("<I", data[:4])[0]
    if magic not in (0xA1B2C3D4, 0xA1B23C4D) or struct.unpack("<I", data[20:24])[0] != 1:
        return  # Ethernet pcap only
    off = 24
    while off + 16 <= len(data):
        caplen = struct.unpack("<I", data[off + 8:off + 12])[0]
        yield data[off + 16:off + 16 + caplen]
        off += 16 + caplen


for path in sys.argv[1:]:
    for fr in frames(path):
        seed = b"\x00" + fr
        with open(os.path.join(OUT, hashlib.sha1(seed).hexdigest()), "wb") as f:
            f.write(seed)
