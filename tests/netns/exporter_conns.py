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
import select
import socket
import sys
import time


def main(host, port, count, wait, path):
    socks = []
    refused = 0
    for _ in range(count):
        s = socket.socket()
        try:
            s.connect((host, port))
            socks.append(s)
        except OSError:
            refused += 1
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
        r, _, _ = select.select(still, [], [], 1)
        still = [s for s in still if s not in r or not closed(s)]
    with open(path, "a") as f:
        f.write("all closed after %.1f\n" % (time.monotonic() - t0 + wait))


main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
