#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_forces.py: writes tests/golden/input/sniff_bcm_li.pcap: Broadcom's
# lawful-intercept shim (UDP source port 49152) before IPv4, IPv6, Ethernet (and a
# VLAN tag), undecided payloads, unknown types, short shims, cuts, and the ports
# tcpdump gives it or not.  The output is committed; only changing a capture needs python3.
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip4(proto, payload, src=b"\x0a\x00\x00\x01", dst=b"\x0a\x00\x00\x02"):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0, src, dst)
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def udp(sport, dport, payload):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


def eth(payload, et=0x0800):
    return bytes.fromhex("001122334455" "66778899aabb") + struct.pack("!H", et) + payload


def write(path, pkts):
    """pkts: frames, or (frame, caplen) for a frame cut by the capture"""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, p in enumerate(pkts):
            fr, cl = p if isinstance(p, tuple) else (p, len(p))
            f.write(struct.pack("<IIII", 1000 + i, 0, cl, len(fr)) + fr[:cl])


def shim(direction, typ, subtype, li_id):
    return struct.pack("!I", direction << 29 | typ << 25 | subtype << 22 | li_id)


def bcm_li():
    dns = bytes.fromhex("123401000001000000000000") + b"\x03foo\x00\x00\x01\x00\x01"
    inner4 = ip4(17, udp(1234, 53, dns))
    inner6 = (bytes.fromhex("6000000000083a40") + b"\xfe\x80" + b"\0" * 13 + b"\x01" +
              b"\xfe\x80" + b"\0" * 13 + b"\x02" + bytes.fromhex("8000f7ff00010001"))
    inner_eth = eth(inner4)
    inner_vlan = bytes.fromhex("001122334455" "66778899aabb" "8100000a" "0800") + inner4
    pk = []

    def add(pl, sport=49152, dport=49153, cut=None):
        fr = eth(ip4(17, udp(sport, dport, pl)))
        pk.append((fr, cut) if cut else fr)

    add(b"")                                   # no shim
    add(b"\x01\x02")                           # shorter than the shim
    add(shim(3, 5, 3, 1) + inner4)             # IPv4
    add(shim(2, 6, 1, 2) + inner6)             # IPv6
    add(shim(2, 7, 2, 3) + inner_eth)          # Ethernet
    add(shim(2, 7, 1, 0x3FFFFF) + inner_vlan)  # Ethernet with a VLAN tag
    add(shim(0, 4, 0, 5) + inner6)             # undecided: IPv6 by the nibble
    add(shim(1, 4, 7, 6) + b"\x12\x34")        # undecided: neither
    add(shim(1, 4, 7, 6))                      # undecided, nothing after
    add(shim(7, 0, 4, 7) + inner4)             # type 0: invalid
    add(shim(4, 9, 5, 8) + inner4)             # type 9: invalid
    add(shim(3, 5, 3, 9))                      # IPv4, nothing after
    add(shim(3, 5, 3, 9) + inner6)             # IPv4 said, IPv6 there
    add(shim(3, 7, 3, 10) + b"\x00\x01\x02")   # Ethernet cut short
    add(shim(3, 5, 3, 1) + inner4, cut=14 + 20 + 8 + 10)  # the capture cuts the IPv4 header
    add(shim(3, 5, 3, 1) + inner4, cut=14 + 20 + 8 + 2)   # and the shim
    add(shim(3, 5, 3, 1) + inner4, sport=5000, dport=49152)  # by destination: plain UDP
    add(shim(3, 5, 3, 1) + inner4, dport=443)   # before QUIC, as tcpdump
    add(shim(3, 5, 3, 1) + inner4, dport=3784)  # and before BFD
    add(shim(3, 5, 3, 1) + inner4, dport=123)   # after NTP
    add(shim(3, 5, 3, 1) + inner4, sport=3456, dport=49152)  # vat's source port: neither
    write(os.path.join(HERE, "input", "sniff_bcm_li.pcap"), pk)


bcm_li()
