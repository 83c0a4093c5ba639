#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_l2tags.py: writes the crafted captures of the switch-tag link types into
# tests/golden/input/: Marvell DSA and EDSA tags (every mode, trunk and port, tagged and
# untagged, CFI, the VID's high bits under the priority bits, every To_CPU code), and the frames
# after them (IPv4, ARP, 802.1Q, 802.3 with LLC, an unknown ethertype) and cut short; Broadcom
# tags after the addresses and before the frame (ingress, egress, each reason code).  The output
# is committed; only changing a capture needs python3.  Every expected file is tcpdump 4.99.3's
# text of the same capture.  With --seeds, writes fuzz_dissect seeds of the same frames instead.
import hashlib
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import IP_A, IP_B, udp4, write_pcap  # noqa: E402

LINKTYPE_DSA_TAG_BRCM = 281
LINKTYPE_DSA_TAG_BRCM_PREPEND = 282
LINKTYPE_DSA_TAG_DSA = 284
LINKTYPE_DSA_TAG_EDSA = 285
MACS = bytes.fromhex("020000000002020000000001")
ARP = bytes.fromhex("0001080006040001") + bytes.fromhex("020000000001") + IP_A + bytes(6) + IP_B


def dsa_tag(mode, dev, port, b29=0, b18=0, b17=0, b16=0, pri=0, b12=0, vid=0):
    """The 4-byte DSA tag from its fields (see print-dsa.c's picture)."""
    return bytes([mode << 6 | b29 << 5 | dev, port << 3 | b18 << 2 | b17 << 1 | b16,
                  pri << 5 | b12 << 4 | (vid >> 8 & 0x0f), vid & 0xff])


def tags():
    """Every mode with its bits, and the priority and VID's high bits set apart."""
    out = []
    for mode in range(4):
        out.append(dsa_tag(mode, 3, 5, vid=1))
        out.append(dsa_tag(mode, 31, 31, b29=1, b18=1, b16=1, pri=7, vid=4095))
    for code in range(8):  # To_CPU's code: b18 b17 b12
        out.append(dsa_tag(0, 1, 2, b18=code >> 2, b17=code >> 1 & 1, b12=code & 1, vid=100))
    out.append(dsa_tag(3, 0, 1, pri=5, vid=0x234))
    out.append(dsa_tag(1, 2, 3, vid=0xa00))
    return out


def payloads():
    v4 = udp4(IP_A, IP_B, 40000, 9, b"pingpingping")
    llc = struct.pack(">H", 20) + b"\x42\x42\x03" + bytes(17)
    return [b"\x08\x00" + v4, b"\x08\x06" + ARP, b"\x81\x00\x20\x05\x08\x00" + v4, llc,
            b"\x88\xb5" + b"hello-unknown-type"]


def frames(prefix):
    out = []
    pls = payloads()
    for i, t in enumerate(tags()):
        out.append(MACS + prefix + t + pls[i % len(pls)])
    for pl in pls[1:]:
        out.append(MACS + prefix + tags()[0] + pl)
    full = MACS + prefix + tags()[0] + pls[0]
    taglen = len(prefix) + 4
    for n in (5, 12, 13, 12 + taglen - 1, 12 + taglen, 12 + taglen + 1, 12 + taglen + 2,
              12 + taglen + 10):
        out.append((full, n))
    return out


def brcm_tags():
    """Ingress tags (opcode 1) with each TE and the TS bit, egress tags (opcode 0) with each
    reason code, and opcodes tcpdump does not name."""
    out = []
    for te in range(4):
        out.append(bytes([0x20, te | 5 << 2 | (te & 1) << 7, 0x01, 0xff]))
    for rc in (0, 1, 2, 4, 8, 16, 32, 64, 3):
        out.append(bytes([0x00, 7, rc, 5 << 5 | 9]))
    out.append(bytes([0x40, 1, 2, 3]))
    out.append(bytes([0xe0, 0xff, 0xfe, 0xff]))
    return out


def brcm_frames(prepend):
    out = []
    pls = payloads()
    for i, t in enumerate(brcm_tags()):
        fr = t + MACS + pls[i % len(pls)] if prepend else MACS + t + pls[i % len(pls)]
        out.append(fr)
    t = brcm_tags()[0]
    full = t + MACS + pls[0] if prepend else MACS + t + pls[0]
    for n in (2, 3, 4, 5, 12, 15, 16, 17, 18, 19, 28):
        out.append((full, n))
    return out


# fuzz_dissect's link byte of each link type (tests/fuzz/fuzz_dissect.c's fuzz_linktypes)
FUZZ_LINK_BYTE = {LINKTYPE_DSA_TAG_DSA: 0x87, LINKTYPE_DSA_TAG_EDSA: 0x88,
                  LINKTYPE_DSA_TAG_BRCM: 0x89, LINKTYPE_DSA_TAG_BRCM_PREPEND: 0x8a}


def seeds(linktype, frs):
    """fuzz_dissect seeds: the harness's link byte and each frame as captured."""
    d = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz", "corpus",
                     "fuzz_dissect")
    for fr in frs:
        data = fr if isinstance(fr, bytes) else fr[0][:fr[1]]
        seed = bytes([FUZZ_LINK_BYTE[linktype]]) + data
        with open(os.path.join(d, hashlib.sha1(seed).hexdigest()), "wb") as f:
            f.write(seed)


def main():
    if sys.argv[1:] == ["--seeds"]:
        seeds(LINKTYPE_DSA_TAG_DSA, frames(b""))
        seeds(LINKTYPE_DSA_TAG_EDSA, frames(b"\x08\x00\x01\x02"))
        seeds(LINKTYPE_DSA_TAG_BRCM, brcm_frames(False))
        seeds(LINKTYPE_DSA_TAG_BRCM_PREPEND, brcm_frames(True))
        return
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(d, "sniff_dsa.pcap"), LINKTYPE_DSA_TAG_DSA, frames(b""))
    edsa = [b"\xda\xda\x00\x00", b"\x08\x00\x01\x02", b"\x12\x34\xff\x00"]
    fr = []
    for i, e in enumerate(edsa):
        fr += frames(e) if i == 0 else frames(e)[:3]
    write_pcap(os.path.join(d, "sniff_edsa.pcap"), LINKTYPE_DSA_TAG_EDSA, fr)
    write_pcap(os.path.join(d, "sniff_brcm.pcap"), LINKTYPE_DSA_TAG_BRCM, brcm_frames(False))
    write_pcap(os.path.join(d, "sniff_brcm_prepend.pcap"), LINKTYPE_DSA_TAG_BRCM_PREPEND,
               brcm_frames(True))


if __name__ == "__main__":
    main()
