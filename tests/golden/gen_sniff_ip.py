#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_ip.py: writes tests/golden/input/sniff_ip6ext.pcap and sniff_ip4opt.pcap: IPv6
# extension headers and options (hop-by-hop with jumbo payload and its error cases, routing
# types 0/2/4 with segment routing TLVs, fragments, destination options with a home address,
# mobility), MPTCP options (sniff_mptcp.pcap), ICMP extensions (sniff_icmp_ext.pcap),
# ICMPv6 router renumbering (sniff_icmp6_rr2.pcap), IPv4 options and invalid lengths, each built byte by byte, many deliberately
# broken.  The output is committed; only changing a capture needs python3.  Helpers come
# from gen_sniff.py beside it.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, IP6_A, IP6_B, LINKTYPE_ETHERNET, eth4, eth6, ext6,  # noqa: E402
                       frag6, icmp6, ipv4, ipv6, pseudo4, pseudo6, tcp4, udp, udp4, write_pcap)

C6 = bytes.fromhex("20010db8000000000000000000000003")


def u6(nxt, exts, plen=None, final=IP6_B):
    return eth6(ipv6(IP6_A, IP6_B, nxt, exts + udp(1, 2, b"x", ph=lambda n:
                                                   pseudo6(IP6_A, final, 17, n)), plen=plen))


def opt(t, data):
    return struct.pack("!BB", t, len(data)) + data


def raw_ext(nxt, hlen, body):
    """An extension header with its length field as given, body not padded."""
    return struct.pack("!BB", nxt, hlen) + body


def ping6(dst=IP6_B):
    return icmp6(IP6_A, dst, 128, 0, struct.pack("!HH", 7, 1))


def ip6ext_frames():
    J = 0xC2
    hdr_jumbo = lambda n: opt(J, struct.pack("!I", n))
    return [
        # hop-by-hop: pad1, padn, router alert, unknown, all well-formed
        u6(0, ext6(17, b"\0" + opt(1, b"\0") + opt(5, b"\0\0"))),
        u6(0, ext6(17, opt(0x3e, b"\1\2\3\4"))),
        # router alert of a bad length; an option past the header's end
        u6(0, ext6(17, opt(5, b"\0\0\0") + b"\0")),
        u6(0, raw_ext(17, 0, b"\1\x09\0\0\0\0")),
        # jumbo: valid (payload length 0), carried payload shorter than it says
        u6(0, ext6(17, hdr_jumbo(70000)), plen=0),
        # jumbo with a payload length, jumbo < 65536, two jumbos, jumbo of a bad length
        u6(0, ext6(17, hdr_jumbo(70000))),
        u6(0, ext6(17, hdr_jumbo(1000)), plen=0),
        u6(0, ext6(17, hdr_jumbo(70000) + b"\1\0" + hdr_jumbo(80000)), plen=0),
        u6(0, ext6(17, opt(J, b"\0\0\0")), plen=0),
        # payload length 0 and no jumbo
        u6(0, ext6(17, opt(1, b"\0\0\0\0")), plen=0),
        # payload length 0 without hop-by-hop (destination options only), and with none
        u6(60, ext6(17, opt(1, b"\0\0\0\0")), plen=0),
        eth6(ipv6(IP6_A, IP6_B, 59, b"", plen=0)),
        # hop-by-hop twice, and after another header
        u6(0, ext6(0, opt(1, b"\0\0\0\0")) + ext6(17, opt(1, b"\0\0\0\0"))),
        u6(60, ext6(0, opt(1, b"\0\0\0\0")) + ext6(17, opt(1, b"\0\0\0\0"))),
        # destination options: jumbo (not hop-by-hop), home address, with a sub-option
        u6(60, ext6(17, hdr_jumbo(70000))),
        u6(60, ext6(17, b"\1\2\0\0" + opt(0xc9, C6))),
        u6(60, ext6(17, b"\0\0" + opt(0xc9, C6 + b"\1\0\0") + b"\0\0\0\0\0")),
        u6(60, ext6(17, opt(0xc9, C6[:8]))),
        # routing type 0 of an odd length, unknown type, type 4 of an odd length and with TLVs
        u6(43, ext6(17, struct.pack("!BBI", 0, 0, 0) + C6 + IP6_B)[:2].replace(b"\x04", b"\x03") +
           struct.pack("!BBI", 0, 0, 0) + C6 + IP6_B + b"\0" * 8),
        u6(43, ext6(17, struct.pack("!BBI", 7, 1, 0) + C6)),
        u6(43, ext6(17, struct.pack("!BBBBH", 4, 0, 0, 0, 0) + C6 + b"\0\1\4" + b"\0" * 5)),
        u6(43, ext6(17, struct.pack("!BBBBH", 4, 1, 0, 0x80, 0x1234) + C6 + IP6_B)),
        # routing header, then hop-by-hop
        u6(43, ext6(0, struct.pack("!BBI", 2, 0, 0) + C6) + ext6(17, b"\1\4\0\0\0\0")),
        # fragment: first, later, atomic (offset 0, no more)
        u6(44, frag6(17, 0, True, 0x11223344)),
        u6(44, frag6(17, 1024, False, 0x11223344)),
        u6(44, frag6(17, 0, False, 7)),
        # IPv6 in IPv6 after a segment routing header
        eth6(ipv6(IP6_A, IP6_B, 43, ext6(41, struct.pack("!BBBBH", 4, 0, 0, 0, 0) + C6) +
                  ipv6(IP6_A, C6, 58, ping6(C6)))),
        # a payload length past the packet's end; 0 without extension headers
        u6(17, b"", plen=30),
        eth6(ipv6(IP6_A, IP6_B, 17, udp(1, 2, b"x", ph=lambda n: pseudo6(IP6_A, IP6_B, 17, n)),
                  plen=0)),
        # home address with an unknown sub-option; routing addresses past the payload
        u6(60, ext6(17, b"\0\0" + opt(0xc9, C6 + b"\x07\1\0") + b"\0\0\0\0\0")),
        u6(43, b"\x11\x08" + ext6(17, struct.pack("!BBI", 0, 0, 0) + C6)[2:]),
        # router alert: invalid length in destination options, cut by the header's end
        u6(60, ext6(17, opt(5, b"\0") + b"\1\0")),
        u6(0, ext6(17, b"\0\0\0" + opt(5, b""))),
        # an unknown upper protocol behind destination options, and right after the header
        u6(60, ext6(12, b"\1\4\0\0\0\0")),
        eth6(ipv6(IP6_A, IP6_B, 12, b"abcd")),
        # cut by the snap length: inside hop-by-hop options, routing addresses, fragment
        (u6(0, ext6(17, opt(1, b"\0" * 12))), 14 + 40 + 6),
        (u6(43, ext6(17, struct.pack("!BBI", 0, 1, 0) + IP6_B + C6)), 14 + 40 + 24),
        (u6(44, frag6(17, 0, True, 5)), 14 + 40 + 5),
        (u6(0, ext6(17, opt(1, b"\0\0\0\0"))), 14 + 48),   # cut right after hop-by-hop
    ]


def mobility(mh_type, body, nxt=59):
    """A mobility header (RFC 6275 6.1): body after the checksum, padded to 8n."""
    h = struct.pack("!BBBBH", nxt, 0, mh_type, 0, 0) + body
    h += b"\0" * ((-len(h)) % 8)
    h = h[:1] + bytes([len(h) // 8 - 1]) + h[2:]
    c = 0  # tcpdump does not check it
    return h[:4] + struct.pack("!H", c) + h[6:]


def mobility_frames():
    def m(t, body):
        return eth6(ipv6(IP6_A, IP6_B, 135, mobility(t, body)))
    alt = opt(3, C6)
    ni = opt(4, struct.pack("!HH", 0x4d2, 0x162e))
    auth = opt(5, b"\x11" * 12)
    return [
        m(0, b"\0\0"),                                                   # BRR
        m(1, b"\0\0" + bytes(range(1, 9))),                              # HoTI
        m(2, b"\0\0" + bytes(range(9, 17))),                             # CoTI
        m(3, struct.pack("!H", 0x90a) + bytes(range(11, 27))),           # HoT
        m(4, struct.pack("!H", 0x90a) + bytes(range(11, 27))),           # CoT
        m(5, struct.pack("!HBBH", 1000, 0xF0, 0, 3600) + b"\0\0" + alt + ni + auth),  # BU
        m(6, struct.pack("!BBHH", 0, 0x80, 1000, 3600) + opt(2, b"\x1c\x20") + b"\0\0" + auth),
        m(7, struct.pack("!BB", 1, 0) + IP6_A),                          # BE
        m(8, struct.pack("!HH", 1, 2)),                                  # FNA / unknown types
        m(9, b"\0\0"),
        m(5, struct.pack("!HBBH", 1000, 0x80, 0, 3600) + b"\0\1" + opt(7, b"\1\2")),
        m(6, struct.pack("!BBHH", 0, 0, 1, 2) + opt(0x20, b"\1\2") + b"\0" * 10),
        m(5, struct.pack("!HBBH", 1, 0x10, 0, 1) + b"\0\0\1\0" + b"\0" * 8),
        eth6(ipv6(IP6_A, IP6_B, 135, struct.pack("!BBBBH", 59, 0, 5, 0, 0) + b"\0\0")),  # short BU
        eth6(ipv6(IP6_A, IP6_B, 135, mobility(0, b"\0\0", nxt=6))),
    ]


def mptcp_frames():
    """Every MPTCP subtype tcpdump 4.99 decodes, of valid and invalid lengths for the flags."""
    A, B = IP_A, IP_B
    ip6a = IP6_A

    def o(sub, rest):
        d = bytes([sub << 4 | rest[0]]) + rest[1:] if rest else bytes([sub << 4])
        return struct.pack("!BB", 30, 2 + len(d)) + d

    def seg(flags, opts):
        opts += b"\1" * ((-len(opts)) % 4)
        return eth4(tcp4(A, B, 1, 2, 3, 4, flags, opts=opts))
    return [
        seg("S", o(1, bytes([1, 5]) + b"\xaa\xbb\xcc\xdd" + b"\x01\x02\x03\x04")),   # join SYN backup
        seg("S.", o(1, bytes([0, 5]) + b"\x11"*8 + b"\x01\x02\x03\x04")),       # join SYN/ACK
        seg(".", o(1, bytes([0, 0]) + b"\x22"*20)),                              # join ACK
        seg(".", o(2, bytes([0, 0x01]) + struct.pack("!I", 77))),               # dss ack 4
        seg(".", o(2, bytes([0, 0x1f]) + struct.pack("!QQIHH", 1,2,3,4,5))),   # dss fin ack8 seq8 csum
        seg(".", o(2, bytes([0, 0x05]) + struct.pack("!IIIH", 1,2,3,4))),      # dss ack seq no csum
        seg(".", o(3, bytes([4, 1]) + A)),                     # add-addr v0 ipv4 len 8
        seg(".", o(3, bytes([4, 1]) + A + b"\x1f\x90")),      # len 10 port
        seg(".", o(3, bytes([6, 2]) + ip6a)),                  # v6 len 20
        seg(".", o(3, bytes([0, 3]) + A + b"\x55"*8)),        # v1 len 16 hmac
        seg(".", o(3, bytes([1, 3]) + A)),                    # v1 echo
        seg(".", o(4, bytes([0]) + b"\x01\x02")),             # rem-addr
        seg(".", o(5, bytes([1, 7]))),                         # prio backup id
        seg(".", o(5, bytes([0]))),                            # prio len 3
        seg(".", o(6, bytes([0, 0]) + struct.pack("!Q", 99))), # fail
        seg(".", o(7, bytes([0, 0]) + struct.pack("!Q", 0xabcdef))), # fast-close
        seg("R.", o(8, bytes([1, 2]))),                         # tcprst
        seg(".", o(0, bytes([1, 0x81]) + b"\x01"*8 + b"\x02"*8 + b"\0\x05")),  # capable v1 len 22 with data len?
        seg(".", o(0, bytes([1, 0x81]) + b"\x01"*8)),         # capable on ACK len 12 -> bad
        seg("S", o(2, bytes([0, 0x01]) + struct.pack("!I", 77))),   # dss on SYN -> bad
        seg(".", o(9, bytes([0, 0]))),                         # unknown subtype
        seg(".", struct.pack("!BB", 30, 2)),                   # mptcp len 2
        seg(".", o(0, bytes([1, 0x81]) + b"\x01"*8 + b"\x02"*8 + b"\0\x05")),
        seg(".", o(0, bytes([1, 0x01]) + b"\x01"*8 + b"\x02"*8 + b"\0\x05")),
        seg(".", o(0, bytes([1, 0x01]) + b"\x01"*8 + b"\x02"*8 + b"\0\x05\0\0")),
        seg("S", o(0, bytes([1, 0x01]))),
        seg("S", o(0, bytes([3, 0x01]))),
        seg(".", o(3, bytes([6, 2]) + ip6a + b"\0\x50")),
        seg(".", o(3, bytes([0, 2]) + ip6a + b"\x66"*8)),
        seg(".", o(3, bytes([0, 2]) + A + b"\0\x50" + b"\x66"*8)),
        seg(".", o(3, bytes([9, 2]) + A)),
        seg(".", o(3, bytes([4, 2]) + A + b"\0")),
        seg(".", o(4, bytes([0]))),
        seg(".", o(2, bytes([0, 0x01]) + struct.pack("!I", 77) + b"\0")),
        seg(".", o(6, bytes([0, 0]) + struct.pack("!I", 99))),
    ]


def icmp_ext_frames():
    """ICMP errors with RFC 4884 extensions: MPLS labels (RFC 4950), interface information (RFC 5837)."""
    from gen_sniff import csum, icmp, IP_R
    A, B = IP_A, IP_B
    quote = ipv4(B, A, 17, udp(33434, 33440, b"q" * 12), ttl=1)

    def ext(objs, version=2, good=True):
        body = b"".join(struct.pack("!HBB", 4 + len(d), c, t) + d for c, t, d in objs)
        h = struct.pack("!BBH", version << 4, 0, 0) + body
        c = csum(h) if good else 0x1234
        return h[:2] + struct.pack("!H", c) + h[4:]

    def err(typ, code, e, length=True):
        data = quote.ljust(128, b"\0") + e
        rest = struct.pack("!BBH", 0, 32 if length else 0, 0)
        return eth4(ipv4(IP_R, B, 1, icmp(typ, code, rest, data)))
    mpls = (1, 1, struct.pack("!I", (16004 << 12) | (3 << 9) | 0x100 | 1))
    ifinfo = (2, 14, struct.pack("!I", 15) + b"\0\1\0\0" + A + b"\x08eth0\0\0\0")
    return [
        err(11, 0, ext([mpls])),
        err(11, 0, ext([mpls, ifinfo])),
        err(3, 3, ext([ifinfo], good=False)),
        err(11, 0, ext([mpls]), length=False),               # no RFC 4884 length: checksum decides
        err(11, 0, ext([mpls], good=False), length=False),    # ... and says no extension
        err(12, 0, ext([mpls], version=1)),
        err(11, 0, ext([(9, 1, b"\1\2\3")])),
        (err(11, 0, ext([mpls, ifinfo])), 14 + 20 + 8 + 128 + 4 + 4 + 4 + 10),  # cut in an object
        err(11, 0, b""),                                      # a quote only, not long enough
    ]


def router_renum_frames():
    """ICMPv6 router renumbering (RFC 2894): command with flags and use parts, result, cut."""
    def rr(code, seq, flags, body, rsvd=0):
        return eth6(ipv6(IP6_A, IP6_B, 58, icmp6(IP6_A, IP6_B, 138, code, struct.pack(
            "!IBBHI", seq, 0, flags, 1000, rsvd) + body)))

    def match(code, nuse, prefix=C6, mlen=48):
        return struct.pack("!BBBBBBH", code, 3 + 4 * nuse, 1, mlen, 32, 64, 0) + prefix

    def use(flags, vl, pl, prefix=C6):
        return struct.pack("!BBBBIII", 64, 16, 0xf, 0xc0, vl, pl, flags) + prefix
    return [
        rr(0, 7, 0xf8, match(1, 2) + use(0xc0000000, 0xffffffff, 3600) + use(0, 100, 0xffffffff)),
        rr(0, 8, 0, match(3, 1) + use(0x40000000, 1, 2), rsvd=5),
        rr(0, 9, 0, match(9, 0)),
        rr(1, 10, 0x40, b"\0" * 24),
        rr(255, 11, 0, b""),
        rr(7, 12, 0, b""),
        rr(0, 13, 0, struct.pack("!BBBBBBH", 2, 5, 1, 48, 0, 128, 0) + C6),    # bad length
        (rr(0, 14, 0, match(1, 1) + use(0, 1, 2)), 14 + 40 + 16 + 24 + 10),   # cut in a use part
    ]


def ip4opt_frames():
    """IPv4 options at -v: record route, timestamps of each flag, security, source routes,
    router alert, unknown kinds, and lengths that do not fit."""
    A, B = IP_A, IP_B

    def u(opts):
        return eth4(ipv4(A, B, 17, udp(1, 2, b"x", ph=lambda n: pseudo4(A, B, 17, n)), opts=opts))
    return [
        u(bytes([7, 7, 4]) + A + b"\0"),
        u(bytes([7, 11, 8]) + A + B + b"\0"),
        u(bytes([68, 8, 5, 0x00]) + b"\0\0\0\x05"),
        u(bytes([68, 12, 13, 0x01]) + A + b"\0\0\0\x07"),
        u(bytes([68, 12, 5, 0x03]) + A + b"\0\0\0\x07"),
        u(bytes([68, 4, 5, 0x11])),
        u(bytes([130, 11]) + b"\0" * 10),
        u(bytes([131, 3, 4, 0])),
        u(bytes([137, 7, 4]) + B + b"\0"),
        u(bytes([148, 4, 0, 0])),
        u(bytes([148, 3, 0, 1])),
        u(bytes([25, 8]) + b"\1\2\3\4\5\6"),
        u(bytes([7, 2, 4, 0])),
        u(bytes([7, 40]) + b"\0" * 2),
        u(bytes([1, 1, 1, 0])),
        u(bytes([0, 7, 7, 4])),
        u(bytes([68, 40, 5, 0]) + b"\0" * 36),
    ]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_ip6ext.pcap"), LINKTYPE_ETHERNET,
               ip6ext_frames() + mobility_frames())
    write_pcap(os.path.join(out, "sniff_mptcp.pcap"), LINKTYPE_ETHERNET, mptcp_frames())
    write_pcap(os.path.join(out, "sniff_icmp_ext.pcap"), LINKTYPE_ETHERNET, icmp_ext_frames())
    write_pcap(os.path.join(out, "sniff_icmp6_rr2.pcap"), LINKTYPE_ETHERNET,
               router_renum_frames())
    write_pcap(os.path.join(out, "sniff_ip4opt.pcap"), LINKTYPE_ETHERNET, ip4opt_frames())


if __name__ == "__main__":
    main()
