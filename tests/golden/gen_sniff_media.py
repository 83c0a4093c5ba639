#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_media.py: writes tests/golden/input/sniff_media_*.pcap (issue 13): RTP, RTCP and
# vat/vt as tcpdump 4.99 prints them (-T rtp, -T rtcp, -T vat, vat by UDP port 3456), and
# QUIC (UDP 443) and WireGuard (UDP 51820), which tcpdump 4.99 does not decode, built byte by
# byte with cuts by the snap length inside each header.  The output is committed; only
# changing a capture needs python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, IP6_A, IP6_B, LINKTYPE_ETHERNET, eth4, eth6,  # noqa: E402
                       udp4, udp6, write_pcap)

UDP_OFF = 14 + 20 + 8  # the first payload byte of eth4(udp4(...))


def u(payload, sport=40000, dport=5004):
    return eth4(udp4(IP_A, IP_B, sport, dport, payload))


# ---- RTP (RFC 3550; version 1 as draft-ietf-avt-rtp-04) --------------------------------------
def rtp2(pt, seq, ts, ssrc, payload=b"", marker=0, ext=None, cc=0, csrcs=b""):
    b0 = 0x80 | (0x10 if ext is not None else 0) | cc
    h = struct.pack("!BBHII", b0, (marker << 7) | pt, seq, ts, ssrc) + csrcs
    return h + (ext or b"") + payload


def rtp_frames():
    out = [
        u(rtp2(0, 1000, 160000, 0x11223344, bytes(160))),
        u(rtp2(96, 1001, 163000, 0x11223344, bytes(40), marker=1)),
        # a header extension (RFC 8285's one-byte form: 0xbede, one word)
        u(rtp2(111, 7, 48000, 0xdeadbeef, bytes(20), ext=b"\xbe\xde\x00\x01\x10\xaa\x00\x00")),
        # an extension longer than the datagram: !ext with -v
        u(rtp2(111, 8, 48960, 0xdeadbeef, bytes(4), ext=b"\xbe\xde\x00\x40")),
        # H.261 (payload type 31): its first header bytes with -v
        u(rtp2(31, 9, 90000, 0x01020304, b"\x12\x34\x56\x78" + bytes(8))),
        u(rtp2(31, 10, 90090, 0x01020304, b"\x9a\xbc\x00\x00", ext=b"\x00\x01\x00\x00")),
        # CSRCs (counted, not printed)
        u(rtp2(8, 11, 1, 2, bytes(8), cc=2, csrcs=b"\x00\x00\x00\x05\x00\x00\x00\x06")),
        # version 1: options end with the word whose top bit is set
        u(struct.pack("!II", 0x40800000 | (5 << 16) | 77, 123456) +
          struct.pack("!I", 0x00010000) + struct.pack("!I", 0x80010000) + bytes(8)),
        u(struct.pack("!II", 0x40400000 | (2 << 16) | 78, 123457) + bytes(8)),
        u(struct.pack("!II", 0x40800000 | (5 << 16) | 79, 123458) +
          struct.pack("!I", 0x00090000) + bytes(4)),                     # !opt: too long
        u(struct.pack("!II", 0x40800000 | (5 << 16) | 80, 123459) +
          struct.pack("!I", 0x00000000)),                                # !opt: length 0
        u(struct.pack("!II", 0x40800000 | (0x1f << 16) | 81, 123460) +
          struct.pack("!I", 0x80010000) + b"\xca\xfe\x00\x00"),          # v1 H.261 after options
        # versions 0 and 3 are read as version 2
        u(b"\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03"),
        u(b"\xc0\x7f\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"),
        u(b"\x80\x00\x00"),                   # < 8
        u(b"\x80\x00\x00\x01\x00\x00\x00\x02"),  # version 2, < 12
        u(b"\x80\x00\x00\x01\x00\x00\x00\x02\x00\x00"),
        u(b""),
    ]
    full = u(rtp2(0, 1000, 160000, 0x11223344, bytes(16)))
    out += [(full, UDP_OFF + k) for k in (0, 3, 6, 10)]
    v1 = u(struct.pack("!II", 0x40800000 | (5 << 16) | 77, 123456) +
           struct.pack("!I", 0x00010000) + struct.pack("!I", 0x80010000) + bytes(8))
    out += [(v1, UDP_OFF + k) for k in (13, 17)]
    ext = u(rtp2(31, 8, 48960, 0xdeadbeef, bytes(4), ext=b"\xbe\xde\x00\x01\x00\x00\x00\x00"))
    out += [(ext, UDP_OFF + k) for k in (14, 20)]
    return out


# ---- RTCP (RFC 3550 6.4) ---------------------------------------------------------------------
def rtcp(pt, count, body, length=None):
    words = (4 + len(body)) // 4 - 1 if length is None else length
    return struct.pack("!BBH", 0x80 | count, pt, words) + body


def report(ssrc, lost, last, jitter, lsr, dlsr, frac=0x20):
    return struct.pack("!IIIIII", ssrc, (frac << 24) | lost, last, jitter, lsr, dlsr)


def rtcp_frames():
    sr = struct.pack("!IIIIII", 0x11223344, 3900000000, 0x80000000, 160000, 1200, 192000)
    r1 = report(0x55667788, 3, 0x00010064, 12, 0x12345678, 0x00018000)
    r2 = report(0x99aabbcc, 0x1000001, 77, 0, 0, 65536)
    sdes = struct.pack("!I", 0x11223344) + b"\x01\x05host1\x00\x00"
    bye = struct.pack("!I", 0x11223344)
    out = [
        u(rtcp(200, 1, sr + r1), 5005, 5005),
        u(rtcp(200, 0, sr) + rtcp(202, 1, sdes), 5005, 5005),
        u(rtcp(201, 2, struct.pack("!I", 0xaabbccdd) + r1 + r2) + rtcp(203, 1, bye), 5005, 5005),
        u(rtcp(201, 0, struct.pack("!I", 0xaabbccdd)), 5005, 5005),
        u(rtcp(204, 3, struct.pack("!I", 1) + b"name" + bytes(4)), 5005, 5005),  # APP
        u(rtcp(200, 1, sr + r1, length=20), 5005, 5005),           # wrong length: [len]
        u(rtcp(201, 1, struct.pack("!I", 7), length=1), 5005, 5005),  # reports past the end
        u(rtcp(200, 0, sr) + b"\x81\xc9\x00", 5005, 5005),        # a header cut short
        u(rtcp(201, 0, struct.pack("!I", 5), length=0xffff), 5005, 5005),
        u(b"", 5005, 5005),
    ]
    full = u(rtcp(200, 1, sr + r1), 5005, 5005)
    out += [(full, UDP_OFF + k) for k in (4, 8, 20, 30, 40)]
    return out


# ---- vat and vt (LBL's audio and text tools) -------------------------------------------------
def vat_frames():
    v = lambda p, sport=40000, dport=3456: u(p, sport, dport)
    out = [
        v(struct.pack("!II", 0x00000042, 123456789) + bytes(160)),
        v(struct.pack("!II", 0x03850007, 987654) + bytes(80)),     # format, size and the mark
        v(struct.pack("!II", 0x00000000, 1)),
        v(b"\x50\x03" + bytes(10)),                                # vt
        v(b"\x00\x01\x02"),                                        # vat < 8
        v(b"\x00"),                                                # < 2
        v(b""),
        u(struct.pack("!II", 0x00000042, 5) + bytes(8), 3456, 40000),  # source port: plain UDP
    ]
    full = v(struct.pack("!II", 0x00000042, 123456789) + bytes(16))
    out += [(full, UDP_OFF + k) for k in (1, 5)]
    return out


# ---- QUIC (RFC 9000 17, RFC 9369 for version 2) ----------------------------------------------
def varint(n):
    if n < 64:
        return bytes([n])
    if n < 16384:
        return struct.pack("!H", 0x4000 | n)
    return struct.pack("!I", 0x80000000 | n)


def quic_long(ptype, version, dcid, scid, rest):
    return bytes([0xc0 | (ptype << 4) | 0x01, ]) + struct.pack("!I", version) + \
        bytes([len(dcid)]) + dcid + bytes([len(scid)]) + scid + rest


def quic_frames():
    dcid = bytes.fromhex("8394c8f03e515708")
    scid = bytes.fromhex("f067a5502a4262b5")
    body = bytes(range(48))
    q = lambda p, sport=50000, dport=443: u(p, sport, dport)
    initial = quic_long(0, 1, dcid, b"", varint(0) + varint(len(body) + 2) + b"\x00\x01" + body)
    out = [
        q(initial + bytes(40)),                                             # padded
        q(quic_long(0, 1, scid, dcid, varint(0) + varint(20) + bytes(20)), 443, 50000),
        q(quic_long(2, 1, scid, dcid, varint(30) + bytes(30)), 443, 50000),  # Handshake
        q(quic_long(1, 1, dcid, scid, varint(10) + bytes(10))),             # 0-RTT
        q(quic_long(3, 1, scid, dcid, b"retry-token-bytes" + bytes(16)), 443, 50000),
        q(quic_long(0, 1, dcid, scid, varint(5) + b"token" + varint(4) + bytes(4))),
        q(quic_long(0, 0, scid, dcid, struct.pack("!II", 1, 0x6b3343cf)), 443, 50000),  # VN
        q(quic_long(1, 0x6b3343cf, dcid, scid, varint(0) + varint(8) + bytes(8))),  # v2 Initial
        q(quic_long(0, 0xff00001d, dcid, scid, varint(0) + varint(4) + bytes(4))),  # draft-29
        q(bytes([0x41]) + dcid + bytes(30)),                                # short header
        q(bytes([0x01]) + bytes(20)),                                       # no fixed bit
        q(quic_long(0, 1, bytes(21), b"", b"")),                            # CID too long
        q(b""),
        eth6(udp6(IP6_A, IP6_B, 50001, 443, initial)),
    ]
    full = q(initial)
    out += [(full, UDP_OFF + k) for k in (1, 4, 6, 10, 15, 17)]
    return out


# ---- WireGuard (the protocol's whitepaper, section 5.4) --------------------------------------
def wg_frames():
    w = lambda p, sport=40000, dport=51820: u(p, sport, dport)
    init = struct.pack("<BBBBI", 1, 0, 0, 0, 0x11223344) + bytes(32) + bytes(48) + bytes(28) + \
        bytes(16) + bytes(16)
    resp = struct.pack("<BBBBII", 2, 0, 0, 0, 0x55667788, 0x11223344) + bytes(32) + bytes(16) + \
        bytes(16) + bytes(16)
    cookie = struct.pack("<BBBBI", 3, 0, 0, 0, 0x11223344) + bytes(24) + bytes(32)
    data = struct.pack("<BBBBIQ", 4, 0, 0, 0, 0x55667788, 42) + bytes(32)
    keepalive = struct.pack("<BBBBIQ", 4, 0, 0, 0, 0x55667788, 43) + bytes(16)
    out = [
        w(init), w(resp, 51820, 40000), w(cookie, 51820, 40000), w(data), w(keepalive),
        w(struct.pack("<BBBBI", 9, 0, 0, 0, 1) + bytes(8)),                 # unknown type
        w(struct.pack("<BBBBI", 1, 0, 0, 0, 1) + bytes(8)),                 # wrong length
        w(struct.pack("<BBBBIQ", 4, 1, 0, 0, 1, 2) + bytes(16)),            # reserved not 0
        w(b"\x04\x00"),
    ]
    out += [(w(data), UDP_OFF + k) for k in (2, 6, 12)]
    return out


# ---- wb (LBL's whiteboard, tcpdump's print-wb.c) ---------------------------------------------
def wb_frames():
    w = lambda typ, body, flags=0, sport=40000, dport=4567: u(
        struct.pack("!IIHBB", 0x0a000001, 77, 1, typ, flags) + body, sport, dport)
    page = lambda sid, uid: bytes(sid) + struct.pack("!I", uid)
    ioff = lambda ip, off: bytes(ip) + struct.pack("!I", off)
    dop = lambda ts, typ, body=b"": struct.pack("!IHBB", ts, len(body), 0, typ) + body + \
        bytes((-len(body)) % 4)
    pid = struct.pack("!I", 3) + page((10, 0, 0, 9), 4) + struct.pack("!I", 2) + \
        page((10, 0, 0, 8), 5) + struct.pack("!HH", 2, 0) + ioff((10, 0, 0, 1), 100) + \
        ioff((10, 0, 0, 2), 200) + b"site-one\0pad"
    dops = struct.pack("!I", 1) + page((10, 0, 0, 7), 9) + struct.pack("!II", 5, 9) + \
        dop(0, 2, b"abcd") + dop(0, 3) + dop(8, 14) + dop(0, 9, b"hello") + dop(0, 99)
    out = [
        w(4, b""),                                                     # kill
        w(1, pid, flags=1),
        w(1, pid[:28]),                                                # no offsets, no name
        w(1, pid[:24] + struct.pack("!HH", 9, 0)),                     # more offsets than bytes
        w(2, struct.pack("!I", 0x0a000005) + page((10, 0, 0, 7), 9) + struct.pack("!II", 3, 8)),
        w(2, bytes(10)),                                               # short
        w(3, dops),
        w(0, dops[4:]),
        w(0, dops[4:20] + dop(30, 15) + dop(0, 4)),                    # HOLE past the end
        w(0, dops[4:12] + struct.pack("!II", 7, 6) + dop(0, 2)),       # start after end
        w(0, dops[4:12] + struct.pack("!II", 9, 20) + dop(3, 14)),     # SKIP backwards
        w(5, page((10, 0, 0, 3), 12) + struct.pack("!II", 4, 6)),
        w(7, struct.pack("!I", 2) + struct.pack("!I", 1) + page((10, 0, 0, 4), 2) +
          struct.pack("!HH", 0x0100, 0) + ioff((10, 0, 0, 6), 60) +
          struct.pack("!I", 2) + page((10, 0, 0, 5), 3) + struct.pack("!HH", 0, 0)),
        w(7, struct.pack("!I", 1000) + bytes(20)),                     # more states than bytes
        w(7, b"\0\0"),
        w(6, bytes(8)),                                                # unknown type
        u(bytes(8), 40000, 4567),                                      # < 12
        u(struct.pack("!IIHBB", 1, 2, 1, 4, 0), 4567, 40000),          # source port: plain UDP
    ]
    full = w(1, pid)
    out += [(full, UDP_OFF + k) for k in (8, 20, 30, 44, 50, 60, 66)]
    full = w(0, dops[4:])
    out += [(full, UDP_OFF + k) for k in (20, 30, 36, 50)]
    return out



# capture name -> its frames; written to tests/golden/input, or to the folder given
CAPTURES = {"sniff_media_%s.pcap" % k: f for k, f in (
    ("rtp", rtp_frames), ("rtcp", rtcp_frames), ("vat", vat_frames), ("quic", quic_frames),
    ("wg", wg_frames), ("wb", wb_frames))}

if __name__ == "__main__":
    OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "input")
    for name, make in CAPTURES.items():
        write_pcap(os.path.join(OUT, name), LINKTYPE_ETHERNET, make())
