#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_pid_peer.py: the two ends of trace_pid.sh's flows.
#
#   trace_pid_peer.py server IP UDP_PORT TCP_PORT     echoes UDP datagrams and TCP messages;
#                                                     prints "ready" once listening
#   trace_pid_peer.py client NAME IP UDP_PORT TCP_PORT N GO
#                                                     renames itself NAME, binds its UDP socket,
#                                                     prints "ready PID UDP_PORT"; once the file
#                                                     GO exists: N UDP datagrams, each echoed, and
#                                                     a TCP connection with N echoed messages;
#                                                     prints "done TCP_PORT"
import os
import socket
import sys
import threading
import time


def server(ip, uport, tport):
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind((ip, uport))
    t = socket.socket()
    t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    t.bind((ip, tport))
    t.listen(8)

    def echo_udp():
        while True:
            data, peer = u.recvfrom(2048)
            u.sendto(data, peer)

    def echo_tcp(c):
        with c:
            while True:
                data = c.recv(2048)
                if not data:
                    return
                c.sendall(data)

    threading.Thread(target=echo_udp, daemon=True).start()
    print("ready", flush=True)
    while True:
        c, _ = t.accept()
        threading.Thread(target=echo_tcp, args=(c,), daemon=True).start()


def client(name, ip, uport, tport, n, go):
    with open("/proc/self/comm", "w") as f:
        f.write(name)
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind(("0.0.0.0", 0))
    u.settimeout(5)
    print("ready", os.getpid(), u.getsockname()[1], flush=True)
    while not os.path.exists(go):
        time.sleep(0.02)
    for i in range(n):
        u.sendto(b"u%03d" % i, (ip, uport))
        u.recvfrom(2048)
        time.sleep(0.01)
    t = socket.create_connection((ip, tport), timeout=5)
    t.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for i in range(n):
        t.sendall(b"t%03d" % i)
        got = b""
        while len(got) < 4:
            got += t.recv(4 - len(got))
        time.sleep(0.01)
    port = t.getsockname()[1]
    t.close()
    print("done", port, flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "server":
        server(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        client(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]),
               sys.argv[7])
