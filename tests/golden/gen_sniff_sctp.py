#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_sctp.py: writes tests/golden/input/sniff_sctp.pcap and sniff_l2tp.pcap, SCTP and
# L2TP built byte by byte (this kernel has neither module): every SCTP chunk type tcpdump 4.99
# names, DATA with M3UA and other payloads, SACK gap blocks and duplicate TSNs, bad chunk
# lengths and cuts, over IPv4 and IPv6; L2TP control messages with every AVP tcpdump decodes,
# data messages carrying PPP, and the malformed headers tcpdump reports.  The output is
# committed; only changing a capture needs python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, LINKTYPE_ETHERNET, eth4, eth6, icmp, ipv4,  # noqa: E402
                       ipv6, udp4, write_pcap)

IP6_A = bytes.fromhex("20010db8000000000000000000000001")
IP6_B = bytes.fromhex("20010db8000000000000000000000002")


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def chunk(typ, flags, body, length=None, pad=True):
    c = struct.pack("!BBH", typ, flags, 4 + len(body) if length is None else length) + body
    return pad4(c) if pad else c


def param(typ, body):
    return pad4(struct.pack("!HH", typ, 4 + len(body)) + body)


def sctp(sport, dport, vtag, chunks):
    # the CRC32c is not checked by tcpdump 4.99: a fixed value does
    return struct.pack("!HHII", sport, dport, vtag, 0x12345678) + chunks


def s4(body, src=IP_A, dst=IP_B, **k):
    return eth4(ipv4(src, dst, 132, body, **k))


def s6(body):
    return eth6(ipv6(IP6_A, IP6_B, 132, body))


def data(flags, tsn, sid, sseq, ppid, payload, length=None):
    return chunk(0, flags, struct.pack("!IHHI", tsn, sid, sseq, ppid) + payload, length)


def m3ua(cls, typ, params, v=1, length=None):
    return struct.pack("!BBBBI", v, 0, cls, typ,
                       8 + len(params) if length is None else length) + params


def init(typ, tag, params=b""):
    return chunk(typ, 0, struct.pack("!IIHHI", tag, 106496, 10, 65535, 1000) + params)


def sctp_frames():
    out = []
    ip4p = param(5, IP_A)
    types = param(12, struct.pack("!HH", 5, 6))
    out.append(s4(sctp(40000, 2905, 0, init(1, 0xaabbccdd, ip4p + types + param(0x8000, b"")))))
    out.append(s4(sctp(2905, 40000, 0xaabbccdd, init(2, 0x11223344, param(7, bytes(36)))), IP_B,
                  IP_A))
    out.append(s4(sctp(40000, 2905, 0x11223344, chunk(10, 0, bytes(36)))))
    out.append(s4(sctp(2905, 40000, 0xaabbccdd, chunk(11, 0, b"")), IP_B, IP_A))
    # DATA: unfragmented, first, middle, last, unordered; a payload not a multiple of 4
    out.append(s4(sctp(40000, 2905, 0x11223344, data(3, 1000, 0, 0, 0, b"hello"))))
    out.append(s4(sctp(40000, 2905, 0x11223344, data(2, 1001, 1, 1, 46, b"first part"))))
    out.append(s4(sctp(40000, 2905, 0x11223344, data(0, 1002, 1, 1, 46, b"middle"))))
    out.append(s4(sctp(40000, 2905, 0x11223344, data(5, 1003, 1, 1, 18, b"last!!!!"))))
    out.append(s4(sctp(40000, 2905, 0x11223344, data(7, 1004, 2, 0, 27, bytes(range(40))))))
    # M3UA: ASP Up with parameters, Transfer Data, Management Notify, then bad ones
    asp_up = m3ua(3, 1, param(0x0011, struct.pack("!I", 7)) + param(0x0004, b"asp one"))
    xfer = m3ua(1, 1, param(0x0200, struct.pack("!I", 1)) + param(0x0006, struct.pack("!I", 2)) +
                param(0x0210, bytes(20)) + param(0x0013, struct.pack("!I", 0xdeadbeef)))
    notify = m3ua(0, 1, param(0x000d, struct.pack("!HH", 1, 2)) + param(0x0006, b"\0\0"))
    out.append(s4(sctp(2905, 2905, 0x11223344, data(3, 1005, 0, 2, 3, asp_up))))
    out.append(s4(sctp(2905, 2905, 0x11223344, data(3, 1006, 0, 3, 3, xfer))))
    out.append(s4(sctp(2905, 2905, 0x11223344, data(3, 1007, 0, 4, 3, notify))))
    others = m3ua(2, 1, b"") + m3ua(4, 3, b"")[:0]
    out.append(s4(sctp(2905, 2905, 0x11223344,
                       data(3, 1008, 0, 5, 3, others) + data(3, 1009, 0, 6, 3, m3ua(4, 3, b"")) +
                       data(3, 1010, 0, 7, 3, m3ua(9, 2, b"")) +
                       data(3, 1011, 0, 8, 3, m3ua(7, 2, b"")))))
    out.append(s4(sctp(2905, 2905, 0x11223344,
                       data(3, 1012, 0, 9, 3, m3ua(3, 1, b"", v=2)) +
                       data(3, 1013, 0, 10, 3, m3ua(3, 1, param(4, b"x"), length=99)) +
                       data(3, 1014, 0, 11, 3, b"\x01\x00\x03"))))
    out.append(s4(sctp(2905, 2905, 0x11223344,
                       data(3, 1015, 0, 12, 3, m3ua(3, 1, struct.pack("!HH", 4, 2) + b"\0\0")) +
                       data(3, 1016, 0, 13, 3, m3ua(3, 1, b"\0\x04")))))
    # SACK: gap blocks and duplicate TSNs; then fewer bytes than the counts say
    out.append(s4(sctp(2905, 40000, 0xaabbccdd,
                       chunk(3, 0, struct.pack("!IIHH", 1000, 65536, 2, 1) +
                             struct.pack("!HHHHI", 2, 3, 5, 9, 998))), IP_B, IP_A))
    out.append(s4(sctp(2905, 40000, 0xaabbccdd,
                       chunk(3, 0, struct.pack("!IIHH", 1000, 65536, 3, 2) +
                             struct.pack("!HH", 2, 3))), IP_B, IP_A))
    out.append(s4(sctp(2905, 40000, 0xaabbccdd,
                       chunk(3, 0, struct.pack("!IIHH", 1000, 65536, 0, 2) + b"\0\0\0\x01\0\0")),
                  IP_B, IP_A))
    # the chunks tcpdump names only, bundled; then the unknown ones
    hb = param(1, bytes(12))
    ctl = chunk(4, 0, hb) + chunk(5, 0, hb) + chunk(6, 1, param(12, b"")) + \
        chunk(7, 0, struct.pack("!I", 1000)) + chunk(8, 0, b"") + chunk(9, 0, param(1, b"\0\1\0\0"))
    out.append(s4(sctp(40000, 2905, 0x11223344, ctl)))
    ctl = chunk(12, 0, struct.pack("!I", 5)) + chunk(13, 0, struct.pack("!I", 5)) + \
        chunk(14, 1, b"") + chunk(0xc0, 0, struct.pack("!IHH", 1005, 1, 3)) + \
        chunk(0xc1, 0, struct.pack("!I", 1) + param(5, IP_A)) + \
        chunk(0xc2, 0, struct.pack("!I", 1))
    out.append(s4(sctp(40000, 2905, 0x11223344, ctl)))
    ctl = chunk(0x80, 0, struct.pack("!I", 1)) + chunk(0x0f, 0, struct.pack("!HH", 0, 1) +
                                                         bytes(20)) + \
        chunk(0x40, 3, struct.pack("!IHHII", 7, 1, 0, 0, 46) + b"idata") + \
        chunk(0x82, 0, param(13, struct.pack("!III", 1, 2, 3))) + chunk(0xc2, 0, b"")
    out.append(s4(sctp(40000, 2905, 0x11223344, ctl)))
    # SACK and DATA bundled; ForCES by port and by PPID
    out.append(s4(sctp(40000, 2905, 0x11223344,
                       chunk(3, 0, struct.pack("!IIHH", 77, 4096, 0, 0)) +
                       data(3, 1017, 0, 14, 0, b"bundled"))))
    forces = struct.pack("!BBHII", 0x10, 0x0f, 4, 0x40000001, 0x00000003) + struct.pack("!II", 0, 1)
    out.append(s4(sctp(6704, 6704, 1, data(3, 1, 0, 0, 21, forces))))
    out.append(s4(sctp(40001, 40002, 1, data(3, 1, 0, 0, 22, forces))))
    # bad chunk lengths, cuts, short headers
    out.append(s4(sctp(40000, 2905, 0x11223344, chunk(11, 0, b"", length=2))))
    out.append(s4(sctp(40000, 2905, 0x11223344, chunk(11, 0, b"") + b"\x0b\x00")))
    out.append(s4(sctp(40000, 2905, 0x11223344, data(3, 1, 0, 0, 0, b"", length=16))))
    out.append(s4(sctp(40000, 2905, 0x11223344, chunk(0, 3, struct.pack("!IH", 1, 2)))))
    out.append(s4(sctp(40000, 2905, 0x11223344, chunk(1, 0, struct.pack("!II", 1, 2)))))
    out.append(s4(sctp(40000, 2905, 0x11223344, chunk(3, 0, struct.pack("!II", 1, 2)))))
    out.append(s4(sctp(40000, 2905, 0x11223344, chunk(11, 0, b"") + chunk(5, 0, bytes(8),
                                                                          length=40))))
    out.append(s4(sctp(40000, 2905, 0x11223344, chunk(11, 0, b"") + chunk(5, 0, bytes(5),
                                                                          pad=False))))
    out.append(s4(struct.pack("!HHI", 1, 2, 3)))
    out.append(s4(b""))
    full = s4(sctp(40000, 2905, 0x11223344, data(3, 1000, 0, 0, 0, bytes(64))))
    out.append((full, 14 + 20 + 6))
    out.append((full, 14 + 20 + 14))
    out.append((full, 14 + 20 + 12 + 20))
    sack = s4(sctp(2905, 40000, 0xaabbccdd,
                   chunk(3, 0, struct.pack("!IIHH", 1000, 65536, 2, 1) +
                         struct.pack("!HHHHI", 2, 3, 5, 9, 998))), IP_B, IP_A)
    out.append((sack, len(sack) - 6))
    m = s4(sctp(2905, 2905, 0x11223344, data(3, 1005, 0, 2, 3, asp_up)))
    out.append((m, len(m) - 10))
    # IPv6
    out.append(s6(sctp(40000, 2905, 0, init(1, 0xaabbccdd, param(6, IP6_A)))))
    out.append(s6(sctp(40000, 2905, 0x11223344, data(3, 1000, 0, 0, 0, b"over ipv6") +
                       chunk(11, 0, b""))))
    out.append(s6(sctp(40000, 2905, 0x11223344, data(3, 1000, 0, 0, 3, asp_up))))
    # IPv6 with a hop-by-hop header first; IPv4 fragments; an ICMP error quoting SCTP
    hbh = bytes([132, 0, 1, 4, 0, 0, 0, 0])
    out.append(eth6(ipv6(IP6_A, IP6_B, 0, hbh + sctp(40000, 2905, 1, chunk(11, 0, b"")))))
    body = sctp(40000, 2905, 1, data(3, 1, 0, 0, 0, bytes(40)))
    out.append(s4(body[:32], mf=True))
    out.append(s4(body[32:], frag=32))
    quote = ipv4(IP_B, IP_A, 132, sctp(2905, 40000, 1, chunk(11, 0, b"")))
    out.append(eth4(ipv4(IP_A, IP_B, 1, icmp(3, 3, b"\0\0\0\0", quote))))
    return out


# ---- L2TP -----------------------------------------------------------------------------------

def avp(typ, body, m=True, h=False, vendor=0, length=None):
    flags = (0x8000 if m else 0) | (0x4000 if h else 0)
    n = 6 + len(body) if length is None else length
    return struct.pack("!HHH", flags | n, vendor, typ) + body


def u16(v):
    return struct.pack("!H", v)


def u32(v):
    return struct.pack("!I", v)


def l2tp_ctl(tid, sid, ns, nr, avps, flags=0xc802, length=None):
    n = 12 + len(avps) if length is None else length
    return struct.pack("!HHHHHH", flags, n, tid, sid, ns, nr) + avps


def l2tp_u(msg, src=IP_A, dst=IP_B, sport=1701, dport=1701):
    return eth4(udp4(src, dst, sport, dport, msg))


def l2tp_frames():
    out = []
    sccrq = avp(0, u16(1)) + avp(2, u16(0x0100)) + avp(3, u32(3)) + avp(4, u32(3)) + \
        avp(5, bytes.fromhex("0102030405060708")) + avp(6, u16(0x0680), m=False) + \
        avp(7, b"lac.example") + avp(8, b"Vendor\tX", m=False) + avp(9, u16(4)) + \
        avp(10, u16(8)) + avp(11, bytes.fromhex("00112233445566778899"))
    out.append(l2tp_u(l2tp_ctl(0, 0, 0, 0, sccrq)))
    sccrp = avp(0, u16(2)) + avp(2, u16(0x0100)) + avp(3, u32(1)) + avp(4, u32(2)) + \
        avp(13, bytes(range(16))) + avp(9, u16(7))
    out.append(l2tp_u(l2tp_ctl(4, 0, 0, 1, sccrp), IP_B, IP_A))
    out.append(l2tp_u(l2tp_ctl(7, 0, 1, 1, avp(0, u16(3)))))
    out.append(l2tp_u(l2tp_ctl(7, 0, 2, 1, b""), IP_B, IP_A))  # ZLB
    out.append(l2tp_u(l2tp_ctl(7, 0, 2, 2, avp(0, u16(6)))))
    icrq = avp(0, u16(10)) + avp(14, u16(9)) + avp(15, u32(123456)) + avp(18, u32(1)) + \
        avp(21, b"5551234") + avp(22, b"5556789") + avp(23, b"sub") + avp(25, u32(2)) + \
        avp(16, u32(9600)) + avp(17, u32(2000000))
    out.append(l2tp_u(l2tp_ctl(7, 0, 3, 2, icrq)))
    out.append(l2tp_u(l2tp_ctl(7, 9, 3, 4, avp(0, u16(11)) + avp(14, u16(5))), IP_B, IP_A))
    iccn = avp(0, u16(12)) + avp(24, u32(100000000)) + avp(19, u32(3)) + \
        avp(26, bytes.fromhex("010405dc")) + avp(27, bytes.fromhex("0506")) + \
        avp(28, bytes.fromhex("0304c023")) + avp(29, u16(2)) + avp(30, b"user") + \
        avp(31, bytes(8)) + avp(32, u16(0x1234)) + avp(33, bytes(16)) + avp(38, u32(64000)) + \
        avp(39, b"") + avp(37, b"group") + avp(20, b"", m=False) + avp(36, bytes(4))
    out.append(l2tp_u(l2tp_ctl(7, 5, 4, 3, iccn)))
    out.append(l2tp_u(l2tp_ctl(7, 5, 5, 3, avp(0, u16(15)) +
                               avp(34, u16(0) + u32(1) + u32(2) + u32(3) + u32(4) + u32(5) +
                                   u32(6)))))
    out.append(l2tp_u(l2tp_ctl(7, 5, 6, 3, avp(0, u16(16)) + avp(35, u16(0) + u32(0xffffffff) +
                                                                 u32(0)))))
    cdn = avp(0, u16(14)) + avp(1, u16(3)) + avp(1, u16(2) + u16(6)) + \
        avp(1, u16(2) + u16(6) + b"Idle timeout") + avp(12, u16(16) + b"\x01") + \
        avp(12, u16(16) + b"\x02msg") + avp(46, u16(2) + u16(0xc021) + b"\x01") + \
        avp(46, u16(3) + u16(0xc021) + b"\x07why")
    out.append(l2tp_u(l2tp_ctl(7, 5, 7, 3, cdn)))
    stop = avp(0, u16(4)) + avp(1, u16(1)) + avp(9, u16(4))
    out.append(l2tp_u(l2tp_ctl(7, 0, 8, 3, stop)))
    # hidden, vendor, unknown AVPs; unknown message type; values too short
    odd = avp(0, u16(99)) + avp(7, bytes(8), h=True) + avp(5, b"\x01\x02", vendor=9) + \
        avp(200, b"x", m=False) + avp(0, b"") + avp(1, b"\x00") + avp(1, u16(1) + b"\x00") + \
        avp(2, b"") + avp(3, b"\0") + avp(4, b"") + avp(5, b"\0") + avp(9, b"") + \
        avp(12, b"\0\0") + avp(13, b"") + avp(15, b"") + avp(18, b"") + avp(19, b"") + \
        avp(29, b"\x00\x09") + avp(29, b"") + avp(32, b"") + avp(34, b"") + avp(34, u16(0)) + \
        avp(34, u16(0) + u32(1) + u32(2)) + avp(35, u16(0) + u32(1)) + avp(46, u16(1))
    out.append(l2tp_u(l2tp_ctl(7, 0, 9, 3, odd)))
    # AVP lengths: below the header, past the message
    out.append(l2tp_u(l2tp_ctl(7, 0, 9, 3, avp(0, u16(6)) + avp(7, b"ab", length=4))))
    out.append(l2tp_u(l2tp_ctl(7, 0, 9, 3, avp(0, u16(6)) + avp(7, b"ab", length=30))))
    # header faults: no length, length past the packet, shorter than the header, L2F, v3
    out.append(l2tp_u(struct.pack("!HHHHH", 0x8802, 1, 2, 3, 4)))
    out.append(l2tp_u(l2tp_ctl(7, 0, 1, 1, avp(0, u16(6)), length=200)))
    out.append(l2tp_u(l2tp_ctl(7, 0, 1, 1, b"", length=8)))
    out.append(l2tp_u(struct.pack("!HHH", 0x0001, 1, 2) + bytes(8)))
    out.append(l2tp_u(struct.pack("!HHH", 0x0003, 1, 2) + bytes(8)))
    # data: PPP carrying IPv4 ICMP, with and without the address/control field, with
    # sequence numbers, an offset, priority; an LCP frame
    ping = ipv4(bytes([192, 168, 1, 1]), bytes([192, 168, 1, 2]), 1,
                icmp(8, 0, struct.pack("!HH", 1, 1), bytes(8)))
    out.append(l2tp_u(struct.pack("!HHH", 0x0002, 7, 5) + b"\xff\x03\x00\x21" + ping))
    out.append(l2tp_u(struct.pack("!HHHH", 0x4002, 12 + len(ping), 7, 5) + b"\x00\x21" + ping))
    out.append(l2tp_u(struct.pack("!HHHHH", 0x0802, 7, 5, 10, 0) + b"\xff\x03\x00\x21" + ping))
    out.append(l2tp_u(struct.pack("!HHHHH", 0x0302, 7, 5, 2, 0xaaaa) + b"\x21" + ping))
    lcp = bytes.fromhex("ff03c0210101000a0506cafe0001")
    out.append(l2tp_u(struct.pack("!HHH", 0x0002, 7, 5) + lcp))
    out.append(l2tp_u(struct.pack("!HHH", 0x0002, 7, 5) + b"\xff\x03\x80\x57" +
                      bytes.fromhex("0101000a010a00000000000001")))
    # cuts: inside the header, inside an AVP, inside the data
    full = l2tp_u(l2tp_ctl(0, 0, 0, 0, sccrq))
    out.append((full, 14 + 20 + 8 + 6))
    out.append((full, 14 + 20 + 8 + 12 + 20))
    d = l2tp_u(struct.pack("!HHH", 0x0002, 7, 5) + b"\xff\x03\x00\x21" + ping)
    out.append((d, len(d) - 20))
    out.append((l2tp_u(struct.pack("!HHHH", 0x0202, 7, 5, 40) + bytes(8)),))
    # another port: tcpdump decodes L2TP by either port 1701
    out.append(l2tp_u(l2tp_ctl(7, 0, 1, 1, avp(0, u16(6))), sport=40000))
    # L2TPv3 over IP (protocol 115): tcpdump 4.99 has no decoder for it
    out.append(eth4(ipv4(IP_A, IP_B, 115, struct.pack("!I", 0x1234) + bytes(12))))
    return [f[0] if isinstance(f, tuple) and len(f) == 1 else f for f in out]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write_pcap(os.path.join(here, "input", "sniff_sctp.pcap"), LINKTYPE_ETHERNET, sctp_frames())
    write_pcap(os.path.join(here, "input", "sniff_l2tp.pcap"), LINKTYPE_ETHERNET, l2tp_frames())


if __name__ == "__main__":
    main()
