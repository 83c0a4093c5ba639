#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_ppp.py: writes tests/golden/input/sniff_ppp_*.pcap, PPP built byte by byte (this
# machine has no PPP, PPTP or PPPoE peer): the control protocols (LCP, IPCP, IP6CP, CCP, BACP)
# with every option print-ppp.c names and its bogus lengths, every code's extra fields, PAP,
# CHAP, BAP and the multilink header, cut by the snap length; and the PPP link types tcpdump
# 4.99.3 reads: PPP, PPP_SERIAL (RFC 1662 framing, its 0x7d escapes, Cisco HDLC inside),
# PPP_PPPD (the direction byte) and PPP_ETHER (PPPoE without Ethernet); PPP inside
# PPTP's GRE version 1 and behind Frame Relay's NLPID 0xcf.  The output is committed; only
# changing a capture needs python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, IP6_A, IP6_B, LINKTYPE_ETHERNET, eth, ipv4,  # noqa: E402
                       udp4, udp6, write_pcap)

LINKTYPE_PPP = 9
LINKTYPE_PPP_HDLC = 50
LINKTYPE_PPP_ETHER = 51
LINKTYPE_FRELAY = 107
LINKTYPE_PPP_PPPD = 166

LCP, IPCP, IP6CP, CCP, BACP, OSICP, MPLSCP = 0xc021, 0x8021, 0x8057, 0x80fd, 0xc02b, 0x8023, 0x8281
PAP, CHAP, BAP, ML = 0xc023, 0xc223, 0xc02d, 0x003d


def ppp(proto, body, addr=b"\xff\x03", pfc=False):
    """A PPP frame: address and control (or none, or pppd's direction), then the protocol."""
    return addr + (bytes([proto]) if pfc else struct.pack(">H", proto)) + body


def cp(code, ident, data=b"", length=None):
    """A control protocol packet (RFC 1661 5): code, id, length, data."""
    return struct.pack(">BBH", code, ident, 4 + len(data) if length is None else length) + data


def opt(t, data=b"", length=None):
    return bytes([t, 2 + len(data) if length is None else length]) + data


ICMP4 = ipv4(IP_A, IP_B, 1, bytes.fromhex("0800f7ff00000000") + b"ping")


def lcp_frames():
    """LCP: every option print_lcp_config_options names, right and wrong lengths, each code."""
    good = (opt(0, bytes.fromhex("00000c01") + b"v") + opt(1, struct.pack(">H", 1492)) +
            opt(2, struct.pack(">I", 0x000a0000)) + opt(3, struct.pack(">H", PAP)) +
            opt(3, struct.pack(">HB", CHAP, 5)) + opt(3, struct.pack(">HB", CHAP, 0x80)) +
            opt(3, struct.pack(">HB", CHAP, 0x81)) + opt(3, struct.pack(">HB", CHAP, 7)) +
            opt(3, struct.pack(">H", 0xc227)) + opt(3, struct.pack(">H", 0xc027)) +
            opt(3, struct.pack(">H", 0xc123)) + opt(3, struct.pack(">HB", 0x1234, 9)) +
            opt(4, struct.pack(">HI", 0xc025, 3000)) + opt(4, struct.pack(">H", 0x1111)) +
            opt(5, struct.pack(">I", 0x1a2b3c4d)) + opt(7) + opt(8) +
            opt(13, b"\x06") + opt(13, b"\x01555") + opt(13, b"\x05") +
            opt(17, struct.pack(">H", 1614)) + opt(18) +
            opt(19, b"\x00") + opt(19, b"\x01abc") + opt(19, b"\x02" + IP_A) +
            opt(19, b"\x03" + bytes.fromhex("020000000001")) + opt(19, b"\x04" + bytes(8)) +
            opt(19, b"\x05123") + opt(19, b"\x09") + opt(23, b"\x12\x34") +
            opt(6, b"\x01\x02") + opt(9, b"\x01") + opt(20, b"prop") + opt(30))
    bogus1 = (opt(0, b"\x00\x00") + opt(1, b"\x05") + opt(2, b"\x00\x00") + opt(3, b"\xc0") +
              opt(4, b"\xc0") + opt(7))
    bogus2 = opt(5, b"\x00\x00") + opt(7)
    bogus3 = opt(13) + opt(7)
    bogus4 = opt(17, b"\x00") + opt(7)
    bogus5 = opt(19) + opt(7)
    bogus6 = opt(19, b"\x02\x01\x02") + opt(7)
    bogus7 = opt(19, b"\x03\x01\x02") + opt(7)
    bogus8 = opt(23, b"\x01") + opt(7)
    return [
        ppp(LCP, cp(1, 1, good)),
        ppp(LCP, cp(2, 2, opt(1, b"\x05\xd4") + opt(5, b"\x01\x02\x03\x04"))),
        ppp(LCP, cp(3, 3, opt(1, b"\x05\xdc"))),
        ppp(LCP, cp(4, 4, opt(3, struct.pack(">H", PAP)))),
        ppp(LCP, cp(1, 5, bogus1)),
        ppp(LCP, cp(1, 6, bogus2)),
        ppp(LCP, cp(1, 7, bogus3)),
        ppp(LCP, cp(1, 8, bogus4)),
        ppp(LCP, cp(1, 9, bogus5)),
        ppp(LCP, cp(1, 10, bogus6)),
        ppp(LCP, cp(1, 11, bogus7)),
        ppp(LCP, cp(1, 12, bogus8)),
        # an option of length 0 and 1, an option past the packet, an unknown option number
        ppp(LCP, cp(1, 13, opt(1, b"", 0) + opt(7))),
        ppp(LCP, cp(1, 14, opt(8, b"", 1))),
        ppp(LCP, cp(1, 15, opt(1, b"\x05\xd4") + opt(5, b"\x01\x02\x03\x04", 12))),
        ppp(LCP, cp(1, 16, opt(40, b"ab") + opt(7))),
        ppp(LCP, cp(1, 17, opt(31, b"", 1))),
        # the options' walk: remaining length below an option's, a NULL request
        ppp(LCP, cp(1, 18, opt(1, b"\x05\xd4") + b"\x07\x04", length=10) + b"\x00\x00"),
        ppp(LCP, cp(1, 19)),
        # encoded length below 4, past the packet
        ppp(LCP, cp(1, 20, b"", 3)),
        ppp(LCP, cp(1, 21, opt(7), 40)),
        # every other code
        ppp(LCP, cp(5, 22, b"bye")),
        ppp(LCP, cp(6, 23)),
        ppp(LCP, cp(7, 24, cp(99, 1, b"xx"))),
        ppp(LCP, cp(8, 25, struct.pack(">H", 0x8057) + cp(1, 1, opt(1, bytes(8))))),
        ppp(LCP, cp(8, 26, struct.pack(">H", 0x1234))),
        ppp(LCP, cp(8, 27, b"\x80")),
        ppp(LCP, cp(9, 28, struct.pack(">I", 0xdeadbeef))),
        ppp(LCP, cp(10, 29, struct.pack(">I", 0xdeadbeef) + b"trailing data!")),
        ppp(LCP, cp(11, 30, struct.pack(">I", 0x01020304) + b"\x00\x01")),
        ppp(LCP, cp(9, 31, b"\x01\x02")),
        ppp(LCP, cp(12, 32, struct.pack(">I", 0x11223344) + b"hello, peer\x01")),
        ppp(LCP, cp(12, 33, struct.pack(">I", 0x11223344))),
        ppp(LCP, cp(13, 34, struct.pack(">II", 0x11223344, 3600) + b"msg")),
        ppp(LCP, cp(13, 35, struct.pack(">I", 0x11223344))),
        ppp(LCP, cp(0, 36, struct.pack(">I", 0x55667788) + bytes.fromhex("00000c01") + b"kv")),
        ppp(LCP, cp(0, 37, b"\x01\x02\x03\x04")),
        ppp(LCP, cp(14, 38, b"\x01")),
        ppp(LCP, cp(99, 39, b"\x01\x02\x03")),
        ppp(LCP, cp(99, 40)),
    ]


def ncp_frames():
    """IPCP, IP6CP, CCP, BACP, and control protocols without an option printer."""
    iphc = struct.pack(">HHHHHH", 0x61, 15, 16, 256, 5, 168)
    ipcp = (opt(1, IP_A + IP_B) + opt(2, struct.pack(">HBB", 0x2d, 15, 1)) +
            opt(2, iphc) + opt(2, iphc + opt(1) + opt(2, b"\x00")) +
            opt(2, struct.pack(">H", 0x1234)) + opt(3, IP_A) + opt(4, IP_B) +
            opt(129, bytes([192, 0, 2, 53])) + opt(130, bytes([192, 0, 2, 137])) +
            opt(131, bytes([192, 0, 2, 54])) + opt(132, bytes([192, 0, 2, 138])) +
            opt(200, b"\xaa\xbb"))
    ipcp_bogus = [opt(1, IP_A), opt(2, b"\x00"), opt(2, struct.pack(">HHH", 0x61, 1, 2)),
                  opt(3, IP_A + b"\x00"), opt(129, b""), opt(3, b"", 1)]
    subs_bad = iphc + opt(1, b"", 9)
    subs_zero = iphc + b"\x00\x04\x00\x00"
    ip6cp = opt(1, bytes.fromhex("0211223344556677")) + opt(2, b"\x00\x01\x02") + opt(1, b"\x01")
    ccp = (opt(0, b"\x00\x00\x0c\x01") + opt(1) + opt(2) + opt(3, b"\x01") + opt(16, b"\x00") +
           opt(17, b"\x00\x01\x04") + opt(18, b"\x01\x00\x00\x40") + opt(19, b"\x05") +
           opt(20, b"\x01\x00\x00\x00") + opt(21, b"\x2f") + opt(23, b"\x00\x01\x04") +
           opt(24, b"\xa5\x03") + opt(25) + opt(26, b"\x78\x00") + opt(26, b"\x49\xff") +
           opt(255) + opt(77, b"zz"))
    ccp_bogus = [opt(21), opt(24, b"\x01"), opt(26, b"\x01"), opt(5, b"", 1)]
    bacp = opt(1, struct.pack(">I", 0xcafef00d)) + opt(1, b"\x01") + opt(2, b"\x01\x02")
    out = [ppp(IPCP, cp(1, 1, ipcp)), ppp(IPCP, cp(2, 2, opt(3, IP_B)))]
    out += [ppp(IPCP, cp(3, 3 + i, o + opt(3, IP_A))) for i, o in enumerate(ipcp_bogus)]
    out += [ppp(IPCP, cp(1, 10, opt(2, subs_bad))), ppp(IPCP, cp(1, 11, opt(2, subs_zero)))]
    out += [ppp(IPCP, cp(5, 12)), ppp(IPCP, cp(7, 13, b"\x01\x02\x00\x04"))]
    out += [ppp(IP6CP, cp(1, 1, ip6cp)), ppp(IP6CP, cp(1, 2, opt(1, bytes(6)) + opt(1, bytes(8))))]
    out += [ppp(CCP, cp(1, 1, ccp)), ppp(CCP, cp(14, 2)), ppp(CCP, cp(15, 3, b"\x01"))]
    out += [ppp(CCP, cp(1, 4 + i, o + opt(1))) for i, o in enumerate(ccp_bogus)]
    out += [ppp(BACP, cp(1, 1, bacp)), ppp(BACP, cp(4, 2, opt(1, b"", 1)))]
    out += [ppp(OSICP, cp(1, 1, opt(1, b"\x01"))), ppp(MPLSCP, cp(2, 1, b"abcd")),
            ppp(MPLSCP, cp(9, 2, b"\x00\x00\x00\x01"))]
    # 0x00fd (compressed datagram) and 0x80fd's neighbours
    out += [ppp(0x00fd, b"\x00\x01zzzz"), ppp(0x8029, cp(1, 1, b"\x01\x02"))]
    return out


def auth_frames():
    """PAP, CHAP, BAP, the multilink header; their short and inconsistent lengths."""
    out = [
        ppp(PAP, cp(1, 1, b"\x05alice\x06s3cr\x01t")),
        ppp(PAP, cp(2, 1, b"\x07welcome")),
        ppp(PAP, cp(3, 1, b"\x04nope")),
        ppp(PAP, cp(2, 2)),
        ppp(PAP, cp(1, 3, b"\x01")),
        ppp(PAP, cp(1, 4, b"\x09ab")),
        ppp(PAP, cp(1, 5, b"\x02ab\x09cd")),
        ppp(PAP, cp(1, 6, b"\x02ab")),
        ppp(PAP, cp(9, 7, b"\x02ab")),
        ppp(PAP, cp(1, 8, b"\x02ab\x02cd", 40)),
        ppp(PAP, cp(1, 9, b"", 2)),
        ppp(PAP, b"\x01\x02"),
        ppp(PAP, b""),
        ppp(CHAP, cp(1, 1, b"\x04\x01\x02\x03\x04server")),
        ppp(CHAP, cp(2, 1, b"\x10" + bytes(range(16)) + b"client\xff")),
        ppp(CHAP, cp(3, 1, b"Welcome")),
        ppp(CHAP, cp(4, 1, b"E=691 R=0")),
        ppp(CHAP, cp(5, 1, b"??")),
        ppp(CHAP, cp(1, 2, b"\x20\x01")),
        ppp(CHAP, cp(1, 3)),
        ppp(CHAP, b"\x01\x02"),
        ppp(CHAP, b""),
        ppp(BAP, cp(1, 1, b"\x01\x04\x00\x01")),
        ppp(ML, b"\xc0\x00\x01\x00" + b"\x00\x21" + ICMP4),
        ppp(ML, b"\x80\x12\x34\x56" + b"zz"),
        ppp(ML, b"\x0f\xff"),
        ppp(ML, b"\x40"),
        ppp(0xc025, b"\x00\x01\x02\x03"),
        ppp(0x8207, b"\x01\x02"),
    ]
    return out


def payload_frames():
    """What PPP carries besides its own protocols: IP (with PFC, by ethertype, VJ
    uncompressed), IPv6, MPLS, OSI, compressed and unknown protocols; address fields."""
    v6 = udp6(IP6_A, IP6_B, 1000, 2000, b"sixsix")
    return [
        ppp(0x21, ICMP4),
        ppp(0x21, ICMP4, pfc=True),
        ppp(0x21, ICMP4, addr=b""),
        ppp(0x57, v6),
        ppp(0x0800, ICMP4),
        ppp(0x86dd, v6),
        ppp(0x002f, ICMP4),
        ppp(0x002d, b"\x45\x00\x01\x02"),
        ppp(0x0281, bytes.fromhex("0001f140") + ICMP4),
        ppp(0x0023, bytes.fromhex("8314010100000000000000000000000000000000")),
        ppp(0x00fd, b"\x12\x34"),
        ppp(0x4321, b"\x01\x02\x03\x04\x05"),
        ppp(0x0021, ICMP4, addr=b"\x00\x03"),
        ppp(0x8021, cp(9, 1, b"\x00\x00\x00\x01"), addr=b"\x01\x03"),
        ppp(0x4321, b"\x01", addr=b"\x01\x03"),
        ppp(0x0001, b"\x01\x02"),
        # cut by the snap length: in the header, the control header, an option, an echo
        (ppp(LCP, cp(1, 50, opt(1, b"\x05\xd4") + opt(5, b"\x01\x02\x03\x04"))), 3),
        (ppp(LCP, cp(1, 51, opt(1, b"\x05\xd4") + opt(5, b"\x01\x02\x03\x04"))), 5),
        (ppp(LCP, cp(1, 52, opt(1, b"\x05\xd4") + opt(5, b"\x01\x02\x03\x04"))), 7),
        (ppp(LCP, cp(1, 53, opt(1, b"\x05\xd4") + opt(5, b"\x01\x02\x03\x04"))), 9),
        (ppp(LCP, cp(1, 54, opt(1, b"\x05\xd4") + opt(5, b"\x01\x02\x03\x04"))), 12),
        (ppp(LCP, cp(1, 55, opt(1, b"\x05\xd4") + opt(5, b"\x01\x02\x03\x04"))), 16),
        (ppp(LCP, cp(10, 56, struct.pack(">I", 1) + b"0123456789")), 14),
        (ppp(LCP, cp(10, 57, struct.pack(">I", 1) + b"0123456789")), 10),
        (ppp(IPCP, cp(1, 58, opt(3, IP_A) + opt(129, IP_B))), 14),
        (ppp(CCP, cp(1, 59, opt(24, b"\x01\x02") + opt(26, b"\x78\x00"))), 13),
        (ppp(CHAP, cp(1, 60, b"\x04\x01\x02\x03\x04server")), 12),
        (ppp(PAP, cp(1, 61, b"\x05alice\x06s3cr\x01t")), 12),
        (ppp(ML, b"\xc0\x00\x01\x00"), 5),
        (ppp(LCP, cp(8, 62, struct.pack(">H", 0x8057) + bytes(10))), 12),
        (ppp(LCP, cp(12, 63, struct.pack(">I", 0x11223344) + b"hello, peer")), 15),
        (ppp(IP6CP, cp(1, 64, opt(1, bytes.fromhex("0211223344556677")))), 14),
        # cut inside an option's value
        (ppp(CCP, cp(1, 65, opt(24, b"\x01\x02"))), 11),
        (ppp(CCP, cp(1, 66, opt(26, b"\x78\x00"))), 11),
        (ppp(CCP, cp(1, 67, opt(21, b"\x2f"))), 10),
        (ppp(BACP, cp(1, 68, opt(1, b"\x01\x02\x03\x04"))), 12),
        (ppp(IPCP, cp(1, 69, opt(2, struct.pack(">HHHHHH", 0x61, 15, 16, 256, 5, 168)))), 16),
        (ppp(IPCP, cp(1, 70, opt(1, IP_A + IP_B))), 14),
        (ppp(LCP, cp(1, 71, opt(19, b"\x02" + IP_A))), 12),
        (ppp(LCP, cp(1, 72, opt(0, b"\x00\x00\x0c\x01"))), 11),
        (ppp(LCP, cp(1, 73, opt(3, struct.pack(">HB", CHAP, 5)))), 12),
        (ppp(LCP, cp(1, 74, opt(13, b"\x06"))), 10),
        (ppp(LCP, cp(13, 75, struct.pack(">II", 1, 2))), 14),
        (ppp(LCP, cp(0, 76, struct.pack(">I", 1) + bytes.fromhex("00000c01"))), 14),
        (ppp(CHAP, cp(3, 77, b"Welcome")), 12),
        (ppp(PAP, cp(2, 78, b"\x07welcome")), 10),
    ]


def escape(frame):
    """RFC 1662 octet stuffing of 0x7d, 0x7e and the control characters below 0x20."""
    out = bytearray()
    for c in frame:
        if c in (0x7d, 0x7e) or c < 0x20:
            out += bytes([0x7d, c ^ 0x20])
        else:
            out.append(c)
    return bytes(out)


def hdlc_frames():
    """PPP_SERIAL: RFC 1662 framing, Cisco HDLC in the same link type, other addresses, and
    frames whose protocol field starts with the flag (0x7e): tcpdump un-escapes the rest."""
    lcp = cp(1, 1, opt(1, b"\x05\xd4") + opt(2, bytes(4)) + opt(7) + opt(8))
    chdlc = b"\x0f\x00\x08\x00" + ICMP4
    return [
        ppp(0x21, ICMP4),
        ppp(LCP, lcp),
        ppp(IPCP, cp(1, 2, opt(3, IP_A))),
        ppp(0x57, udp6(IP6_A, IP6_B, 1000, 2000, b"sixsix")),
        ppp(PAP, cp(1, 1, b"\x05alice\x06s3cr\x01t")),
        ppp(0x4321, b"\x01\x02"),
        ppp(0x0023, b"\x83\x01"),
        chdlc,
        b"\x8f\x00\x08\x00" + ICMP4,
        b"\x0f\x00\x80\x35" + bytes(28),
        b"\x03\x01\x02\x03\x04",
        # escaped: 0x7e then a 1-byte IP protocol, an ff 03 PPP frame, a 2-byte protocol
        b"\xff\x03\x7e" + escape(b"\x21" + ICMP4),
        b"\xff\x03\x7e" + escape(b"\x57" + udp6(IP6_A, IP6_B, 1000, 2000, b"six")),
        b"\xff\x03\x7e" + escape(b"\xff\x03\xc0\x21" + lcp),
        b"\xff\x03\x7e" + escape(b"\xc0\x21" + lcp),
        b"\xff\x03\x7e" + escape(b"\x08\x00" + ICMP4),
        b"\xff\x03\x7e" + b"\x7d",
        b"\xff\x03\x7e",
        b"\xff\x03\x7e\x7e\x7e\x21",
        b"\xff\x03\x7e" + escape(b"\xff\x03\x7e\x21" + ICMP4),
        b"\xff\x03\x7e" + escape(b"\xff\x03") + b"\x7d",
        b"\xff\x03\x7e" + escape(b"\x80\x21" + cp(1, 3, opt(3, IP_B) + opt(129, IP_A))),
        # the guessed protocol decides the printer, not the version nibble
        b"\xff\x03\x7e\x21\x60\x00",
        b"\xff\x03\x7e\x21\x10\x00",
        b"\xff\x03\x7e\x57\x45\x00",
        b"\xff\x03\x7e\x57\x45" + bytes(45),
        b"\xff\x03\x7e\x08\x7d\x20\x60",
        b"\xff\x03\x7e\x21",
        # cut: 1 byte, 3 bytes, and an escaped frame cut in its IP header
        (ppp(0x21, ICMP4), 1),
        (ppp(0x21, ICMP4), 3),
        (b"\x0f\x00\x08\x00" + ICMP4, 3),
        (b"\x03\x01\x02\x03", 3),
        (b"\xff\x03\x7e" + escape(b"\x21" + ICMP4), 12),
    ]


def pppd_frames():
    """PPP_PPPD: pppd's direction byte (0 in, 1 out) where the address is."""
    return [
        ppp(0x21, ICMP4, addr=b"\x00\x03"),
        ppp(0x21, ICMP4, addr=b"\x01\x03"),
        ppp(LCP, cp(9, 1, b"\x00\x00\x00\x07"), addr=b"\x01\x03"),
        ppp(LCP, cp(10, 1, b"\x00\x00\x00\x08"), addr=b"\x00\x03"),
        ppp(CHAP, cp(3, 1, b"ok"), addr=b"\x00\x03"),
        (ppp(0x21, ICMP4, addr=b"\x00\x03"), 3),
    ]


def pppoe(code, sess, payload):
    return struct.pack(">BBHH", 0x11, code, sess, len(payload)) + payload


def ether_frames():
    """PPP_ETHER: PPPoE without the Ethernet header."""
    return [
        pppoe(0, 0x1234, b"\xc0\x21" + cp(1, 1, opt(1, b"\x05\xd4") + opt(5, bytes(4)))),
        pppoe(0, 0x1234, b"\x00\x21" + ICMP4),
        pppoe(0x09, 0, struct.pack(">HH", 0x0101, 0) + struct.pack(">HH", 0x0103, 4) + b"\x01\x02"
              b"\x03\x04"),
        (pppoe(0, 0x1234, b"\xc0\x21" + cp(1, 1, opt(1, b"\x05\xd4"))), 4),
    ]


def gre1(call, seq, ack, payload, key=True):
    flags = 0x0001 | (0x2000 if key else 0) | (0x1000 if seq is not None else 0) | \
        (0x0080 if ack is not None else 0)
    hdr = struct.pack(">HHHH", flags, 0x880b, len(payload), call) if key else \
        struct.pack(">HH", flags, 0x880b)
    if seq is not None:
        hdr += struct.pack(">I", seq)
    if ack is not None:
        hdr += struct.pack(">I", ack)
    return hdr + payload


def gre_frames():
    """PPTP's enhanced GRE (version 1) carrying PPP, over Ethernet and IPv4."""
    def eg(payload):
        return eth(b"\x02\x00\x00\x00\x00\x02", b"\x02\x00\x00\x00\x00\x01", 0x0800,
                   ipv4(IP_A, IP_B, 47, payload))
    lcp = cp(1, 0, opt(5, bytes.fromhex("021952cf")) + opt(7) + opt(8) + opt(13, b"\x06") +
             opt(17, b"\x06\x4e") + opt(19, b"\x01" + bytes(20)))
    return [
        eg(gre1(0, 0, None, b"\xff\x03\xc0\x21" + lcp)),
        eg(gre1(7, 1, 0, b"\xff\x03\x80\x21" + cp(1, 1, opt(3, bytes(4)) + opt(129, bytes(4))))),
        eg(gre1(7, 2, 1, b"\x21" + ICMP4)),
        eg(gre1(7, 3, 2, b"\xc2\x23" + cp(1, 1, b"\x04\x01\x02\x03\x04server"))),
        eg(gre1(7, None, 5, b"")),
        eg(gre1(7, 4, None, b"\xfd" + b"\x00\x00\x12\x34")),
    ]


def fr_frames():
    """Frame Relay's NLPID 0xcf: a PPP frame after the Q.922 address, control and pad."""
    return [
        bytes.fromhex("18410300cf") + b"\xc0\x21" + cp(9, 1, bytes(4)),
        bytes.fromhex("184103cf") + b"\xff\x03\x00\x21" + ICMP4,
        bytes.fromhex("18410300cf") + b"\x80\x21" + cp(1, 1, opt(3, IP_A)),
    ]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_ppp_cp.pcap"), LINKTYPE_PPP,
               lcp_frames() + ncp_frames() + auth_frames() + payload_frames())
    write_pcap(os.path.join(out, "sniff_ppp_hdlc.pcap"), LINKTYPE_PPP_HDLC, hdlc_frames())
    write_pcap(os.path.join(out, "sniff_ppp_pppd.pcap"), LINKTYPE_PPP_PPPD, pppd_frames())
    write_pcap(os.path.join(out, "sniff_ppp_ether.pcap"), LINKTYPE_PPP_ETHER, ether_frames())
    write_pcap(os.path.join(out, "sniff_ppp_gre.pcap"), LINKTYPE_ETHERNET, gre_frames())
    write_pcap(os.path.join(out, "sniff_ppp_fr.pcap"), LINKTYPE_FRELAY, fr_frames())


if __name__ == "__main__":
    main()
