#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why.sh: what `sockeye why` costs: the CPU of one sample of every layer, and the wall time of
# `why -d 5` (goal: 5 s plus at most 0.3 s), on the machine as it is (run it idle).
#
#   sudo SOCKEYE=build/sockeye bench/why.sh [RUNS]        (default 5)
#
# sockeye -v says each sample's CPU time (CLOCK_PROCESS_CPUTIME_ID around the reading of
# every layer: kstat, snmp, qdiscs, conntrack, sockets, drop reasons); /usr/bin/time gives
# the run's wall time, BPF attach included.  The figures go to stdout.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
: "${SOCKEYE:=$top/build/sockeye}"
runs=${1:-5}

echo "# $(uname -r), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# command: /usr/bin/time -f %e $SOCKEYE -v why -d 5"
for ((i = 1; i <= runs; i++)); do
	out=$( { /usr/bin/time -f 'wall %e' "$SOCKEYE" -v why -d 5 >/dev/null; } 2>&1)
	cpu=$(sed -n 's/.*sample of every layer: \([0-9.]*\) ms of CPU/\1/p' <<<"$out" | paste -sd' ')
	wall=$(sed -n 's/^wall //p' <<<"$out")
	echo "run $i: wall $wall s; CPU per sample (first, last): $cpu ms"
done
