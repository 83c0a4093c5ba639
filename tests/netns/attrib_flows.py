#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""attrib_flows.py: one process's TCP and UDP flows over IPv4 and IPv6, for attribution tests.

attrib_flows.py NAME PORTFILE GO DST4 DST6 COUNT [STATUS]

Takes NAME as its command name (comm), connects TCP to DST4 and DST6 port 7001,
a connected UDP socket to DST4 port 7002 and an unconnected one that sends to
DST6 port 7002, writes "proto family port" lines of its local ports to
PORTFILE, waits until the file GO exists ("-": no wait), then sends COUNT
100-byte messages on each, paced, and exits with STATUS (0).
"""
import ctypes
import os
import socket
import sys
import time


def main():
    name, portfile, go, dst4, dst6, count = sys.argv[1:7]
    status = int(sys.argv[7]) if len(sys.argv) > 7 else 0
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(15, name.encode()[:15], 0, 0, 0)  # PR_SET_NAME: comm of the main thread
    t4 = socket.create_connection((dst4, 7001))
    t6 = socket.create_connection((dst6, 7001))
    u4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u4.connect((dst4, 7002))
    u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    u6.bind(("::", 0))
    with open(portfile + ".tmp", "w") as f:
        f.write("tcp 4 %d\n" % t4.getsockname()[1])
        f.write("tcp 6 %d\n" % t6.getsockname()[1])
        f.write("udp 4 %d\n" % u4.getsockname()[1])
        f.write("udp 6 %d\n" % u6.getsockname()[1])
    os.rename(portfile + ".tmp", portfile)
    while go != "-" and not os.path.exists(go):
        time.sleep(0.01)
    msg = b"m" * 100
    for _ in range(int(count)):
        t4.sendall(msg)
        t6.sendall(msg)
        u4.send(msg)
        u6.sendto(msg, (dst6, 7002))
        time.sleep(0.002)
    time.sleep(0.2)
    for s in (t4, t6, u4, u6):
        s.close()
    time.sleep(0.2)
    sys.exit(status)


if __name__ == "__main__":
    main()
