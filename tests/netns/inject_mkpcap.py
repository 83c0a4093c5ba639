#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# inject_mkpcap.py: writes the capture files the inject replay tests send (pcap, microseconds).
#
#   inject_mkpcap.py replay OUT   30 varied frames (UDP, TCP over IPv6, ICMP, a VLAN tag,
#                                 a full 1514-byte frame) with gaps of 0.5 to 20 ms
#   inject_mkpcap.py mixed OUT    4 good frames, one over a 1500 MTU, one 10-byte runt
#   inject_mkpcap.py raw OUT      3 raw IPv4 packets (LINKTYPE_RAW): no Ethernet header
#   inject_mkpcap.py empty OUT    5 records with no bytes captured (caplen 0) of 60-byte frames
#   inject_mkpcap.py emptymix OUT 3 whole frames, 2 empty records, one frame cut to 42 of
#                                 its 60 bytes (which goes out as cut)
#   inject_mkpcap.py loop OUT N   N 64-byte UDP frames, 1 us apart, source ports 10000 up
# Frames go from 02:00:00:00:00:01 to 02:00:00:00:00:02, IPv4 10.99.0.1 > 10.99.0.2.
import socket
import struct
import sys

SRC_MAC = bytes.fromhex("020000000001")
DST_MAC = bytes.fromhex("020000000002")


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(proto, payload, ident):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0, 64, proto, 0,
                    socket.inet_aton("10.99.0.1"), socket.inet_aton("10.99.0.2"))
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def udp4(sport, dport, data, ident):
    u = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    ph = socket.inet_aton("10.99.0.1") + socket.inet_aton("10.99.0.2") + \
        struct.pack("!BBH", 0, 17, len(u))
    u = u[:6] + struct.pack("!H", csum(ph + u) or 0xFFFF) + u[8:]
    return ipv4(17, u, ident)


def icmp4(seq):
    i = struct.pack("!BBHHH", 8, 0, 0, 0x4242, seq) + b"ping" * 8
    return ipv4(1, i[:2] + struct.pack("!H", csum(i)) + i[4:], seq)


def tcp6(sport):
    src, dst = socket.inet_pton(socket.AF_INET6, "2001:db8::1"), \
        socket.inet_pton(socket.AF_INET6, "2001:db8::2")
    t = struct.pack("!HHIIBBHHH", sport, 443, 1000, 0, 5 << 4, 0x02, 65535, 0, 0)
    ph = src + dst + struct.pack("!IxxxB", len(t), 6)
    t = t[:16] + struct.pack("!H", csum(ph + t)) + t[18:]
    return struct.pack("!IHBB", 6 << 28, len(t), 6, 64) + src + dst + t


def eth(ethertype, payload, vlan=None):
    tag = struct.pack("!HH", 0x8100, vlan) if vlan is not None else b""
    return DST_MAC + SRC_MAC + tag + struct.pack("!H", ethertype) + payload


def write(path, linktype, records):
    """records: (ts_us, frame) or (ts_us, captured bytes, length on the wire)."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype))
        for rec in records:
            ts_us, frame = rec[0], rec[1]
            wirelen = rec[2] if len(rec) > 2 else len(frame)
            f.write(struct.pack("<IIII", ts_us // 1000000, ts_us % 1000000, len(frame),
                                wirelen))
            f.write(frame)


def replay_frames():
    gaps_us = [2000, 5000, 1000, 10000, 3000, 20000, 500, 7000]
    t = 1700000000 * 1000000
    out = []
    for i in range(30):
        kind = i % 6
        if kind == 0:
            frame = eth(0x0800, udp4(5000 + i, 53, bytes([i]) * (10 + i), i))
        elif kind == 1:
            frame = eth(0x86DD, tcp6(40000 + i))
        elif kind == 2:
            frame = eth(0x0800, icmp4(i))
        elif kind == 3:
            frame = eth(0x0800, udp4(6000 + i, 9, b"v" * 20, i), vlan=42)
        elif kind == 4:
            frame = eth(0x0800, udp4(7000 + i, 9, bytes(range(256)) * 5 + bytes(192), i))
        else:
            frame = eth(0x0800, udp4(8000 + i, 9, b"", i))
        out.append((t, frame))
        t += gaps_us[i % len(gaps_us)]
    return out


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "replay":
        write(path, 1, replay_frames())
    elif kind == "mixed":
        t = 1700000000 * 1000000
        frames = [eth(0x0800, udp4(9000 + i, 9, b"m" * 30, i)) for i in range(4)]
        frames.insert(2, eth(0x0800, udp4(9100, 9, bytes(1600), 99)))
        frames.insert(4, bytes(10))
        write(path, 1, [(t + 1000 * i, f) for i, f in enumerate(frames)])
    elif kind == "raw":
        write(path, 101, [(1700000000 * 1000000 + i, udp4(9200 + i, 9, b"r", i))
                          for i in range(3)])
    elif kind == "empty":
        write(path, 1, [(1700000000 * 1000000 + i, b"", 60) for i in range(5)])
    elif kind == "emptymix":
        t = 1700000000 * 1000000
        whole = [eth(0x0800, udp4(9300 + i, 9, b"e" * 18, i)) for i in range(4)]
        write(path, 1, [(t, whole[0]), (t + 1, b"", 60), (t + 2, whole[1]),
                        (t + 3, whole[3][:42], 60), (t + 4, b"", 60), (t + 5, whole[2])])
    elif kind == "loop":
        t = 1700000000 * 1000000
        write(path, 1, [(t + i, eth(0x0800, udp4(10000 + i % 50000, 9, b"L" * 22, i % 65536)))
                        for i in range(int(sys.argv[3]))])
    else:
        sys.exit("unknown kind " + kind)


main()
