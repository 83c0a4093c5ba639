#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_l2.py: writes tests/golden/input/sniff_l2.pcap, link-layer control protocols and
# tunnels built byte by byte where tcpdump's own captures have no example: LACP, Marker and
# OAM, LLC frames of unknown SAPs (U, I, S and XID), LLDP-MED and DCBX TLVs, BFD echo,
# version 0 and password/SHA1 authentication, Geneve options, GRE version 1 and source
# routes, OTV, DTP and UDLD, and captures cut short.  The output is committed; only changing
# the capture needs python3.  Helpers come from gen_sniff.py beside it.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP6_A, IP6_B, IP_A, IP_B, LINKTYPE_ETHERNET, MAC_A, MAC_B, csum,  # noqa: E402
                       eth, eth4, eth6, ipv4, ipv6, pseudo6, udp4, vlan, write_pcap)

SLOW_MAC = bytes.fromhex("0180c2000002")
LLDP_MAC = bytes.fromhex("0180c200000e")
CDP_MAC = bytes.fromhex("01000ccccccc")


def llc(dsap, ssap, ctrl, payload):
    return bytes([dsap, ssap]) + ctrl + payload


def e8023(dst, payload, src=MAC_A):
    return dst + src + struct.pack("!H", len(payload)) + payload


def snap(oui, pid, payload):
    return llc(0xAA, 0xAA, b"\x03", struct.pack("!I", oui)[1:] + struct.pack("!H", pid) + payload)


def lacp_info(typ, sys_pri, sysmac, key, port_pri, port, state):
    return struct.pack("!BBH6sHHHB3x", typ, 20, sys_pri, sysmac, key, port_pri, port, state)


def lacp():
    body = b"\x01\x01" + lacp_info(1, 32768, MAC_A, 13, 255, 7, 0x3D) + \
        lacp_info(2, 65535, MAC_B, 0, 255, 1, 0x42) + struct.pack("!BBH12x", 3, 16, 50) + \
        b"\x00\x00" + b"\0" * 50
    return eth(SLOW_MAC, MAC_A, 0x8809, body)


def marker():
    body = b"\x02\x01" + struct.pack("!BBH6sI2x", 1, 16, 7, MAC_A, 0xDEADBEEF) + b"\x00\x00" + \
        b"\0" * 90
    return eth(SLOW_MAC, MAC_A, 0x8809, body)


def oam_info():
    local = struct.pack("!BBBHBBH", 1, 16, 1, 2, 0x05, 0x1F, 1518) + b"\x00\x12\x0f" + \
        struct.pack("!I", 0x01020304)
    body = b"\x03" + struct.pack("!HB", 0x0050, 0) + local + b"\xfe\x05\x00\x12\x0f" + b"\0\0"
    return eth(SLOW_MAC, MAC_A, 0x8809, body)


def oam_event():
    ev = struct.pack("!BBHQQQQI", 2, 40, 10, 100, 1, 3, 9, 2)
    body = b"\x03" + struct.pack("!HB", 0x0001, 1) + struct.pack("!H", 5) + ev + b"\0\0"
    return eth(SLOW_MAC, MAC_A, 0x8809, body)


def oam_loopback():
    return eth(SLOW_MAC, MAC_A, 0x8809, b"\x03" + struct.pack("!HB", 0, 4) + b"\x01" + b"\0" * 40)


def lldp_tlv(t, v):
    return struct.pack("!H", (t << 9) | len(v)) + v


def lldp_med():
    tlvs = [
        lldp_tlv(1, b"\x07" + b"switch-1"),
        lldp_tlv(2, b"\x05" + b"ge-0/0/1"),
        lldp_tlv(3, struct.pack("!H", 120)),
        lldp_tlv(8, b"\x05\x01" + bytes([192, 0, 2, 9]) + b"\x02" + struct.pack("!I", 12) + b"\x00"),
        lldp_tlv(127, b"\x00\x80\xc2\x01" + struct.pack("!H", 100)),
        lldp_tlv(127, b"\x00\x80\xc2\x02\x06" + struct.pack("!H", 200)),
        lldp_tlv(127, b"\x00\x80\xc2\x03" + struct.pack("!H", 100) + b"\x05users"),
        lldp_tlv(127, b"\x00\x80\xc2\x04\x04\x00\x26\x42\x42"),
        lldp_tlv(127, b"\x00\x80\xc2\x09\x83" + bytes([0x01, 0x23, 0x45, 0x67]) +
                 bytes([10, 20, 30, 40, 0, 0, 0, 0]) + bytes([2, 2, 2, 2, 0, 0, 0, 0])),
        lldp_tlv(127, b"\x00\x12\x0f\x02\x07\x01\x03"),
        lldp_tlv(127, b"\x00\x12\x0f\x04" + struct.pack("!H", 9216)),
        lldp_tlv(127, b"\x00\x12\xbb\x01" + struct.pack("!H", 0x0033) + b"\x03"),
        lldp_tlv(127, b"\x00\x12\xbb\x02\x01" + struct.pack("!I", 0x40C8_1B80)[1:] +
                 b"\x00"[:0]),
        lldp_tlv(127, b"\x00\x12\xbb\x03\x02" + bytes([12, 2]) + b"US" + bytes([3, 5]) +
                 b"Paris" + bytes([6, 4]) + b"Main"),
        lldp_tlv(127, b"\x00\x12\xbb\x04" + bytes([0x51]) + struct.pack("!H", 155)),
        lldp_tlv(127, b"\x00\x12\xbb\x05" + b"rev2"),
        lldp_tlv(127, b"\x00\x1b\x21\x02" + struct.pack("!H", (1 << 9) | 10) +
                 bytes([0, 0]) + struct.pack("!II", 5, 4) +
                 struct.pack("!H", (3 << 9) | 6) + bytes([0, 0, 0xC0, 0, 0x08, 8])),
        lldp_tlv(127, b"\x99\x88\x77\x01\x02"),
        lldp_tlv(0, b""),
    ]
    return eth(LLDP_MAC, MAC_A, 0x88CC, b"".join(tlvs))


def bfd(vers, flags, auth=b"", state=3, diag=0):
    h = struct.pack("!BBBBIIIII", (vers << 5) | diag, (state << 6 if vers else 0) | flags, 3,
                    24 + len(auth), 0x11, 0x22, 100000, 200000, 0)
    return h + auth


def geneve(opts, proto=0x6558, vni=0x123456, flags=0x00):
    return struct.pack("!BBH", len(opts) // 4, flags, proto) + struct.pack("!I", vni << 8) + opts


def vrrp2(vrid, prio, addrs, auth=0, pw=b"", bad=False):
    m = struct.pack("!BBBBBBH", 0x21, vrid, prio, len(addrs), auth, 1, 0) + b"".join(addrs) + \
        pw.ljust(8, b"\0")
    c = csum(m) ^ (0x0101 if bad else 0)
    return m[:6] + struct.pack("!H", c) + m[8:]


def vrrp3_6(vrid, prio, addrs):
    m = struct.pack("!BBBBHH", 0x31, vrid, prio, len(addrs), 100, 0) + b"".join(addrs)
    c = csum(pseudo6(IP6_A, bytes.fromhex("ff020000000000000000000000000012"), 112, len(m)) + m)
    return m[:6] + struct.pack("!H", c) + m[8:]


def hsrp(op, state, group, addr, hello=3, hold=10, prio=100, auth=b"cisco"):
    return struct.pack("!BBBBBBBB", 0, op, state, hello, hold, prio, group, 0) + \
        auth.ljust(8, b"\0") + addr


def gre(flags, proto, rest):
    return struct.pack("!HH", flags, proto) + rest


def ipgre(payload):
    return eth4(ipv4(IP_A, IP_B, 47, payload))


def frames():
    inner = eth(MAC_B, MAC_A, 0x0800, ipv4(IP_A, IP_B, 17, b"\0" * 8))
    out = [
        lacp(), marker(), oam_info(), oam_event(), oam_loopback(),
        (lacp(), 40),
        # LLC of SAPs sniff does not decode: a UI frame, an XID, an I frame, an S frame
        e8023(MAC_B, llc(0x7E, 0x7E, b"\x03", b"\xff\xff\x00\x1e")),
        e8023(MAC_B, llc(0xF0, 0xF1, b"\xbf", b"\x81\x01\x00")),
        e8023(MAC_B, llc(0x04, 0x05, b"\x0a\x0c", b"abc")),
        e8023(MAC_B, llc(0x04, 0x04, b"\x01\x0d", b"")),
        e8023(MAC_B, snap(0x000000, 0x0800, ipv4(IP_A, IP_B, 17, b"\0" * 8))),
        e8023(MAC_B, snap(0x123456, 0x0001, b"data")),
        eth(MAC_B, MAC_A, 0x8100, vlan(5, 0x0026, llc(0x42, 0x42, b"\x03",
                                                      b"\x00\x00\x00\x80" + b"\0" * 34))),
        lldp_med(),
        (lldp_med(), 70),
        eth4(udp4(IP_A, IP_B, 50000, 3785, b"echo-data-here")),
        eth4(udp4(IP_A, IP_B, 50000, 3784, bfd(0, 0xC0))),
        eth4(udp4(IP_A, IP_B, 50000, 3784, bfd(1, 0x04, b"\x01\x09\x05pass1234"))),
        eth4(udp4(IP_A, IP_B, 50000, 4784, bfd(1, 0x04, b"\x04\x1c\x01\x00" +
                                                      struct.pack("!I", 7) + bytes(range(20))))),
        eth4(udp4(IP_A, IP_B, 50000, 3784, bfd(1, 0x04, b"\x02\x10\x01\x00" + b"\0" * 12))),
        eth4(udp4(IP_A, IP_B, 50000, 3784, bfd(2, 0))),
        (eth4(udp4(IP_A, IP_B, 50000, 3784, bfd(1, 0x20))), 60),
        eth4(udp4(IP_A, IP_B, 40000, 6081, geneve(
            struct.pack("!HBB", 0x0101, 0x80, 1) + b"\x01\x02\x03\x04" +
            struct.pack("!HBB", 0xFFF5, 0x03, 0), flags=0x40) + inner)),
        eth4(udp4(IP_A, IP_B, 40000, 6081, geneve(b"", proto=0x0800, vni=7) +
                  ipv4(IP_A, IP_B, 1, b"\x08\x00\xf7\xff\x00\x00\x00\x00"))),
        eth4(udp4(IP_A, IP_B, 40000, 6081, struct.pack("!BBHI", 0x40, 0, 0x6558, 0))),
        eth4(udp4(IP_A, IP_B, 40000, 6081, geneve(b"\x01\x01\x00\x05"))),
        eth4(udp4(IP_A, IP_B, 40000, 8472, b"\x08\x00\x00\x00\x00\x00\x64\x00" + inner)),
        ipgre(gre(0x3081, 0x880B, struct.pack("!HHII", 4, 77, 9, 8) + b"\xff\x03\xc0\x21")),
        ipgre(gre(0x2081, 0x880B, struct.pack("!HHI", 0, 77, 8))),
        ipgre(gre(0xC000, 0x0800, struct.pack("!HH", 0xBEEF, 0) +
                  struct.pack("!HBB", 0x0800, 4, 8) + bytes([1, 1, 1, 1, 2, 2, 2, 2]) +
                  struct.pack("!HBB", 0, 0, 0) + ipv4(IP_A, IP_B, 1, b"\x08\x00\xf7\xff\0\0\0\0"))),
        ipgre(gre(0x0000, 0x0000, b"")),
        ipgre(gre(0x0002, 0x0800, b"")),
        e8023(CDP_MAC, snap(0x00000C, 0x2004, b"\x01" + struct.pack("!HH", 1, 8) + b"dom\0" +
                            struct.pack("!HHB", 2, 5, 0x81) + struct.pack("!HH", 4, 10) +
                            MAC_A + struct.pack("!HH", 3, 3))),
        e8023(CDP_MAC, snap(0x00000C, 0x0111, b"\x21\x01\x12\x34" + struct.pack("!HH", 1, 8) +
                            b"dev1" + struct.pack("!HHB", 4, 5, 7) + struct.pack("!HH", 7, 6) +
                            b"\0\0")),
        eth(MAC_B, MAC_A, 0x9000, struct.pack("<HHH", 0, 2, 0) + MAC_B + b"\0" * 32),
        eth(MAC_B, MAC_A, 0x88B5, b"local experimental ethertype"),
        eth4(ipv4(IP_A, bytes([224, 0, 0, 18]), 112,
                  vrrp2(7, 100, [bytes([10, 0, 0, 254])], 1, b"secret"), ttl=255)),
        eth4(ipv4(IP_A, bytes([224, 0, 0, 18]), 112,
                  vrrp2(8, 200, [bytes([10, 0, 0, 253]), bytes([10, 0, 0, 252])], bad=True),
                  ttl=64)),
        eth6(ipv6(IP6_A, bytes.fromhex("ff020000000000000000000000000012"), 112,
                  vrrp3_6(9, 100, [bytes.fromhex("fe800000000000000000000000000001")]),
                  hlim=255)),
        eth4(udp4(IP_A, bytes([224, 0, 0, 2]), 1985, 1985,
                  hsrp(0, 16, 1, bytes([10, 0, 0, 1])), ttl=1)),
        eth4(udp4(IP_A, bytes([224, 0, 0, 2]), 1985, 1985,
                  hsrp(1, 8, 2, bytes([10, 0, 0, 1]), hello=200, hold=250), ttl=1)),
        (eth4(udp4(IP_A, bytes([224, 0, 0, 2]), 1985, 1985,
                   hsrp(2, 4, 3, bytes([10, 0, 0, 1])), ttl=1)), 56),
    ]
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write_pcap(os.path.join(here, "input", "sniff_l2.pcap"), LINKTYPE_ETHERNET, frames())


if __name__ == "__main__":
    main()
