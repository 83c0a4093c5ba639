#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_svc.py: writes tests/golden/input/sniff_svc_*.pcap, the services and security
# protocols (issue 13) built byte by byte where this machine cannot make the traffic: every
# message kind and option tcpdump prints, and cuts by the snap length inside each.  The
# output is committed; only changing a capture needs python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, IP6_A, IP6_B, LINKTYPE_ETHERNET, eth4, eth6, tcp4,  # noqa: E402
                       udp4, udp6, write_pcap)


def cuts(frame, *keep):
    """The frame cut by the snap length after each of keep bytes of its UDP payload."""
    return [(frame, 14 + 20 + 8 + k) for k in keep]


# ---- TFTP (RFC 1350, 2347) ------------------------------------------------------------------
def tftp_frames():
    def u(payload, sport=40000, dport=69):
        return eth4(udp4(IP_A, IP_B, sport, dport, payload))

    op = lambda n: struct.pack("!H", n)
    out = [
        u(op(1) + b"boot/pxelinux.0\0octet\0blksize\x001468\0tsize\x000\0"),
        u(op(2) + b"upload.txt\0netascii\0"),
        u(op(3) + op(1) + b"x" * 12, 69, 40000),
        u(op(4) + op(1)),
        u(op(5) + op(1) + b"File not found\0", 69, 40000),
        u(op(5) + op(42) + b"odd code\0", 69, 40000),
        u(op(6) + b"blksize\x001468\0tsize\x00512\0", 69, 40000),
        u(op(9) + b"what"),
        u(op(1) + b"name\xff\x01\0mode\0"),       # bytes past ASCII and control characters
        u(op(1) + b"no-terminator"),             # no NUL within the message
        u(op(1)),                                # no file name
        u(op(3)),                                # no block number
        u(b"\x00"),                              # shorter than an opcode
    ]
    out += cuts(u(op(1) + b"boot/pxelinux.0\0octet\0"), 1, 8, 18)
    # -T tftp on another port, and on TCP (tcpdump prints no TCP payload then)
    out.append(eth4(udp4(IP_A, IP_B, 40001, 5555, op(4) + op(7))))
    out.append(eth4(tcp4(IP_A, IP_B, 40002, 69, 1, 1, "P.", op(4) + op(7))))
    return out


CAPTURES = {
    "sniff_svc_tftp.pcap": tftp_frames,
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "input")
    for name, frames in CAPTURES.items():
        write_pcap(os.path.join(out, name), LINKTYPE_ETHERNET, frames())


if __name__ == "__main__":
    main()
