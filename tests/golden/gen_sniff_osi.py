#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_osi.py: writes tests/golden/input/sniff_osi.pcap and sniff_cdp.pcap, the OSI
# network layer and CDP built byte by byte where tcpdump's own captures have no example:
# CLNP (options, segmentation, an error report quoting a PDU), ES-IS (ESH, ISH, redirect,
# options), IS-IS hellos, LSPs with most TLVs and sub-TLVs tcpdump decodes, CSNP and PSNP,
# and broken or cut PDUs; CDP with every TLV tcpdump names and malformed ones.  The output is
# committed; only changing the captures needs python3.  Helpers come from gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP6_A, IP6_B, IP_A, IP_B, LINKTYPE_ETHERNET, MAC_A, icmp, ipv4,  # noqa: E402
                       udp6, write_pcap)

ISIS_MAC = bytes.fromhex("0180c2000015")
ESIS_MAC = bytes.fromhex("09002b000004")
CDP_MAC = bytes.fromhex("01000ccccccc")
SYS_A = bytes.fromhex("192168001001")
SYS_B = bytes.fromhex("192168001002")
AREA = bytes.fromhex("490001")


def e8023(dst, payload, src=MAC_A):
    fr = dst + src + struct.pack("!H", len(payload)) + payload
    return fr + b"\0" * (60 - len(fr)) if len(fr) < 60 else fr


def osi(pdu):
    return e8023(ISIS_MAC, b"\xfe\xfe\x03" + pdu)


def tlv(t, v):
    return bytes([t, len(v)]) + v


def isis(pdu_type, hdr, tlvs, pdu_len=None):
    body = hdr + b"".join(tlvs)
    fixed = 8 + len(hdr)
    total = fixed + len(b"".join(tlvs))
    common = bytes([0x83, fixed, 1, 0, pdu_type, 1, 0, 0])
    # the PDU length field is the first of the PDU header in LSPs and SNPs, after 9 bytes in hellos
    plen = struct.pack("!H", pdu_len if pdu_len is not None else total)
    if pdu_type in (15, 16, 17):
        body = body[:9] + plen + body[11:]
    else:
        body = plen + body[2:]
    return common + body


def lan_iih(tlvs, level=16):
    hdr = b"\x02" + SYS_A + struct.pack("!H", 30) + b"\0\0" + b"\x40" + SYS_A + b"\x01"
    return isis(level, hdr, tlvs)


def ptp_iih(tlvs):
    hdr = b"\x03" + SYS_B + struct.pack("!H", 30) + b"\0\0" + b"\x00"
    return isis(17, hdr, tlvs)


def lsp(tlvs, pdu_type=20, flags=0x03, lifetime=1199, seq=7, cksum=0x1234):
    hdr = b"\0\0" + struct.pack("!H", lifetime) + SYS_A + b"\x00\x00" + \
        struct.pack("!IH", seq, cksum) + bytes([flags])
    return isis(pdu_type, hdr, tlvs)


def fix_lsp_cksum(pdu):
    """The Fletcher checksum of an LSP from its id to the end (ISO 8473 annex C)."""
    data = bytearray(pdu[12:])
    data[12:14] = b"\0\0"
    c0 = c1 = 0
    for b in data:
        c0 = (c0 + b) % 255
        c1 = (c1 + c0) % 255
    x = ((len(data) - 12 - 1) * c0 - c1) % 255
    y = (c1 - (len(data) - 12) * c0) % 255
    x = x or 255
    y = y or 255
    return pdu[:24] + bytes([x, y]) + pdu[26:]


def ext_is(node, metric, subtlvs=b""):
    return node + struct.pack("!I", metric)[1:] + bytes([len(subtlvs)]) + subtlvs


def sub(t, v):
    return bytes([t, len(v)]) + v


def extd_ip(metric, plen, prefix, subtlvs=None, down=False):
    ctl = plen | (0x80 if down else 0) | (0x40 if subtlvs is not None else 0)
    out = struct.pack("!IB", metric, ctl) + prefix[:(plen + 7) // 8]
    if subtlvs is not None:
        out += bytes([len(subtlvs)]) + subtlvs
    return out


def ip6_reach(metric, plen, prefix, subtlvs=None, external=False):
    ctl = (0x40 if external else 0) | (0x20 if subtlvs is not None else 0)
    out = struct.pack("!IBB", metric, ctl, plen) + prefix[:(plen + 7) // 8]
    if subtlvs is not None:
        out += bytes([len(subtlvs)]) + subtlvs
    return out


def flt(v):
    return struct.pack("!f", v)


def isis_frames():
    te = sub(3, struct.pack("!I", 0x10)) + sub(4, struct.pack("!II", 5, 6)) + \
        sub(6, bytes([10, 0, 0, 1])) + sub(8, bytes([10, 0, 0, 2])) + \
        sub(9, flt(125000000.0)) + sub(10, flt(100000000.0)) + \
        sub(11, b"".join(flt(12500000.0 * i) for i in range(8))) + \
        sub(18, b"\0\0\x0a") + sub(19, b"\0\x05") + sub(20, b"\x04\x07") + \
        sub(22, b"\x00" + flt(1e6) + flt(2e6)) + sub(29, b"\0\0\x0a\x01\0\x02") + \
        sub(32, b"\x30\x05" + SYS_B + b"\0\x3e\x80") + sub(99, b"\xab\xcd")
    iscd = sub(21, bytes([1, 2, 0, 0]) + b"".join(flt(1e6) for _ in range(8)) + flt(5e5) +
               b"\x05\xdc")
    prefix_sid = sub(3, b"\x40\x00" + struct.pack("!I", 40)) + sub(1, struct.pack("!I", 100)) + \
        sub(2, struct.pack("!Q", 0x1122334455667788)) + sub(117, struct.pack("!I", 7)) + \
        sub(9, b"\x01\x02")
    lsp_full = lsp([
        tlv(1, bytes([3]) + AREA + bytes([2]) + b"\x39\x01"),
        tlv(129, b"\xcc\x8e\x81"),
        tlv(137, b"router-a"),
        tlv(134, bytes([10, 0, 0, 1])),
        tlv(132, bytes([10, 0, 0, 1, 10, 0, 1, 1])),
        tlv(232, bytes.fromhex("20010db8000000000000000000000001")),
        tlv(22, ext_is(SYS_B + b"\x00", 10, te)),
        tlv(22, ext_is(SYS_B + b"\x01", 20) + ext_is(SYS_B + b"\x02", 30, iscd)),
        tlv(135, extd_ip(10, 24, bytes([10, 0, 1, 0])) +
            extd_ip(20, 32, bytes([10, 9, 9, 9]), prefix_sid, down=True)),
        tlv(236, ip6_reach(10, 64, bytes.fromhex("20010db8000100000000")) +
            ip6_reach(5, 128, bytes.fromhex("20010db8000000000000000000000001"),
                      sub(1, struct.pack("!I", 9)), external=True)),
        tlv(229, struct.pack("!HH", 0, 0x8002)),
        tlv(222, struct.pack("!H", 2) + ext_is(SYS_B + b"\x00", 10)),
        tlv(235, struct.pack("!H", 0x4000) + extd_ip(1, 8, bytes([10]))),
        tlv(237, struct.pack("!H", 2) + ip6_reach(1, 48, bytes.fromhex("20010db80002"))),
        tlv(128, bytes([10, 0x80, 0x80, 0x80, 10, 0, 2, 0, 255, 255, 255, 0]) +
            bytes([0x45, 5, 0x86, 0x80, 10, 0, 3, 0, 255, 0, 255, 0])),
        tlv(130, bytes([0x8a, 0x80, 0x80, 0x80, 172, 16, 0, 0, 255, 240, 0, 0])),
        tlv(2, b"\x00" + bytes([10, 0x80, 0x80, 0x80]) + SYS_B + b"\x01" +
            bytes([20, 0x05, 0x46, 0x07]) + SYS_B + b"\x02"),
        tlv(3, bytes([10, 0x80, 0x80, 0x80]) + SYS_B),
        tlv(4, SYS_B),
        tlv(5, bytes([10, 0x80, 0x80, 0x80, 6]) + AREA),
    ], flags=0x03 | 0x04 | 0x08 | 0x80)
    # the rest in a second LSP: -vv's hex of all of them passes sniff's line buffer (8192)
    lsp_more = lsp([
        tlv(10, b"\x01secret"),
        tlv(14, struct.pack("!H", 1492)),
        tlv(131, b"\x02\x00\x64"),
        tlv(131, b"\x01\xaa\xbb"),
        tlv(138, SYS_B + b"\x00\x01" + bytes([10, 0, 0, 1, 10, 0, 0, 2]) +
            struct.pack("!II", 1, 2)),
        tlv(143, struct.pack("!H", 0x1001) + sub(6, struct.pack("!IH", 0x0080c201, 0x0648))),
        tlv(144, struct.pack("!H", 0x8001) +
            sub(3, bytes.fromhex("0011223344550064") + struct.pack("!I", 0x80001234))),
        tlv(242, bytes([10, 0, 0, 1, 0x01]) + sub(2, b"\xc0\x00\x03\xe8" + b"\x01\x03\x00\x0f\xa0")),
        tlv(250, b"\x00\x00\x0c\xde\xad"),
        tlv(24, SYS_B + b"\x00\x00"),
        tlv(66, b"\x01\x02\x03"),
    ], flags=0x02 | 0x10 | 0x20 | 0x40)
    md5 = lsp([tlv(10, b"\x36" + bytes(range(16))), tlv(10, b"\x03\x00\x07" + b"\xaa" * 4),
               tlv(12, b"\x00\x00"), tlv(13, b"\x02" + SYS_A + SYS_B), tlv(13, b"\x00"),
               tlv(241, struct.pack("!I", 42)), tlv(7, struct.pack("!HHH", 1, 2, 3))],
              pdu_type=18, flags=0x01, cksum=0)
    ptp = ptp_iih([tlv(240, b"\x00" + struct.pack("!I", 5) + SYS_A + struct.pack("!I", 6)),
                   tlv(211, b"\x03\x00\x05" + SYS_A), tlv(1, bytes([3]) + AREA),
                   tlv(229, b"\x00\x00\x00"), tlv(6, MAC_A)])
    csnp = isis(25, b"\0\0" + SYS_A + b"\x00" + b"\0" * 8 + b"\xff" * 8, [
        tlv(9, struct.pack("!H", 1199) + SYS_A + b"\x00\x00" + struct.pack("!IH", 7, 0xabcd) +
            struct.pack("!H", 600) + SYS_B + b"\x01\x00" + struct.pack("!IH", 3, 0x1234))])
    psnp = isis(27, b"\0\0" + SYS_B + b"\x00", [
        tlv(9, struct.pack("!H", 0) + SYS_A + b"\x00\x00" + struct.pack("!IH", 8, 0))])
    l1_lan = lan_iih([tlv(1, bytes([3]) + AREA), tlv(8, b"\0" * 20)], level=15)
    lan_bad_circuit = lan_iih([tlv(132, bytes([10, 0, 0, 9]))])
    frames = [osi(lan_iih([tlv(129, b"\xcc"), tlv(1, bytes([3]) + AREA),
                           tlv(132, bytes([10, 0, 0, 2])), tlv(211, b"\x00\x00\x00"),
                           tlv(8, b"\0" * 10)])),
              osi(l1_lan), osi(lan_bad_circuit[:8] + b"\x07" + lan_bad_circuit[9:]),
              osi(ptp), osi(lsp_full), osi(lsp_more), osi(fix_lsp_cksum(lsp([tlv(137, b"r2")], flags=0x01))),
              osi(md5), osi(csnp), osi(psnp)]
    # broken: bad versions, id length, fixed length, 255 areas, unknown type, short TLVs
    base = bytearray(ptp_iih([tlv(1, bytes([3]) + AREA)]))
    for off, val in ((2, 2), (3, 4), (5, 3), (1, 30), (1, 4), (7, 255), (4, 9)):
        b = bytearray(base)
        b[off] = val
        frames.append(osi(bytes(b)))
    frames.append(osi(lsp([tlv(135, struct.pack("!IB", 1, 40)), tlv(1, b"\x09\x49")])))
    frames.append(osi(lsp([tlv(22, ext_is(SYS_B + b"\0", 1, b"\x03\x09\0\0\0\x01"))])))
    frames.append(osi(lsp([tlv(128, b"\0" * 5)])))
    frames.append(osi(lsp([tlv(242, b"\x0a\x00")])))
    frames.append(osi(ptp_iih([tlv(1, bytes([3]) + AREA)])[:30]))
    restart = osi(ptp_iih([tlv(211, b"\x03\x00\x05")]))
    frames.append((restart, len(restart) - 3 - (60 - 14 - 3 - 20 - 5)))
    spb = osi(lsp([tlv(144, struct.pack("!H", 1) + sub(3, b"\0" * 12))]))
    frames.append((spb, 17 + 27 + 2 + 2 + 2 + 4))
    # an LSP whose checksum arithmetic goes negative before its last step (a mutation of
    # tcpdump's isis_3-v capture)
    frames.append(bytes.fromhex("0180c2000015c20329a900000037fefe03831b010014010000803404af44444444"
                                "44440100000000037ef7030217000080808044444444444400008080ff333333"
                                "33333300"))
    # cut by the capture: in the common header, in the PDU header, in a TLV
    for cut in (22, 30, 60, 90):
        fr = osi(lsp_full)
        frames.append((fr, cut))
    return frames


def clnp(ptype, dst, src, opts=b"", data=b"", seg=None, flags=0x80, lifetime=60):
    hdr = bytes([len(dst)]) + dst + bytes([len(src)]) + src
    if seg:
        hdr += struct.pack("!HHH", *seg)
    li = 9 + len(hdr) + len(opts)
    total = li + len(data)
    return bytes([0x81, li, 1, lifetime, flags | ptype]) + struct.pack("!HH", total, 0x0102) + \
        hdr + opts + data


def esis(ptype, body, hold=300, li=None):
    li = li if li is not None else 9 + len(body)
    return bytes([0x82, li, 1, 0, ptype]) + struct.pack("!HH", hold, 0) + body


def osi_frames():
    nsap_a = bytes.fromhex("490001192168001001fe")
    nsap_b = bytes.fromhex("490001192168001002fe")
    opts = bytes([205, 1, 0x0e]) + bytes([195, 1, 0xff]) + bytes([197, 2, 0x40, 3]) + \
        bytes([193, 1, 0x81]) + bytes([204, 2, 0, 0]) + \
        bytes([200, 2 + 2 * (1 + len(nsap_b)), 1, 3, len(nsap_b)]) + nsap_b + \
        bytes([len(nsap_a)]) + nsap_a + bytes([99, 1, 0xaa])
    data = clnp(28, nsap_b, nsap_a, opts, b"payload!", seg=(0x1234, 0, 60))
    quoted = clnp(30, nsap_a, nsap_b, data=b"ping")
    er = clnp(1, nsap_a, nsap_b, bytes([193, 1, 0xa0]), quoted, flags=0)
    frames = [osi(data), osi(clnp(30, nsap_b, nsap_a, data=b"echo", flags=0x20)), osi(er),
              osi(clnp(31, nsap_a, nsap_b, data=b"\x42\x00", flags=0)),
              osi(bytes([0x81, 5, 1, 0, 0x1c, 0, 0, 0, 0])),
              osi(bytes([0x81, 9, 2, 0, 0x1c, 0, 0, 0, 0])),
              osi(bytes([0x81, 40, 1, 0, 0x1c, 0, 0, 0, 0])),
              (osi(data), 30)]
    frames += [osi(esis(2, b"\x02" + bytes([len(nsap_a)]) + nsap_a + b"\x03" + AREA +
                        bytes([129, 2, 0xcc, 0x8e]) + bytes([198, 2, 0, 50]) +
                        bytes([197, 1, 0]))),
               osi(esis(4, bytes([len(nsap_b)]) + nsap_b + bytes([198, 1, 5]))),
               osi(esis(6, bytes([len(nsap_a)]) + nsap_a + b"\x06" + MAC_A +
                        bytes([len(nsap_b)]) + nsap_b)),
               osi(esis(6, bytes([len(nsap_a)]) + nsap_a + b"\x02\x01\x02\x00")),
               osi(esis(8, b"\x01\x02\x03")),
               osi(esis(2, b"\x01\x10" + b"\x01" * 5, li=16)),
               osi(bytes([0x82, 5, 1, 0, 2, 0, 0, 0, 0])),
               osi(bytes([0x82, 12, 2, 0, 2, 0, 0, 0, 0, 0, 0, 0])),
               osi(b"\x00\x01\x02"), osi(b"\x47\x01\x02\x03")]
    # IP and IPv6 after their NLPIDs, which tcpdump hands to its IP printers
    frames += [osi(b"\xcc" + ipv4(IP_A, IP_B, 1, icmp(8, 0, struct.pack("!HH", 1, 1), b"hi"))),
               osi(b"\x8e" + udp6(IP6_A, IP6_B, 4000, 4001, b"x"))]
    return frames


def cdp_tlv(t, v):
    return struct.pack("!HH", t, len(v) + 4) + v


def cdp(tlvs, ver=2, ttl=180, ck=0x1234):
    return struct.pack("!BBH", ver, ttl, ck) + b"".join(tlvs)


def cdp_frame(payload):
    return e8023(CDP_MAC, b"\xaa\xaa\x03\x00\x00\x0c\x20\x00" + payload)


def cdp_frames():
    v4 = bytes([1, 1, 0xcc]) + struct.pack("!H", 4) + bytes([192, 0, 2, 1])
    v6 = bytes([2, 8, 0xaa, 0xaa, 3, 0, 0, 0, 0x86, 0xdd]) + struct.pack("!H", 16) + \
        bytes.fromhex("20010db8000000000000000000000001")
    full = cdp([
        cdp_tlv(1, b"switch1.example.test"),
        cdp_tlv(2, struct.pack("!I", 2) + v4 + v6),
        cdp_tlv(3, b"GigabitEthernet0/1"),
        cdp_tlv(4, struct.pack("!I", 0x29)),
        cdp_tlv(5, b"Cisco IOS Software, C2960 Software\nVersion 15.0(2)SE\nCopyright (c) 2012"),
        cdp_tlv(6, b"cisco WS-C2960-24TT-L"),
        cdp_tlv(7, bytes([10, 0, 0, 0, 8, 192, 168, 1, 0, 24])),
        cdp_tlv(8, bytes.fromhex("00000c0112")),
        cdp_tlv(9, b"VTPDOM"),
        cdp_tlv(10, struct.pack("!H", 100)),
        cdp_tlv(11, b"\x01"),
        cdp_tlv(0x0e, bytes([1, 0, 200])),
        cdp_tlv(0x0f, bytes([0x20, 0])),
        cdp_tlv(0x10, struct.pack("!H", 6300)),
        cdp_tlv(0x11, struct.pack("!I", 1500)),
        cdp_tlv(0x12, b"\x00"),
        cdp_tlv(0x13, b"\x00"),
        cdp_tlv(0x14, b"sysname"),
        cdp_tlv(0x15, bytes([6, 8, 0x2b, 6, 1, 4, 1, 9, 1, 0x2f])),
        cdp_tlv(0x16, struct.pack("!I", 1) + v4),
        cdp_tlv(0x17, b"\x01Building 1"),
        cdp_tlv(0x1a, struct.pack("!HHII", 1, 2, 15400, 30000)),
        cdp_tlv(0x0c, b"\x01"),
        cdp_tlv(0x99, b"\xde\xad\xbe\xef"),
    ])
    v1 = cdp([cdp_tlv(1, b"r1"), cdp_tlv(3, b"Ethernet0"), cdp_tlv(4, struct.pack("!I", 1)),
              cdp_tlv(2, struct.pack("!I", 1) + bytes([9, 2, 0x11, 0x22]) +
                      struct.pack("!H", 2) + b"\xaa\xbbzz")], ver=1, ttl=60)
    bad = [cdp([cdp_tlv(1, b"sw"), struct.pack("!HH", 3, 2)]),
           cdp([cdp_tlv(1, b"sw"), struct.pack("!HH", 3, 40) + b"abc"]),
           cdp([cdp_tlv(1, b"sw"), cdp_tlv(4, b"\x00\x01"), cdp_tlv(0x0a, b"\x00\x01\x02"),
                cdp_tlv(7, b"\x01\x02\x03"), cdp_tlv(2, struct.pack("!I", 3) + v4),
                cdp_tlv(0x10, b""), cdp_tlv(0x1a, b"\0" * 7)]),
           b"\x02\xb4",
           cdp([cdp_tlv(1, b"sw"), cdp_tlv(2, b"\x00\x00"), cdp_tlv(0x16, b"\x00")]),
           cdp([cdp_tlv(1, b"sw"), b"\x00\x03\x00"])]
    return [cdp_frame(full), cdp_frame(v1)] + [cdp_frame(b) for b in bad] + \
        [(cdp_frame(full), 120), (cdp_frame(full), 23)]


if __name__ == "__main__":
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(here, "sniff_osi.pcap"), LINKTYPE_ETHERNET,
               isis_frames() + osi_frames())
    write_pcap(os.path.join(here, "sniff_cdp.pcap"), LINKTYPE_ETHERNET, cdp_frames())
