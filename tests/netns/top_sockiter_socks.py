# SPDX-License-Identifier: GPL-2.0-or-later
# top_sockiter_socks.py: many idle loopback sockets and a few with full queues, then waits.
# argv: IDLE (TCP connections), READY_FILE.  Prints nothing; writes READY_FILE when set up.
import socket
import sys
import time

idle, ready = int(sys.argv[1]), sys.argv[2]
keep = []


def tcp_pair(fam, host):
    lst = socket.socket(fam, socket.SOCK_STREAM)
    lst.bind((host, 0))
    lst.listen(64)
    c = socket.socket(fam, socket.SOCK_STREAM)
    c.connect(lst.getsockname()[:2])
    s, _ = lst.accept()
    keep.extend([lst, c, s])
    return c, s


# Idle: connected pairs on one listener, nothing queued anywhere.
for fam, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
    lst = socket.socket(fam, socket.SOCK_STREAM)
    lst.bind((host, 0))
    lst.listen(1024)
    keep.append(lst)
    for _ in range(idle // 2):
        c = socket.socket(fam, socket.SOCK_STREAM)
        c.connect(lst.getsockname()[:2])
        s, _ = lst.accept()
        keep.extend([c, s])
    for _ in range(50):
        u = socket.socket(fam, socket.SOCK_DGRAM)
        u.bind((host, 0))
        keep.append(u)

# Full: TCP receivers that never read (Recv-Q), both families, different sizes.
for i, (fam, host) in enumerate(((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1"),
                                 (socket.AF_INET, "127.0.0.1"))):
    c, s = tcp_pair(fam, host)
    c.send(b"x" * (1000 * (i + 1)))
# UDP sockets with datagrams left unread.
for i, (fam, host) in enumerate(((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1"))):
    u = socket.socket(fam, socket.SOCK_DGRAM)
    u.bind((host, 0))
    t = socket.socket(fam, socket.SOCK_DGRAM)
    for _ in range(i + 2):
        t.sendto(b"y" * 200, u.getsockname()[:2])
    keep.extend([u, t])
# A listener whose accept queue holds 3 connections.
lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
lst.bind(("127.0.0.1", 0))
lst.listen(8)
keep.append(lst)
for _ in range(3):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(lst.getsockname())
    keep.append(c)

time.sleep(0.5)  # the last segments in
open(ready, "w").write("ready\n")
time.sleep(3600)
