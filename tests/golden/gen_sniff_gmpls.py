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
from gen_sniff import IP_A, IP_B, LINKTYPE_ETHERNET, eth4, udp4, write_pcap  # noqa: E402

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


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_gmpls_lmp.pcap"), LINKTYPE_ETHERNET, lmp_frames())


if __name__ == "__main__":
    main()
