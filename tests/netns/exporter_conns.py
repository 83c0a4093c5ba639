#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# exporter_conns.py: opens idle TCP connections to a server and reports which it keeps open
# (used by exporter_http.sh).
#
#   exporter_conns.py HOST PORT COUNT WAIT FILE
#       opens COUNT connections that send nothing; after WAIT seconds writes to FILE
#       "open N closed M" (closed: the server ended them, or refused them), then holds
#       the open ones until the server closes them or it is killed, and writes
#       "all closed after S" to FILE when the server has closed every one
#   exporter_conns.py --trickle HOST PORT COUNT WAIT FILE
#       the same, but each connection sends a request line and then one byte of a
#       header every 0.2 s, never ending its head (slowloris): never idle
import select
import socket
import sys
import time


def main(host, port, count, wait, path, trickle=False):
    socks = []
    refused = 0
    for _ in range(count):
        s = socket.socket()
        try:
            s.connect((host, port))
            socks.append(s)
        except OSError:
            refused += 1
    if trickle:
        for s in socks:
            s.sendall(b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    time.sleep(wait)

    def closed(s):
        r, _, _ = select.select([s], [], [], 0)
        if not r:
            return False
        try:
            return s.recv(1) == b""
        except OSError:
            return True

    still = [s for s in socks if not closed(s)]
    with open(path, "w") as f:
        f.write("open %d closed %d\n" % (len(still), count - len(still)))
    t0 = time.monotonic()
    while still:
        r, _, _ = select.select(still, [], [], 0.2 if trickle else 1)
        still = [s for s in still if s not in r or not closed(s)]
        if trickle:
            for s in still:
                try:
                    s.send(b"a")
                except OSError:
                    pass
    with open(path, "a") as f:
        f.write("all closed after %.1f\n" % (time.monotonic() - t0 + wait))


a = sys.argv[1:]
trickle = a[0] == "--trickle"
if trickle:
    a = a[1:]
main(a[0], int(a[1]), int(a[2]), float(a[3]), a[4], trickle)
