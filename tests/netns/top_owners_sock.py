# SPDX-License-Identifier: GPL-2.0-or-later
# top_owners_sock.py: a process named NAME holding a loopback TCP connection whose receiver
# never reads BYTES bytes (its Recv-Q), then waiting; with GO and COUNT also a UDP socket of
# the smallest receive buffer, full, which drops exactly COUNT more datagrams once GO exists.
# argv: NAME, BYTES, READY_FILE (written with the pid once the bytes are queued), [GO COUNT].
import ctypes
import os
import socket
import sys
import time

name, nbytes, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# PR_SET_NAME: the comm /proc shows, so the two processes differ by name too.
ctypes.CDLL(None).prctl(15, name.encode(), 0, 0, 0)
lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
lst.bind(("127.0.0.1", 0))
lst.listen(1)
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
c.connect(lst.getsockname())
s, _ = lst.accept()
c.sendall(b"q" * nbytes)
# The UDP receiver: full before READY (its first drops are older than any sample), then
# each datagram sent is one drop.
go = sys.argv[4] if len(sys.argv) > 5 else None
if go:
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1)
    u.bind(("127.0.0.1", 0))
    t = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for _ in range(64):
        t.sendto(b"d" * 1000, u.getsockname())
# Loopback delivers within the send: the bytes wait in s's receive queue now.
with open(ready, "w") as f:
    f.write("%d\n" % os.getpid())
if go:
    while not os.path.exists(go):
        time.sleep(0.02)
    for _ in range(int(sys.argv[5])):
        t.sendto(b"d" * 1000, u.getsockname())
while True:
    time.sleep(60)
