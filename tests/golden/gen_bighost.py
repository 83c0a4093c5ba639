#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_bighost.py: a synthetic `top --record` of a big host, for the layout goldens: 128 CPUs,
# 4 NICs (eth0-eth3) of 64 RX and 64 TX queues each, two samples one second apart.
#
#   tests/golden/gen_bighost.py tests/golden/input/top_bighost
#
# Every counter is a function of the CPU, NIC or queue number, so the output is the same on
# every run: a few hot CPUs and queues (RSS skew) among many quiet ones, one CPU dropping and
# squeezing, one queue dropping.  The files are those kstat_sample_load reads: the /proc texts,
# the RTM_GETLINK dump's bytes and the ethtool statistics, and the NAPI panel's "napi" (one
# instance per RX queue, pinned round the CPUs, and each CPU's backlog); the optional parts
# (rings, packet sockets) are left out, so those panels say "not in the recording".
import os
import struct
import sys

NCPU = 128
NICS = 4
QUEUES = 64
MONO0 = 5_000_000_000_000
REAL0 = 1_800_000_000_000_000_000
VECTORS = ["HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET", "SCHED",
           "HRTIMER", "RCU"]


def hot(i, n):
    """How busy item i of n is: a few hot ones (RSS skew), the rest quiet."""
    return 50_000 // (1 + i % 17) if i % 9 == 0 else 100 + (i * 37) % 400


def softirqs(t):
    head = " " * 10 + "".join("CPU%-8d" % c for c in range(NCPU)) + "\n"
    lines = [head]
    for v in VECTORS:
        vals = []
        for c in range(NCPU):
            base = 1_000_000 + c * 1000
            if v == "NET_RX":
                base += t * hot(c, NCPU)
            elif v == "NET_TX":
                base += t * hot(c, NCPU) // 10
            else:
                base += t * 250
            vals.append(" %10d" % base)
        lines.append("%12s:%s\n" % (v, "".join(vals)))
    return "".join(lines)


def softnet(t):
    out = []
    for c in range(NCPU):
        processed = 10_000_000 + c * 1000 + t * hot(c, NCPU)
        dropped = 42 + (t * 120 if c == 9 else 0)
        squeezed = 7 + (t * 30 if c == 9 else 0)
        vals = [processed, dropped, squeezed] + [0] * 6 + [0, 0, 0, c, 0, 0]
        out.append(" ".join("%08x" % (v & 0xffffffff) for v in vals) + "\n")
    return "".join(out)


def stat(t):
    lines = []
    tot = [0] * 10
    per = []
    for c in range(NCPU):
        # user nice system idle iowait irq softirq steal guest guest_nice, in ticks (100/s)
        busy = hot(c, NCPU) // 1000
        row = [100_000 + t * 20, 0, 50_000 + t * 5, 900_000 + t * (75 - busy), 100, 0,
               20_000 + t * busy, 0, 0, 0]
        per.append(row)
        tot = [a + b for a, b in zip(tot, row)]
    lines.append("cpu  " + " ".join(str(v) for v in tot) + "\n")
    for c, row in enumerate(per):
        lines.append("cpu%d " % c + " ".join(str(v) for v in row) + "\n")
    return "".join(lines)


def nlattr(kind, payload):
    n = 4 + len(payload)
    return struct.pack("=HH", n, kind) + payload + b"\0" * ((4 - n % 4) % 4)


def link_msg(seq, index, name, flags, mtu, oper, st):
    IFLA_IFNAME, IFLA_MTU, IFLA_OPERSTATE, IFLA_STATS64 = 3, 4, 16, 23
    body = struct.pack("=BxHiII", 0, 1 if index != 1 else 772, index, flags, 0)
    body += nlattr(IFLA_IFNAME, name.encode() + b"\0")
    body += nlattr(IFLA_MTU, struct.pack("=I", mtu))
    body += nlattr(IFLA_OPERSTATE, struct.pack("=B", oper))
    body += nlattr(IFLA_STATS64, struct.pack("=25Q", *st))
    RTM_NEWLINK, NLM_F_MULTI = 16, 2
    return struct.pack("=IHHII", 16 + len(body), RTM_NEWLINK, NLM_F_MULTI, seq, 0) + body


def queue_rate(nic, q):
    return 20_000 // (1 + q % 13) if (q + nic) % 11 == 0 else 200 + (q * 31 + nic * 7) % 300


def links(t):
    msgs = [link_msg(1, 1, "lo", 0x49, 65536, 0, [0] * 25)]
    for n in range(NICS):
        rx_pk = sum(10_000_000 + t * queue_rate(n, q) for q in range(QUEUES))
        tx_pk = rx_pk // 2
        st = [0] * 25
        st[0], st[1] = rx_pk, tx_pk            # rx_packets, tx_packets
        st[2], st[3] = rx_pk * 800, tx_pk * 600  # rx_bytes, tx_bytes
        st[6] = 5 + (t * 50 if n == 2 else 0)  # rx_dropped
        st[20] = 3 if n == 2 else 0            # rx_missed_errors
        msgs.append(link_msg(1, 2 + n, "eth%d" % n, 0x11043, 1500, 6, st))
    # nldump keeps the replies of the type asked for: no NLMSG_DONE.
    return b"".join(msgs)


def ethtool_stats(t):
    out = []
    for n in range(NICS):
        for q in range(QUEUES):
            pk = 10_000_000 + t * queue_rate(n, q)
            drops = 9 + (t * 40 if (n, q) == (2, 22) else 0)
            for d, mul in (("rx", 1), ("tx", 2)):
                out.append("%d\teth%d\t%s-%d.packets\t%d\n" % (2 + n, n, d, q, pk // mul))
                out.append("%d\teth%d\t%s-%d.bytes\t%d\n" % (2 + n, n, d, q, pk // mul * 800))
            out.append("%d\teth%d\trx_queue_%d_drops\t%d\n" % (2 + n, n, q, drops))
    return "".join(out)


def napi_counters(rate, secs):
    """An instance's counters after secs seconds at rate packets/s: polls, packets, budget_polls
    and the histogram (none, <=25%, <=50%, <=75%, <100%, full of a 64 budget)."""
    full = rate // 640 if rate >= 5000 else 0
    polls = rate // 8 + 10
    hist = [10, 0, polls // 8, polls // 16, polls // 16, full]
    hist[1] = polls - sum(hist)
    return [secs * v for v in [polls, rate, polls] + hist]


def napi(t):
    secs = 100 + t  # attached 100 s before the first sample
    lines = ["mono_ns %d\n" % (MONO0 + t * 1_000_000_000), "softirq 0\n"]
    for n in range(NICS):
        for q in range(QUEUES):
            key = [2 + n, 4026531840, 8193 + n * QUEUES + q, (n * QUEUES + q) % NCPU]
            val = napi_counters(queue_rate(n, q), secs) + [64, 0, "eth%d" % n]
            lines.append("entry " + " ".join(str(v) for v in key + val) + "\n")
    for c in range(NCPU):
        val = napi_counters(hot(c, NCPU) // 100, secs) + [64, 1, "-"]
        lines.append("entry " + " ".join(str(v) for v in [0, 4026531840, 0, c] + val) + "\n")
    return "".join(lines)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/golden/input/top_bighost"
    for t in range(2):
        d = os.path.join(out, str(t))
        os.makedirs(d, exist_ok=True)
        files = {
            "time": "%d %d\n" % (MONO0 + t * 1_000_000_000, REAL0 + t * 1_000_000_000),
            "hostname": "big\n",
            "uptime": "%d.00 %d.00\n" % (864000 + t, 864000 * 100),
            "loadavg": "42.00 40.00 38.00 3/2000 12345\n",
            "softirqs": softirqs(t),
            "softnet_stat": softnet(t),
            "stat": stat(t),
            "ethtool_stats": ethtool_stats(t),
            "napi": napi(t),
        }
        for name, text in files.items():
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
        with open(os.path.join(d, "rtnl_link.bin"), "wb") as f:
            f.write(links(t))


main()
