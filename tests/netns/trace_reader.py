#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_reader.py: a UDP reader for the trace tests: binds IP PORT, prints "ready PID", waits
# for COUNT datagrams to be queued, then sleeps SLEEP_MS before each read; prints "done".
import os
import socket
import sys
import time

ip, port, count, sleep_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
s.bind((ip, port))
print("ready", os.getpid(), flush=True)
# The first datagram's arrival starts the clock: every read then waits SLEEP_MS first.
s.recv(2048, socket.MSG_PEEK)
for _ in range(count):
    time.sleep(sleep_ms / 1000)
    s.recv(2048)
print("done", flush=True)
