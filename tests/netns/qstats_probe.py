# SPDX-License-Identifier: GPL-2.0-or-later
# qstats_probe.py: the netdev netlink queue statistics, read independently of sockeye.
# Prints "IFINDEX rx|tx QUEUE PACKETS" per queue that has a packet count; nothing
# when the kernel or no driver has them.  Standard library only.
import socket
import struct
import sys

NETLINK_GENERIC = 16
GENL_ID_CTRL, CTRL_CMD_GETFAMILY, CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME = 0x10, 3, 1, 2
QSTATS_GET, A_IFINDEX, A_TYPE, A_ID, A_SCOPE, A_RX_PACKETS, A_TX_PACKETS = 12, 1, 2, 3, 4, 8, 10
NLM_F_REQUEST, NLM_F_DUMP, NLMSG_ERROR, NLMSG_DONE = 1, 0x300, 2, 3


def attr(t, data):
    n = 4 + len(data)
    return struct.pack("HH", n, t) + data + b"\0" * (-n % 4)


def request(typ, flags, cmd, attrs, seq):
    body = struct.pack("BBH", cmd, 1, 0) + attrs
    return struct.pack("IHHII", 16 + len(body), typ, NLM_F_REQUEST | flags, seq, 0) + body


def attrs_of(b):
    out, i = {}, 0
    while i + 4 <= len(b):
        n, t = struct.unpack_from("HH", b, i)
        if n < 4:
            break
        out[t & 0x3FFF] = b[i + 4:i + n]
        i += (n + 3) & ~3
    return out


def uint(v):
    return struct.unpack("Q" if len(v) == 8 else "I", v)[0]


def messages(s):
    while True:
        d = s.recv(1 << 16)
        i = 0
        while i < len(d):
            n, t = struct.unpack_from("IH", d, i)
            if t == NLMSG_DONE:
                return
            if t == NLMSG_ERROR:
                err = struct.unpack_from("i", d, i + 16)[0]
                if err:
                    return
            else:
                yield attrs_of(d[i + 20:i + n])
            i += (n + 3) & ~3


s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
s.send(request(GENL_ID_CTRL, 0, CTRL_CMD_GETFAMILY, attr(CTRL_ATTR_FAMILY_NAME, b"netdev\0"), 1))
family = None
for a in messages(s):
    family = struct.unpack("H", a[CTRL_ATTR_FAMILY_ID])[0]
    break
if family is None:
    sys.exit(0)
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
s.send(request(family, NLM_F_DUMP, QSTATS_GET, attr(A_SCOPE, struct.pack("I", 1)), 2))
for a in messages(s):
    if A_TYPE not in a or A_ID not in a:
        continue
    tx = uint(a[A_TYPE]) == 1
    key = A_TX_PACKETS if tx else A_RX_PACKETS
    if key in a:
        print(uint(a[A_IFINDEX]), "tx" if tx else "rx", uint(a[A_ID]), uint(a[key]))
