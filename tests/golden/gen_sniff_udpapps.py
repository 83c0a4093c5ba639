#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_udpapps.py: writes tests/golden/input/sniff_udpapps_*.pcap (issue 13): the UDP and TCP
# applications tcpdump 4.99 decodes by port that sniff learnt last (timed, AODV, HNCP, Rx/AFS,
# lwres, Telnet), built byte by byte with the paths tcpdump's test captures lack and cuts by the
# snap length inside each message.  The output is committed; only changing a capture needs
# python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, IP6_A, IP6_B, LINKTYPE_ETHERNET, eth4, eth6,  # noqa: E402
                       tcp4, udp4, udp6, write_pcap)

UDP_OFF = 14 + 20 + 8  # the first payload byte of eth4(udp4(...))


def u(payload, sport=40000, dport=525):
    return eth4(udp4(IP_A, IP_B, sport, dport, payload))


def u6(payload, sport=40000, dport=654):
    return eth6(udp6(IP6_A, IP6_B, sport, dport, payload))


# ---- timed (BSD TSP, UDP 525) ----------------------------------------------------------------
def tsp(typ, seq, mid=b"\x00" * 8, name=b"host\x00", vers=1):
    return struct.pack("!BBH", typ, vers, seq) + mid + name


def timed_frames():
    name = b"master.example\x00"
    out = [
        u(tsp(3, 1, name=name)),                                   # MASTERREQ
        u(tsp(24, 2, b"\x07" + bytes(7), name)),                   # LOOP: hop count
        u(tsp(5, 3, struct.pack("!ii", 1700000000, 250000), name)),  # SETTIME
        u(tsp(1, 4, struct.pack("!ii", -2, 500000), name)),        # ADJTIME: -1.500000
        u(tsp(22, 5, struct.pack("!ii", -1, 1), name)),            # SETDATE: -0.999999
        u(tsp(23, 6, struct.pack("!ii", -3, 0), name)),            # SETDATEREQ: -3.000000
        u(tsp(1, 7, struct.pack("!ii", 5, -1), name)),             # negative usec: no name
        u(tsp(99, 8, name=name)),                                  # unknown type
        u(tsp(4, 9, name=b"\x01\xff" + b"x" * 300)),               # no NUL within 256 bytes
        u(tsp(2, 10, name=b"ab")),                                 # no NUL: the capture ends
        u(tsp(3, 11), sport=525, dport=53000),
    ]
    full = u(tsp(5, 3, struct.pack("!ii", 1, 2), name))
    out += [(full, UDP_OFF + k) for k in (0, 1, 3, 6, 13)]
    return out


# ---- AODV (RFC 3561, UDP 654; IPv6 forms and draft-01 types 16-19) ---------------------------
A4 = bytes([10, 1, 1, 1])
B4 = bytes([10, 2, 2, 2])
A6 = bytes.fromhex("20010db8000000000000000000000001")
B6 = bytes.fromhex("20010db8000000000000000000000002")
HELLO = b"\x01\x04" + struct.pack("!I", 1000)


def aodv_frames():
    rreq4 = struct.pack("!BBBBI", 1, 0, 0, 3, 0x1234) + A4 + struct.pack("!I", 7) + B4 + \
        struct.pack("!I", 9)
    rrep4 = struct.pack("!BBBB", 2, 0, 0x15, 2) + A4 + struct.pack("!I", 8) + B4 + \
        struct.pack("!I", 3000)
    rreq6 = struct.pack("!BBBBI", 1, 0, 0, 1, 0xabcdef01) + A6 + struct.pack("!I", 5) + B6 + \
        struct.pack("!I", 6)
    rrep6 = struct.pack("!BBBB", 2, 0, 0x08, 4) + A6 + struct.pack("!I", 11) + B6 + \
        struct.pack("!I", 60000)
    d_rreq = struct.pack("!BBBBIII", 16, 0, 0, 2, 77, 1, 2) + A6 + B6
    d_rrep = struct.pack("!BBBBI", 17, 0, 3, 1, 42) + A6 + B6 + struct.pack("!I", 500)
    out = [
        u(rreq4, dport=654),
        u(rreq4 + HELLO, dport=654),
        u(rreq4 + b"\x01\x02\x00\x00\x00\x05", sport=654, dport=40000),   # a bad hello length
        u(rreq4, sport=654, dport=525),                        # timed's port is tried first
        u(rrep4 + b"\x07\x03abc", dport=654),                 # an unknown extension
        u(rrep4 + HELLO[:4], dport=654),                       # a hello cut by the length
        u(bytes([0xc2]) + rrep4[1:], dport=654),                # flags in the type byte: unknown
        u(rrep4[:12], dport=654),                               # shorter than a reply
        u(struct.pack("!BBBB", 3, 0x80, 0, 2) + A4 + struct.pack("!I", 1) + B4 +
          struct.pack("!I", 2), dport=654),
        u(struct.pack("!BBBB", 3, 0, 0, 3) + A4 + struct.pack("!I", 1), dport=654),  # too few
        u(b"\x04\x00", dport=654),
        u(b"\x13\x00", dport=654),
        u(b"\x09\x00\x00\x00", dport=654),
        u(b"", dport=654),
        u6(rreq6),
        u6(rreq6 + HELLO),
        u6(rrep6),
        u6(struct.pack("!BBBB", 3, 0x80, 0, 1) + A6 + struct.pack("!I", 4)),
        u6(rreq4),                                              # IPv4's size over IPv6
        u6(d_rreq + b"\x02\x00"),
        u6(d_rrep),
        u6(struct.pack("!BBBB", 18, 0, 0, 2) + A6 + struct.pack("!I", 4) + B6 +
           struct.pack("!I", 5)),
        u(d_rreq, dport=654),                                   # draft-01 over IPv4
    ]
    full = u(rreq4 + HELLO, dport=654)
    out += [(full, UDP_OFF + k) for k in (0, 1, 10, 23, 24, 25, 27)]
    return out


# ---- HNCP (RFC 7788, DNCP RFC 7787; UDP 8231) ------------------------------------------------
def tlv(t, body):
    return struct.pack("!HH", t, len(body)) + body + bytes(-len(body) % 4)


def v4m(a):
    return bytes(10) + b"\xff\xff" + a


def hncp_frames():
    nid = b"\x31\xda\x78\xd2"
    name = b"\x04home\x04arpa\x00"
    inner = (tlv(8, nid + struct.pack("!II", 1, 2)) +
             tlv(32, b"\x00\x00\x04\x44hnetd/1.0") +
             tlv(33, tlv(34, struct.pack("!II", 599, 299) + b"\x68" + v4m(b"\x0a\x00\x00\x00")[:13] +
                         tlv(43, b"\x00")) +
                 tlv(37, b"\x06\x08\xc0\xa8\x01\xfe\x08\x08\x08\x08" + b"\x2a\x04\x0a\x00\x00\x01" +
                     b"\x77\x0b" + name) +
                 tlv(38, struct.pack("!HH", 23, 16) + IP6_B + struct.pack("!HH", 24, 11) + name +
                     struct.pack("!HH", 31, 16) + IP6_A + struct.pack("!HH", 99, 2) + b"ab")) +
             tlv(35, struct.pack("!IB", 3, 0x12) + b"\x40" + bytes.fromhex("fd1ff88ce207dbbc")) +
             tlv(36, struct.pack("!I", 1) + v4m(b"\x0a\x00\x63\x02")) +
             tlv(36, struct.pack("!I", 3) + IP6_A) +
             tlv(39, IP6_A + b"\x05" + name) +
             tlv(40, name) +
             tlv(41, IP6_B + b"\x06router") +
             tlv(42, bytes(range(32))) +
             tlv(43, b"\x30" + bytes.fromhex("20010db8ab")) +
             tlv(43, b"\x81" + name) +
             tlv(43, b"\x82" + b"opaque") +
             tlv(43, b"\x83") +
             tlv(43, b"\xc8") +
             tlv(9, struct.pack("!II", 5, 20000)) +
             tlv(10, b"\x01\x00\x00\x00" + bytes(range(32)) + b"CN=node") +
             tlv(500, b"x") + tlv(800, b"") + tlv(2000, b"") + tlv(6, b"") + tlv(0, b""))
    ns = tlv(5, nid + struct.pack("!II", 19, 160105) + bytes.fromhex("800088c8e0714638") + inner)
    bad = (tlv(1, b"x") + tlv(2, b"abc") + tlv(3, b"") + tlv(4, b"") + tlv(5, bytes(4)) +
           tlv(8, b"") + tlv(9, b"") + tlv(10, bytes(36)) + tlv(32, b"") +
           tlv(34, bytes(8)) + tlv(34, struct.pack("!II", 1, 2) + b"\xff" + bytes(32)) +
           tlv(35, bytes(5)) + tlv(35, struct.pack("!IB", 1, 0) + b"\x81" + bytes(17)) +
           tlv(36, bytes(4)) + tlv(39, bytes(4)) + tlv(39, IP6_A + b"\x00\x09abc") +
           tlv(40, b"") + tlv(40, b"\x05ab") + tlv(41, bytes(4)) + tlv(41, IP6_A + b"\x40") +
           tlv(41, IP6_A + b"\x50" + bytes(80)) + tlv(42, bytes(4)) + tlv(43, b"") +
           tlv(43, b"\x00\x00") + tlv(43, b"\x83\x00") + tlv(43, b"\x70" + v4m(b"")[:12] + b"\x01") +
           tlv(38, b"") + tlv(38, struct.pack("!HH", 23, 4) + bytes(4)) + tlv(38, b"\x00\x17\x00") +
           tlv(37, b""))
    out = [
        u6(tlv(3, nid + b"\x03\x00\x00\x00") + tlv(4, bytes.fromhex("2ae5f77255200bcc")),
           sport=8231, dport=8231),
        u6(tlv(1, b""), sport=8231, dport=8231),
        u6(tlv(2, nid), sport=8231, dport=8231),
        u6(tlv(3, nid + b"\x03\x00\x00\x00") + ns, sport=8231, dport=8231),
        u6(bad, sport=40000, dport=8231),
        u6(tlv(37, b"\x06\x03abc") + tlv(1, b""), sport=8231, dport=8231),   # DHCPv4: invalid level
        u6(tlv(37, b"\x2a\x05abcde") + tlv(1, b""), sport=8231, dport=8231),
        u6(tlv(1, b"") + b"\x00\x01", sport=8231, dport=8231),                # a TLV header cut
        u6(tlv(1, b"") + b"\x00\x02\x00\x08abcd", sport=8231, dport=8231),  # a body past the end
        u(tlv(1, b"") + tlv(1, b"") + tlv(2, nid), sport=1812, dport=8231),  # before RADIUS
        u6(b"", sport=8231, dport=8231),
    ]
    full = u6(tlv(3, nid + b"\x03\x00\x00\x00") + ns, sport=8231, dport=8231)
    off = 14 + 40 + 8
    out += [(full, off + k) for k in (2, 12, 30, 45, 60, 100, 200, 300)]
    return out


# ---- Rx / AFS (UDP 7000-7009) ----------------------------------------------------------------
def rxh(typ, flags, call=5, seq=1, serial=1, service=1, sec=2, cid=0x1000):
    return struct.pack("!IIIIIBBBBHH", 0x38000000, cid, call, seq, serial, typ, flags, 0, sec, 0,
                       service)


def xstr(b):
    return struct.pack("!I", len(b)) + b + bytes(-len(b) % 4)


def rx_frames():
    C, S = IP_A, IP_B
    out = []

    def call(dport, typ, flags, body, sport=7001, **k):
        out.append(eth4(udp4(C, S, sport, dport, rxh(typ, flags, **k) + body)))

    def reply(sport, typ, flags, body, dport=7001, **k):
        out.append(eth4(udp4(S, C, sport, dport, rxh(typ, flags, **k) + body)))

    # acks: acked and nacked runs, the optional fields, a cut list
    ack = struct.pack("!HHIIIBB", 10, 2, 100, 99, 77, 1, 8) + bytes([1, 1, 0, 1, 0, 0, 1, 1])
    call(7000, 2, 0x22, ack + bytes(3) + struct.pack("!IIII", 1444, 1500, 32, 4))
    call(7000, 2, 0x00, struct.pack("!HHIIIBB", 1, 1, 5, 4, 3, 9, 20) + bytes(4))
    call(7000, 2, 0x00, struct.pack("!HHIIIBB", 1, 1, 5, 4, 3, 42, 0) + bytes(3) + b"\x00\x00")
    call(7000, 2, 0x00, struct.pack("!HHII", 1, 1, 5, 4))
    # every flag, other types
    call(7000, 1, 0x3f, b"", seq=2)
    for t in (3, 5, 6, 7, 8, 9, 13, 99):
        call(7000, t, 0x01, b"\x00\x00\x00\x00")
    # fs: calls, replies found through the cache, an abort with an error
    fid = struct.pack("!III", 536871098, 1, 1)
    call(7000, 1, 1, struct.pack("!I", 130) + fid + struct.pack("!II", 0, 65536), call=11)
    reply(7000, 4, 0, struct.pack("!I", 0xffffff9c), call=11)
    call(7000, 1, 1, struct.pack("!I", 137) + fid + xstr(b"newfile") +
         struct.pack("!IIIIII", 0x40f, 943999584, 1, 2, 0o644, 0), call=12)
    reply(7000, 1, 0, fid, call=12)
    call(7000, 1, 1, struct.pack("!I", 138) + fid + xstr(b"a") + fid + xstr(b"b"), call=13)
    call(7000, 1, 1, struct.pack("!I", 140) + fid + xstr(b"l") + fid, call=14)
    call(7000, 1, 1, struct.pack("!I", 155) + struct.pack("!I", 2) + fid + fid, call=15)
    call(7000, 1, 1, struct.pack("!I", 65537) + fid + struct.pack("!QQ", 1 << 33, 4096), call=16)
    call(7000, 1, 1, struct.pack("!I", 134) + fid + xstr(b"1 1\nsystem:anyuser 9\nbad 4\n"),
         call=17)
    call(7000, 1, 1, struct.pack("!I", 153), call=18)
    reply(7000, 1, 0, struct.pack("!I", 943999584), call=18)
    reply(7000, 3, 0, b"", call=18)                      # busy: no reply decoding
    call(7000, 1, 1, struct.pack("!I", 999), call=19)
    call(7000, 1, 1, struct.pack("!I", 136) + fid + struct.pack("!I", 300), call=20)  # too long
    # cb
    call(7001, 1, 1, struct.pack("!I", 204) + struct.pack("!I", 1) + fid + struct.pack("!I", 1) +
         struct.pack("!iiI", 3, 943999584, 1), sport=7000, call=21)
    call(7001, 1, 1, struct.pack("!I", 214) + bytes(range(44)), sport=7000, call=22)
    reply(7001, 4, 0, struct.pack("!i", -5), dport=7000, call=22)
    # pt, vldb, kauth, with Ubik on each database
    call(7002, 1, 1, struct.pack("!I", 505) + struct.pack("!Iii", 2, 1, -2), call=23)
    reply(7002, 1, 0, struct.pack("!I", 1) + b"".join(struct.pack("!I", c) for c in
                                                          b"admin".ljust(64, b"\0")), call=23)
    call(7002, 1, 1, struct.pack("!I", 10000) + struct.pack("!IiIIII", 1, 943999584, 1, 2, 3, 4),
         call=24)
    reply(7002, 1, 0, b"", call=24)
    call(7003, 1, 1, struct.pack("!I", 20002) + struct.pack("!IIiiiI", 1, 2, 0, 0, 100, 1),
         call=25)
    reply(7003, 4, 0, struct.pack("!i", 5376), call=25)
    call(7003, 1, 1, struct.pack("!I", 503) + struct.pack("!iI", 536871098, 1), call=26)
    reply(7003, 4, 0, struct.pack("!i", 363524), call=26)
    call(7004, 1, 1, struct.pack("!I", 21) + xstr(b"admin") + xstr(b""), call=27)
    reply(7004, 4, 0, struct.pack("!i", 180490), call=27)
    call(7004, 1, 1, struct.pack("!I", 23) + struct.pack("!i", 3) + xstr(b"CELL") + xstr(b"xx") +
         xstr(b"afs") + xstr(b""), call=28)
    call(7004, 1, 1, struct.pack("!I", 20004), call=29)
    reply(7004, 1, 0, struct.pack("!II", 943999584, 7), call=29)
    # vol and bos
    call(7005, 1, 1, struct.pack("!I", 103) + struct.pack("!Ii", 1, 943999584) +
         struct.pack("!IIIi", 1, 2, 3, 4), call=30)
    call(7005, 1, 1, struct.pack("!I", 128) + struct.pack("!IiI", 1, 0, 2) +
         struct.pack("!IIIIII", 1, 2, 3, 4, 5, 6), call=31)
    call(7005, 1, 1, struct.pack("!I", 113) + struct.pack("!I", 1), call=32)
    reply(7005, 1, 0, struct.pack("!IIIIIIIIII", *range(10)) + struct.pack("!iiiiii", *([0] * 6)),
          call=32)
    call(7007, 1, 1, struct.pack("!I", 80) + xstr(b"simple") + xstr(b"fs"), call=33)
    call(7007, 1, 1, struct.pack("!I", 105) + xstr(b"/usr/afs/bin/x") + struct.pack("!iii", 1, 2, 3),
         call=34)
    reply(7007, 4, 0, struct.pack("!i", -1), call=34)
    call(7006, 1, 1, struct.pack("!I", 1), call=35)       # no service on 7006
    # cuts: the header, inside arguments
    full = eth4(udp4(C, S, 7001, 7000, rxh(1, 1, call=40) + struct.pack("!I", 130) + fid +
                     struct.pack("!II", 0, 1)))
    out += [(full, UDP_OFF + k) for k in (10, 28, 30, 36, 44, 48)]
    ubik = eth4(udp4(C, S, 7001, 7003, rxh(1, 1, call=41) + struct.pack("!I", 10000) +
                     struct.pack("!IiIIII", 1, 0, 1, 2, 3, 4)))
    out += [(ubik, UDP_OFF + k) for k in (34, 40, 44, 52)]
    out.append(eth6(udp6(IP6_A, IP6_B, 7001, 7000, rxh(1, 1, call=42) + struct.pack("!I", 132) +
                         fid)))
    return out


# ---- lwres (BIND 9's lightweight resolver, UDP 921) ------------------------------------------
def lw(op, body, flags=0, version=0, length=None, serial=7, result=0):
    n = 28 + len(body) if length is None else length
    return struct.pack("!IHHIIIIHH", n, version, flags, serial, op, result, 4096, 0, 0) + body


def lwname(b):
    return struct.pack("!H", len(b)) + b + b"\x00"


def lwres_frames():
    addr4 = struct.pack("!IH", 1, 4) + IP_B
    addr6 = struct.pack("!IH", 2, 16) + IP6_B
    out = [
        u(lw(0, b"\x00\x00"), sport=921, dport=921),
        u(lw(0, b"\x00\x00", flags=1), sport=921, dport=921),
        u(lw(0x10001, struct.pack("!II", 0, 3) + lwname(b"www.example")[0:2] + b"www.example\x00"),
          dport=921),
        u(lw(0x10001, struct.pack("!II", 1, 1) + lwname(b"a")), dport=921),
        u(lw(0x10001, struct.pack("!II", 0, 0x12) + lwname(b"b") + b"zz"), dport=921),
        u(lw(0x10001, struct.pack("!IHHH", 0, 1, 2, 3) + b"www\x00" + lwname(b"alias") + addr4 +
             addr6, flags=1), sport=921, dport=40000),
        u(lw(0x10002, struct.pack("!I", 0) + addr4), dport=921),
        u(lw(0x10002, struct.pack("!I", 0) + struct.pack("!IH", 9, 3) + b"abc"), dport=921),
        u(lw(0x10002, struct.pack("!I", 0) + struct.pack("!IH", 1, 2) + b"ab"), dport=921),
        u(lw(0x10002, struct.pack("!IHH", 0, 1, 4) + b"host\x01" + lwname(b"h2"), flags=1),
          sport=921, dport=40000),
        u(lw(0x10003, struct.pack("!IHHH", 0, 1, 28, 4) + b"name\x00"), dport=921),
        u(lw(0x10003, struct.pack("!IHHH", 0, 3, 999, 1) + b"n\x00"), dport=921),
        u(lw(0x10003, struct.pack("!IHHIHH", 0, 1, 1, 3600, 1, 1) + lwname(b"n") +
             struct.pack("!H", 4) + IP_A + struct.pack("!H", 2) + b"\xab\xcd", flags=1), sport=921, dport=40000),
        u(lw(0x77, b"", flags=0x8001), sport=921, dport=40000),
        u(lw(0, b"", version=1, length=100), dport=921),
        u(lw(0, b"\x00\x00", length=1000), dport=921),
        u(lw(0x10001, struct.pack("!II", 0, 1) + struct.pack("!H", 50) + b"short"), dport=921),
    ]
    full = u(lw(0x10001, struct.pack("!II", 0, 1) + lwname(b"example")), dport=921)
    out += [(full, UDP_OFF + k) for k in (4, 27, 28, 36, 40, 45)]
    return out


# ---- Telnet (TCP 23): option negotiation ------------------------------------------------------
def t23(payload, sport=40000, dport=23, flags="P."):
    return eth4(tcp4(IP_A, IP_B, sport, dport, 1000, 2000, flags, payload))


def telnet_frames():
    IAC, SB, SE = 255, 250, 240
    out = [
        t23(bytes([IAC, 251, 1, IAC, 253, 31, IAC, 254, 36, IAC, 252, 99])),
        t23(bytes([IAC, SB, 24, 1, IAC, SE]), sport=23, dport=40000),
        t23(bytes([IAC, SB, 24, 0]) + b"xterm" + bytes([IAC, SE]) + b"login: "),
        t23(bytes([IAC, SB, 31, 0, 80, 0, 24, IAC, SE])),
        t23(bytes([IAC, SB, 37, 2, 0x0f, 9, IAC, SE, IAC, SB, 37, 1, 8, IAC, SE])),
        t23(bytes([IAC, SB, 38, 0, 1, 7, IAC, SE, IAC, SB, 38, 20, IAC, SE])),
        t23(bytes([IAC, SB, 39, IAC, SE, IAC, SB, 5, 9, IAC, SE])),
        t23(bytes([IAC, IAC, IAC, 241, IAC, 244, IAC, 236, IAC, 249])),
        t23(bytes([IAC, 200, 1, 2])),                         # not a command: nothing
        t23(bytes([IAC, SB, 24, 1, 2, 3])),                   # no IAC SE: stops
        t23(b"hello" + bytes([IAC, 251, 1])),                 # data first: nothing
        t23(bytes([IAC, 251])),                               # cut by the segment
        t23(bytes([IAC, 251, 3]), flags="R."),                 # a reset
        t23(bytes([IAC, 253, 3]), sport=23, dport=23),
        t23(b"reset because\x01\xff" + b"x" * 30, flags="R.", dport=80),  # -v: the reset's text
    ]
    full = t23(bytes([IAC, 251, 1, IAC, SB, 24, 0]) + b"vt100" + bytes([IAC, SE]))
    off = 14 + 20 + 20
    out += [(full, off + k) for k in (1, 3, 5, 9, 13)]
    out.append((t23(b"short reset", flags="R."), off + 5))
    return out


# ---- OTV (UDP 8472, as tcpdump's port table has it; VXLAN on 4789) -----------------------------
def otv_frames():
    inner = (bytes.fromhex("ffffffffffff020000000001") + b"\x08\x06" +
             struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + bytes.fromhex("020000000001") + IP_A +
             bytes(6) + IP_B)
    hdr = b"\x08\x00\x01\x02\x00\x00\x05\x00"
    full = u(hdr + inner, sport=40000, dport=8472)
    out = [full, u(b"\x00" + hdr[1:] + inner, sport=8472, dport=40000),
           u(hdr + inner, sport=8472, dport=4789), u(hdr[:5], dport=8472)]
    out += [(full, UDP_OFF + k) for k in (0, 1, 3, 4, 6, 7, 8)]
    out.append((u(hdr[:5], dport=8472), UDP_OFF + 2))
    return out


# ---- Zephyr (UDP 2103/2104) ------------------------------------------------------------------
def znotice(kind, cls, inst, opcode, sender=b"user@REALM", recipient=b"", version=b"ZEPH0.2",
            extra=b""):
    fields = [version, b"1d", b"%x" % kind, b"uid", b"2103", b"0", b"0", b"", cls, inst, opcode,
              sender, recipient, b"", b"0", b"0", b"muid"]
    return b"".join(f + b"\x00" for f in fields) + extra


def zephyr_frames():
    z = [
        znotice(1, b"USER_LOCATE", b"alice", b"LOCATE"),
        znotice(1, b"USER_LOCATE", b"alice", b"USER_HIDE"),
        znotice(1, b"USER_LOCATE", b"alice", b"USER_UNHIDE", sender=b""),
        znotice(5, b"USER_LOCATE", b"x", b"y", extra=b"NOT_SENT\x00"),
        znotice(5, b"MESSAGE", b"personal", b"", extra=b"SENT\x00"),
        znotice(2, b"ZEPHYR_ADMIN", b"x", b"Brain_Dump"),
        znotice(2, b"ZEPHYR_CTL", b"CLIENT", b"SUBSCRIBE", extra=b"MESSAGE\x00*\x00\x00"),
        znotice(2, b"ZEPHYR_CTL", b"CLIENT", b"SUBSCRIBE_NODEFS", extra=b"c\x00i\x00r@X\x00"),
        znotice(5, b"ZEPHYR_CTL", b"CLIENT", b"UNSUBSCRIBE"),
        znotice(2, b"ZEPHYR_CTL", b"CLIENT", b"GIMME"),
        znotice(2, b"ZEPHYR_CTL", b"CLIENT", b"GIMMEDEFS"),
        znotice(2, b"ZEPHYR_CTL", b"CLIENT", b"CLEARSUB"),
        znotice(2, b"ZEPHYR_CTL", b"CLIENT", b"Other_Op"),
        znotice(2, b"ZEPHYR_CTL", b"HM", b"BOOT"),
        znotice(2, b"ZEPHYR_CTL", b"REALM", b"ADD_SUBSCRIBE"),
        znotice(2, b"ZEPHYR_CTL", b"REALM", b"RLM_UNSUBSCRIBE"),
        znotice(3, b"HM_CTL", b"SERVER", b"SHUTDOWN"),
        znotice(3, b"HM_STAT", b"HMST_CLIENT", b"GIMMESTATS"),
        znotice(3, b"WG_CTL", b"WG", b"REREAD"),
        znotice(1, b"LOGIN", b"alice", b"USER_FLUSH"),
        znotice(1, b"LOGIN", b"alice", b"REALM-VISIBLE"),
        znotice(1, b"MESSAGE", b"personal", b"PING", recipient=b"bob@REALM"),
        znotice(99, b"MESSAGE", b"" , b""),
        znotice(1, b"MESSAGE", b"x", b"y", version=b"ZEPH0.1"),
        znotice(1, b"MESSAGE", b"x", b"y", version=b"NOTZ"),
        znotice(1, b"MESSAGE", b"x", b"y")[:40],                 # a field without its NUL
        znotice(2, b"ZEPHYR_CTL", b"CLIENT", b"SUBSCRIBE", extra=b"c\x00i"),
        znotice(1, b"M" * 300, b"I" * 10, b"op"),             # z_buf's 255 bytes
    ]
    out = [u(p, sport=2104, dport=40000) for p in z]
    out.append(u(z[0], sport=40000, dport=2103))
    out.append(u(z[0], sport=2104, dport=514))             # zephyr before syslog
    full = u(z[0], sport=2104, dport=40000)
    out += [(full, UDP_OFF + k) for k in (0, 5, 30, 60)]
    return out


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_udpapps_timed.pcap"), LINKTYPE_ETHERNET, timed_frames())
    write_pcap(os.path.join(out, "sniff_udpapps_aodv.pcap"), LINKTYPE_ETHERNET, aodv_frames())
    write_pcap(os.path.join(out, "sniff_udpapps_hncp.pcap"), LINKTYPE_ETHERNET, hncp_frames())
    write_pcap(os.path.join(out, "sniff_udpapps_rx.pcap"), LINKTYPE_ETHERNET, rx_frames())
    write_pcap(os.path.join(out, "sniff_udpapps_lwres.pcap"), LINKTYPE_ETHERNET, lwres_frames())
    write_pcap(os.path.join(out, "sniff_udpapps_telnet.pcap"), LINKTYPE_ETHERNET, telnet_frames())
    write_pcap(os.path.join(out, "sniff_udpapps_otv.pcap"), LINKTYPE_ETHERNET, otv_frames())
    write_pcap(os.path.join(out, "sniff_udpapps_zephyr.pcap"), LINKTYPE_ETHERNET, zephyr_frames())


if __name__ == "__main__":
    main()
