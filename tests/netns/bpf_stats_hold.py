# SPDX-License-Identifier: GPL-2.0-or-later
# bpf_stats_hold.py: BPF run-time statistics on (run_cnt, run_time_ns in fdinfo) for as long as
# this process lives, through bpf(BPF_ENABLE_STATS): no sysctl to restore, nothing left behind.
# Writes "on" to argv[1] once they are.
import ctypes
import sys
import time

SYS_BPF = 321           # x86_64
BPF_ENABLE_STATS = 32
BPF_STATS_RUN_TIME = 0

libc = ctypes.CDLL(None, use_errno=True)
attr = ctypes.create_string_buffer(128)
fd = libc.syscall(SYS_BPF, BPF_ENABLE_STATS, attr, ctypes.sizeof(attr))
if fd < 0:
    sys.exit("bpf(BPF_ENABLE_STATS): errno %d" % ctypes.get_errno())
open(sys.argv[1], "w").write("on\n")
time.sleep(3600)
