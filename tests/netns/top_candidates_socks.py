# SPDX-License-Identifier: GPL-2.0-or-later
# top_candidates_socks.py: sockets whose queues change while top runs, for top_candidates.sh.
# argv: DIR.  Before DIR/ready: "early" holds 3000 unread bytes (full before top starts), "late"
# is a pair whose reader reads.  On DIR/go: late's reader stops and 5000 bytes arrive; "sender"
# (when DIR/go says "send") fills its Send-Q against a peer that never reads; then DIR/sent
# (its port in DIR/sender).  On DIR/drain: late's reader reads them all; then DIR/drained.  Ports in DIR/ports.
import os
import socket
import sys
import time

d = sys.argv[1]
keep = []


def pair(rcvbuf=0):
    lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        lst.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    lst.bind(("127.0.0.1", 0))
    lst.listen(8)
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(lst.getsockname())
    s, _ = lst.accept()
    keep.extend([lst, c, s])
    return lst.getsockname()[1], c, s


def wait_file(name):
    while not os.path.exists(os.path.join(d, name)):
        time.sleep(0.05)


def write(name, text):
    with open(os.path.join(d, name + ".tmp"), "w") as f:
        f.write(text)
    os.rename(os.path.join(d, name + ".tmp"), os.path.join(d, name))


early_port, ec, es = pair()
ec.send(b"e" * 3000)
late_port, lc, ls = pair()
lc.send(b"l" * 100)
got = 0
while got < 100:
    got += len(ls.recv(100 - got))
time.sleep(0.3)  # the segments in, the ACKs back
write("ports", "%d %d\n" % (early_port, late_port))
write("ready", "ready\n")

wait_file("go")
lc.send(b"L" * 5000)
if open(os.path.join(d, "go")).read().strip() == "send":
    # The peer never reads and its buffer is small: what it cannot take stays in Send-Q.
    _, c, _ = pair(4096)
    c.setblocking(False)
    try:
        for _ in range(64):
            c.send(b"s" * 65536)
    except BlockingIOError:
        pass
    write("sender", "%d\n" % c.getsockname()[1])
time.sleep(0.2)
write("sent", "sent\n")

wait_file("drain")
got = 0
while got < 5000:
    got += len(ls.recv(5000 - got))
time.sleep(0.2)
write("drained", "drained\n")
time.sleep(3600)
