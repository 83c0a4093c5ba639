#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff.py: writes the small captures of sniff's golden tests (tests/golden/input/sniff_*).
#
# Run from anywhere: python3 tests/golden/gen_sniff.py [OUTDIR]; the output is committed,
# so only changing a capture needs python3.  Every packet is built byte by byte here with
# correct checksums unless a case says otherwise; timestamps are fixed so the output is
# stable.  Each file covers one area; truncated.pcap and invalid.pcap hold a broken
# variant of every header.
import os
import struct
import sys

LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101
LINKTYPE_LINUX_SLL = 113
LINKTYPE_LINUX_SLL2 = 276

MAC_A = bytes.fromhex("020000000001")
MAC_B = bytes.fromhex("020000000002")
MAC_BCAST = b"\xff" * 6
IP_A = bytes([10, 0, 0, 1])
IP_B = bytes([10, 0, 0, 2])
IP_R = bytes([10, 0, 0, 254])
IP6_A = bytes.fromhex("20010db8000000000000000000000001")
IP6_B = bytes.fromhex("20010db8000000000000000000000002")
IP6_LL_A = bytes.fromhex("fe800000000000000000000000000001")
IP6_ALLNODES = bytes.fromhex("ff020000000000000000000000000001")
IP6_ALLROUTERS = bytes.fromhex("ff020000000000000000000000000002")


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


# ---- link layers ---------------------------------------------------------------------------
def eth(dst, src, etype, payload):
    return dst + src + struct.pack("!H", etype) + payload


def vlan(vid, etype, payload, pcp=0, dei=0):
    return struct.pack("!HH", (pcp << 13) | (dei << 12) | vid, etype) + payload


def sll(pkttype, hatype, addr, proto, payload):
    return struct.pack("!HHH", pkttype, hatype, len(addr)) + addr.ljust(8, b"\0") + \
        struct.pack("!H", proto) + payload


def sll2(proto, ifindex, hatype, pkttype, addr, payload):
    return struct.pack("!HHIHBB", proto, 0, ifindex, hatype, pkttype, len(addr)) + \
        addr.ljust(8, b"\0") + payload


def arp(op, sha, spa, tha, tpa):
    return struct.pack("!HHBBH", 1, 0x0800, 6, 4, op) + sha + spa + tha + tpa


# ---- network layers ------------------------------------------------------------------------
def ipv4(src, dst, proto, payload, ident=0x1234, ttl=64, df=False, mf=False, frag=0, tos=0,
         opts=b"", tot_len=None, ihl=None, version=4, bad_csum=False):
    hl = 20 + len(opts)
    if ihl is None:
        ihl = hl // 4
    if tot_len is None:
        tot_len = hl + len(payload)
    flags = (0x4000 if df else 0) | (0x2000 if mf else 0) | (frag // 8)
    h = struct.pack("!BBHHHBBH4s4s", (version << 4) | ihl, tos, tot_len, ident, flags, ttl, proto,
                    0, src, dst) + opts
    c = csum(h)
    if bad_csum:
        c ^= 0x00FF
    h = h[:10] + struct.pack("!H", c) + h[12:]
    return h + payload


def ipv6(src, dst, nxt, payload, hlim=64, flow=0, tclass=0, plen=None, version=6):
    if plen is None:
        plen = len(payload)
    return struct.pack("!IHBB", (version << 28) | (tclass << 20) | flow, plen, nxt, hlim) + src + \
        dst + payload


def ext6(nxt, body):
    """An IPv6 extension header (hop-by-hop, destination options, routing): body padded to 8n-2."""
    body += b"\0" * ((-(len(body) + 2)) % 8)
    return struct.pack("!BB", nxt, (len(body) + 2) // 8 - 1) + body


def frag6(nxt, off, more, ident):
    return struct.pack("!BBHI", nxt, 0, off | (1 if more else 0), ident)


def pseudo4(src, dst, proto, length):
    return src + dst + struct.pack("!BBH", 0, proto, length)


def pseudo6(src, dst, proto, length):
    return src + dst + struct.pack("!IxxxB", length, proto)


# ---- transports ----------------------------------------------------------------------------
def tcp(sport, dport, seq, ack, flags, payload=b"", win=64240, opts=b"", urg=0, doff=None,
        ph=None):
    hl = 20 + len(opts)
    if doff is None:
        doff = hl // 4
    fl = 0
    for ch, bit in (("F", 1), ("S", 2), ("R", 4), ("P", 8), (".", 16), ("U", 32), ("E", 64),
                    ("W", 128)):
        if ch in flags:
            fl |= bit
    h = struct.pack("!HHIIHHHH", sport, dport, seq, ack, (doff << 12) | fl, win, 0, urg) + opts
    seg = h + payload
    if ph:
        c = csum(ph(len(seg)) + seg)
        seg = seg[:16] + struct.pack("!H", c) + seg[18:]
    return seg


def udp(sport, dport, payload, length=None, ph=None):
    if length is None:
        length = 8 + len(payload)
    seg = struct.pack("!HHHH", sport, dport, length, 0) + payload
    if ph:
        c = csum(ph(len(seg)) + seg) or 0xFFFF
        seg = seg[:6] + struct.pack("!H", c) + seg[8:]
    return seg


def icmp(typ, code, rest, payload=b""):
    m = struct.pack("!BBH", typ, code, 0) + rest + payload
    return m[:2] + struct.pack("!H", csum(m)) + m[4:]


def icmp6(src, dst, typ, code, body):
    m = struct.pack("!BBH", typ, code, 0) + body
    c = csum(pseudo6(src, dst, 58, len(m)) + m)
    return m[:2] + struct.pack("!H", c) + m[4:]


def tcp4(src, dst, *a, **k):
    return ipv4(src, dst, 6, tcp(*a, ph=lambda n: pseudo4(src, dst, 6, n), **k))


def tcp6(src, dst, *a, **k):
    return ipv6(src, dst, 6, tcp(*a, ph=lambda n: pseudo6(src, dst, 6, n), **k))


def udp4(src, dst, sport, dport, payload, **k):
    return ipv4(src, dst, 17, udp(sport, dport, payload, ph=lambda n: pseudo4(src, dst, 17, n)),
                **k)


def udp6(src, dst, sport, dport, payload, **k):
    return ipv6(src, dst, 17, udp(sport, dport, payload, ph=lambda n: pseudo6(src, dst, 17, n)),
                **k)


def eth4(payload, dst=MAC_B, src=MAC_A):
    return eth(dst, src, 0x0800, payload)


def eth6(payload, dst=MAC_B, src=MAC_A):
    return eth(dst, src, 0x86DD, payload)


# TCP options
MSS = lambda v: struct.pack("!BBH", 2, 4, v)
WS = lambda v: struct.pack("!BBB", 3, 3, v)
SACKOK = b"\x04\x02"
TS = lambda a, b: struct.pack("!BBII", 8, 10, a, b)
NOP = b"\x01"
EOL = b"\x00"


def SACK(*blocks):
    return struct.pack("!BB", 5, 2 + 8 * len(blocks)) + b"".join(struct.pack("!II", l, r)
                                                                  for l, r in blocks)


# ---- files ---------------------------------------------------------------------------------
class Clock:
    """Fixed, varied timestamps in nanoseconds: deltas of 1 ms, 250 us, 2.5 s ... in turn."""

    STEPS = (1000000, 250000, 2500000000, 17000, 1000000000, 3)

    def __init__(self, start=1700000000123456000):
        self.t = start
        self.i = 0

    def next(self):
        t = self.t
        self.t += self.STEPS[self.i % len(self.STEPS)]
        self.i += 1
        return t


def write_pcap(path, linktype, frames, snaplen=262144, nano=False, clock=None):
    """frames: bytes, or (bytes, caplen) to cut the capture, or (bytes, caplen, wirelen)."""
    clock = clock or Clock()
    magic = 0xA1B23C4D if nano else 0xA1B2C3D4
    out = [struct.pack("<IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype)]
    for fr in frames:
        data, caplen, wirelen = (fr, len(fr), len(fr)) if isinstance(fr, bytes) else \
            (fr[0], fr[1], fr[2] if len(fr) > 2 else len(fr[0]))
        t = clock.next()
        frac = t % 10**9 if nano else (t % 10**9) // 1000
        out.append(struct.pack("<IIII", t // 10**9, frac, caplen, wirelen) + data[:caplen])
    with open(path, "wb") as f:
        f.write(b"".join(out))


def ng_block(typ, body):
    body += b"\0" * ((-len(body)) % 4)
    n = 12 + len(body)
    return struct.pack("<II", typ, n) + body + struct.pack("<I", n)


def ng_opt(code, val):
    return struct.pack("<HH", code, len(val)) + val + b"\0" * ((-len(val)) % 4)


def write_pcapng(path, ifaces, frames, clock=None):
    """ifaces: [(name, linktype)]; frames: (iface, flags, bytes); nanosecond resolution."""
    clock = clock or Clock()
    shb = ng_block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1) +
                   ng_opt(4, b"gen_sniff.py") + ng_opt(0, b""))
    out = [shb]
    for name, lt in ifaces:
        out.append(ng_block(1, struct.pack("<HHI", lt, 0, 262144) + ng_opt(2, name.encode()) +
                            ng_opt(9, b"\x09") + ng_opt(0, b"")))
    for ifc, flags, data in frames:
        t = clock.next()
        body = struct.pack("<IIIII", ifc, t >> 32, t & 0xFFFFFFFF, len(data), len(data)) + data
        body += b"\0" * ((-len(body)) % 4)
        if flags is not None:
            body += ng_opt(2, struct.pack("<I", flags)) + ng_opt(0, b"")
        out.append(ng_block(6, body))
    with open(path, "wb") as f:
        f.write(b"".join(out))


# ---- the captures --------------------------------------------------------------------------
def link_frames():
    """Ethernet, 802.1Q, QinQ, ARP, and an 802.3 length frame."""
    ping = icmp(8, 0, struct.pack("!HH", 0x4242, 1), b"abcdefgh" * 4)
    return [
        eth(MAC_BCAST, MAC_A, 0x0806, arp(1, MAC_A, IP_A, b"\0" * 6, IP_B) + b"\0" * 18),
        eth(MAC_A, MAC_B, 0x0806, arp(2, MAC_B, IP_B, MAC_A, IP_A) + b"\0" * 18),
        eth4(ipv4(IP_A, IP_B, 1, ping)),
        eth(MAC_B, MAC_A, 0x8100, vlan(100, 0x0800, ipv4(IP_A, IP_B, 1, ping), pcp=5)),
        eth(MAC_B, MAC_A, 0x88A8, vlan(200, 0x8100, vlan(300, 0x0800,
                                                          udp4(IP_A, IP_B, 5000, 5300, b"q" * 12)))),
        eth(MAC_B, MAC_A, 0x8100, vlan(7, 0x0806, arp(1, MAC_A, IP_A, b"\0" * 6, IP_B))),
        eth(MAC_B, MAC_A, 0x8100, vlan(42, 0x86DD, udp6(IP6_A, IP6_B, 1234, 5678, b"v6"),
                                       dei=1)),
        eth(MAC_B, MAC_A, 46, b"\x42\x42\x03" + b"\0" * 43),
        eth(MAC_B, MAC_A, 0x88CC, b"\x02\x07\x04" + MAC_A + b"\0" * 36),
    ]


def tcp_frames():
    """A v4 handshake, data, SACK, every option kind, FIN and RST; a v6 connection too."""
    A, B = IP_A, IP_B
    ia, ib = 1000000000, 3000000000
    syn_opts = MSS(1460) + SACKOK + TS(100, 0) + NOP + WS(7)
    fr = [
        tcp4(A, B, 40000, 8000, ia, 0, "S", opts=syn_opts),
        tcp4(B, A, 8000, 40000, ib, ia + 1, "S.", win=65160, opts=syn_opts),
        tcp4(A, B, 40000, 8000, ia + 1, ib + 1, ".", win=502, opts=NOP + NOP + TS(101, 100)),
        tcp4(A, B, 40000, 8000, ia + 1, ib + 1, "P.", b"GET / HTTP/1.0\r\n\r\n", win=502,
             opts=NOP + NOP + TS(102, 100)),
        tcp4(B, A, 8000, 40000, ib + 1, ia + 19, ".", b"x" * 100, win=509),
        tcp4(A, B, 40000, 8000, ia + 19, ib + 1, ".", win=502,
             opts=NOP + NOP + SACK((ib + 201, ib + 301))),
        tcp4(A, B, 40000, 8000, ia + 19, ib + 1, ".", win=502,
             opts=NOP + NOP + SACK((ib + 201, ib + 301), (ib + 401, ib + 501),
                                   (ib + 601, ib + 701))),
        # Other option kinds: MD5 signature (19), TCP-AO (29), MPTCP (30), TFO (34),
        # experimental (254), an unknown kind (99), and EOL padding.
        tcp4(A, B, 40000, 8000, ia + 19, ib + 1, "P.", b"z", win=502,
             opts=struct.pack("!BB", 19, 18) + b"\x11" * 16 + NOP + NOP),
        tcp4(A, B, 40001, 8000, ia, 0, "S", opts=MSS(536) + struct.pack("!BB", 34, 10) +
             b"\xaa" * 8 + NOP + NOP + EOL + b"\0" * 3),
        tcp4(A, B, 40002, 8000, ia, 0, "S", opts=struct.pack("!BBH", 30, 12, 0x0081) +
             b"\x01" * 8 + struct.pack("!BB", 254, 6) + b"\xf9\x89\0\0" +
             struct.pack("!BB", 99, 4) + b"\x01\x02" + struct.pack("!BB", 29, 6) + b"\x01\x02\x03\x04"),
        tcp4(A, B, 40000, 8000, ia + 20, ib + 101, "F.", win=502),
        tcp4(B, A, 8000, 40000, ib + 101, ia + 21, "F.", win=509),
        tcp4(A, B, 40000, 8000, ia + 21, ib + 102, ".", win=502),
        tcp4(B, A, 8000, 40003, 0, 1234, "R.", win=0),
        tcp4(A, B, 40004, 8000, 5, 0, "SEW", opts=MSS(1400)),
        tcp4(A, B, 40004, 8000, 6, 77, "U.P", b"urgent", urg=3),
        tcp6(IP6_A, IP6_B, 50000, 443, 7, 0, "S", opts=MSS(1440) + SACKOK + TS(5, 0) + NOP + WS(9)),
        tcp6(IP6_B, IP6_A, 443, 50000, 4000000000, 8, "S.", opts=MSS(1440) + SACKOK + TS(9, 5) +
             NOP + WS(9)),
        tcp6(IP6_A, IP6_B, 50000, 443, 8, 4000000001, ".", b"hello", opts=NOP + NOP + TS(6, 9)),
        tcp6(IP6_B, IP6_A, 443, 50000, 4000000001, 13, ".", b"y" * 300),
    ]
    return [eth4(f) if f[0] >> 4 == 4 else eth6(f) for f in fr]


def ip_frames():
    """IPv4 options and fragments, IPv6 extension headers and fragments, UDP, TOS/ECN, TTL."""
    A, B = IP_A, IP_B
    big = udp(5000, 6000, bytes(range(256)) * 6, ph=lambda n: pseudo4(A, B, 17, n))
    rr = struct.pack("!BBB", 7, 11, 4) + b"\0" * 8 + NOP
    ts = struct.pack("!BBBB", 68, 12, 5, 0) + b"\0" * 8
    ra = struct.pack("!BBH", 148, 4, 0)
    hbh = ext6(17, struct.pack("!BBH", 5, 2, 0))           # router alert
    dst = ext6(6, b"\x01\x04\0\0\0\0")                      # PadN
    rt = ext6(60, struct.pack("!BBI", 0, 0, 0) + IP6_B)    # type 0, segments left 0... RFC 5095
    frag_pl = udp(7100, 8100, b"f" * 200, ph=lambda n: pseudo6(IP6_A, IP6_B, 17, n))
    fr = [
        eth4(udp4(A, B, 5000, 6000, b"hello", tos=0xB8, ttl=1, ident=1)),
        eth4(udp4(A, B, 5000, 6000, b"ecn", tos=0x03, df=True, ident=2)),
        eth4(ipv4(A, B, 17, udp(5000, 6000, b"opts", ph=lambda n: pseudo4(A, B, 17, n)),
                  opts=rr + ts + ra, ident=3)),
        eth4(ipv4(A, B, 17, big[:1480], mf=True, ident=4)),
        eth4(ipv4(A, B, 17, big[1480:], frag=1480, ident=4)),
        eth4(ipv4(A, B, 6, b"m" * 64, mf=True, frag=800, ident=5)),
        eth4(ipv4(A, B, 17, udp(5000, 6000, b"csum"), bad_csum=True, ident=6)),
        eth4(ipv4(A, B, 200, b"\x01\x02\x03\x04", ident=7)),
        eth4(udp4(A, B, 5000, 6000, b"", ident=8)),
        eth6(ipv6(IP6_A, IP6_B, 0, hbh + udp(1000, 2000, b"hbh",
                                              ph=lambda n: pseudo6(IP6_A, IP6_B, 17, n)),
                  hlim=1, flow=0x12345, tclass=0xB8)),
        eth6(ipv6(IP6_A, IP6_B, 60, dst + tcp(1000, 22, 1, 0, "S",
                                               ph=lambda n: pseudo6(IP6_A, IP6_B, 6, n)))),
        eth6(ipv6(IP6_A, IP6_B, 43, rt + ext6(17, b"") + udp(1000, 2000, b"rt",
                                                             ph=lambda n: pseudo6(IP6_A, IP6_B,
                                                                                  17, n)))),
        eth6(ipv6(IP6_A, IP6_B, 44, frag6(17, 0, True, 0xABCD) + frag_pl[:104])),
        eth6(ipv6(IP6_A, IP6_B, 44, frag6(17, 104, False, 0xABCD) + frag_pl[104:])),
        eth6(ipv6(IP6_A, IP6_B, 0, ext6(44, b"\x01\x00") + frag6(58, 8, True, 7) + b"\x80" * 16)),
        eth6(ipv6(IP6_A, IP6_B, 59, b"")),
        eth6(ipv6(IP6_A, IP6_B, 17, udp(1000, 2000, b"jumbo?"), plen=14)),
    ]
    return fr


def icmp_frames():
    """ICMP echo, unreachable and time exceeded quoting UDP and TCP; ICMPv6 echo, errors, ND."""
    A, B, R = IP_A, IP_B, IP_R
    inner_udp = udp4(B, A, 33434, 53, b"probe", ttl=1, ident=99)
    inner_tcp = tcp4(B, A, 40000, 8000, 1000, 0, "S", opts=MSS(1460))
    na_flags = struct.pack("!I", 0x60000000)
    lla = lambda t, mac: struct.pack("!BB", t, 1) + mac
    nd_sol = IP6_LL_A
    fr = [
        eth4(ipv4(A, B, 1, icmp(8, 0, struct.pack("!HH", 0x1d2e, 1), b"P" * 56))),
        eth4(ipv4(B, A, 1, icmp(0, 0, struct.pack("!HH", 0x1d2e, 1), b"P" * 56))),
        eth4(ipv4(A, B, 1, icmp(3, 3, b"\0" * 4, inner_udp))),
        eth4(ipv4(R, B, 1, icmp(3, 1, b"\0" * 4, inner_tcp[:28]))),
        eth4(ipv4(R, B, 1, icmp(3, 4, struct.pack("!HH", 0, 1400), inner_tcp[:28]))),
        eth4(ipv4(R, B, 1, icmp(11, 0, b"\0" * 4, inner_udp[:28]))),
        eth4(ipv4(R, B, 1, icmp(5, 1, IP_R, inner_udp[:28]))),
        eth4(ipv4(A, B, 1, icmp(13, 0, struct.pack("!HHIII", 1, 2, 3, 0, 0)))),
        eth6(ipv6(IP6_A, IP6_B, 58, icmp6(IP6_A, IP6_B, 128, 0, struct.pack("!HH", 0x77, 3) +
                                          b"ping6"))),
        eth6(ipv6(IP6_B, IP6_A, 58, icmp6(IP6_B, IP6_A, 129, 0, struct.pack("!HH", 0x77, 3) +
                                          b"ping6"))),
        eth6(ipv6(IP6_B, IP6_A, 58, icmp6(IP6_B, IP6_A, 1, 4, b"\0" * 4 +
                                          udp6(IP6_A, IP6_B, 1000, 2000, b"x")))),
        eth6(ipv6(IP6_B, IP6_A, 58, icmp6(IP6_B, IP6_A, 2, 0, struct.pack("!I", 1280) +
                                          tcp6(IP6_A, IP6_B, 50000, 443, 1, 0, ".")[:48]))),
        eth6(ipv6(IP6_B, IP6_A, 58, icmp6(IP6_B, IP6_A, 3, 0, b"\0" * 4 +
                                          udp6(IP6_A, IP6_B, 1000, 2000, b"x")[:48]))),
        eth6(ipv6(nd_sol, bytes.fromhex("ff0200000000000000000001ff000002"), 58,
                  icmp6(nd_sol, bytes.fromhex("ff0200000000000000000001ff000002"), 135, 0,
                        b"\0" * 4 + IP6_B + lla(1, MAC_A)), hlim=255),
             dst=bytes.fromhex("3333ff000002")),
        eth6(ipv6(IP6_B, nd_sol, 58, icmp6(IP6_B, nd_sol, 136, 0, na_flags + IP6_B +
                                           lla(2, MAC_B)), hlim=255), dst=MAC_A, src=MAC_B),
        eth6(ipv6(nd_sol, IP6_ALLROUTERS, 58, icmp6(nd_sol, IP6_ALLROUTERS, 133, 0, b"\0" * 4 +
                                                    lla(1, MAC_A)), hlim=255),
             dst=bytes.fromhex("333300000002")),
        eth6(ipv6(nd_sol, IP6_ALLNODES, 58,
                  icmp6(nd_sol, IP6_ALLNODES, 134, 0, struct.pack("!BBHII", 64, 0, 1800, 0, 0) +
                        lla(1, MAC_B) + struct.pack("!BBHI", 5, 1, 0, 1500) +
                        struct.pack("!BBBBIII", 3, 4, 64, 0xC0, 86400, 14400, 0) +
                        IP6_A[:8] + b"\0" * 8), hlim=255),
             dst=bytes.fromhex("333300000001"), src=MAC_B),
        eth6(ipv6(nd_sol, IP6_B, 58, icmp6(nd_sol, IP6_B, 137, 0, b"\0" * 4 + IP6_A + IP6_B),
                  hlim=255)),
        eth6(ipv6(nd_sol, bytes.fromhex("ff020000000000000000000000000016"), 0,
                  ext6(58, struct.pack("!BBH", 5, 2, 0) + b"\x01\x00") +
                  icmp6(nd_sol, bytes.fromhex("ff020000000000000000000000000016"), 143, 0,
                        struct.pack("!HH", 0, 1) + struct.pack("!BBH", 4, 0, 0) +
                        bytes.fromhex("ff0200000000000000000001ff000002")), hlim=1),
             dst=bytes.fromhex("333300000016")),
        # the informational messages tcpdump prints fields of (RFC 792, 950, 1256)
        eth4(ipv4(A, B, 1, icmp(14, 0, struct.pack("!HH", 7, 9),
                                struct.pack("!III", 45296789, 86399999, 1)))),
        eth4(ipv4(A, B, 1, icmp(18, 0, struct.pack("!HH", 7, 9), struct.pack("!I", 0xFFFFFF00)))),
        eth4(ipv4(R, B, 1, icmp(9, 0, struct.pack("!BBH", 2, 2, 1800),
                                R + struct.pack("!I", 0) + IP_A + struct.pack("!i", -5)))),
        eth4(ipv4(R, B, 1, icmp(9, 0, struct.pack("!BBH", 1, 2, 7300), R + bytes(4)))),
        eth4(ipv4(R, B, 1, icmp(9, 0, struct.pack("!BBH", 1, 3, 45), R + bytes(4)))),
        eth4(ipv4(R, B, 1, icmp(9, 0, struct.pack("!BBH", 3, 2, 45), R + bytes(4)))),  # short
        eth4(ipv4(A, B, 1, icmp(14, 0, struct.pack("!HH", 7, 9), struct.pack("!II", 1, 2)))),
    ]
    return fr


def tunnel_frames():
    """GRE (plain, key and sequence, Ethernet over GRE), VXLAN with inner Ethernet."""
    A, B = IP_A, IP_B
    inner = udp4(bytes([192, 168, 1, 1]), bytes([192, 168, 1, 2]), 1111, 2222, b"inner")
    inner_ping = ipv4(bytes([192, 168, 1, 1]), bytes([192, 168, 1, 2]), 1,
                      icmp(8, 0, struct.pack("!HH", 9, 9), b"gre"))
    inner6 = udp6(IP6_A, IP6_B, 1, 2, b"6in4")
    vx = lambda vni, flags, payload: struct.pack("!BxxxI", flags, vni << 8) + payload
    fr = [
        eth4(ipv4(A, B, 47, struct.pack("!HH", 0, 0x0800) + inner_ping)),
        eth4(ipv4(A, B, 47, struct.pack("!HHII", 0x3000, 0x86DD, 0xDEADBEEF, 42) + inner6)),
        eth4(ipv4(A, B, 47, struct.pack("!HH", 0x2000, 0x6558) + struct.pack("!I", 5) +
                  eth(MAC_B, MAC_A, 0x0800, inner))),
        eth4(ipv4(A, B, 47, struct.pack("!HHHH", 0x8000, 0x0800, 0, 0) + inner_ping)),
        eth4(udp4(A, B, 51234, 4789, vx(4242, 0x08, eth(MAC_B, MAC_A, 0x0800, inner)))),
        eth4(udp4(A, B, 51234, 4789, vx(7, 0x08, eth(MAC_B, MAC_A, 0x8100,
                                                     vlan(10, 0x0806,
                                                          arp(1, MAC_A, A, b"\0" * 6, B)))))),
        eth6(udp6(IP6_A, IP6_B, 51234, 4789, vx(16777215, 0x08,
                                                 eth(MAC_B, MAC_A, 0x86DD, inner6)))),
    ]
    return fr


def opts_frames():
    """TCP option kinds past the common ones; IPv4 options; IPv6 routing types and options."""
    A, B = IP_A, IP_B
    C6 = bytes.fromhex("20010db8000000000000000000000003")

    def opt(kind, data):
        return struct.pack("!BB", kind, 2 + len(data)) + data

    def syn(opts):
        return eth4(tcp4(A, B, 1, 2, 3, 0, "S", opts=opts + EOL * ((-len(opts)) % 4)))

    def u6(nxt, exts):
        return eth6(ipv6(IP6_A, IP6_B, nxt, exts + udp(1, 2, b"x", ph=lambda n:
                                                         pseudo6(IP6_A, IP6_B, 17, n))))
    ts_addr = struct.pack("!BBBB", 68, 12, 13, 1) + IP_R + b"\0\0\0\x07"
    lsrr = struct.pack("!BBB", 131, 11, 8) + IP_R + B + NOP
    return [
        syn(opt(34, b"") + NOP + NOP),                               # TFO cookie request
        syn(opt(254, b"\xf9\x89") + NOP + NOP),                       # experimental TFO
        syn(opt(254, b"\xf9\x89" + b"\xab" * 4)),
        syn(opt(254, b"\x12\x34\x01\x02")),                          # another experiment
        syn(opt(253, b"\x12\x34")),
        syn(opt(34, b"\xaa" * 3) + NOP),                              # bad cookie length
        syn(opt(29, b"\x01") + NOP),                                  # TCP-AO too short
        syn(opt(29, b"\x01\x02") + NOP + NOP),
        syn(opt(6, b"\0\0\0\x05") + opt(7, b"\0\0\0\x06") + opt(11, b"\0\0\0\x07")),
        syn(opt(12, b"\0\0\0\x05") + opt(13, b"\0\0\0\x06") + opt(28, b"\x80\x05")),
        syn(opt(28, b"\x00\x05") + opt(14, b"\x01") + opt(15, b"\x01\x02")),
        syn(opt(99, b"") + NOP + NOP),
        eth4(tcp4(A, B, 1, 2, 3, 4, ".", opts=opt(30, b"\x00\x81" + b"\x01" * 8 + b"\x02" * 8) +
                  NOP + NOP)),                                        # MP_CAPABLE, both keys
        syn(opt(30, b"\x00\x01") + NOP + NOP),                         # MP_CAPABLE, no key
        syn(opt(27, b"\x01\x02\x03\x04\x05\x06")),
        syn(opt(9, b"") + opt(10, b"\x00")),
        eth4(ipv4(A, B, 17, udp(1, 2, b"ts", ph=lambda n: pseudo4(A, B, 17, n)),
                  opts=ts_addr + lsrr)),
        eth4(ipv4(A, B, 17, udp(1, 2, b"ra", ph=lambda n: pseudo4(A, B, 17, n)),
                  opts=struct.pack("!BBH", 148, 4, 1) + struct.pack("!BB", 25, 2) + NOP + EOL)),
        # Routing types 0 (two addresses, one left), 2 and 4 (segment routing): with segments
        # left the checksum covers the final destination, C6, not the header's.
        eth6(ipv6(IP6_A, IP6_B, 43, ext6(17, struct.pack("!BBI", 0, 1, 0) + IP6_B + C6) +
                  udp(1, 2, b"x", ph=lambda n: pseudo6(IP6_A, C6, 17, n)))),
        eth6(ipv6(IP6_A, IP6_B, 43, ext6(17, struct.pack("!BBI", 2, 1, 0) + C6) +
                  udp(1, 2, b"x", ph=lambda n: pseudo6(IP6_A, C6, 17, n)))),
        eth6(ipv6(IP6_A, IP6_B, 43, ext6(17, struct.pack("!BBBBH", 4, 1, 1, 0, 7) + C6 + IP6_B) +
                  udp(1, 2, b"x", ph=lambda n: pseudo6(IP6_A, C6, 17, n)))),
        u6(43, ext6(17, struct.pack("!BBI", 0, 0, 5) + IP6_B)),
        u6(0, ext6(17, struct.pack("!BBI", 0x3E, 4, 0x01020304))),  # unknown option type
        u6(0, ext6(17, struct.pack("!BBBBBB", 0x3E, 0, 1, 2, 0, 0))),
        u6(60, ext6(17, struct.pack("!BBI", 0xC2, 4, 70000))),       # jumbo, not a jumbogram
        # VXLAN with the I flag and a reserved one: valid, its flags printed as they are
        eth4(udp4(A, B, 1, 4789, struct.pack("!BxxxI", 0x0C, 6 << 8) +
                  eth(MAC_B, MAC_A, 0x0800, udp4(A, B, 1, 2, b"in")))),
    ]


def csum_frames():
    """Right and wrong TCP, UDP, ICMP and ICMPv6 checksums; cases that cannot be verified."""
    A, B = IP_A, IP_B

    def bad(seg, off, val=0x1234):
        return seg[:off] + struct.pack("!H", val) + seg[off + 2:]
    ph4 = lambda p: (lambda n: pseudo4(A, B, p, n))
    ph6 = lambda p: (lambda n: pseudo6(IP6_A, IP6_B, p, n))
    vx_inner = eth(MAC_B, MAC_A, 0x0800, ipv4(A, B, 6, bad(tcp(7, 8, 9, 0, "S", ph=ph4(6)), 16)))
    return [
        eth4(tcp4(A, B, 1, 2, 3, 0, "S")),
        eth4(ipv4(A, B, 6, bad(tcp(1, 2, 3, 0, "S", ph=ph4(6)), 16))),
        eth6(ipv6(IP6_A, IP6_B, 6, bad(tcp(1, 2, 3, 0, "S", b"data", ph=ph6(6)), 16))),
        eth4(udp4(A, B, 1, 2, b"abc")),
        eth4(ipv4(A, B, 17, bad(udp(1, 2, b"abc", ph=ph4(17)), 6))),
        eth4(ipv4(A, B, 17, udp(1, 2, b"abc"))),                      # no checksum
        eth6(ipv6(IP6_A, IP6_B, 17, bad(udp(1, 2, b"abc", ph=ph6(17)), 6))),
        eth6(ipv6(IP6_A, IP6_B, 17, udp(1, 2, b"abc"))),              # 0 is wrong in IPv6
        eth4(ipv4(A, B, 17, udp(1, 2, b"\xff\xff", ph=ph4(17)))),     # sums to 0: sent as ffff
        eth4(ipv4(A, B, 1, icmp(8, 0, struct.pack("!HH", 1, 2), b"ping"))),
        eth4(ipv4(A, B, 1, bad(icmp(8, 0, struct.pack("!HH", 1, 2), b"ping"), 2))),
        eth6(ipv6(IP6_A, IP6_B, 58, icmp6(IP6_A, IP6_B, 128, 0, struct.pack("!HH", 1, 2)))),
        eth6(ipv6(IP6_A, IP6_B, 58, bad(icmp6(IP6_A, IP6_B, 128, 0, struct.pack("!HH", 1, 2)),
                                        2))),
        # Not all captured, and a first fragment: no verdict either way.
        (eth4(tcp4(A, B, 1, 2, 3, 4, "P.", b"x" * 100)), 60),
        (eth4(udp4(A, B, 1, 2, b"x" * 100)), 60),
        eth4(ipv4(A, B, 17, bad(udp(1, 2, b"f" * 64, ph=ph4(17)), 6)[:40], mf=True)),
        # VXLAN: the outer UDP checksum is right, the inner TCP's wrong.
        eth4(udp4(A, B, 51234, 4789, struct.pack("!BxxxI", 8, 5 << 8) + vx_inner)),
    ]


def sll_frames():
    """Linux cooked v1: incoming, outgoing, broadcast ARP, a loopback packet."""
    u = udp4(IP_A, IP_B, 9, 9, b"sll")
    return [
        sll(0, 1, MAC_A, 0x0800, u),
        sll(4, 1, MAC_B, 0x0800, udp4(IP_B, IP_A, 9, 9, b"out")),
        sll(1, 1, MAC_A, 0x0806, arp(1, MAC_A, IP_A, b"\0" * 6, IP_B)),
        sll(0, 772, b"\0" * 6, 0x86DD, udp6(IP6_A, IP6_A, 7, 7, b"lo")),
        sll(3, 1, MAC_A, 0x0800, tcp4(IP_A, IP_B, 1, 2, 3, 4, "S")),
        sll(2, 1, MAC_A, 0x9999, b"\0" * 10),
    ]


def sll2_frames():
    """Linux cooked v2 (-i any): ifindex and direction per packet."""
    return [
        sll2(0x0800, 2, 1, 0, MAC_A, udp4(IP_A, IP_B, 9, 9, b"any")),
        sll2(0x0800, 3, 1, 4, MAC_B, udp4(IP_B, IP_A, 9, 9, b"out")),
        sll2(0x86DD, 1, 772, 0, b"\0" * 6, tcp6(IP6_A, IP6_A, 1, 2, 3, 0, "S")),
        sll2(0x0806, 2, 1, 1, MAC_A, arp(1, MAC_A, IP_A, b"\0" * 6, IP_B)),
        sll2(0x0800, 4, 65534, 0, b"", udp4(IP_A, IP_B, 5300, 5300, b"tun")),
    ]


def raw_frames():
    """Raw IP (LINKTYPE_RAW): the version nibble picks IPv4 or IPv6."""
    return [
        udp4(IP_A, IP_B, 1, 2, b"raw4"),
        udp6(IP6_A, IP6_B, 1, 2, b"raw6"),
        tcp4(IP_A, IP_B, 10, 20, 1, 0, "S", opts=MSS(1400)),
        b"\x50" + b"\0" * 19,
    ]


def truncated_frames():
    """Each header cut by the snap length (caplen < wirelen): decoded up to the cut."""
    A, B = IP_A, IP_B
    t4 = eth4(tcp4(A, B, 1, 2, 3, 4, "S", opts=MSS(1460) + SACKOK + TS(1, 2) + NOP + WS(7)))
    u4 = eth4(udp4(A, B, 1000, 5300, b"d" * 20))
    v6 = eth6(udp6(IP6_A, IP6_B, 1000, 2000, b"x" * 8))
    ext = eth6(ipv6(IP6_A, IP6_B, 0, ext6(17, b"\x01\x0c" + b"\0" * 12) + udp(1, 2, b"e")))
    fr6 = eth6(ipv6(IP6_A, IP6_B, 44, frag6(17, 0, True, 5) + udp(1, 2, b"z" * 16)))
    ping = eth4(ipv4(A, B, 1, icmp(8, 0, struct.pack("!HH", 1, 1), b"e" * 8)))
    unr = eth4(ipv4(IP_R, B, 1, icmp(3, 3, b"\0" * 4, udp4(B, A, 33434, 53, b"probe"))))
    p6 = eth6(ipv6(IP6_A, IP6_B, 58, icmp6(IP6_A, IP6_B, 128, 0, struct.pack("!HH", 1, 1))))
    ns = eth6(ipv6(IP6_A, IP6_B, 58, icmp6(IP6_A, IP6_B, 135, 0, b"\0" * 4 + IP6_B +
                                           b"\x01\x01" + MAC_A)))
    arp_f = eth(MAC_BCAST, MAC_A, 0x0806, arp(1, MAC_A, A, b"\0" * 6, B))
    vl = eth(MAC_B, MAC_A, 0x8100, vlan(5, 0x0800, udp4(A, B, 1, 2, b"v")))
    gre = eth4(ipv4(A, B, 47, struct.pack("!HHII", 0x3000, 0x0800, 1, 2) + udp4(A, B, 1, 2, b"")))
    vxl = eth4(udp4(A, B, 1, 4789, struct.pack("!BxxxI", 8, 5 << 8) + eth4(udp4(A, B, 1, 2, b""))))
    return [
        (t4, 10),                # Ethernet header cut
        (t4, 14 + 12),           # IPv4 header cut
        (t4, 14 + 20 + 10),      # TCP fixed header cut
        (t4, 14 + 20 + 24),      # TCP options cut after MSS
        (t4, 14 + 20 + 31),      # TCP options cut inside the timestamp option
        (u4, 14 + 20 + 6),       # UDP header cut
        (u4, 14 + 20 + 8 + 4),   # UDP payload cut: header whole
        (v6, 14 + 30),           # IPv6 header cut
        (ext, 14 + 40 + 6),      # IPv6 extension header cut
        (fr6, 14 + 40 + 4),      # IPv6 fragment header cut
        (ping, 14 + 20 + 3),     # ICMP header cut
        (unr, 14 + 20 + 8 + 12), # ICMP quote cut inside the inner IPv4 header
        (unr, 14 + 20 + 8 + 22), # ICMP quote cut inside the inner UDP ports
        (p6, 14 + 40 + 2),       # ICMPv6 header cut
        (ns, 14 + 40 + 12),      # ND target address cut
        (ns, 14 + 40 + 26),      # ND option cut
        (arp_f, 14 + 10),        # ARP cut
        (vl, 14 + 2),            # 802.1Q tag cut
        (gre, 14 + 20 + 6),      # GRE header cut (key and sequence announced)
        (vxl, 14 + 20 + 8 + 5),  # VXLAN header cut
        (vxl, 14 + 20 + 8 + 8 + 10),  # inner Ethernet cut
    ]


def truncated_cooked():
    return [
        (sll(0, 1, MAC_A, 0x0800, udp4(IP_A, IP_B, 9, 9, b"x")), 10),
        (sll2(0x0800, 2, 1, 0, MAC_A, udp4(IP_A, IP_B, 9, 9, b"x")), 12),
    ]


def invalid_frames():
    """Headers whose fields disagree with each other or with the packet's length."""
    A, B = IP_A, IP_B
    seg = tcp(1, 2, 3, 4, "S", ph=lambda n: pseudo4(A, B, 6, n))
    return [
        eth4(ipv4(A, B, 6, seg, ihl=4)),                   # IPv4 ihl below 5
        eth4(ipv4(A, B, 6, seg, version=6)),               # IPv4 ethertype, version 6
        eth4(ipv4(A, B, 6, seg, tot_len=16)),              # total length below the header
        eth4(ipv4(A, B, 6, seg, tot_len=400)),             # total length past the packet
        eth4(ipv4(A, B, 6, seg, ihl=15)),                  # header length past the packet
        eth4(ipv4(A, B, 6, tcp(1, 2, 3, 4, "S", doff=3))),   # TCP doff below 5
        eth4(ipv4(A, B, 6, tcp(1, 2, 3, 4, "S", doff=15))),  # TCP doff past the segment
        eth4(ipv4(A, B, 6, tcp(1, 2, 3, 4, "S", opts=b"\x02\x01\x05\xb4"))),  # option len 1
        eth4(ipv4(A, B, 6, tcp(1, 2, 3, 4, "S", opts=b"\x01\x01\x08\x20" + b"\0" * 4))),
        eth4(ipv4(A, B, 17, udp(1, 2, b"abc", length=4))),   # UDP length below 8
        eth4(ipv4(A, B, 17, udp(1, 2, b"abc", length=40))),  # UDP length past the packet
        eth6(ipv6(IP6_A, IP6_B, 6, b"\0" * 20, version=4)),  # IPv6 ethertype, version 4
        eth6(ipv6(IP6_A, IP6_B, 17, udp(1, 2, b"a"), plen=200)),  # payload length past the end
        eth6(ipv6(IP6_A, IP6_B, 0, struct.pack("!BB", 17, 9) + b"\0" * 14)),  # ext past the end
        eth6(ipv6(IP6_A, IP6_B, 60, b"".join(ext6(60, b"") for _ in range(8)) + ext6(59, b""))),
        eth6(ipv6(IP6_A, IP6_B, 58, icmp6(IP6_A, IP6_B, 135, 0, b"\0" * 4 + IP6_B +
                                          b"\x01\x00" + MAC_A))),  # ND option length 0
        eth4(udp4(A, B, 1, 4789, struct.pack("!BxxxI", 0, 5 << 8) + eth4(udp4(A, B, 1, 2, b"")))),
        eth(MAC_B, MAC_A, 0x0800, b"\x45\x00"),            # a short packet (wire ends)
        eth(MAC_B, MAC_A, 0x0806, struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + b"\0" * 4),
    ]


def multi_if_frames():
    """Two interfaces with direction flags (pcapng EPB flags: 1 inbound, 2 outbound)."""
    return [
        (0, 1, eth4(udp4(IP_A, IP_B, 9, 9, b"in0"))),
        (1, 2, eth4(udp4(IP_B, IP_A, 9, 9, b"out1"))),
        (0, 2, eth4(tcp4(IP_A, IP_B, 1, 2, 3, 0, "S"))),
        (1, None, eth4(udp4(IP_B, IP_A, 9, 9, b"nodir"))),
        (1, 1, eth4(ipv4(IP_A, IP_B, 1, icmp(8, 0, struct.pack("!HH", 3, 4))))),
    ]


def igmp(typ, code, group, body=b"", bad=False):
    m = struct.pack("!BBH4s", typ, code, 0, group) + body
    c = csum(m) ^ (0x0101 if bad else 0)
    return m[:2] + struct.pack("!H", c) + m[4:]


def igmp_frames():
    """IGMP v1-v3 and mtrace, as routers and hosts send them (router alert option)."""
    ip = lambda a: bytes(int(x) for x in a.split("."))
    ra = b"\x94\x04\x00\x00"
    g1, g2 = ip("239.1.2.3"), ip("232.0.0.9")
    s1, s2, s3 = ip("10.0.0.7"), ip("10.0.0.8"), ip("192.0.2.1")
    mc = lambda dst, m: eth4(ipv4(IP_A, dst, 2, m, ttl=1, tos=0xC0, opts=ra),
                             dst=bytes.fromhex("01005e000001"))
    allh, allr, v3r = ip("224.0.0.1"), ip("224.0.0.2"), ip("224.0.0.22")
    rec = lambda t, g, srcs, aux=b"": struct.pack("!BBH4s", t, len(aux) // 4, len(srcs), g) + \
        b"".join(srcs) + aux
    report = lambda *r: igmp(0x22, 0, struct.pack("!HH", 0, len(r)), b"".join(r))
    return [
        mc(allh, igmp(0x11, 0, bytes(4))),                        # v1 query
        mc(allh, igmp(0x11, 100, bytes(4))),                      # v2 general query
        mc(g1, igmp(0x11, 10, g1)),                               # v2 group query
        mc(g1, igmp(0x12, 0, g1)),                                # v1 report
        mc(g1, igmp(0x16, 0, g1)),                                # v2 report
        mc(allr, igmp(0x17, 0, g1)),                              # leave
        mc(allh, igmp(0x11, 100, bytes(4), struct.pack("!BBH", 2, 125, 0))),  # v3 general
        mc(g2, igmp(0x11, 0x8a, g2, struct.pack("!BBH", 0x0a, 60, 2) + s1 + s2)),
        mc(g2, igmp(0x11, 0xff, g2, struct.pack("!BBH", 2, 125, 9) + s1)),  # bad count
        mc(v3r, report(rec(1, g1, []), rec(5, g2, [s1, s2, s3]), rec(9, g1, [s3]))),
        mc(v3r, report(rec(2, g1, [s1]), rec(4, g2, []))[:-4]),  # bad length
        mc(g1, igmp(0x16, 0, g1, bad=True)),                      # bad checksum
        mc(allr, igmp(0x1F, 0, g1, s1 + s2 + ip("224.0.1.32") + struct.pack("!I", 0x40123456))),
        mc(allr, igmp(0x1E, 0, g1, s1 + s2 + s3 + struct.pack("!I", 0x00000102))),
        mc(allr, igmp(0x30, 0, bytes(4))),                        # unknown type
        (mc(g1, igmp(0x16, 0, g1)), 14 + 24 + 6),                 # cut inside the group
        (mc(v3r, report(rec(6, g1, [s1, s2]))), 14 + 24 + 8 + 8 + 4),  # cut in the sources
    ]


def icmp6_nd_frames():
    """Neighbour discovery with its options, MLDv1/v2, and the ICMPv6 types tcpdump dumps."""
    ll, an, ar = IP6_LL_A, IP6_ALLNODES, IP6_ALLROUTERS
    mld_all = bytes.fromhex("ff020000000000000000000000000016")
    grp = bytes.fromhex("ff050000000000000000000000010003")
    p6 = lambda a, b, t, c, body, hlim=255: eth6(ipv6(a, b, 58, icmp6(a, b, t, c, body), hlim=hlim))
    lladdr = lambda t, mac: struct.pack("!BB", t, 1) + mac
    prefix = struct.pack("!BBBBII4x", 3, 4, 64, 0xC0, 2592000, 0xFFFFFFFF) + IP6_A
    mtu = struct.pack("!BBHI", 5, 1, 0, 1500)
    rdnss = struct.pack("!BBHI", 25, 5, 0, 600) + IP6_A + IP6_B
    dnssl = struct.pack("!BBHI", 31, 3, 0, 600) + b"\x07example\x04test\x00\x00\x00"
    rinfo = lambda n, pref: struct.pack("!BBBBI", 24, n, 48, pref, 7200) + IP6_B[:8 * (n - 1)]
    advint = struct.pack("!BBHI", 7, 1, 0, 5000)
    hainfo = struct.pack("!BBHHH", 8, 1, 0, 7, 1800)
    unknown = struct.pack("!BB", 38, 2) + bytes(range(14))
    ra = lambda flags, opts: p6(ll, an, 134, 0, struct.pack("!BBHII", 64, flags, 1800, 30000,
                                                                 1000) + opts)
    na_flags = struct.pack("!I", 0xE0000000)
    mldq2 = lambda mrc, s, n, srcs: struct.pack("!HH", mrc, 0) + grp + \
        struct.pack("!BBH", s, 125, n) + b"".join(srcs)
    rec = lambda t, g, srcs: struct.pack("!BBH", t, 0, len(srcs)) + g + b"".join(srcs)
    mld2r = lambda recs, n=None: struct.pack("!HH", 0, len(recs) if n is None else n) + \
        b"".join(recs)
    long_ra = ra(0x88, lladdr(1, MAC_A) + prefix + rdnss)
    return [
        p6(ll, ar, 133, 0, b"\0" * 4 + lladdr(1, MAC_A)),
        ra(0xC0, lladdr(1, MAC_A) + mtu + prefix + rdnss + dnssl + advint + hainfo),
        ra(0x18, rinfo(1, 0x08) + rinfo(2, 0x18) + rinfo(3, 0x00)),
        ra(0x00, unknown + mtu),
        p6(ll, IP6_B, 135, 0, b"\0" * 4 + IP6_B + lladdr(1, MAC_A)),
        p6(IP6_B, ll, 136, 0, na_flags + IP6_B + lladdr(2, MAC_B)),
        p6(IP6_B, ll, 136, 0, b"\0" * 4 + IP6_B),
        p6(ll, IP6_B, 137, 0, b"\0" * 4 + IP6_A + IP6_B + lladdr(2, MAC_B) +
           struct.pack("!BB6x", 4, 2) + bytes(8)),
        p6(ll, an, 130, 0, struct.pack("!HH", 1000, 0) + bytes(16), hlim=1),
        p6(ll, grp, 131, 0, struct.pack("!HH", 0, 0) + grp, hlim=1),
        p6(ll, ar, 132, 0, struct.pack("!HH", 0, 0) + grp, hlim=1),
        p6(ll, an, 130, 0, mldq2(0x8123, 0x0A, 2, [IP6_A, IP6_B]), hlim=1),
        p6(ll, an, 130, 0, mldq2(100, 2, 5, [IP6_A]), hlim=1),
        p6(ll, mld_all, 143, 0, mld2r([rec(4, grp, []), rec(5, grp, [IP6_A, IP6_B]),
                                       rec(9, grp, [IP6_A])]), hlim=1),
        p6(ll, mld_all, 143, 0, mld2r([rec(1, grp, [IP6_A])], n=3), hlim=1),
        p6(ll, an, 200, 3, struct.pack("!I", 0x01020304) + b"opaque"),
        p6(ll, an, 144, 0, struct.pack("!HH", 0x1234, 0)),
        p6(ll, an, 145, 0, struct.pack("!HH", 0x1234, 0) + IP6_A + IP6_B),
        p6(ll, an, 147, 0, struct.pack("!HH", 0x4321, 0xC000) + prefix),
        ra(0x00, lladdr(1, MAC_A) + struct.pack("!BB", 1, 0) + bytes(6)),  # option length 0
        (long_ra, len(long_ra) - 20),                               # cut inside the rdnss option
    ]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "input")
    p = lambda n: os.path.join(out, n)
    write_pcap(p("sniff_link.pcap"), LINKTYPE_ETHERNET, link_frames())
    write_pcap(p("sniff_tcp.pcap"), LINKTYPE_ETHERNET, tcp_frames())
    write_pcap(p("sniff_ip.pcap"), LINKTYPE_ETHERNET, ip_frames())
    write_pcap(p("sniff_icmp.pcap"), LINKTYPE_ETHERNET, icmp_frames())
    write_pcap(p("sniff_tunnel.pcap"), LINKTYPE_ETHERNET, tunnel_frames())
    write_pcap(p("sniff_sll.pcap"), LINKTYPE_LINUX_SLL, sll_frames())
    write_pcap(p("sniff_sll2.pcap"), LINKTYPE_LINUX_SLL2, sll2_frames(), nano=True)
    write_pcap(p("sniff_raw.pcap"), LINKTYPE_RAW, raw_frames())
    write_pcap(p("sniff_opts.pcap"), LINKTYPE_ETHERNET, opts_frames())
    write_pcap(p("sniff_csum.pcap"), LINKTYPE_ETHERNET, csum_frames())
    write_pcap(p("sniff_igmp.pcap"), LINKTYPE_ETHERNET, igmp_frames())
    write_pcap(p("sniff_icmp6_nd.pcap"), LINKTYPE_ETHERNET, icmp6_nd_frames())
    write_pcap(p("sniff_truncated.pcap"), LINKTYPE_ETHERNET, truncated_frames())
    write_pcap(p("sniff_truncated_sll.pcap"), LINKTYPE_LINUX_SLL, truncated_cooked()[:1])
    write_pcap(p("sniff_truncated_sll2.pcap"), LINKTYPE_LINUX_SLL2, truncated_cooked()[1:])
    write_pcap(p("sniff_invalid.pcap"), LINKTYPE_ETHERNET, invalid_frames())
    write_pcapng(p("sniff_2if.pcapng"), [("veth0", LINKTYPE_ETHERNET),
                                         ("veth1", LINKTYPE_ETHERNET)], multi_if_frames())
    # A file cut inside its third record: sniff prints two packets, then names the offset.
    with open(p("sniff_link.pcap"), "rb") as f:
        data = f.read()
    first = 24 + 16 + len(link_frames()[0])
    second = first + 16 + len(link_frames()[1])
    with open(p("sniff_cut.pcap"), "wb") as f:
        f.write(data[:second + 16 + 20])


if __name__ == "__main__":
    main()
