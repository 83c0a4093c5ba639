#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# pktsend.py: sends known Ethernet frames (UDP over IPv4, optionally VLAN-tagged) from an
# AF_PACKET socket, for the sniff netns tests: the test knows each frame's fields and count.
#
#   pktsend.py IFACE --count N [--src IP] [--dst IP] [--sport P] [--sport-step S]
#              [--dport P] [--dport-alt P] [--size BYTES] [--vlan VID]... [--gap SECONDS]
#              [--dst-mac MAC] [--src-mac MAC] [--hex]
#
# --hex prints the frames in hex, one a line, instead of sending them (IFACE is ignored).
# Frame i goes from sport + i*sport_step to dport (or to dport-alt for odd i when given);
# --size is the UDP payload.  Two --vlan tags make QinQ: an 802.1ad outer tag, then 802.1Q.
# The kernel has no 802.1Q module here, so tagged frames can only be made this way.
import argparse
import socket
import struct
import sys
import time


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def frame(a, i):
    src, dst = socket.inet_aton(a.src), socket.inet_aton(a.dst)
    sport = (a.sport + i * a.sport_step) & 0xFFFF
    dport = a.dport_alt if a.dport_alt is not None and i % 2 else a.dport
    payload = struct.pack("!I", i) + b"s" * max(a.size - 4, 0)
    udp = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    c = csum(src + dst + struct.pack("!BBH", 0, 17, len(udp)) + udp) or 0xFFFF
    udp = udp[:6] + struct.pack("!H", c) + udp[8:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), i & 0xFFFF, 0x4000, 64, 17, 0,
                     src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    body = struct.pack("!H", 0x0800) + ip + udp
    tpids = [0x88A8, 0x8100] if len(a.vlan) == 2 else [0x8100] * len(a.vlan)
    for vid, tpid in reversed(list(zip(a.vlan, tpids))):
        body = struct.pack("!HH", tpid, vid) + body
    return bytes.fromhex(a.dst_mac.replace(":", "")) + bytes.fromhex(a.src_mac.replace(":", "")) + \
        body


def main():
    p = argparse.ArgumentParser(description="send known UDP frames from an AF_PACKET socket")
    p.add_argument("iface")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--src", default="10.99.0.1")
    p.add_argument("--dst", default="10.99.0.2")
    p.add_argument("--sport", type=int, default=10000)
    p.add_argument("--sport-step", type=int, default=1)
    p.add_argument("--dport", type=int, default=9)
    p.add_argument("--dport-alt", type=int)
    p.add_argument("--size", type=int, default=18)
    p.add_argument("--vlan", type=int, action="append", default=[])
    p.add_argument("--gap", type=float, default=0.0)
    p.add_argument("--dst-mac", default="ff:ff:ff:ff:ff:ff")
    p.add_argument("--src-mac", default="02:00:00:00:00:01")
    p.add_argument("--hex", action="store_true")
    a = p.parse_args()
    if len(a.vlan) > 2:
        sys.exit("pktsend.py: at most two --vlan tags")
    frames = [frame(a, i) for i in range(a.count)]
    if a.hex:
        print("\n".join(f.hex() for f in frames))
        return
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((a.iface, 0))
    for f in frames:
        while True:
            try:
                s.send(f)
                break
            except BlockingIOError:     # the device queue is full: let it drain
                time.sleep(0.0001)
            except OSError as e:
                if e.errno != 105:      # ENOBUFS: the same
                    raise
                time.sleep(0.0001)
        if a.gap:
            time.sleep(a.gap)


if __name__ == "__main__":
    main()
