#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_attach.sh: where sockeye trace's attach time goes (issue 16: under 200 ms), from the
# stages `sockeye -vv trace` prints (open, targets: libbpf's read of the kernel's BTF, load and
# verify, attach), each in wall and CPU time, and the total -v prints.  Run as root from the
# source dir: bench/trace_attach.sh [RUNS] [BUILD_DIR]
#
# Each round runs sockeye RUNS times as it is, then RUNS times under SCHED_FIFO (chrt -f 1):
# there it has a CPU whenever it can run, so its wall time is what the attach takes on an idle
# machine, whatever else this one runs.  Medians of each.  COLD=1 drops the page cache first
# (vm.drop_caches=1: the binary and libraries read again) and reports that first run alone.
set -euo pipefail

runs=${1:-5}
build=${2:-.}
sockeye=$build/sockeye
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[[ $(id -u) -eq 0 ]] || { echo "trace_attach.sh: needs root" >&2; exit 1; }
[[ -x $sockeye ]] || { echo "trace_attach.sh: no $sockeye (give the build dir)" >&2; exit 1; }

# one OUT [PREFIX...]: one attach; appends "stage wall cpu" lines and "total wall -" to OUT.
one()
{
	local out=$1

	shift
	"$@" "$sockeye" -vv trace -d 0.1 'udp port 1' 2>&1 >/dev/null | grep -v '^libbpf' |
		sed -En 's/^sockeye: trace: trace attach: (.*) ([0-9.]+) ms \(CPU ([0-9.]+) ms\)$/\1|\2|\3/p
			s/^sockeye: trace: attached with [a-z_]+ in ([0-9.]+) ms$/total|\1|-/p
			s/^sockeye: trace: kernel symbols read in ([0-9.]+) ms$/symbols (after)|\1|-/p' \
		>>"$out"
}

# medians OUT: per stage, in the order first seen, the median wall and CPU ms.
medians()
{
	awk -F'|' '!($1 in n) { order[++k] = $1 } { n[$1]++; w[$1, n[$1]] = $2; c[$1, n[$1]] = $3 }
	function med(a, s, m,   i, j, t, v) {
		for (i = 1; i <= m; i++) v[i] = a[s, i]
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
		return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
	}
	END { for (i = 1; i <= k; i++) { s = order[i]
		printf "  %-26s %8.1f ms wall %s\n", s, med(w, s, n[s]),
			c[s, 1] == "-" ? "" : sprintf("%8.1f ms CPU", med(c, s, n[s])) } }' "$1"
}

echo "kernel $(uname -r), $(nproc) CPUs, libbpf $(pkg-config --modversion libbpf 2>/dev/null || echo ?)"
echo "load: $(uptime | sed 's/.*load average/load average/')"
if [[ ${COLD:-} == 1 ]]; then
	sync
	echo 1 >/proc/sys/vm/drop_caches
	one "$tmp/cold"
	echo "cold (page cache dropped), one run:"
	medians "$tmp/cold"
fi
for _ in $(seq "$runs"); do
	one "$tmp/warm"
done
echo "warm, median of $runs:"
medians "$tmp/warm"
for _ in $(seq "$runs"); do
	one "$tmp/fifo" chrt -f 1
done
echo "warm under chrt -f 1 (a CPU whenever it can run), median of $runs:"
medians "$tmp/fifo"
echo "load: $(uptime | sed 's/.*load average/load average/')"
