# SPDX-License-Identifier: GPL-2.0-or-later
"""seedlib.py: what the seed_fuzz_*.py scripts share: a pcap's frames, and a
seed file for fuzz_dissect (its first byte picks the link type and the
decode options, the frame follows; named by its SHA-1, so a seed written
twice is one file)."""
import hashlib
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_dissect")


def pcap_frames(path):
    """(link type, frame) of each record of a little-endian pcap file."""
    data = open(path, "rb").read()
    linktype = struct.unpack("<I", data[20:24])[0] & 0xffff
    off = 24
    while off + 16 <= len(data):
        caplen = struct.unpack("<I", data[off + 8:off + 12])[0]
        yield linktype, data[off + 16:off + 16 + caplen]
        off += 16 + caplen


def input_frames(name):
    """The frames of a capture in tests/golden/input/."""
    return pcap_frames(os.path.join(HERE, "input", name))


def write_seed(first, frame):
    seed = bytes([first]) + frame
    with open(os.path.join(OUT, hashlib.sha1(seed).hexdigest()), "wb") as f:
        f.write(seed)
