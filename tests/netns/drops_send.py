#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# drops_send.py: sends packets that the kernel drops for a known reason (used by the drops tests).
#
#   drops_send.py udp DST_IP PORT COUNT [SIZE]        UDP datagrams from a socket
#   drops_send.py frame IFACE DST_MAC SRC_IP DST_IP PORT COUNT [badcsum]
#                                                     raw Ethernet/IPv4/UDP frames through
#                                                     a packet socket; badcsum spoils the IP
#                                                     header checksum
#   drops_send.py hold IP PORT RCVBUF                 a UDP socket with a small receive
#                                                     buffer that never reads: prints "ready"
#                                                     and holds it until killed
import errno
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


def udp(dst, port, count, size=32):
    s = socket.socket(socket.AF_INET6 if ":" in dst else socket.AF_INET, socket.SOCK_DGRAM)
    for _ in range(count):
        s.sendto(b"x" * size, (dst, port))


def frame(iface, dst_mac, src_ip, dst_ip, port, count, bad=False):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    src_mac = s.getsockname()[4]
    payload = b"sockeye drop test"
    udp_hdr = struct.pack("!HHHH", 40000, port, 8 + len(payload), 0)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp_hdr) + len(payload), 1, 0x4000,
                     64, 17, 0, socket.inet_aton(src_ip), socket.inet_aton(dst_ip))
    c = csum(ip)
    if bad:
        c ^= 0x5555
    ip = ip[:10] + struct.pack("!H", c) + ip[12:]
    eth = bytes.fromhex(dst_mac.replace(":", "")) + src_mac + b"\x08\x00"
    pkt = eth + ip + udp_hdr + payload
    for _ in range(count):
        try:
            s.send(pkt)
        except OSError as e:
            # ENOBUFS: the device refused the frame (a veth whose peer is down before
            # linkwatch gives it the noop qdisc).  The kernel has freed it as a drop, the
            # event the tests count, so it is not sent again: a resend would be a second drop.
            if e.errno != errno.ENOBUFS:
                raise


def hold(ip, port, rcvbuf):
    r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    r.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    r.bind((ip, port))
    print("ready", flush=True)
    time.sleep(3600)


def main(a):
    if a[0] == "udp":
        udp(a[1], int(a[2]), int(a[3]), int(a[4]) if len(a) > 4 else 32)
    elif a[0] == "frame":
        frame(a[1], a[2], a[3], a[4], int(a[5]), int(a[6]), len(a) > 7 and a[7] == "badcsum")
    elif a[0] == "hold":
        hold(a[1], int(a[2]), int(a[3]))
    else:
        sys.exit("drops_send.py: unknown mode " + a[0])


main(sys.argv[1:])
