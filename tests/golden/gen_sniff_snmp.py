#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_snmp.py: writes tests/golden/input/sniff_snmp.pcap, SNMP built byte by byte (no
# snmpd on the test machines): v1 requests, responses of every value type and a v1 Trap, v2c
# GetBulk, exceptions, V2Trap, Inform and Report, SNMPv3 discovery, reports and an encrypted
# ScopedPDU, IPv6, and the malformed messages tcpdump complains about in brackets (wrong types,
# bad lengths, unknown tags, v1/v2 PDU mix-ups, cuts by the capture); sniff_snmp_port.pcap is
# SNMP on UDP 1161 for -T snmp.  The output is committed; only changing a capture needs
# python3.  Helpers: gen_sniff.py.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, LINKTYPE_ETHERNET, eth4, eth6, ipv4, udp,  # noqa: E402
                       udp4, udp6, write_pcap)

IP6_A = bytes.fromhex("20010db8000000000000000000000001")
IP6_B = bytes.fromhex("20010db8000000000000000000000002")


def tlv(tag, body, long_form=False):
    n = len(body)
    if n < 128 and not long_form:
        return bytes([tag, n]) + body
    if n < 256:
        return bytes([tag, 0x81, n]) + body
    return bytes([tag, 0x82, n >> 8, n & 255]) + body


def integer(v):
    n = 1
    while not -(1 << (8 * n - 1)) <= v < (1 << (8 * n - 1)):
        n += 1
    return tlv(0x02, (v & ((1 << (8 * n)) - 1)).to_bytes(n, "big"))


def unsigned(tag, v):
    n = max(1, (v.bit_length() + 8) // 8)
    return tlv(tag, v.to_bytes(n, "big"))


def octets(s):
    return tlv(0x04, s if isinstance(s, bytes) else s.encode())


def oid(text):
    parts = [int(x) for x in text.strip(".").split(".")]
    out = bytearray([parts[0] * 40 + parts[1]])
    for p in parts[2:]:
        enc = [p & 0x7f]
        p >>= 7
        while p:
            enc.insert(0, 0x80 | (p & 0x7f))
            p >>= 7
        out += bytes(enc)
    return tlv(0x06, bytes(out))


NULL = b"\x05\x00"
seq = lambda *items: tlv(0x30, b"".join(items))
vb = lambda name, value=NULL: seq(oid(name), value)
SYSDESCR = "1.3.6.1.2.1.1.1.0"
SYSUPTIME = "1.3.6.1.2.1.1.3.0"


def pdu(tag, reqid, status, index, *binds):
    return tlv(0xa0 | tag, integer(reqid) + integer(status) + integer(index) + seq(*binds))


def msg(version, community, body):
    return seq(integer(version), octets(community), body)


def trap(enterprise, agent, generic, specific, ticks, *binds):
    return tlv(0xa4, oid(enterprise) + tlv(0x40, bytes(agent)) + integer(generic) +
               integer(specific) + unsigned(0x43, ticks) + seq(*binds))


def v3(msgid, flags, model, usm, scoped):
    header = seq(integer(msgid), integer(65507), octets(bytes([flags])), integer(model))
    return seq(integer(3), header, octets(usm), scoped)


def usm(engine, boots, time, user, auth=b"", priv=b""):
    return seq(octets(engine), integer(boots), integer(time), octets(user), octets(auth),
               octets(priv))


ENGINE = bytes.fromhex("80001f888059dc486145a26322")


def v1_frames():
    values = [integer(-129), octets("Linux router 6.1"), octets(b"\x00\x1b\x21\xff"),
              oid("1.3.6.1.4.1.8072.3.2.10"), tlv(0x40, bytes([192, 0, 2, 7])),
              unsigned(0x41, 4294967295), unsigned(0x42, 1000), unsigned(0x43, 123456),
              unsigned(0x46, 18446744073709551615), tlv(0x44, b"\x9f\x78\x04\x42\xf6\x00\x00"),
              tlv(0x40, bytes([10, 0, 0])), octets("")]
    binds = [vb("1.3.6.1.2.1.2.2.1.%d.1" % (i + 1), v) for i, v in enumerate(values)]
    return [
        msg(0, "public", pdu(0, 1, 0, 0, vb(SYSDESCR), vb(SYSUPTIME))),
        msg(0, "private", pdu(1, 2, 0, 0, vb("1.3.6.1.2.1.2.2.1"))),
        msg(0, "private", pdu(2, 2, 0, 0, *binds)),
        msg(0, "public", pdu(2, 3, 2, 2, vb(SYSDESCR), vb("1.3.6.1.2.1.99.0"))),
        msg(0, "s3cr\x01t", pdu(3, 4, 0, 0, vb("1.3.6.1.2.1.1.5.0", octets("gw1")))),
        msg(0, "public", trap("1.3.6.1.4.1.8072.3.2.10", [192, 0, 2, 1], 6, 5, 4242,
                              vb("1.3.6.1.2.1.2.2.1.1.3", integer(3)))),
        msg(0, "public", trap("1.3.6.1.6.3.1.1.5", [192, 0, 2, 1], 2, 0, 77,
                              vb("1.3.6.1.2.1.2.2.1.1.2", integer(2)))),
        msg(0, "public", trap("1.3.6.1.6.3.1.1.5", [192, 0, 2, 1], 9, 3, 77)),
    ]


def v2c_frames():
    return [
        msg(1, "public", pdu(5, 10, 0, 10, vb("1.3.6.1.2.1.2.2"))),
        msg(1, "public", pdu(2, 10, 0, 0, vb(SYSDESCR, b"\x80\x00"), vb(SYSUPTIME, b"\x81\x00"),
                             vb("1.3.6.1.2.1.99", b"\x82\x00"))),
        msg(1, "public", pdu(7, 11, 0, 0, vb(SYSUPTIME, unsigned(0x43, 999)),
                             vb("1.3.6.1.6.3.1.1.4.1.0", oid("1.3.6.1.6.3.1.1.5.3")))),
        msg(1, "public", pdu(6, 12, 0, 0, vb(SYSUPTIME, unsigned(0x43, 1000)))),
        msg(1, "public", pdu(8, 13, 0, 0, vb("1.3.6.1.6.3.15.1.1.4.0", unsigned(0x41, 7)))),
        msg(1, "public", pdu(3, 14, 17, 1, vb("1.3.6.1.2.1.1.4.0", octets("root")))),
        msg(1, "public", pdu(2, 15, 25, 1, vb(SYSDESCR))),
        msg(1, "public", pdu(2, 16, -3, 1, vb(SYSDESCR))),
    ]


def v3_frames():
    scoped = lambda p, ctx=b"", name="": seq(octets(ctx), octets(name), p)
    return [
        v3(821490644, 0x04, 3, usm(b"", 0, 0, ""), scoped(pdu(0, 1, 0, 0))),
        v3(821490644, 0x00, 3, usm(ENGINE, 5, 1234, ""),
           scoped(pdu(8, 1, 0, 0, vb("1.3.6.1.6.3.15.1.1.4.0", unsigned(0x41, 1))), ENGINE)),
        v3(821490645, 0x05, 3, usm(ENGINE, 5, 1236, "admin", bytes(12)),
           scoped(pdu(0, 2, 0, 0, vb(SYSDESCR)), ENGINE, "ctx")),
        v3(821490646, 0x07, 3, usm(ENGINE, 5, 1237, "admin", bytes(12), bytes(8)),
           octets(bytes(range(40)))),
        v3(821490647, 0x04, 2, usm(b"", 0, 0, ""), scoped(pdu(0, 1, 0, 0))),
        v3(821490648, 0x02, 3, usm(b"", 0, 0, ""), scoped(pdu(0, 1, 0, 0))),
        seq(integer(3), seq(integer(1), integer(65507), octets(b"\x04\x00"), integer(3))),
    ]


def bad_frames():
    get = pdu(0, 1, 0, 0, vb(SYSDESCR))
    return [
        msg(0, "public", pdu(5, 1, 0, 0, vb(SYSDESCR))),         # v2 PDU in a v1 message
        msg(1, "public", trap("1.3.6.1.4.1.1", [1, 2, 3, 4], 0, 0, 1)),
        msg(2, "public", get),                                   # SNMPv2u
        msg(5, "public", get),
        octets("not a sequence"),
        msg(0, "public", get) + b"\x00\x00\x00",                 # extra after the message
        msg(0, "public", get + b"\x02\x01\x00"),                 # extra after the PDU
        msg(0, "public", pdu(0, 1, 1, 2, vb(SYSDESCR))),         # error status in a request
        msg(0, "public", pdu(2, 1, 0, 2, vb(SYSDESCR))),         # index without status
        msg(0, "public", pdu(2, 1, 5, 0, vb(SYSDESCR))),         # status without index
        msg(0, "public", pdu(0, 1, 0, 0, vb(SYSDESCR, integer(1)))),
        msg(0, "public", pdu(0, 1, 0, 0, integer(1))),           # varbind not a SEQUENCE
        msg(0, "public", pdu(0, 1, 0, 0, seq(integer(1), NULL))),
        msg(0, "public", tlv(0xa0, integer(1) + integer(0) + integer(0) + integer(7))),
        msg(0, "public", tlv(0xa0, octets("x"))),
        msg(0, octets("c"), get)[:0] + seq(integer(0), integer(7), get),  # community not a string
        seq(octets("v"), octets("public"), get),
        msg(0, "public", tlv(0x30, b"")),                       # no PDU
        msg(0, "public", pdu(0, 1, 0, 0, seq(oid(SYSDESCR), b"\x1f\x81"))),  # tag cut short
        msg(0, "public", pdu(2, 1, 0, 0, seq(oid(SYSDESCR), b"\x04\x84\x00\x00"))),
        msg(0, "public", pdu(2, 1, 0, 0, seq(oid(SYSDESCR), b"\x04\x05ab"))),
        msg(0, "public", pdu(2, 1, 0, 0, seq(oid(SYSDESCR), b"\x02\x00"))),
        msg(0, "public", pdu(2, 1, 0, 0, seq(oid(SYSDESCR), b"\x04"))),
        msg(0, "public", pdu(2, 1, 0, 0, seq(oid(SYSDESCR), b"\x3f\x85\x01\x00"))),
        msg(0, "public", pdu(2, 1, 0, 0, seq(oid(SYSDESCR), b"\xe1\x00"))),
        msg(0, "public", pdu(2, 1, 0, 0, seq(oid(SYSDESCR), b"\x31\x00"))),
        msg(0, "public", pdu(2, 1, 0, 0, seq(oid(SYSDESCR), b"\x62\x00"))),
        msg(0, "public", pdu(2, 1, 0, 0, seq(oid(SYSDESCR), b"\x85\x00"))),
        msg(0, "public", pdu(2, 1, 0, 0, seq(tlv(0x06, b"\x2b\x06\x81\x80\x80\x80\x80\x01\x8f"),
                                             NULL))),
        msg(0, "public", tlv(0xa0, integer(1) + integer(0) + integer(0) + seq(), True)),
        b"",
        b"\x30",
    ]


def frames():
    out = []
    for m in v1_frames() + v2c_frames() + bad_frames():
        out.append(eth4(udp4(IP_A, IP_B, 40000, 161, m)))
    for m in v3_frames():
        out.append(eth4(udp4(IP_A, IP_B, 40001, 161, m)))
    # traps to 162, answers from 161, IPv6
    out.append(eth4(udp4(IP_B, IP_A, 161, 40000, v1_frames()[2])))
    out.append(eth4(udp4(IP_B, IP_A, 40002, 162, v1_frames()[5])))
    out.append(eth6(udp6(IP6_A, IP6_B, 40003, 161, v2c_frames()[0])))
    # cut by the capture: in the message's header, in a varbind
    whole = eth4(udp4(IP_A, IP_B, 40000, 161, v1_frames()[2]))
    out += [(whole, 14 + 20 + 8 + 1), (whole, 14 + 20 + 8 + 30), (whole, len(whole) - 1)]
    # the byte after an extended tag is past the datagram: tcpdump stops at once
    m = msg(0, "public", pdu(2, 1, 0, 0, seq(oid(SYSDESCR), b"\x1f")))
    out.append(eth4(udp4(IP_A, IP_B, 40000, 161, m)))
    # a UDP length past the IP payload's end: SNMP still decodes up to that end
    out.append(eth4(ipv4(IP_A, IP_B, 17, udp(40000, 161, v1_frames()[0],
                                                length=len(v1_frames()[0]) + 20))))
    # 161 against other ports: RIP and ISAKMP win, SNMP wins over NTP and BFD
    for port in (520, 500, 123, 3784, 546):
        out.append(eth4(udp4(IP_A, IP_B, port, 161, v1_frames()[0])))
    return out


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(out, "sniff_snmp.pcap"), LINKTYPE_ETHERNET, frames())
    write_pcap(os.path.join(out, "sniff_snmp_port.pcap"), LINKTYPE_ETHERNET,
               [eth4(udp4(IP_A, IP_B, 40000, 1161, m)) for m in v1_frames()[:3]] +
               [eth4(udp4(IP_A, IP_B, 40000, 1161, v3_frames()[2]))])


if __name__ == "__main__":
    main()
