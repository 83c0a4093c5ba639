#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""attrib_sink.py: takes TCP connections on port 7001 and UDP on 7002 (IPv4 and IPv6), reads all.

attrib_sink.py READYFILE: writes READYFILE once listening; runs until killed.
"""
import selectors
import socket
import sys


def main():
    sel = selectors.DefaultSelector()
    lst = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    lst.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    lst.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lst.bind(("::", 7001))
    lst.listen(64)
    udp = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    udp.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    udp.bind(("::", 7002))
    sel.register(lst, selectors.EVENT_READ, "listen")
    sel.register(udp, selectors.EVENT_READ, "udp")
    open(sys.argv[1], "w").close()
    while True:
        for key, _ in sel.select():
            s = key.fileobj
            if key.data == "listen":
                c, _ = s.accept()
                sel.register(c, selectors.EVENT_READ, "tcp")
            elif key.data == "udp":
                s.recv(65536)
            elif not s.recv(65536):
                sel.unregister(s)
                s.close()


if __name__ == "__main__":
    main()
