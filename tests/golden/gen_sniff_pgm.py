#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_pgm.py: writes tests/golden/input/sniff_pgm.pcap (PGM over IPv4 and IPv6: every
# packet type, every option tcpdump 4.99's print-pgm.c decodes, its complaints on bad lengths,
# cuts by the snap length), sniff_pgm_epgm.pcap (PGM over UDP for -T pgm and -T pgm_zmtp1,
# with ZeroMQ datagrams: first-frame offsets, intermediate parts, 8- and 64-bit frames) and
# sniff_zmtp1.pcap (ZMTP/1.0 over TCP for -T zmtp1: empty, long, cut and wrapping frames),
# built byte by byte for the paths tcpdump's own captures leave out.  The output is
# committed; only changing it needs python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import IP_A, IP_B, LINKTYPE_ETHERNET, eth4, eth6, ipv4, ipv6, ext6, tcp4, udp4, \
    udp6, write_pcap  # noqa: E402

GSID = bytes.fromhex("0a1b2c3d4e5f")
V6_A = bytes.fromhex("20010db8000000000000000000000001")
V6_B = bytes.fromhex("ff0e0000000000000000000000000101")
GRP4 = bytes([239, 1, 2, 3])


def pgm(typ, body=b"", opts=b"", tsdu=0, sport=3000, dport=7500, optbits=None):
    if optbits is None:
        optbits = 1 if opts else 0
    return struct.pack("!HHBBH6sH", sport, dport, typ, optbits, 0, GSID, tsdu) + body + opts


def nla4(a=IP_A):
    return struct.pack("!HH", 1, 0) + a


def nla6(a=V6_A):
    return struct.pack("!HH", 2, 0) + a


def opt(typ, body=b"", end=False, ln=None):
    if ln is None:
        ln = 4 + len(body)
    return struct.pack("!BBH", typ | (0x80 if end else 0), ln, 0) + body


def opts(*o, total=None):
    body = b"".join(o)
    if total is None:
        total = 4 + len(body)
    return struct.pack("!BBH", 0, 4, total) + body


def ip4(p, **k):
    return eth4(ipv4(IP_A, IP_B, 113, p, **k))


def ip6(p, nxt=113, pre=b""):
    return eth6(ipv6(V6_A, V6_B, nxt, pre + p))


spm4 = struct.pack("!III", 100, 90, 110) + nla4()
spm6 = struct.pack("!III", 101, 91, 111) + nla6()
# tcpdump 4.99 (its pgm_poll_polr fix): a POLL carries the NLA and the back-off, a POLR does not
poll4 = struct.pack("!IHHHH", 8, 4, 1, 1, 0) + IP_B + struct.pack("!III", 500, 0xdeadbeef, 0xff00)
poll6 = struct.pack("!IHHHH", 9, 5, 1, 2, 0) + V6_A + struct.pack("!III", 1, 2, 3)
poll_short = struct.pack("!IHH", 6, 2, 0)
polr = struct.pack("!IHH", 7, 3, 0)
data = struct.pack("!II", 1234, 1200)
nak44 = struct.pack("!I", 77) + nla4() + nla4(GRP4)
# tcpdump takes the group's family from its address' first two bytes: 0x0001 then 4 bytes
nak_quirk = struct.pack("!I", 78) + nla4() + struct.pack("!HH", 1, 0) + b"\x00\x01\xef\x01\x02\x03"
nak6 = struct.pack("!I", 79) + nla6() + struct.pack("!HH", 2, 0) + b"\x00\x02" + V6_B
ack = struct.pack("!II", 4321, 0xffffffff)

frames = [
    # every type, no options
    ip4(pgm(0, spm4)), ip6(pgm(0, spm6)),
    ip4(pgm(1, poll4)), ip6(pgm(1, poll6)), ip4(pgm(1, poll_short)), ip4(pgm(2, polr)),
    ip4(pgm(4, data + b"hello", tsdu=5)), ip4(pgm(5, data + b"again", tsdu=5)),
    ip4(pgm(8, nak44)), ip4(pgm(9, nak_quirk)), ip6(pgm(10, nak6)),
    ip4(pgm(11, ack)), ip4(pgm(12)), ip4(pgm(0x33, b"\0" * 8)),
    # NLAs of an unknown family: tcpdump's truncation mark
    ip4(pgm(0, struct.pack("!IIIHH", 1, 2, 3, 9, 0) + IP_A)),
    ip4(pgm(8, struct.pack("!I", 1) + struct.pack("!HH", 3, 0) + IP_A)),
    # every option tcpdump decodes, on ODATA
    ip4(pgm(4, data, opts(
        opt(0x01, struct.pack("!III", 10, 20, 30)), opt(0x02, struct.pack("!II", 5, 6)),
        opt(0x03, struct.pack("!I", 42)), opt(0x04, struct.pack("!II", 100, 200)),
        opt(0x05, struct.pack("!II", 300, 400)), opt(0x07, struct.pack("!HH", 1, 0) + IP_B),
        opt(0x08, struct.pack("!I", 16)), opt(0x09, struct.pack("!I", 17)),
        opt(0x0a, struct.pack("!I", 18)), opt(0x0b), opt(0x0d), opt(0x0e), opt(0x0f),
        opt(0x11), opt(0x12, struct.pack("!IHH", 55, 1, 0) + IP_A),
        opt(0x13, struct.pack("!IHH", 56, 2, 0) + V6_A, end=True)), tsdu=0)),
    # an extra OPT_LENGTH, REDIRECT over IPv6, path NLA, CR, an unknown option
    ip4(pgm(0, spm4, opts(opt(0x00, ln=4), opt(0x07, struct.pack("!HH", 2, 0) + V6_A),
                          opt(0x0c, IP_A), opt(0x10, b"\0" * 4), opt(0x20, b"\1\2\3\4", end=True)))),
    # complaints
    ip4(pgm(4, data, struct.pack("!BBH", 1, 4, 8) + opt(0x0d))),
    ip4(pgm(4, data, struct.pack("!BBH", 0, 8, 8) + opt(0x0d))),
    ip4(pgm(4, data, struct.pack("!BBH", 0, 4, 2))),
    ip4(pgm(4, data, opts(opt(0x0d), total=6))),
    ip4(pgm(4, data, opts(opt(0x0d, ln=2), opt(0x0e, end=True)))),
    ip4(pgm(4, data, opts(opt(0x0d), total=6 + 4))),
    ip4(pgm(4, data, opts(opt(0x01, b"\0" * 8)))),
    ip4(pgm(4, data, opts(opt(0x03, b"\0" * 8)))),
    ip4(pgm(4, data, opts(opt(0x04, b"\0" * 4)))),
    ip4(pgm(4, data, opts(opt(0x05, b"\0" * 4)))),
    ip4(pgm(4, data, opts(opt(0x08, b"")))), ip4(pgm(4, data, opts(opt(0x09, b"")))),
    ip4(pgm(4, data, opts(opt(0x0a, b"")))), ip4(pgm(4, data, opts(opt(0x0b, b"\0" * 4)))),
    ip4(pgm(4, data, opts(opt(0x0d, b"\0" * 4)))), ip4(pgm(4, data, opts(opt(0x0e, b"\0" * 4)))),
    ip4(pgm(4, data, opts(opt(0x0f, b"\0" * 4)))), ip4(pgm(4, data, opts(opt(0x11, b"\0" * 4)))),
    ip4(pgm(4, data, opts(opt(0x00, b"\0" * 4)))),
    ip4(pgm(4, data, opts(opt(0x02, b"\0\0\0\1\0\0")))),
    ip4(pgm(4, data, opts(opt(0x07, b"\0\1")))),
    ip4(pgm(4, data, opts(opt(0x07, struct.pack("!HH", 1, 0) + V6_A)))),
    ip4(pgm(4, data, opts(opt(0x07, struct.pack("!HH", 2, 0) + IP_A)))),
    ip4(pgm(4, data, opts(opt(0x07, struct.pack("!HH", 5, 0) + IP_A)))),
    ip4(pgm(4, data, opts(opt(0x12, b"\0" * 4)))), ip4(pgm(4, data, opts(opt(0x13, b"\0" * 4)))),
    ip4(pgm(4, data, opts(opt(0x12, struct.pack("!IHH", 1, 1, 0) + V6_A)))),
    ip4(pgm(4, data, opts(opt(0x13, struct.pack("!IHH", 1, 2, 0) + IP_A)))),
    ip4(pgm(4, data, opts(opt(0x13, struct.pack("!IHH", 1, 7, 0) + IP_A)))),
    # options bit set, none there
    ip4(pgm(2, polr, optbits=1)), ip4(pgm(12, optbits=1)),
    # PGM behind an IPv6 destination options header: ports only
    ip6(pgm(11, ack), nxt=60, pre=ext6(113, b"")),
]
# cuts by the snap length: inside the ports, the header, the body, an option
full = ip4(pgm(4, data, opts(opt(0x01, struct.pack("!III", 1, 2, 3)), opt(0x0d, end=True))))
for cut in (14 + 20 + 2, 14 + 20 + 10, 14 + 20 + 18, 14 + 20 + 16 + 8 + 2, 14 + 20 + 16 + 8 + 9):
    frames.append((full, cut, len(full)))
full6 = ip6(pgm(1, poll6))
frames.append((full6, 14 + 40 + 3, len(full6)))
frames.append((full6, 14 + 40 + 30, len(full6)))

here = os.path.dirname(os.path.abspath(__file__))
write_pcap(os.path.join(here, "input", "sniff_pgm.pcap"), LINKTYPE_ETHERNET, frames)


# ---- EPGM: PGM over UDP, with ZeroMQ datagrams in ODATA/RDATA --------------------------------
def zf(body, flags=0, long=False):
    n = len(body) + 1
    if long or n > 254:
        return b"\xff" + struct.pack("!Q", n) + bytes([flags]) + body
    return bytes([n, flags]) + body


def dgram(off, payload):
    return struct.pack("!H", off) + payload


def epgm(typ, body, tsdu, v6=False, opt_bytes=b""):
    p = pgm(typ, body + opt_bytes, tsdu=tsdu, sport=39236, dport=5563,
            optbits=1 if opt_bytes else 0)
    if v6:
        return eth6(udp6(V6_A, V6_B, 40000, 5563, p))
    return eth4(udp4(IP_A, bytes([239, 255, 0, 16]), 40000, 5563, p))


long_text = bytes(range(32, 127)) * 3
z1 = dgram(0, zf(b"id", 1) + zf(b"hello world"))
z2 = dgram(4, b"tail" + zf(b"", 0) + zf(long_text, 0x82))
z3 = dgram(0xffff, long_text)
z4 = dgram(0xffff, b"x")
z5 = dgram(300, b"short")
z6 = dgram(0, b"\x00" + b"\xff" + struct.pack("!Q", 0) + zf(b"after empty"))
z7 = dgram(0, b"\xff" + struct.pack("!Q", 4000) + b"\x00cut")
z8 = dgram(0, zf(b"abc") + zf(b"past the tsdu"))
epgm_frames = [
    epgm(0, spm4, 0), epgm(0, spm6, 0, v6=True), epgm(12, b"", 0),
    epgm(4, data + z1, len(z1)), epgm(5, data + z2, len(z2)), epgm(4, data + z3, len(z3)),
    epgm(4, data + z4, len(z4)), epgm(4, data + z5, len(z5)), epgm(4, data + z6, len(z6)),
    epgm(4, data + z7, len(z7)), epgm(4, data + z8, 7),
    epgm(4, data + z1, len(z1), v6=True),
    epgm(4, data, len(z1), opt_bytes=opts(opt(0x0d, end=True)) + z1),
    epgm(4, data + b"\x00", 1), epgm(4, data, 0), epgm(2, polr, 0), epgm(1, poll4, 0),
]
full = epgm(4, data + z2, len(z2))
epgm_frames.append((full, len(full) - 20, len(full)))
epgm_frames.append((full, 14 + 20 + 8 + 16 + 8 + 1, len(full)))
epgm_frames.append((full, 14 + 20 + 8 + 3, len(full)))
write_pcap(os.path.join(here, "input", "sniff_pgm_epgm.pcap"), LINKTYPE_ETHERNET, epgm_frames)


# ---- ZMTP/1.0 over TCP ------------------------------------------------------------------------
seq = [1000]


def seg(payload):
    fr = eth4(tcp4(IP_A, IP_B, 40000, 5555, seq[0], 1, "P.", payload))
    seq[0] += len(payload)
    return fr


big = bytes(range(256)) * 2
zmtp_frames = [
    seg(b"\x01\x00"), seg(zf(b"", 1) + zf(b"hello")),
    seg(b"\x00" + zf(b"after a zero length")),
    seg(b"\xff" + struct.pack("!Q", 0) + zf(b"after a zero 64-bit length")),
    seg(zf(big)), seg(zf(b"mbz flags", 0xfe)),
    seg(zf(b"declared past the segment")[:10]),
    seg(b"\xff" + struct.pack("!Q", 0xfffffffffffffff7) + b"\xffwrap"),
    seg(b"\xff\x00\x00"), seg(b"\x05"),
    seg(zf(b"ab") + zf(b"x" * 200) + zf(b"end", 0x01)),
]
full = seg(zf(big))
zmtp_frames.append((full, 14 + 20 + 20 + 60, len(full)))
zmtp_frames.append((full, 14 + 20 + 20 + 5, len(full)))
write_pcap(os.path.join(here, "input", "sniff_zmtp1.pcap"), LINKTYPE_ETHERNET, zmtp_frames)
