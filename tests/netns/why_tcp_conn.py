#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# why_tcp_conn.py: a TCP connection whose receiver loses segments, for why_tcp_pid.sh.
#
#   why_tcp_conn.py hold PORT          listens on 127.0.0.1:PORT, accepts one connection and
#                                      holds it (prints "ready PID" once accepted) until killed
#   why_tcp_conn.py connect PORT       connects to it, prints the client's port, holds it
#   why_tcp_conn.py oow CPORT PORT N   N segments from CPORT to PORT far outside the receive
#                                      window: the receiver drops each (tcp_validate_incoming,
#                                      sk_drops), a loss no TcpExt queue counter counts
import os
import random
import socket
import struct
import sys
import time

# The Internet checksum, pktsend.py's (beside this script).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pktsend import csum  # noqa: E402


def hold(port):
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port))
    srv.listen(1)
    print("listening", flush=True)
    conn, _ = srv.accept()
    print("ready %d" % os.getpid(), flush=True)
    while True:
        time.sleep(60)


def connect(port):
    c = socket.create_connection(("127.0.0.1", port))
    print(c.getsockname()[1], flush=True)
    while True:
        time.sleep(60)


def oow(cport, port, n):
    # IPPROTO_RAW sends whole IP datagrams and receives nothing: an IPPROTO_TCP raw socket
    # would take a copy of every TCP segment and drop them all when closed.
    raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    src = dst = socket.inet_aton("127.0.0.1")
    for i in range(n):
        # A random sequence number: outside a 64 KiB window but for 1 chance in 65536
        # per segment, and the receiver drops old and future ones alike.
        seq = random.getrandbits(32)
        payload = b"x" * 10
        tcp = struct.pack("!HHIIBBHHH", cport, port, seq, 0, 5 << 4, 0x10, 65535, 0, 0)
        pseudo = src + dst + struct.pack("!BBH", 0, socket.IPPROTO_TCP, len(tcp) + len(payload))
        tcp = tcp[:16] + struct.pack("!H", csum(pseudo + tcp + payload)) + tcp[18:]
        total = 20 + len(tcp) + len(payload)
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, total, i & 0xFFFF, 0, 64,
                         socket.IPPROTO_TCP, 0, src, dst)
        ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
        raw.sendto(ip + tcp + payload, ("127.0.0.1", 0))
        time.sleep(0.01)


if __name__ == "__main__":
    if sys.argv[1] == "hold":
        hold(int(sys.argv[2]))
    elif sys.argv[1] == "connect":
        connect(int(sys.argv[2]))
    else:
        oow(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
