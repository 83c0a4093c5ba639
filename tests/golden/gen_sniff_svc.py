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


# ---- BOOTP / DHCPv4 (RFC 951, 2131, 2132) ----------------------------------------------------
MAC_C = bytes.fromhex("0011223344aa")
BCAST = bytes([255, 255, 255, 255])
COOKIE = bytes([99, 130, 83, 99])


def bootp(op, opts=b"", htype=1, hlen=6, hops=0, xid=0x3903F326, secs=0, flags=0, ciaddr=0,
          yiaddr=0, siaddr=0, giaddr=0, chaddr=MAC_C, sname=b"", file=b"", vend=None):
    addr = lambda v: v if isinstance(v, bytes) else struct.pack("!I", v)
    m = struct.pack("!BBBBIHH", op, htype, hlen, hops, xid, secs, flags) + addr(ciaddr) + \
        addr(yiaddr) + addr(siaddr) + addr(giaddr) + chaddr.ljust(16, b"\0") + \
        sname.ljust(64, b"\0")[:64] + file.ljust(128, b"\0")[:128]
    return m + (vend if vend is not None else COOKIE + opts)


def o(tag, data):
    return bytes([tag, len(data)]) + data


def bootp_frames():
    def c(m):  # client to server
        return eth4(udp4(bytes(4), BCAST, 68, 67, m))

    def s(m):  # server to client
        return eth4(udp4(IP_B, IP_A, 67, 68, m))

    ip = lambda *a: bytes(a)
    out = [
        c(bootp(1, o(53, b"\x01") + o(61, b"\x01" + MAC_C) + o(50, ip(10, 0, 0, 1)) +
                o(12, b"client-host") + o(55, bytes([1, 3, 6, 15, 26, 28, 51, 58, 59, 43, 119,
                                                       121, 249, 252, 200])) +
                o(57, struct.pack("!H", 1500)) + o(60, b"udhcp 1.36.1") + b"\xff", flags=0x8000,
                secs=3)),
        s(bootp(2, o(53, b"\x02") + o(54, IP_B) + o(51, struct.pack("!I", 86400)) +
                o(58, struct.pack("!I", 43200)) + o(59, struct.pack("!I", 75600)) +
                o(1, ip(255, 255, 255, 0)) + o(3, IP_B) + o(6, IP_B + ip(10, 0, 0, 3)) +
                o(15, b"example.test") + o(28, ip(10, 0, 0, 255)) + o(2, struct.pack("!i", -3600)) +
                o(42, ip(10, 0, 0, 9)) + o(26, struct.pack("!H", 1500)) + o(19, b"\x00") +
                o(31, b"\x01\x02") + o(121, bytes([24, 192, 168, 1]) + IP_B + bytes([0]) + IP_B) +
                o(249, bytes([8, 10]) + IP_B) + o(46, b"\x08") + o(52, b"\x03") + b"\xff" +
                b"\0" * 7, yiaddr=IP_A, siaddr=IP_B, sname=b"boot-server", file=b"pxelinux.0")),
        c(bootp(1, o(53, b"\x03") + o(81, b"\x05\x00\x00host.example.test") + o(61, b"\x00abc") +
                o(77, b"\x04abcd\x02xy") + o(82, b"\x01\x04eth0\x02\x03r-1\x09\x03\x01\x02\x03") +
                o(33, IP_A + IP_B) + o(118, IP_B) + o(150, IP_B) + o(161, b"https://mud/x") +
                b"\0\0\0" + o(200, b"\x01\x02\x03\x04") + o(201, b"\x01\x02") +
                o(202, b"\x07") + o(126, b"\x00\x01\x00\x02") + b"\xff", hops=1, giaddr=IP_B,
                ciaddr=IP_A)),
        # each kind of error inside an option
        c(bootp(1, o(61, b"") + o(61, b"\x07\x01\x02") + o(61, b"\x63\x01") + o(46, b"") +
                o(81, b"\x01") + o(121, b"\x01\x02") + o(121, bytes([40, 1, 2, 3, 4, 5])) +
                o(121, bytes([24, 1, 2, 3, 4, 5])) + o(77, b"\x01") + o(77, b"\x00\x01") +
                o(77, b"\x05ab") + o(82, b"\x01\x09ab") + o(53, b"\x09") + o(53, b"\x01\x02") +
                o(1, b"\x01\x02\x03\x04\x05") + o(31, b"\x00\x01\x05") + b"\xff")),
        # not Ethernet, a CMU vendor area, another vendor, no vendor area at all
        c(bootp(1, htype=6, hlen=8, chaddr=bytes(range(8)), vend=b"CMU\0" + struct.pack(
            "!I", 0x05) + ip(255, 255, 0, 0) + IP_B + IP_B + bytes(4) + bytes(16) + bytes(24))),
        s(bootp(2, vend=b"CMU\0" + bytes(4) + ip(255, 255, 0, 0) + IP_B + bytes(24) + bytes(24))),
        s(bootp(2, vend=b"\x12\x34\x56\x78" + bytes(60))),
        s(bootp(3, vend=b"")[:240]),
        # an sname without its NUL, and options a plenty to exercise every name
        s(bootp(2, b"\xff", sname=b"s" * 64)),
        s(bootp(2, b"".join(o(t, b"\x0a\x00\x00\x01") for t in range(1, 128) if t not in (53, 55, 126, 127)) + b"\xff")),
        s(bootp(2, b"".join(o(t, b"\x0a\x00\x00\x01") for t in range(128, 255)) + b"\xff")),
        s(bootp(2, bytes([127, 4, 0, 1, 2, 3]) + b"\xff")),
    ]
    # every tag with 6 bytes: each format and its leftover bytes
    for lo, hi in ((1, 128), (128, 255)):
        out.append(s(bootp(2, b"".join(o(t, b"\x0a\x00\x00\x01\x02\x03") for t in range(lo, hi)
                                    if t != 53) + b"\xff")))
    full = c(bootp(1, o(53, b"\x01") + o(12, b"client-host") + b"\xff", sname=b"srv"))
    out += cuts(full, 0, 1, 5, 11, 30, 50, 100, 237, 241, 245, 250)
    full = s(bootp(2, o(6, bytes(range(1, 13))) + o(55, bytes([1, 2, 3, 4, 5, 6])) +
                   o(61, b"\x01abcdef") + b"\xff"))
    out += cuts(full, 240 + 2 + 5, 240 + 14 + 5, 240 + 22 + 3)
    return out


CAPTURES = {
    "sniff_svc_tftp.pcap": tftp_frames,
    "sniff_svc_bootp.pcap": bootp_frames,
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "input")
    for name, frames in CAPTURES.items():
        write_pcap(os.path.join(out, name), LINKTYPE_ETHERNET, frames())


if __name__ == "__main__":
    main()
