#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_forces.py: writes tests/golden/input/sniff_bcm_li.pcap: Broadcom's
# lawful-intercept shim (UDP source port 49152) before IPv4, IPv6, Ethernet (and a
# VLAN tag), undecided payloads, unknown types, short shims, cuts, and the ports
# tcpdump gives it or not; and sniff_forces.pcap: ForCES (RFC 5810) in SCTP DATA chunks,
# every message type, operation and PATH-DATA TLV tcpdump prints, and the malformed
# lengths and cuts it complains about.  The output is committed; only changing a
# capture needs python3.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, LINKTYPE_ETHERNET, MAC_A, MAC_B, eth, ipv4,  # noqa: E402
                       udp, vlan, write_pcap)

HERE = os.path.dirname(os.path.abspath(__file__))


def ip4(proto, payload):
    return eth(MAC_B, MAC_A, 0x0800, ipv4(IP_A, IP_B, proto, payload))


def write(path, frames):
    write_pcap(path, LINKTYPE_ETHERNET, frames)


def shim(direction, typ, subtype, li_id):
    return struct.pack("!I", direction << 29 | typ << 25 | subtype << 22 | li_id)


def bcm_li():
    dns = bytes.fromhex("123401000001000000000000") + b"\x03foo\x00\x00\x01\x00\x01"
    inner4 = ipv4(IP_A, IP_B, 17, udp(1234, 53, dns))
    inner6 = (bytes.fromhex("6000000000083a40") + b"\xfe\x80" + b"\0" * 13 + b"\x01" +
              b"\xfe\x80" + b"\0" * 13 + b"\x02" + bytes.fromhex("8000f7ff00010001"))
    inner_eth = eth(MAC_B, MAC_A, 0x0800, inner4)
    inner_vlan = eth(MAC_B, MAC_A, 0x8100, vlan(10, 0x0800, inner4))
    pk = []

    def add(pl, sport=49152, dport=49153, cut=None):
        fr = ip4(17, udp(sport, dport, pl))
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


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def tlv(typ, body, length=None):
    return pad4(struct.pack("!HH", typ, 4 + len(body) if length is None else length) + body)


def forces(tom, body=b"", flags=0x40480000, length=None, sid=0x40000001, did=0x00000002):
    n = (24 + len(body)) // 4 if length is None else length
    return struct.pack("!BBHIIQI", 0x10, tom, n, sid, did, 0x1122334455667788, flags) + body


def lfbsel(ops, cls=1, inst=1):
    return tlv(0x1000, struct.pack("!II", cls, inst) + ops)


def pathdata(ids, tail=b"", flags=0, count=None):
    n = len(ids) if count is None else count
    return tlv(0x110, struct.pack("!HH", flags, n) + b"".join(struct.pack("!I", i) for i in ids) +
               tail)


def sctp_data(payload, sport=6704, dport=40000, ppid=0, cut=None, post=b""):
    chunk = pad4(struct.pack("!BBHIHHI", 0, 3, 16 + len(payload), 7, 0, 1, ppid) + payload)
    body = struct.pack("!HHII", sport, dport, 0x01020304, 0) + chunk + post
    fr = ip4(132, body)
    return (fr, cut) if cut else fr


def forces_pcap():
    full = tlv(0x112, b"\x01\x02\x03\x04\x05")
    sparse = tlv(0x113, struct.pack("!II", 7, 12) + b"\xaa\xbb\xcc\xdd")
    result = tlv(0x114, b"\x00\x00\x00\x00")
    msgs = [
        forces(0x01),                                                   # setup, no TLV
        forces(0x01, lfbsel(tlv(11, pathdata([1, 2], full)))),           # setup with a report
        forces(0x02, tlv(0x11, struct.pack("!I", 1))),                  # teardown reasons
        forces(0x02, tlv(0x11, struct.pack("!I", 9))),
        forces(0x02, tlv(0x11, struct.pack("!I", 300))),
        forces(0x02, tlv(0x11, b"\0\0")),
        forces(0x02),                                                   # top TLV missing
        forces(0x03, lfbsel(tlv(1, pathdata([1], full)) + tlv(2, pathdata([2, 3], sparse)))),
        forces(0x03, lfbsel(tlv(1, pathdata([4], pathdata([5], full))))),  # nested path
        forces(0x03, lfbsel(tlv(1, pathdata([6], full, flags=4)))),     # table append
        forces(0x03, lfbsel(tlv(5, pathdata([1])) + tlv(12, pathdata([1])) +
                            tlv(14, pathdata([1])))),                  # del, commit, rtrcomp
        forces(0x03, lfbsel(tlv(3, pathdata([1])))),                    # not a config op
        forces(0x03, lfbsel(tlv(0x8001, pathdata([1])))),               # vendor op
        forces(0x03, lfbsel(tlv(1, b"\0\0"))),                          # op too short
        forces(0x03, lfbsel(tlv(1, pathdata([1], result)))),            # wrong data
        forces(0x03, lfbsel(tlv(1, pathdata([1], tlv(0x115, b"xx"))))),  # bad content type
        forces(0x03, lfbsel(tlv(1, pathdata([1, 2, 3], count=5)))),     # IDs cut
        forces(0x03, lfbsel(tlv(1, pathdata([1], flags=3)))),           # range and key
        forces(0x03, lfbsel(b"")),                                      # short selector
        forces(0x04, lfbsel(tlv(7, pathdata([1], tlv(0x117, struct.pack("!II", 3, 9)),
                                             flags=2)))),             # table range
        forces(0x04, lfbsel(tlv(8, pathdata([1], struct.pack("!I", 5) + tlv(0x111, b"ky") +
                                            tlv(0x111, struct.pack("!I", 1) + full),
                                            flags=1)))),              # key
        forces(0x04, lfbsel(tlv(7, pathdata([1], b"\0\0\0\0", flags=1)))),  # key short
        forces(0x05, lfbsel(tlv(11, pathdata([9], sparse)))),           # event
        forces(0x06, tlv(0x1, tlv(0x115, struct.pack("!II", 5, 12) + b"meta") +
                         tlv(0x116, b"\x45\x00\x00\x14redirected!"))),  # redirect
        forces(0x06, tlv(0x1, tlv(0x200, b"abcd") + tlv(0x116, b"x"))),  # unknown redirect TLV
        forces(0x06, tlv(0x1, b"ab")),                                  # redirect short
        forces(0x0f),                                                   # heartbeat
        forces(0x0f, tlv(0x1000, b"12345678")),                         # heartbeat with TLV
        forces(0x11, tlv(0x10, struct.pack("!I", 0))),                  # response results
        forces(0x11, tlv(0x10, struct.pack("!I", 2))),
        forces(0x11, tlv(0x10, struct.pack("!I", 3))),
        forces(0x11, tlv(0x10, struct.pack("!I", 4))),
        forces(0x13, lfbsel(tlv(3, pathdata([1], result)))),            # config response
        forces(0x13, lfbsel(tlv(3, pathdata([1], tlv(0x114, b"\x20\0\0\0"))))),
        forces(0x13, lfbsel(tlv(3, pathdata([1], tlv(0x114, b"\xff\0\0"))))),
        forces(0x13, lfbsel(tlv(13, tlv(0x110, struct.pack("!HH", 0, 0)) + b"\0" * 4))),  # RCommit
        forces(0x13, lfbsel(tlv(13, tlv(0x300, b"abcdefgh")))),
        forces(0x14, lfbsel(tlv(9, pathdata([1, 2], full)) + tlv(10, pathdata([3], result)))),
        forces(0x07),                                                   # invalid types
        forces(0x12),
        forces(0x30),
        forces(0x0f, length=9),                                         # length mismatch
        forces(0x03, tlv(0x2000, b"abcd")),                             # bad top TLV type
        forces(0x03, lfbsel(tlv(1, pathdata([1], full))) + b"\0" * 8),  # mess
    ]
    pk = [sctp_data(m) for m in msgs]
    deep = forces(0x03, lfbsel(tlv(1, pathdata([1, 2], full))))
    pk.append(sctp_data(deep, ppid=21, sport=40000, dport=40001))  # by PPID
    pk.append(sctp_data(b"\0" * 10))                              # header short, last
    sack = struct.pack("!BBHIIHH", 3, 0, 16, 7, 1000, 0, 0)
    pk.append(sctp_data(b"\x10\x0f" + b"\0" * 8, post=sack))       # header short, a chunk after
    pk.append(sctp_data(forces(0x0f), post=sack, cut=14 + 20 + 12 + 16 + 24 + 6))  # cut after
    write(os.path.join(HERE, "input", "sniff_forces.pcap"), pk)


bcm_li()
forces_pcap()
