#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_mpls.py: writes tests/golden/input/sniff_ldp.pcap and sniff_lspping.pcap, the MPLS
# control protocols built byte by byte for the paths tcpdump's captures lack.  LDP (RFC 5036,
# UDP and TCP 646): every message type, every TLV tcpdump decodes (hello, transport addresses,
# session, address lists, FECs with prefixes and Martini VCs and their interface parameters,
# labels, status, fault tolerance, MTU), unknown ones, several PDUs in a segment, bad versions
# and lengths, cuts.  LSP ping (RFC 8029, UDP 3503): every Target FEC sub-TLV at its size and
# not, the downstream mapping's address types, BFD discriminator, vendor enterprise, pad and
# unknown TLVs, short packets and cuts.  The output is committed; only changing the captures
# needs python3.  Helpers come from gen_sniff.py beside it.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (LINKTYPE_ETHERNET, eth4, eth6, tcp4, udp4, udp6,  # noqa: E402
                       write_pcap)

LDP = 646
LSPPING = 3503


def ip(s):
    return bytes(int(x) for x in s.split("."))


IP6_A = bytes.fromhex("20010db8000000000000000000000001")
IP6_B = bytes.fromhex("20010db8000000000000000000000002")
A = ip("10.1.1.1")
B = ip("10.1.1.2")
MCAST = ip("224.0.0.2")


# ---- LDP ----------------------------------------------------------------------------------------
def tlv(typ, val, length=None, u=0, f=0):
    if length is None:
        length = len(val)
    return struct.pack("!HH", (u << 15) | (f << 14) | typ, length) + val


def msg(typ, tlvs, mid=1, length=None, u=0):
    body = b"".join(tlvs)
    if length is None:
        length = 4 + len(body)
    return struct.pack("!HHI", (u << 15) | typ, length, mid) + body


def pdu(msgs, lsr="10.0.0.1", space=0, version=1, length=None):
    body = b"".join(msgs)
    if length is None:
        length = 6 + len(body)
    return struct.pack("!HH4sH", version, length, ip(lsr), space) + body


def fec_prefix(af, plen, addr):
    return struct.pack("!BHB", 2, af, plen) + addr


def martini(pwtype, cw, group, vcid, params, info=None):
    body = b"".join(params)
    if info is None:
        info = 4 + len(body) if vcid is not None else 0
    v = struct.pack("!BHBI", 0x80, pwtype | (0x8000 if cw else 0), info, group)
    if vcid is not None:
        v += struct.pack("!I", vcid) + body
    return v


def ldp_udp(payload, src=A, dst=MCAST):
    return eth4(udp4(src, dst, LDP, LDP, payload))


def ldp_tcp(payload, seq=1000):
    return eth4(tcp4(A, B, 35000, LDP, seq, 2000, "P.", payload))


def ldp_frames():
    hello = msg(0x0100, [tlv(0x0400, struct.pack("!HH", 15, 0)),
                         tlv(0x0401, A), tlv(0x0402, struct.pack("!I", 7))], mid=0x11970)
    targeted = msg(0x0100, [tlv(0x0400, struct.pack("!HH", 45, 0xc000)),
                            tlv(0x0403, IP6_A)], mid=2)
    init = msg(0x0200, [tlv(0x0500, struct.pack("!HHBBH", 1, 180, 0, 0, 0xc000) +
                            ip("10.0.0.2") + b"\0\0"),
                        tlv(0x0503, struct.pack("!HHII", 0x800f, 0, 120000, 60000)),
                        tlv(0x0503, struct.pack("!HHII", 0, 0, 0, 0))], mid=3)
    keep = msg(0x0201, [], mid=4)
    addr = msg(0x0300, [tlv(0x0101, struct.pack("!H", 1) + A + B + ip("192.168.1.1"))], mid=5)
    addr6 = msg(0x0300, [tlv(0x0101, struct.pack("!H", 2) + IP6_A + IP6_B)], mid=6)
    addr_other = msg(0x0301, [tlv(0x0101, struct.pack("!H", 25) + b"\1\2\3\4")], mid=7)
    mapping = msg(0x0400, [tlv(0x0100, fec_prefix(1, 24, ip("10.2.3.0")[:3])),
                           tlv(0x0200, struct.pack("!I", 0x12345))], mid=8)
    mapping6 = msg(0x0400, [tlv(0x0100, fec_prefix(2, 64, IP6_A[:8])),
                            tlv(0x0200, struct.pack("!I", 3))], mid=9)
    oddmask = msg(0x0400, [tlv(0x0100, fec_prefix(1, 20, ip("10.255.255.0")[:3]))], mid=10)
    badplen = msg(0x0400, [tlv(0x0100, fec_prefix(1, 40, b"\1\2\3\4\5")),
                           tlv(0x0100, fec_prefix(2, 200, b"\1"))], mid=11)
    otheraf = msg(0x0402, [tlv(0x0100, fec_prefix(7, 8, b"\1")),
                           tlv(0x0100, b"\x01"), tlv(0x0100, b"\x03"), tlv(0x0100, b"\x42")],
                  mid=12)
    vc = msg(0x0400, [tlv(0x0100, martini(5, True, 1, 100, [
        struct.pack("!BBH", 1, 4, 1500),
        struct.pack("!BB", 3, 7) + b"pw\x01on",
        struct.pack("!BBBB", 0x0c, 4, 0x03, 0x06),
        struct.pack("!BBBB", 0x0c, 4, 0x00, 0x00),
        struct.pack("!BB", 0x55, 5) + b"\xaa\xbb\xcc"])),
                      tlv(0x0200, struct.pack("!I", 17))], mid=13)
    vc0 = msg(0x0400, [tlv(0x0100, martini(4, False, 9, None, [])),
                       tlv(0x0100, martini(0x40, False, 2, 5, [], info=2)),
                       tlv(0x0100, martini(0x77, True, 2, 5, [], info=40)),
                       tlv(0x0100, martini(1, True, 3, 6, [struct.pack("!BB", 1, 1) + b"\0\0"]))],
              mid=14)
    notif = msg(0x0001, [tlv(0x0300, struct.pack("!II", 0x80000013, 0x1234)),
                         tlv(0x0300, struct.pack("!II", 0x4000000a, 0)),
                         tlv(0x0601, struct.pack("!H", 9000)),
                         tlv(0x0302, b"\1\2\3\4\5\6"),
                         tlv(0x3e01, b"vendor", u=1, f=1)], mid=15, u=1)
    unknownmsg = msg(0x0401, [tlv(0x0100, b"\x01")], mid=16)
    abort = msg(0x3f00, [b"\xde\xad\xbe\xef"], mid=17)
    shorttlv = msg(0x0100, [tlv(0x0400, b"\0\1"), tlv(0x0401, b"\1\2"),
                            tlv(0x0500, b"\0" * 4), tlv(0x0300, b"\0" * 4),
                            tlv(0x0601, b"\1"), tlv(0x0200, b"\0"), tlv(0x0100, b""),
                            tlv(0x0402, b"\0")], mid=18)
    pasttlv = msg(0x0100, [tlv(0x0400, b"\0" * 4, length=40)], mid=19)
    return [
        ldp_udp(pdu([hello])),
        ldp_udp(pdu([targeted], space=3)),
        ldp_tcp(pdu([init, keep])),
        ldp_tcp(pdu([addr, addr6, addr_other]) + pdu([keep], lsr="10.0.0.9")),
        ldp_tcp(pdu([mapping, mapping6, oddmask])),
        ldp_tcp(pdu([badplen, otheraf])),
        ldp_tcp(pdu([vc])),
        ldp_tcp(pdu([vc0])),
        ldp_tcp(pdu([notif, unknownmsg, abort])),
        ldp_tcp(pdu([shorttlv, pasttlv])),
        ldp_tcp(pdu([msg(0x0100, [], length=2)])),
        ldp_tcp(pdu([keep], version=2)),
        ldp_tcp(pdu([keep], length=3) + b"\0" * 8),
        ldp_tcp(pdu([keep], length=200)),
        ldp_tcp(pdu([keep, keep], length=14) + pdu([keep])),
        ldp_udp(pdu([hello])[:18]),
        (ldp_udp(pdu([hello])), 14 + 20 + 8 + 10 + 8 + 6),
        (ldp_udp(pdu([hello])), 14 + 20 + 8 + 10 + 8 + 16),
        (ldp_tcp(pdu([vc])), 14 + 20 + 20 + 10 + 8 + 4 + 16),
        (ldp_tcp(pdu([addr])), 14 + 20 + 20 + 10 + 8 + 4 + 6 + 6),
        eth6(udp6(IP6_A, IP6_B, LDP, LDP, pdu([hello]))),
    ]


# ---- LSP ping -----------------------------------------------------------------------------------
def lsp(tlvs, mtype=1, mode=2, code=0, sub=0, seq=1, ts=(3809381051, 0x53a0cb00), tr=(0, 0),
        version=1):
    return struct.pack("!HHBBBBIIIIII", version, 0, mtype, mode, code, sub, 0x1234, seq,
                       ts[0], ts[1], tr[0], tr[1]) + b"".join(tlvs)


def ltlv(typ, val, length=None, pad=True):
    if length is None:
        length = len(val)
    v = val + (b"\0" * ((-len(val)) % 4) if pad else b"")
    return struct.pack("!HH", typ, length) + v


RD0 = struct.pack("!HHI", 0, 65000, 100)
RD1 = struct.pack("!H4sH", 1, ip("10.9.9.9"), 7)
RD2 = struct.pack("!HIH", 2, 4200000000, 8)


def lsp_udp(payload, src=A, dst=B, sport=4786, dport=LSPPING):
    return eth4(udp4(src, dst, sport, dport, payload))


def lsp_frames():
    subs = [
        ltlv(1, ip("10.3.3.3") + b"\x20"),
        ltlv(2, IP6_A + b"\x80"),
        ltlv(3, ip("12.1.1.1") + struct.pack("!HH", 0, 0x5372) + ip("12.4.4.4") + ip("12.4.4.5") +
             struct.pack("!HH", 0, 0x10)),
        ltlv(4, IP6_A + struct.pack("!HH", 0, 9) + IP6_B + IP6_A + struct.pack("!HH", 0, 3)),
        ltlv(6, RD0 + ip("10.4.0.0") + b"\x10"),
        ltlv(7, RD1 + IP6_B + b"\x40"),
        ltlv(8, RD2 + struct.pack("!HHH", 1, 2, 5)),
        ltlv(9, ip("10.5.5.5") + struct.pack("!IH", 0x100, 4)),
        ltlv(10, ip("10.5.5.6") + ip("10.5.5.7") + struct.pack("!IH", 0x200, 0x99)),
        ltlv(12, ip("10.6.0.0") + b"\x10"),
        ltlv(13, IP6_B + b"\x30"),
        ltlv(11, b"\1\2\3\4\5\6"),
        ltlv(16, b"\0\0\0\3"),
    ]
    wrong = [ltlv(t, b"\x01\x02\x03") for t in (1, 2, 3, 4, 6, 7, 8, 9, 10, 12, 13)]
    ds = [
        ltlv(2, struct.pack("!HBB", 1500, 1, 0) + A + B + struct.pack("!BBH", 0, 0, 0) +
             struct.pack("!I", 0x12345 << 12 | 3)),
        ltlv(2, struct.pack("!HBB", 1500, 2, 0) + A + struct.pack("!I", 7) + b"\0" * 4),
        ltlv(2, struct.pack("!HBB", 9000, 3, 0) + IP6_A + IP6_B + b"\0" * 4),
        ltlv(2, struct.pack("!HBB", 9000, 4, 0) + IP6_A + struct.pack("!I", 9) + b"\0" * 4),
        ltlv(2, struct.pack("!HBB", 1400, 9, 0) + b"\0" * 4),
        ltlv(2, struct.pack("!HBB", 1400, 1, 0) + A),
        ltlv(2, struct.pack("!HBB", 1400, 1, 0) + A + B),
        ltlv(2, b"\1\2"),
    ]
    misc = [
        ltlv(15, struct.pack("!I", 0xdeadbeef)),
        ltlv(15, b"\1\2"),
        ltlv(5, struct.pack("!I", 2636)),
        ltlv(5, struct.pack("!I", 99999)),
        ltlv(5, b"\1"),
        ltlv(3, b"\1\2\3\4\5"),
        ltlv(9, b"\1\0\0\0"),
        ltlv(0xfc00, b"\0\0\0\x09abcd"),
        ltlv(7, b""),
        ltlv(0x1234, b"\xff" * 20),
    ]
    return [
        # tcpdump steps to a sub-TLV's value, not past it: one sub-TLV per stack decodes right
        lsp_udp(lsp([ltlv(1, sub) for sub in subs])),
        lsp_udp(lsp([ltlv(1, sub) for sub in wrong], code=3, sub=1), sport=LSPPING, dport=4786),
        lsp_udp(lsp([ltlv(1, b"".join(subs[:3]))], code=11)),
        lsp_udp(lsp(ds, mtype=2, code=8, sub=2, tr=(3809381052, 0x10000000))),
        lsp_udp(lsp(misc, mtype=7, mode=9, code=99, sub=4)),
        lsp_udp(lsp([], code=4)),
        lsp_udp(lsp([], code=10) + b"\0\1"),
        lsp_udp(lsp([ltlv(1, b"\0\1\0\x10\1\2")])),
        lsp_udp(lsp([ltlv(1, b"\0\1\0\x05\1\2\3\4\x08", length=9, pad=False)])),
        lsp_udp(lsp([ltlv(1, b"\0\1\0\x05\1\2\3\4\x08\0\0\0\0\x01")])),
        lsp_udp(lsp([ltlv(1, b"\0\1\0\x05\1\2\3\4\x08\0\0\0\0\x01\0\x05\1\2\3\4\x08\0\0\0")])),
        lsp_udp(lsp([ltlv(9, b"\1\2\3\4\5", length=5, pad=False)])),
        lsp_udp(lsp([ltlv(9, b"\1\2\3\4", length=40)])),
        lsp_udp(lsp([], version=2)),
        lsp_udp(lsp([])[:20]),
        lsp_udp(lsp([], ts=(0, 0))),
        (lsp_udp(lsp([ltlv(1, b"".join(subs))])), 14 + 20 + 8 + 32 + 4 + 10),
        (lsp_udp(lsp([ltlv(1, b"".join(subs))])), 14 + 20 + 8 + 20),
        (lsp_udp(lsp(ds)), 14 + 20 + 8 + 32 + 4 + 6),
        eth6(udp6(IP6_A, IP6_B, 4786, LSPPING, lsp([ltlv(1, subs[1])]))),
    ]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_ldp.pcap"), LINKTYPE_ETHERNET, ldp_frames())
    write_pcap(os.path.join(out, "sniff_lspping.pcap"), LINKTYPE_ETHERNET, lsp_frames())


if __name__ == "__main__":
    main()
