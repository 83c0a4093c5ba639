#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_link.py: writes the crafted captures of the link-type and truncation goldens into
# tests/golden/input/: IPv6 extension headers and AH cut after 0, 1, 2 ... bytes (where tcpdump
# names a header only once its first byte is there); link headers and the headers after them cut
# short, for the text and where the -x/-X dump starts.  The output is committed; only changing a
# capture needs python3.  Every expected file is tcpdump 4.99.3's text of the same capture.
import hashlib
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import IP_A, IP_B, udp4, write_pcap  # noqa: E402

LINKTYPE_EN10MB = 1
LINKTYPE_RAW = 101
LINKTYPE_C_HDLC = 104
LINKTYPE_FRELAY = 107
LINKTYPE_LINUX_SLL = 113
MACS = bytes.fromhex("020000000002020000000001")
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


def eth_cut_frames():
    """Ethernet, 802.1Q, QinQ, LLC and ARP headers cut at the bytes where tcpdump changes its
    text or where its -x dump starts (after the link header, or the whole packet when the
    printer of the cut header stopped on a failed read)."""
    v4 = udp4(IP_A, IP_B, 40000, 9, b"pingpingping")
    full = MACS + b"\x08\x00" + v4
    vl = MACS + b"\x81\x00\x00\x05\x08\x00" + v4
    qq = MACS + b"\x88\xa8\x00\x05\x81\x00\x00\x06\x08\x00" + v4
    llc = MACS + struct.pack(">H", 20) + b"\x42\x42\x03" + bytes(17)
    arp = MACS + b"\x08\x06" + bytes.fromhex("0001080006040001") + bytes(20)
    frames = [(full, n) for n in (5, 13, 14, 15, 20, 34, 38, len(full))]
    frames += [(vl, n) for n in (13, 14, 16, 17, 18, 19, 30)]
    frames += [(qq, n) for n in (17, 19, 21, 22, 23, 30)]
    frames += [(llc, n) for n in (14, 15, 16, 17, 18, 25)]
    frames += [(arp, n) for n in (14, 18, 30)]
    return frames


def sll_cut_frames():
    sll = bytes.fromhex("0000000100060200000000010000") + b"\x08\x00"
    v4 = udp4(IP_A, IP_B, 40000, 9, b"pingpingping")
    return [(sll + v4, n) for n in (10, 15, 16, 17, 30)]


def eth_payload_cut_frames():
    """Headers after Ethernet cut in their first bytes: PPPoE, loopback, PTP, slow protocols,
    MPLS; ICMP, IGMP, PIM and AH after IPv4; ICMPv6 after IPv6."""
    frames = []
    ones = bytes([1] * 8) + bytes(52)
    # (PTP, slow protocols, loopback and PIM cut so, and PPPoE cut after its header, are
    # dumped whole by tcpdump but not yet by sniff: README.sniff)
    for et, cuts in ((0x0806, (0, 1, 2, 4, 8)), (0x8847, (0, 1, 2)), (0x8863, (0, 1, 2, 4)),
                     (0x8864, (0, 1, 2, 4))):
        frames += [(MACS + struct.pack(">H", et) + ones, 14 + n) for n in cuts]
    for proto, cuts in ((1, (0, 1, 2, 4)), (2, (0, 1)), (51, (0, 1, 2, 4, 8))):
        ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 60, 1, 0, 64, proto, 0,
                         bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
        frames += [(MACS + b"\x08\x00" + ip + bytes(40), 34 + n) for n in cuts]
    ip6h = struct.pack(">IHBB", 6 << 28, 20, 58, 64) + bytes(32)
    frames += [(MACS + b"\x86\xdd" + ip6h + bytes(40), 54 + n) for n in (0, 1)]
    return frames


def chdlc_frames():
    """Cisco HDLC: IPv4, IPv6 unicast, an unknown type, SLARP reply, short and unknown SLARP,
    a keepalive without its uptime, and headers cut by the capture."""
    v4 = udp4(IP_A, IP_B, 40000, 9, b"ping")
    slarp_ka = struct.pack(">IIIH", 2, 5, 4, 0xffff)
    return [
        b"\x0f\x00\x08\x00" + v4,
        b"\x8f\x00\x86\xdd" + struct.pack(">IHBB", 6 << 28, 0, 59, 64) + bytes(32),
        b"\x0f\x00\x12\x34" + b"abcdef",
        b"\x8f\x00\x80\x35" + struct.pack(">I4s4sH", 1, bytes([10, 1, 2, 3]),
                                          bytes([255, 255, 255, 252]), 0) + bytes(4),
        b"\x8f\x00\x80\x35" + bytes(6),
        b"\x8f\x00\x80\x35" + struct.pack(">I", 7) + bytes(14),
        b"\x8f\x00\x80\x35" + slarp_ka,
        b"\x8f\x00\x80\x35" + slarp_ka + struct.pack(">I", 86400123) + bytes(6),
        (b"\x8f\x00\x80\x35" + slarp_ka, 10),
        (b"\x8f\x00\x08\x00" + v4, 3),
        b"\x8f\x00\xfe\xfe\x00",
    ]


FUZZ_LINK_BYTE = {LINKTYPE_C_HDLC: 0x80, LINKTYPE_FRELAY: 0x83}  # fuzz_dissect's first byte for each link type


def write_seeds(linktype, frames):
    """fuzz_dissect seeds: the harness's link byte, then each frame as captured."""
    seeds = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz", "corpus",
                         "fuzz_dissect")
    for fr in frames:
        data = fr if isinstance(fr, bytes) else fr[0][:fr[1]]
        seed = bytes([FUZZ_LINK_BYTE[linktype]]) + data
        with open(os.path.join(seeds, hashlib.sha1(seed).hexdigest()), "wb") as f:
            f.write(seed)


def fr_frames():
    """Frame Relay: NLPID IPv4 after 2-, 3- (pad, no pad) and 4-byte addresses, flags, Cisco's
    IPv4, an unknown NLPID, an invalid address, and headers cut by the capture."""
    v4 = udp4(IP_A, IP_B, 40000, 9, b"ping")
    return [
        b"\x04\x61\x03\xcc" + v4,              # DLCI 22
        b"\x06\x6f\x03\xcc" + v4,              # C/R, FECN, BECN, DE
        b"\x04\x60\x01\x03\x00\xcc" + v4,      # 3 bytes, pad
        b"\x04\x60\x01\x03\xcc" + v4,          # 3 bytes, no pad
        b"\x04\x60\x10\x03\x03\xcc" + v4,      # 4 bytes
        b"\x18\x41\x08\x00" + v4,              # Cisco: DLCI 100, ethertype IPv4
        b"\x04\x61\x03\x42" + b"abcdefgh",     # an NLPID not decoded
        b"\x05\x61\x03\xcc" + v4,              # the EA bit in the first byte
        (b"\x04\x61\x03\xcc" + v4, 3),
        (b"\x04\x60\x01\x03\x00\xcc" + v4, 5),
    ]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_ip6_ext_cut.pcap"), LINKTYPE_RAW, ext_cut_frames())
    write_pcap(os.path.join(out, "sniff_ah4_cut.pcap"), LINKTYPE_RAW, ah4_frames())
    write_pcap(os.path.join(out, "sniff_eth_cut.pcap"), LINKTYPE_EN10MB, eth_cut_frames())
    write_pcap(os.path.join(out, "sniff_sll_cut.pcap"), LINKTYPE_LINUX_SLL, sll_cut_frames())
    write_pcap(os.path.join(out, "sniff_chdlc.pcap"), LINKTYPE_C_HDLC, chdlc_frames())
    write_seeds(LINKTYPE_C_HDLC, chdlc_frames())
    write_pcap(os.path.join(out, "sniff_fr.pcap"), LINKTYPE_FRELAY, fr_frames())
    write_seeds(LINKTYPE_FRELAY, fr_frames())
    write_pcap(os.path.join(out, "sniff_eth_payload_cut.pcap"), LINKTYPE_EN10MB,
               eth_payload_cut_frames())


if __name__ == "__main__":
    main()
