#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_vendor.py: writes tests/golden/input/sniff_aoe_craft.pcap, sniff_arista_craft.pcap,
# sniff_arista_snap.pcap, sniff_arista_sll.pcap and sniff_vsock_craft.pcap, built byte by byte
# for the paths tcpdump's own captures of AoE (ethertype 0x88a2), Arista's timestamp shim
# (0xd28b) and vsock (DLT_VSOCK) miss: every AoE command with its invalid lengths and cuts, the
# error flag; Arista's unknown subtype and format, 48-bit stamps, an unknown or 802.3 inner
# type, shims nested and around 802.1Q tags, cuts at each field, 0xd28b after SNAP and a cooked
# header (not decoded there); vsock's transports, unknown ops and types, payloads at -vv and
# cut headers.  The expected text is tcpdump 4.99.3's.  The output is committed; only changing
# the captures needs python3.  Helpers come from gen_sniff.py beside it.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import write_pcap  # noqa: E402

LINKTYPE_ETHERNET = 1
LINKTYPE_VSOCK = 271
LINKTYPE_LINUX_SLL = 113
SRC = bytes.fromhex("68a3c4f4841e")
DST = bytes.fromhex("ffffffffffff")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")


def eth(etype, payload):
    return DST + SRC + struct.pack(">H", etype) + payload


def cut(frame, n):
    return (frame, n, len(frame))


# ---- AoE ---------------------------------------------------------------------------------------
def aoe(verflags, err, major, minor, cmd, tag, arg):
    return bytes([verflags, err]) + struct.pack(">HBBI", major, minor, cmd, tag) + arg


def issue(aflags, feature, count, status, lba, data=b""):
    return bytes([aflags, feature, count, status]) + bytes(lba) + b"\0\0" + data


def query(buffers, firmware, sectors, ccmd, cslen, cs=b""):
    return struct.pack(">HHBBH", buffers, firmware, sectors, ccmd, cslen) + cs


def directive(dcmd, mac):
    return b"\0" + bytes([dcmd]) + mac


def aoe_frames():
    lba = [1, 2, 3, 4, 5, 6]
    big = eth(0x88A2, aoe(0x10, 0, 1, 2, 0, 0x1234, issue(0x40, 1, 2, 3, lba, b"y" * 40)))
    cs = b"hello\x01world\xff"
    mask = eth(0x88A2, aoe(0x10, 0, 5, 6, 2, 1, bytes([0, 1, 2, 3]) + directive(0, SRC) +
                           directive(1, DST) + directive(2, SRC)))
    unknown = eth(0x88A2, aoe(0x14, 0, 5, 6, 9, 1, bytes([7, 1, 2, 3])))
    return [
        eth(0x88A2, aoe(0x10, 0, 1, 2, 0, 0x1234, issue(0xFF, 1, 2, 3, lba, b"x" * 10))),
        eth(0x88A2, aoe(0x1C, 3, 1, 2, 0, 0x1234, issue(0x53, 1, 2, 3, lba))),
        eth(0x88A2, aoe(0x14, 9, 1, 2, 0, 0x1234, issue(0x00, 1, 2, 3, lba))),
        eth(0x88A2, aoe(0x10, 0, 1, 2, 0, 0x1234, b"\x01\x02\x03")),
        cut(big, 14 + 10 + 7), cut(big, 14 + 10 + 11), cut(big, 14 + 10 + 12),
        eth(0x88A2, aoe(0x18, 0, 5, 6, 1, 0xDEADBEEF, query(16, 0x4001, 7, 0x13, len(cs), cs))),
        cut(eth(0x88A2, aoe(0x18, 0, 5, 6, 1, 0xDEADBEEF, query(16, 0x4001, 7, 0x19, len(cs),
                                                                cs))), 14 + 10 + 8 + 4),
        eth(0x88A2, aoe(0x18, 0, 5, 6, 1, 0xDEADBEEF, query(16, 0x4001, 7, 0x12, 50, cs))),
        eth(0x88A2, aoe(0x18, 0, 5, 6, 1, 0xDEADBEEF, query(16, 0x4001, 7, 0x12, 2000, cs))),
        eth(0x88A2, aoe(0x18, 0, 5, 6, 1, 0xDEADBEEF, struct.pack(">HHB", 16, 0x4001, 7))),
        eth(0x88A2, aoe(0x18, 0, 5, 6, 1, 0xDEADBEEF, query(16, 0x4001, 7, 0x12, 0))),
        eth(0x88A2, aoe(0x10, 0, 5, 6, 2, 1, bytes([0, 1, 2, 3]) + directive(0, SRC) +
                        directive(1, DST) + directive(7, SRC))),
        eth(0x88A2, aoe(0x10, 0, 5, 6, 2, 1, bytes([0, 5, 9, 3]) + directive(0, SRC) +
                        directive(1, DST))),
        cut(mask, 14 + 10 + 4 + 8 + 5),
        eth(0x88A2, aoe(0x10, 0, 5, 6, 2, 1, bytes([0, 1, 2]))),
        eth(0x88A2, aoe(0x10, 0, 5, 6, 3, 1, bytes([0, 0]))),
        eth(0x88A2, aoe(0x10, 0, 5, 6, 3, 1, bytes([2, 2]) + SRC + DST)),
        eth(0x88A2, aoe(0x10, 0, 5, 6, 3, 1, bytes([7, 3]) + SRC + DST)),
        eth(0x88A2, aoe(0x10, 0, 5, 6, 3, 1, bytes([7, 3]) + SRC + b"\1")),
        eth(0x88A2, aoe(0x10, 0, 5, 6, 3, 1, bytes([7]))),
        eth(0x88A2, aoe(0x10, 0, 5, 6, 9, 1, bytes([7, 1, 2, 3]))),
        eth(0x88A2, aoe(0x23, 0, 5, 6, 9, 1, bytes([7, 1, 2, 3]))),
        eth(0x88A2, b""),
        eth(0x88A2, b"\x10\x00\x01"),
        cut(eth(0x88A2, aoe(0x10, 0, 5, 6, 9, 1, bytes([7, 1, 2, 3]))), 15),
    ] + [cut(unknown, n) for n in (15, 16, 18, 19, 20, 22)] + [
        eth(0x8100, struct.pack(">HH", 5, 0x88A2) + aoe(0x14, 0, 5, 6, 9, 1, bytes([7, 1, 2, 3]))),
    ]


# ---- Arista ------------------------------------------------------------------------------------
IPV4_UDP = bytes.fromhex("4500001c000000004011f9d20a0000010a000002") + \
    bytes.fromhex("0035003500080000")
TS64 = struct.pack(">II", 1559162199, 1944724424)
TS48 = struct.pack(">HI", 60821, 1404038772)


def arista(subtype, timescale, version_lo, stamp, inner):
    return struct.pack(">HBB", subtype, timescale, version_lo) + stamp + inner


def arista_frames():
    plain = eth(0xD28B, arista(1, 0, 0x10, TS64, b"\x08\x00" + IPV4_UDP))
    short = eth(0xD28B, arista(1, 0, 0x20, TS48, b"\x08\x00" + IPV4_UDP))
    vlan_in = eth(0xD28B, arista(1, 0, 0x10, TS64, b"\x81\x00\x00\x64\x08\x00" + IPV4_UDP))
    stp = bytes.fromhex("424203000000000000") + b"x" * 29
    return [
        plain,
        eth(0xD28B, arista(1, 1, 0x21, TS48, b"\x08\x00" + IPV4_UDP)),
        eth(0xD28B, arista(1, 7, 0x27, TS48, b"\x08\x00" + IPV4_UDP)),
        eth(0xD28B, arista(2, 0, 0x10, TS64, b"\x08\x00" + IPV4_UDP)),
        eth(0xD28B, arista(1, 0, 0x30, TS64, b"\x08\x00" + IPV4_UDP)),
        eth(0xD28B, arista(1, 0, 0x10, TS64, b"\x12\x34" + b"abcdefgh")),
        eth(0xD28B, arista(1, 0, 0x10, TS64, b"\x00\x26" + stp)),
        eth(0xD28B, arista(1, 0, 0x10, TS64, b"\xd2\x8b" +
                           arista(1, 1, 0x20, TS48, b"\x08\x00" + IPV4_UDP))),
        vlan_in,
        cut(vlan_in, 14 + 12 + 2 + 2),
        eth(0x8100, b"\x00\x64\xd2\x8b" + arista(1, 0, 0x10, TS64, b"\x08\x00" + IPV4_UDP)),
        eth(0x8100, b"\x00\x64\xd2\x8b" + arista(1, 0, 0x10, TS64,
                                                 b"\x81\x00\x00\x65\x08\x00" + IPV4_UDP)),
    ] + [cut(plain, n) for n in (14, 15, 16, 17, 18, 20, 25, 26, 27)] + [
        cut(short, 23), cut(short, 25),
        eth(0xD28B, arista(1, 0, 0x10, struct.pack(">II", 0, 4294967295),
                           b"\x88\xa2" + aoe(0x10, 0, 1, 2, 9, 1, b""))),
        eth(0xD28B, arista(1, 0, 0x10, TS64, b"\x88\x47" + bytes.fromhex("00400140") + IPV4_UDP)),
    ]


def arista_elsewhere_frames():
    """The shim is Ethernet's only: after SNAP it is named, not decoded; in GRE's bridged frame it is."""
    shim = arista(1, 0, 0x10, TS64, b"\x08\x00" + IPV4_UDP)
    snap = DST + SRC + struct.pack(">H", 8 + len(shim)) + bytes.fromhex("aaaa03000000d28b") + shim
    gre = eth(0x0800, bytes.fromhex("4500005a00000000402f00000a0000010a000002") +
              bytes.fromhex("00006558") + DST + SRC + b"\xd2\x8b" + shim)
    return [snap, gre]


def sll_frames():
    """A cooked header's ethertype 0xd28b is not Arista's shim for tcpdump; AoE is AoE."""
    sll = struct.pack(">HHH", 0, 1, 6) + bytes(8)
    return [sll + b"\xd2\x8b" + arista(1, 0, 0x10, TS64, b"\x08\x00" + IPV4_UDP),
            sll + b"\x88\xa2" + aoe(0x10, 0, 0, 1, 2, 0, b"")]


# ---- vsock -------------------------------------------------------------------------------------
def vsockmon(scid, dcid, sport, dport, op, transport, tlen, rest=b""):
    return struct.pack("<QQIIHHHH", scid, dcid, sport, dport, op, transport, tlen, 0) + rest


def virtio(scid, dcid, sport, dport, length, typ, op, flags, buf_alloc, fwd_cnt):
    return struct.pack("<QQIIIHHIII", scid, dcid, sport, dport, length, typ, op, flags,
                       buf_alloc, fwd_cnt)


def vsock_frames():
    rw = vsockmon(3, 2, 1024, 1234, 4, 2, 44,
                  virtio(3, 2, 1024, 1234, 40, 1, 5, 0, 262144, 0) + bytes(range(40)))
    return [
        rw,
        vsockmon(3, 2, 1024, 1234, 4, 2, 44, virtio(3, 2, 1024, 1234, 0, 1, 5, 0, 262144, 0)),
        cut(rw, 60), cut(rw, 20),
        vsockmon(2**64 - 1, 2, 1024, 2**32 - 1, 9, 2, 44,
                 virtio(3, 2, 1024, 1234, 0, 3, 9, 0xABC, 1, 2)),
        vsockmon(3, 2, 1024, 1234, 1, 1, 0, b"zz"),
        vsockmon(3, 2, 1024, 1234, 4, 1, 0, b"zzz"),
        vsockmon(3, 2, 1024, 1234, 4, 1, 0),
        vsockmon(3, 2, 1024, 1234, 0, 7, 0, b"q"),
        vsockmon(3, 2, 1024, 1234, 4, 0, 0, b"q" * 3),
        vsockmon(3, 2, 1024, 1234, 2, 2, 44, virtio(3, 2, 1024, 1234, 0, 1, 7, 0, 262144, 0)),
    ]


def main():
    write_pcap(os.path.join(OUT, "sniff_aoe_craft.pcap"), LINKTYPE_ETHERNET, aoe_frames())
    write_pcap(os.path.join(OUT, "sniff_arista_craft.pcap"), LINKTYPE_ETHERNET, arista_frames())
    write_pcap(os.path.join(OUT, "sniff_vsock_craft.pcap"), LINKTYPE_VSOCK, vsock_frames())
    write_pcap(os.path.join(OUT, "sniff_arista_snap.pcap"), LINKTYPE_ETHERNET,
               arista_elsewhere_frames())
    write_pcap(os.path.join(OUT, "sniff_arista_sll.pcap"), LINKTYPE_LINUX_SLL, sll_frames())


if __name__ == "__main__":
    main()
