# SPDX-License-Identifier: GPL-2.0-or-later
# exporter_sockets_socks.py: sockets whose receive queues fill and drain on cue, for
# exporter_sockets.sh.  argv: DIR.  Writes DIR/ready after each step; steps on the files
# DIR/fill (a second TCP and UDP socket fill up) and DIR/drain (the first ones are read empty).
import os
import socket
import sys
import time

d = sys.argv[1]
keep = []


def step(name):
    open(os.path.join(d, "ready.tmp"), "w").write(name + "\n")
    os.rename(os.path.join(d, "ready.tmp"), os.path.join(d, "ready"))


def wait_for(name):
    while not os.path.exists(os.path.join(d, name)):
        time.sleep(0.05)


def udp_full():
    """A UDP socket with a small buffer, sent to until the kernel drops: past 100%."""
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
    u.bind(("127.0.0.1", 0))
    t = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for _ in range(40):
        t.sendto(b"y" * 100, u.getsockname())
    keep.extend([u, t])
    return u


def tcp_full():
    """A TCP receiver with a small buffer that never reads, sent small segments: over 80%."""
    lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lst.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    lst.bind(("127.0.0.1", 0))
    lst.listen(4)
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    c.connect(lst.getsockname())
    s, _ = lst.accept()
    c.setblocking(False)
    for _ in range(300):
        try:
            c.send(b"x" * 100)
        except BlockingIOError:
            break
        time.sleep(0.002)
    keep.extend([lst, c, s])
    return s


def drain(sock):
    """Read until nothing more comes (the sender's queue follows as the window opens)."""
    sock.setblocking(False)
    for _ in range(20):
        try:
            while sock.recv(65536):
                pass
        except BlockingIOError:
            pass
        time.sleep(0.05)


# Before the exporter starts: one full of each, idle ones, a listener whose accept queue is full.
u1, s1 = udp_full(), tcp_full()
for _ in range(50):
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind(("127.0.0.1", 0))
    keep.append(u)
lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
lst.bind(("127.0.0.1", 0))
lst.listen(2)
keep.append(lst)
for _ in range(3):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(lst.getsockname())
    keep.append(c)
time.sleep(0.3)
step("start")
wait_for("fill")
udp_full()
tcp_full()
time.sleep(0.3)
step("fill")
wait_for("drain")
drain(u1)
drain(s1)
time.sleep(0.3)
step("drain")
time.sleep(3600)
