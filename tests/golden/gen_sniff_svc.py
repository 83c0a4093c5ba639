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
from gen_sniff import (IP_A, IP_B, IP6_A, IP6_B, LINKTYPE_ETHERNET, eth, eth4, eth6,  # noqa: E402
                       ipv4, ipv6, pseudo4, pseudo6, tcp, tcp4, udp, udp4, udp6, vlan,
                       write_pcap)


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


# ---- DHCPv6 (RFC 8415) ----------------------------------------------------------------------
def dhcp6_frames():
    def o6(code, data):
        return struct.pack("!HH", code, len(data)) + data

    def msg(typ, opts, xid=0x90B45C):
        return struct.pack("!I", typ << 24 | xid) + opts

    def dn(*names):
        return b"".join(b"".join(bytes([len(p)]) + p.encode() for p in n.split(".")) + b"\0"
                        for n in names)

    def c(m):
        return eth6(udp6(IP6_A, bytes.fromhex("ff020000000000000000000000010002"), 546, 547, m))

    def s(m):
        return eth6(udp6(IP6_B, IP6_A, 547, 546, m))

    duid_llt = struct.pack("!HHI", 1, 1, 407259276) + bytes.fromhex("001122334455")
    duid_en = struct.pack("!HI", 2, 9) + bytes.fromhex("0102030405060708")
    duid_ll = struct.pack("!HH", 3, 1) + bytes.fromhex("000102030405")
    ia_addr = o6(5, IP6_A + struct.pack("!II", 4500, 7200))
    ia_prefix = o6(26, struct.pack("!IIB", 3600, 7200, 56) + IP6_B)
    status = o6(13, struct.pack("!H", 2) + b"no addresses")
    out = [
        c(msg(1, o6(1, duid_ll) + o6(6, struct.pack("!6H", 23, 24, 31, 56, 64, 999)) +
              o6(8, b"\0\0") + o6(3, struct.pack("!III", 1, 3600, 5400)) +
              o6(25, struct.pack("!III", 2, 0, 0)) + o6(14, b"") + o6(39, b"\x01\x04host\0") +
              o6(16, b"\0\0\0\x09\0\x04abcd") + o6(15, b"\0\x03abc\0\x02de"))),
        s(msg(2, o6(1, duid_ll) + o6(2, duid_llt) + o6(7, b"\xff") +
              o6(3, struct.pack("!III", 1, 3600, 5400) + ia_addr + status) +
              o6(25, struct.pack("!III", 2, 1800, 2880) + ia_prefix) +
              o6(23, IP6_B + IP6_A) + o6(24, dn("example.test", "lab.example.test")) +
              o6(31, IP6_B) + o6(32, struct.pack("!I", 86400)) +
              o6(56, o6(1, IP6_B) + o6(2, IP6_A) + o6(3, dn("ntp.example.test")) + o6(9, b"x")) +
              o6(64, dn("aftr.example.test")) + o6(59, b"tftp://[2001:db8::1]/boot") +
              o6(41, b"EST5EDT4") + o6(42, b"Europe/Zurich") + o6(112, b"https://mud/x") +
              o6(21, dn("sip.example.test")) + o6(22, IP6_B) + o6(12, IP6_B))),
        c(msg(3, o6(1, duid_en) + o6(2, duid_llt) + o6(4, struct.pack("!I", 7) + ia_addr))),
        s(msg(7, o6(13, struct.pack("!H", 0) + b"ok") + o6(13, struct.pack("!H", 300)) +
              o6(13, struct.pack("!H", 42)) + o6(13, b"\0") + o6(19, b"\x05") + o6(19, b"\x0b") +
              o6(19, b"\x07") + o6(20, b"") + o6(11, bytes([3, 1, 0]) + bytes(8) + b"\x01" + bytes(16)) +
              o6(11, bytes([2, 1, 0]) + bytes(8) + b"realm" + bytes(20)) + o6(11, bytes([9, 2, 1]) +
              bytes(8)) + o6(11, b"\x01") + o6(1, struct.pack("!H", 4)) + o6(1, b"\0") +
              o6(2, struct.pack("!H", 1)) + o6(7, b"") + o6(8, b"\0") + o6(6, b"\0"))),
        c(msg(5, o6(37, struct.pack("!I", 9) + bytes(range(16))) + o6(38, b"sub-1") +
              o6(18, bytes(range(12))) + o6(46, struct.pack("!I", 5)) + o6(48, IP6_A) +
              o6(47, IP6_A + b"abcdefghijkl") + o6(44, b"\x01" + IP6_A + o6(6, struct.pack("!H", 23))) +
              o6(44, b"\x05" + IP6_A) + o6(45, o6(1, duid_ll)) + o6(43, struct.pack("!H", 1)) +
              o6(136, b"\0\x03uri") + o6(200, b"opaque") + o6(36, b"geo"))),
        # a relay-forward carrying a solicit, a relay-reply carrying an advertise
        c(struct.pack("!BB", 12, 0) + IP6_B + IP6_A + o6(18, b"eth0") +
          o6(9, msg(1, o6(1, duid_ll) + o6(8, b"\0\x05")))),
        s(struct.pack("!BB", 13, 0) + IP6_B + IP6_A + o6(9, msg(2, o6(1, duid_ll) + o6(2, duid_en)))),
        # bad lengths: an option past the message, a short tail, a bad name
        s(msg(7, o6(1, duid_ll) + struct.pack("!HH", 2, 40) + b"xx")),
        s(msg(7, o6(1, duid_ll) + b"\0\x01")),
        s(msg(7, o6(24, b"\x05abc") + o6(8, b"\0\x01"))),
        s(msg(7, o6(3, struct.pack("!III", 1, 2, 3) + b"\0\x05\0\x30") + o6(8, b"\0\x01"))),
        s(msg(99, b"")),
        s(b"\x07\x01"),
        s(struct.pack("!BB", 12, 0) + IP6_B[:8]),
    ]
    full = s(msg(2, o6(1, duid_ll) + o6(2, duid_llt) + o6(3, struct.pack("!III", 1, 3600, 5400) +
                                                         ia_addr)))
    out += [(full, 14 + 40 + 8 + k) for k in (2, 6, 12, 20, 40, 70)]
    relay = c(struct.pack("!BB", 12, 0) + IP6_B + IP6_A + o6(9, msg(1, o6(1, duid_ll))))
    out += [(relay, 14 + 40 + 8 + k) for k in (10, 30, 40, 44)]
    return out


# ---- NTP (RFC 5905, mode 6 control messages) -------------------------------------------------
def ntp_frames():
    def u(m, sport=40123, dport=123):
        return eth4(udp4(IP_A, IP_B, sport, dport, m))

    def ts(sec, frac):
        return struct.pack("!II", sec, frac)

    def time_msg(li=0, vn=4, mode=3, stratum=2, poll=6, prec=-20, delay=0x00010020,
                 disp=0x00000962, refid=b"\x0a\x00\x00\x01", ref=(0, 0), org=(0, 0),
                 rec=(0, 0), xmt=(3869213010, 0x30000000), extra=b""):
        return struct.pack("!BBbbII", li << 6 | vn << 3 | mode, stratum, poll, prec, delay,
                           disp) + refid + ts(*ref) + ts(*org) + ts(*rec) + ts(*xmt) + extra

    t0 = (3869213010, 0x80000000)
    out = [
        u(time_msg()),
        u(time_msg(mode=4, stratum=1, refid=b"GPS\0", ref=(3869212959, 0x39975000), org=t0,
                   rec=(3869213010, 0x90000000), xmt=(3869213010, 0x70000000)), 123, 40123),
        u(time_msg(mode=4, stratum=3, li=1, org=t0, rec=(3869213009, 0x90000000),
                   xmt=(3869213011, 0x10000000)), 123, 40123),
        u(time_msg(mode=1, li=2, poll=-3, prec=-6, org=t0, rec=t0, xmt=t0)),
        u(time_msg(mode=2, stratum=16, poll=40, refid=b"\xde\xad\xbe\xef")),
        u(time_msg(mode=5, stratum=62, poll=-40, xmt=(100, 1))),
        u(time_msg(mode=0, stratum=63)),
        u(time_msg(extra=struct.pack("!I", 7))),
        u(time_msg(extra=struct.pack("!I", 7) + bytes(range(16)))),
        u(time_msg(extra=struct.pack("!I", 7) + bytes(range(20)))),
        u(time_msg(extra=bytes(12))),
        u(time_msg(mode=7)),
        u(time_msg()[:30]),
        # control messages: read variables, its response with data, an error, a bad count
        u(struct.pack("!BBHHHHH", 0x16, 2, 1, 0, 0, 0, 0)),
        u(struct.pack("!BBHHHHH", 0x16, 0x82, 1, 0x0615, 0, 0, 8) + b"version=", 123, 40123),
        u(struct.pack("!BBHHHHH", 0x16, 0xe1, 2, 0, 3, 4, 0), 123, 40123),
        u(struct.pack("!BBHHHHH", 0x16, 0x02, 3, 0, 0, 0, 40) + b"short"),
        u(struct.pack("!BBH", 0x16, 0x02, 3)),
    ]
    full = u(time_msg(org=t0, rec=t0))
    out += cuts(full, 0, 1, 2, 3, 6, 10, 14, 20, 30, 44)
    full = u(time_msg(extra=struct.pack("!I", 7) + bytes(range(16))))
    out += cuts(full, 50, 60)
    full = u(struct.pack("!BBHHHHH", 0x16, 0x82, 1, 0x0615, 0, 0, 8) + b"version=")
    out += cuts(full, 1, 3, 7, 11, 14)
    return out


# ---- PTP (IEEE 1588-2008) -------------------------------------------------------------------
def ptp_frames():
    def hdr(typ, body, version=2, flags=0x0200, corr=(5 << 16) | 7, control=0, interval=0xfd,
            compat=0):
        return struct.pack("!BBHBBHQI", compat | typ, version, 34 + len(body), 24, 0, flags,
                           corr, 0) + bytes.fromhex("7483efffff01ac16") + struct.pack(
            "!HHBB", 1, 77, control, interval) + body

    ts = struct.pack("!HII", 0, 1582303626, 867062623)
    port = bytes.fromhex("a0369ffffe856e8a") + struct.pack("!H", 2)
    announce = ts + struct.pack("!hBBBBHB", 37, 0, 128, 248, 254, 65535, 128) + \
        bytes.fromhex("7483efffff01ac16") + struct.pack("!HB", 2, 0xa0)

    def u(m, port_=319):
        return eth4(udp4(IP_A, IP_B, port_, port_, m))

    out = [u(hdr(t, body, control=c), 319 if t < 8 else 320) for t, body, c in (
        (0, ts, 0), (1, ts, 1), (2, ts + port, 5), (3, ts + port, 5), (8, ts, 2), (9, ts + port, 3),
        (0xa, ts + port, 5), (0xb, announce, 5), (0xc, port + b"tlv", 5),
        (0xd, port + bytes([3, 2, 1, 0]), 4), (0x5, b"", 6), (0xe, b"", 9))]
    out += [u(hdr(0, ts, flags=0xffff, compat=0x10)), u(hdr(0, ts, version=1)),
            u(hdr(0, ts, version=0x12)), u(hdr(0, ts, version=3)), u(b"\x00\x02" + bytes(20))]
    full = u(hdr(0xb, announce))
    out += cuts(full, 1, 3, 5, 7, 12, 15, 18, 25, 29, 31, 32, 33, 36, 40, 45, 48, 52, 58, 62)
    full = u(hdr(9, ts + port))
    out += cuts(full, 50, 54)
    # over Ethernet, in a VLAN, and -T ptp material on another port
    out.append(eth(bytes.fromhex("011b19000000"), bytes.fromhex("7483ef01ac16"), 0x88F7,
                   hdr(0, ts)))
    out.append(eth(bytes.fromhex("011b19000000"), bytes.fromhex("7483ef01ac16"), 0x8100,
                   vlan(7, 0x88F7, hdr(8, ts))))
    out.append(eth(bytes.fromhex("011b19000000"), bytes.fromhex("7483ef01ac16"), 0x88F7,
                   hdr(0, ts)[:20]))
    out.append(eth4(udp4(IP_A, IP_B, 40000, 5555, hdr(0, ts))))
    return out


# ---- ESP and AH (RFC 4303, 4302) -------------------------------------------------------------
def ipsec_frames():
    esp = struct.pack("!II", 0x12345678, 7) + bytes(range(64))

    def ah(nxt, payload, icv=12, spi=0xABCD0001, seq=3):
        return struct.pack("!BBHII", nxt, (12 + icv) // 4 - 2, 0, spi, seq) + bytes(icv) + payload

    u4 = udp(5000, 5001, b"hello", ph=lambda n: pseudo4(IP_A, IP_B, 17, n))
    u6 = udp(5000, 5001, b"hello", ph=lambda n: pseudo6(IP6_A, IP6_B, 17, n))
    t4 = tcp(40000, 80, 1, 1, "S", ph=lambda n: pseudo4(IP_A, IP_B, 6, n))
    out = [
        eth4(ipv4(IP_A, IP_B, 50, esp)),
        eth6(ipv6(IP6_A, IP6_B, 50, esp)),
        eth4(ipv4(IP_A, IP_B, 51, ah(17, u4))),
        eth6(ipv6(IP6_A, IP6_B, 51, ah(17, u6))),
        eth4(ipv4(IP_A, IP_B, 51, ah(6, t4, icv=16))),
        eth4(ipv4(IP_A, IP_B, 51, ah(50, esp))),
        eth4(ipv4(IP_A, IP_B, 51, ah(99, b"any" * 4))),
        eth4(ipv4(IP_A, IP_B, 51, struct.pack("!BBHII", 17, 200, 0, 1, 2) + bytes(8))),
    ]
    full = eth4(ipv4(IP_A, IP_B, 50, esp))
    out += [(full, 14 + 20 + k) for k in (2, 4, 8, 9)]
    full = eth4(ipv4(IP_A, IP_B, 51, ah(17, u4)))
    out += [(full, 14 + 20 + k) for k in (1, 6, 8, 10, 12, 20, 26)]
    return out


# ---- text protocols: HTTP/1.x (TCP 80, 8080), SIP (UDP 5060), the SSH banner (TCP 22) -------
def text_frames():
    seq = [1000]

    def t(payload, dport=80, sport=40080):
        fr = eth4(tcp4(IP_A, IP_B, sport, dport, seq[0], 1, "P.", payload))
        seq[0] += len(payload)
        return fr

    def sip(payload, sport=5060, dport=5060):
        return eth4(udp4(IP_A, IP_B, sport, dport, payload))

    methods = ("GET", "PUT", "COPY", "DELETE", "HEAD", "LINK", "LOCK", "MKCOL", "MOVE", "OPTIONS",
               "PATCH", "POST", "PROPFIND", "PROPPATCH", "SEARCH", "TRACE", "UNLINK", "UNLOCK",
               "CONNECT", "get", "PURGE", "BREW")
    out = [t(m.encode() + b" /index.html HTTP/1.1\r\nHost: example.test\r\nUser-Agent: "
             b"curl/7.88.1\r\nAccept: */*\r\n\r\n") for m in methods]
    out += [
        t(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello", 40080,
          80),
        t(b"HTTP/1.0 404 Not Found\nServer: x\n\n", 40080, 8080),
        t(b"HTTP/1.1 20x Bad\r\n\r\n", 40080, 80),
        t(b"continuation of a body\r\nmore\r\n"),
        t(b"GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n"),
        t(b"GET / HTTP/1.1\r\nBin: \x01\x02\r\n\r\n"),
        t(b"GET / HTTP/1.1\r\nTab:\tok\r\nno end"),
        t(b"GET / HTTP/1.1\r"),
        t(b"GET\r\n"),
        t(b"\x80GET / HTTP/1.1\r\n"),
        t(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n", 22, 40022),
        t(b"SSH-2.0-dropbear\n", 40022, 22),
        t(b"SSH-2.0-bad\rx", 22, 40022),
        t(b"SSH-2.0-no end", 22, 40022),
        t(b"\x00\x00\x01\x2c\x0a\x14binary packet", 22, 40022),
        t(b"SSH", 22, 40022),
        sip(b"INVITE sip:bob@example.test SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060\r\n"
            b"Max-Forwards: 70\r\n\r\n"),
        sip(b"SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 10.0.0.1:5060\r\n\r\n"),
        sip(b"REGISTER sip:example.test SIP/2.0\r\n\r\n", 40000),
        sip(b"GET / HTTP/1.1\r\n\r\n"),
    ]
    full = t(b"GET /index.html HTTP/1.1\r\nHost: example.test\r\n\r\n")
    out += [(full, 14 + 20 + 20 + k) for k in (2, 10, 26, 30)]
    full = t(b"SSH-2.0-OpenSSH_9.2p1\r\n", 22, 40022)
    out += [(full, 14 + 20 + 20 + k) for k in (2, 10, 21, 22)]
    return out


# ---- more text protocols: FTP (21), SMTP (25), WHOIS (43), RTSP (554, 8554) and port order ---
def text2_frames():
    seq = [5000]

    def t(payload, sport, dport):
        fr = eth4(tcp4(IP_A, IP_B, sport, dport, seq[0], 1, "P.", payload))
        seq[0] += len(payload)
        return fr

    out = [
        t(b"220 ftp.example.test FTP server ready\r\n", 21, 40021),
        t(b"USER anonymous\r\n", 40021, 21),
        t(b"227 Entering Passive Mode (10,0,0,2,195,80).\r\n150 Opening\r\n", 21, 40021),
        t(b"binary \x01 after a line\r\n", 40021, 21),
        t(b"no line end", 40021, 21),
        t(b"220 mail.example.test ESMTP\r\n", 25, 40025),
        t(b"EHLO client.example.test\r\n", 40025, 25),
        t(b"250-mail.example.test\r\n250-SIZE 10240000\r\n250 HELP\r\n", 25, 40025),
        t(b"example.test\r\n", 40043, 43),
        t(b"Domain Name: EXAMPLE.TEST\r\nRegistrar: x\r\n", 43, 40043),
        t(b"OPTIONS rtsp://example.test/media RTSP/1.0\r\nCSeq: 1\r\n\r\n", 40554, 554),
        t(b"RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: DESCRIBE, SETUP\r\n\r\n", 554, 40554),
        t(b"SETUP rtsp://example.test/media/track1 RTSP/1.0\r\nCSeq: 3\r\n\r\n", 40554, 8554),
        t(b"interleaved body bytes\r\n", 8554, 40554),
        # both ports known: tcpdump's order decides (SMTP before HTTP, SSH before FTP, FTP before
        # HTTP, HTTP before RTSP)
        t(b"GET / HTTP/1.1\r\n\r\n", 25, 80),
        t(b"SSH-2.0-x\r\n", 21, 22),
        t(b"GET / HTTP/1.1\r\n\r\n", 21, 80),
        t(b"GET / HTTP/1.1\r\n\r\n", 554, 80),
    ]
    full = t(b"220 ftp.example.test ready\r\n", 21, 40021)
    out += [(full, 14 + 20 + 20 + k) for k in (2, 10)]
    return out


# ---- TLS (RFC 8446): text only with --decode-more ------------------------------------------
def tls_frames():
    def ext(t, d):
        return struct.pack("!HH", t, len(d)) + d

    name = b"www.example.test"
    sni = ext(0, struct.pack("!HBH", len(name) + 3, 0, len(name)) + name)
    body = struct.pack("!H", 0x0303) + bytes(32) + b"\x20" + bytes(32) + \
        struct.pack("!H", 4) + b"\x13\x01\x13\x02" + b"\x01\x00"
    exts = ext(10, b"\x00\x02\x00\x1d") + sni + ext(43, b"\x02\x03\x04")
    hello = b"\x01" + struct.pack("!I", len(body) + 2 + len(exts))[1:] + body + \
        struct.pack("!H", len(exts)) + exts

    def rec(ct, payload, ver=0x0301):
        return struct.pack("!BHH", ct, ver, len(payload)) + payload

    def t(payload, sport=40443, dport=443):
        return eth4(tcp4(IP_A, IP_B, sport, dport, 1, 1, "P.", payload))

    out = [
        t(rec(22, hello)),
        t(rec(22, b"\x02\x00\x00\x04" + bytes(4), 0x0303), 443, 40443),
        t(rec(23, bytes(40), 0x0303)),
        t(rec(21, b"\x02\x28", 0x0303)),
        t(rec(20, b"\x01", 0x0303)),
        t(bytes(range(40))),
        t(rec(22, b"\x63" + bytes(10), 0x0305)),
    ]
    full = t(rec(22, hello))
    out += [(full, 14 + 20 + 20 + k) for k in (3, 5, 6, 60, 120)]
    return out


CAPTURES = {
    "sniff_svc_tftp.pcap": tftp_frames,
    "sniff_svc_bootp.pcap": bootp_frames,
    "sniff_svc_dhcp6.pcap": dhcp6_frames,
    "sniff_svc_ntp.pcap": ntp_frames,
    "sniff_svc_ptp.pcap": ptp_frames,
    "sniff_svc_ipsec.pcap": ipsec_frames,
    "sniff_svc_text.pcap": text_frames,
    "sniff_svc_text2.pcap": text2_frames,
    "sniff_svc_tls.pcap": tls_frames,
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "input")
    for name, frames in CAPTURES.items():
        write_pcap(os.path.join(out, name), LINKTYPE_ETHERNET, frames())


if __name__ == "__main__":
    main()
