#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_gmpls.py: writes tests/golden/input/sniff_gmpls_*.pcap (issue 13): RSVP and LMP
# messages built byte by byte with the objects, C-Types, length errors and capture cuts that
# tcpdump's own rsvp* and lmp* captures lack.  The output is committed; only changing a capture
# needs python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, IP6_A, IP6_B, LINKTYPE_ETHERNET, eth4, eth6, ipv4,  # noqa: E402
                       ipv6, udp4, write_pcap)

UDP_OFF = 14 + 20 + 8  # the first payload byte of eth4(udp4(...))
V6A = bytes(range(16))
V6B = bytes(range(16, 32))
MBPS10 = struct.pack("!f", 1250000.0)  # 10 Mbps in bytes per second


# ---- LMP (RFC 4204, UDP 701) -------------------------------------------------------------------
def lobj(cls, ctype, body, negotiable=False):
    return struct.pack("!BBH", ctype | (0x80 if negotiable else 0), cls, 4 + len(body)) + body


def lmp(mtype, objs, flags=0, version=1, length=None):
    body = b"".join(objs)
    return struct.pack("!HBBHH", version << 12, flags, mtype,
                       8 + len(body) if length is None else length, 0) + body


def lu(msg):
    return eth4(udp4(IP_A, IP_B, 701, 701, msg))


def lmp_frames():
    cc = lobj(1, 1, b"\0\0\0\1")
    cfg = lobj(6, 1, b"\0\1\0\2")
    sub = b"\x01\x0c\x33\x05" + MBPS10 + MBPS10 + b"\x02\x08\0\0\0\0\0\x07"
    out = [
        # Service Config (UNI 1.0): every C-Type, SDH and SONET and an unknown link type
        lu(lmp(50, [lobj(51, 1, b"\x03\x01\0\0"),
                    lobj(51, 2, bytes([5, 8, 7, 1]) + struct.pack("!HHHH", 1, 2, 3, 4) + IP_B),
                    lobj(51, 2, bytes([6, 99, 0, 0]) + bytes(8) + IP_B),
                    lobj(51, 2, bytes([7, 1, 0, 0]) + bytes(8) + IP_B),
                    lobj(51, 3, b"\0\0\0\3\0\0\0\1"), lobj(51, 4, b"\0\0\0\7"),
                    lobj(51, 9, b"\1\2\3\4"), lobj(51, 1, bytes(8))], flags=3)),
        # Channel Status and its request: IPv4, IPv6, unnumbered, an unknown C-Type
        lu(lmp(17, [lobj(13, 1, IP_A + b"\x80\0\0\x01" + IP_B + b"\x40\0\0\x03"),
                    lobj(13, 2, V6A + b"\xc0\0\0\x02"), lobj(13, 3, b"\0\0\0\7\0\0\0\x09"),
                    lobj(13, 7, bytes(4))])),
        lu(lmp(19, [lobj(14, 1, IP_A + IP_B), lobj(14, 2, V6A + V6B), lobj(14, 3, b"\0\0\0\5"),
                    lobj(14, 9, b"")])),
        # TE link and data link objects with their sub-objects and length errors
        lu(lmp(14, [lobj(11, 1, b"\x03\0\0\0" + IP_A + IP_B), lobj(11, 2, b"\1\0\0\0" + V6A + V6B),
                    lobj(11, 3, bytes(7) + b"\1\0\0\0\2"), lobj(11, 3, bytes(4)),
                    lobj(12, 2, b"\7\0\0\0" + V6A + V6B + sub),
                    lobj(12, 1, bytes(12) + b"\x09\x04\0\0"), lobj(12, 3, bytes(12) + b"\x01\x05\0\0"),
                    lobj(12, 3, bytes(12) + b"\x01\x02\0\0"), lobj(12, 3, bytes(12) + b"\x01\x10\0\0" * 2),
                    lobj(12, 1, bytes(8))])),
        # error codes, verify objects, an unknown class
        lu(lmp(7, [lobj(20, 1, b"\0\0\0\x1f"), lobj(20, 2, b"\0\0\0\x3f"), lobj(20, 2, bytes(4)),
                   lobj(20, 3, b""), lobj(9, 1, b"\0\5\0\6"), lobj(10, 1, b"\0\0\1\0"),
                   lobj(8, 1, b"\0\3\0\1\0\0\0\2\x0d\0\x1f\x40" + MBPS10 + b"\0\0\0\1"),
                   lobj(8, 1, b"\0\0"), lobj(99, 1, b"abcdefgh")])),
        # link and interface IDs of every C-Type, wrong lengths, unknown C-Types, unknown message
        lu(lmp(99, [lobj(3, 3, V6A), lobj(3, 5, b"\0\0\0\x2a"), lobj(4, 6, b"\0\0\0\x2a"),
                    lobj(3, 3, bytes(4)), lobj(2, 3, b""), lobj(1, 3, b""), lobj(5, 3, b""),
                    lobj(5, 2, b""), lobj(7, 1, b""), lobj(6, 2, b"")])),
        lu(lmp(1, [cc], version=2)),                      # another version
        lu(lmp(1, [cc], length=4)),                       # shorter than its header
        lu(lmp(1, [cc], length=200)),                     # longer than the datagram
        lu(lmp(1, [cc, b"\x01\x01\x00\x02"])),            # an object shorter than 4
        lu(lmp(1, [cc, b"\x01\x01\x00\x06\0\0"])),        # not a multiple of 4
        lu(lmp(1, [cc, cc], length=14)),                  # objects past the message's length
    ]
    full = lu(lmp(1, [cc, cfg]))
    out += [(full, UDP_OFF + k) for k in (5, 8, 10, 18, 22)]
    return out


# ---- RSVP (IP protocol 46) ----------------------------------------------------------------------
def robj(cls, ctype, body):
    return struct.pack("!HBB", 4 + len(body), cls, ctype) + body


def rsvp(mtype, objs, flags=0, version=1, length=None, ttl=64):
    body = b"".join(objs)
    return struct.pack("!BBHBBH", version << 4 | flags, mtype, 0x1234, ttl, 0,
                       8 + len(body) if length is None else length) + body


def r4(msg):
    return eth4(ipv4(IP_A, IP_B, 46, msg))


def r6(msg):
    return eth6(ipv6(IP6_A, IP6_B, 46, msg))


def intserv(services):
    body = b"".join(services)
    return struct.pack("!BBH", 0, 0, len(body) // 4) + body


def service(num, params, brk=0):
    body = b"".join(params)
    return struct.pack("!BBH", num, brk, len(body) // 4) + body


def param(pid, body, flags=0):
    return struct.pack("!BBH", pid, flags, len(body) // 4) + body


def f32(v):
    return struct.pack("!f", v)


def rsvp_frames():
    tspec = intserv([service(1, [param(4, b"\0\0\0\3"), param(6, f32(125000.0)),
                                 param(8, b"\xff" * 4), param(8, b"\0\0\0\x10"),
                                 param(10, b"\0\0\x05\xdc"), param(99, b"abcd"),
                                 param(133, b"\0\0\0\7")]),
                     service(2, [param(127, f32(250000.0) + f32(1500.0) + f32(1e6) +
                                       b"\0\0\0\x40\0\0\x05\xdc"),
                                 param(130, f32(125000.0) + b"\0\0\0\x09")], brk=0x80),
                     service(5, [param(4, b"\0\0\0\1\0\0\0\2")])])
    ero = (b"\x01\x08" + IP_B + b"\x20\x00" + b"\x81\x08" + IP_A + b"\x20\x0f" +
           b"\x03\x08\x01\x01\0\0\0\x10" + b"\x20\x04\x00\x64" + b"\x40\x04\0\0")
    uni = (b"\x00\x08\x01\x01" + IP_A + b"\x00\x14\x02\x02" + V6A + b"\x00\x08\x01\x03" + b"\0" * 4 +
           b"\x00\x08\x03\x00" + b"\0" * 4 + b"\x00\x10\x04\x00\x80\0\0\x02\0\0\0\x05\0\0\0\x06" +
           b"\x00\x08\x05\x00\x07\0\0\0" + b"\x00\x04\x09\x00")
    out = [
        # Path: sessions, hops, time values, templates, tspec, label request, ERO, attributes
        r4(rsvp(1, [robj(1, 1, IP_B + b"\x11\x01\x13\x88"), robj(1, 7, IP_B + b"\0\0\0\x05" + IP_A),
                    robj(1, 11, IP_B + b"\0\0\0\x06" + IP_A), robj(1, 13, IP_B + b"\0\0\0\x07" + IP_A),
                    robj(3, 1, IP_A + b"\0\0\0\x09"), robj(3, 3, IP_A + b"\0\0\0\x09\0\1\0\4"),
                    robj(5, 1, b"\0\0\x75\x30"), robj(11, 1, IP_A + b"\0\0\x13\x88"),
                    robj(11, 7, IP_A + b"\0\0\0\x01"), robj(11, 12, IP_A + b"\0\0\0\x02" + IP_B + b"\0\0\0\x03"),
                    robj(12, 2, tspec), robj(19, 1, b"\0\0\x08\x00\0\0\x12\x34"),
                    robj(19, 2, b"\0\0\x08\x00\x80\x01\x00\x20\x00\x02\x00\x40"),
                    robj(19, 3, b"\0\0\x86\xdd\x01\0\0\x10\0\0\x03\xff"),
                    robj(19, 4, b"\x05\x64\x00\x22"), robj(19, 4, b"\x63\x07\x01\x00"),
                    robj(20, 1, ero), robj(207, 7, b"\x07\x07\x17\x04t\x01\xe9n"),
                    robj(205, 1, b"\x07\x07\x10\x00" + f32(1.25e6) + b"\0\0\0\1\0\0\0\2\0\0\0\3"),
                    robj(205, 7, b"\x07\x07\x10\x00" + f32(1.25e6) + b"\0\0\0\1\0\0\0\2"),
                    robj(63, 7, IP_A + IP_B + IP_B + IP_A), robj(66, 1, b"\0\0\0\x03"),
                    robj(125, 1, b"\0\0\0\x05"), robj(50, 1, IP_B), robj(229, 1, uni)], flags=1)),
        # Resv: style, flowspec, filter specs, labels, RRO, confirm, scope, policy, integrity
        r4(rsvp(2, [robj(8, 1, b"\0\0\0\x0a"), robj(8, 1, b"\x01\0\0\x63"), robj(9, 2, tspec),
                    robj(10, 1, IP_A + b"\0\0\x13\x88"), robj(10, 2, V6A + b"\0\0\x13\x88"),
                    robj(10, 3, V6A + b"\0\x01\x02\x03"), robj(10, 7, IP_A + b"\0\0\0\x04"),
                    robj(10, 8, IP_A + bytes(14) + b"\0\x05"),
                    robj(10, 12, IP_A + b"\0\0\0\x02" + IP_B + b"\0\0\0\x03"),
                    robj(10, 13, V6A + b"\0\0\0\x02" + V6B + b"\0\0\0\x03"),
                    robj(16, 1, b"\0\0\0\x10\0\0\0\x11"), robj(16, 2, b"\0\0\0\x12"),
                    robj(35, 3, b"\0\0\0\1\0\0\0\2\0\0\0\3"), robj(34, 9, b"abcd"),
                    robj(21, 1, b"\x01\x08" + IP_B + b"\x20\x09"), robj(21, 2, b""),
                    robj(15, 1, IP_A), robj(15, 2, V6A), robj(195, 1, IP_B), robj(195, 2, V6B),
                    robj(7, 1, IP_A), robj(14, 1, b"policy!!"), robj(37, 1, b"\0\0\0\0"),
                    robj(4, 1, b"\x80\0\0\1\2\3\4\5" + bytes(7) + b"\x09" + bytes(15) + b"\xaa"),
                    robj(196, 1, b"\x80\0\0\x05"), robj(36, 1, b"\0\0\0\x05\0\0\0\1\0\0\0\2"),
                    robj(36, 1, b"\x02\0\0\x05\0\0\0\1\0\0\0\x09"), robj(130, 1, b"\0\0\0\1")])),
        # PathErr and ResvErr: error specs; Ack, Srefresh: message IDs; Properties; Hello Ack
        r4(rsvp(3, [robj(6, 1, IP_A + b"\x01\x18\x00\x05"), robj(6, 1, IP_A + b"\x00\x1c\x00\x03"),
                    robj(6, 3, IP_A + b"\x00\x7d\x00\x63"), robj(6, 1, IP_A + b"\x00\x02\x00\x01"),
                    robj(6, 2, V6A + b"\x00\x18\x00\x02"), robj(6, 4, V6A + b"\x00\x02\x00\x02"),
                    robj(6, 9, b"")])),
        r4(rsvp(13, [robj(24, 1, b"\x01\0\0\x05\0\0\0\x10\0\0\0\x11"), robj(24, 2, b"\0\0\0\x05"),
                     robj(23, 1, b"\0\0\0\x06"), robj(25, 1, b"\0\0\0\x07\0\0\0\x08")])),
        r4(rsvp(15, [robj(204, 1, b"\0\x02\0\0\x01\x04ab\x10\x03c\0"), robj(22, 2, b"\0\0\0\1\0\0\0\2"),
                     robj(131, 1, b"\0\0\0\1\0\0\0\2"), robj(134, 1, b"\0\0\x01\x07")])),
        r4(rsvp(20, [robj(204, 1, b"\0\x01\0\0\x01\x01\0\0")])),         # property TLV too short
        r4(rsvp(20, [robj(204, 1, b"\0\x01\0\0\x01\x10\0\0")])),         # property TLV too long
        # IPv6: session, hop, sender, sub-LSP, P2MP
        r6(rsvp(1, [robj(1, 2, V6B + b"\x11\x00\x13\x88"), robj(1, 8, V6B + b"\0\0\0\x05" + V6A),
                    robj(1, 14, b"\0\0\0\x09\0\0\0\x05" + V6A + b"\0\0"), robj(3, 2, V6A + b"\0\0\0\x01"),
                    robj(11, 2, V6A + b"\0\0\x13\x88"), robj(11, 13, V6A + b"\0\0\0\x02" + V6B + b"\0\0\0\x03"),
                    robj(50, 2, V6B), robj(11, 3, b"\0\0\0\0"), robj(1, 99, b"\0\0\0\0")])),
        # Bundle of a Path and a Hello; then errors inside the bundle
        r4(rsvp(12, [rsvp(1, [robj(5, 1, b"\0\0\x75\x30")]), rsvp(20, [robj(22, 1, b"\0\0\0\1\0\0\0\2")])])),
        r4(rsvp(12, [rsvp(1, [robj(5, 1, b"\0\0\x75\x30")], version=2)])),
        r4(rsvp(12, [rsvp(1, [], length=4)])),
        r4(rsvp(12, [rsvp(1, [robj(5, 1, b"\0\0\x75\x30")], length=40)])),
        # errors: version, short header, unknown type, object lengths, too-short objects, ERO
        r4(rsvp(1, [], version=2)),
        r4(rsvp(1, [], length=6)),
        r4(rsvp(99, [b"\1\2\3\4\5\6"])),
        r4(rsvp(1, [b"\0\x06\x01\x01\0\0"])),
        r4(rsvp(1, [robj(5, 1, b"\0\0\x75\x30")], length=14)),
        r4(rsvp(1, [robj(1, 1, b"\0\0\0\0")])),
        r4(rsvp(1, [robj(8, 1, b"")])),
        r4(rsvp(1, [robj(19, 4, b"")])),
        r4(rsvp(1, [robj(20, 1, b"\x01\x0c" + bytes(10))])),
        r4(rsvp(1, [robj(20, 1, b"\x01\x10" + bytes(6))])),
        r4(rsvp(1, [robj(229, 1, b"\x00\x06\x01\x01\0\0\0\0")])),
        r4(rsvp(1, [robj(229, 1, b"\x00\x04\x01\x01")])),
        r4(rsvp(1, [robj(229, 1, b"\x00\x04\x04\x00")])),
        r4(rsvp(1, [robj(207, 7, b"\x07\x07\x00\x09ab")])),
    ]
    full = r4(rsvp(1, [robj(1, 7, IP_B + b"\0\0\0\x05" + IP_A), robj(5, 1, b"\0\0\x75\x30")]))
    out += [(full, 14 + 20 + k) for k in (0, 5, 8, 10, 14, 24, 30)]
    return out


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_gmpls_lmp.pcap"), LINKTYPE_ETHERNET, lmp_frames())
    write_pcap(os.path.join(out, "sniff_gmpls_rsvp.pcap"), LINKTYPE_ETHERNET, rsvp_frames())


if __name__ == "__main__":
    main()
