#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top.sh: what `sockeye top` costs: CPU and RSS of the live view with every panel at a 1 s and a
# 0.1 s refresh, next to ifpps showing one interface in the same run.
#
#   sudo SOCKEYE=build/sockeye bench/top.sh [SECONDS]        (default 60 per refresh)
#
# Two namespaces joined by a veth carry a steady UDP stream (iperf3, 20,000 datagrams/s)
# so every counter moves.  sockeye top (-N, in the receiving namespace: its interfaces,
# queues, sockets, NAPI and drops) and ifpps (-d on the receiving veth) each run in a
# tmux pane of their own, side by side; after a warm-up their CPU time (utime + stime of
# /proc/PID/stat) is read at the start and the end of SECONDS, and their resident memory
# (VmRSS, VmHWM) at the end.  The figures go to stdout and replace the "top" section of
# bench/RESULTS.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
: "${SOCKEYE:=$top/build/sockeye}"
secs=${1:-60}
warmup=${WARMUP:-5}
results=$here/RESULTS.md

die()
{
	echo "top.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, BPF panels)"
for c in tmux ifpps iperf3 ip awk; do
	command -v "$c" >/dev/null || die "$c not found (apt-get install tmux netsniff-ng iperf3 iproute2)"
done
[[ -x $SOCKEYE ]] || die "$SOCKEYE: not built (make, or set SOCKEYE)"
SOCKEYE=$(readlink -f "$SOCKEYE")

a=sky-bench-a-$$
b=sky-bench-b-$$
sock=sky-bench-$$
tmp=$(mktemp -d)
pids=()
cleanup()
{
	tmux -L "$sock" kill-server 2>/dev/null || true
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	ip netns del "$a" 2>/dev/null || true
	ip netns del "$b" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

veth_pair "$a" "$b" || { echo "top.sh: cannot make the namespaces" >&2; exit 1; }
ip -n "$a" addr add 10.75.0.1/24 dev va
ip -n "$b" addr add 10.75.0.2/24 dev vb
ip netns exec "$b" iperf3 -s -1 -D -p 5299 --logfile "$tmp/iperf3-s.log"
sleep 0.5
ip netns exec "$a" iperf3 -c 10.75.0.2 -p 5299 -u -l 1000 -b 160M -t $((2 * (secs + warmup) + 30)) \
	>"$tmp/iperf3-c.log" 2>&1 &
pids+=($!)

# CPU ticks (utime + stime) of pid.
ticks()
{
	awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

kib()
{
	awk -v k="$2" '$1 == k ":" { print $2 }' "/proc/$1/status"
}

# run REFRESH_S: sockeye top and ifpps side by side; prints one table row each.
run()
{
	local r=$1 ms s_pid i_pid s0 i0 s1 i1 t0 t1 hz

	ms=$(awk -v r="$r" 'BEGIN { printf "%d", r * 1000 }')
	tmux -L "$sock" new-session -d -s skytop -x 200 -y 60 "exec $SOCKEYE -N $b top -d $r"
	tmux -L "$sock" new-session -d -s skyifpps -x 120 -y 40 "exec ip netns exec $b ifpps -d vb -t $ms"
	sleep "$warmup"
	s_pid=$(tmux -L "$sock" list-panes -t =skytop: -F '#{pane_pid}')
	i_pid=$(tmux -L "$sock" list-panes -t =skyifpps: -F '#{pane_pid}')
	tmux -L "$sock" capture-pane -p -t =skytop: >"$tmp/screen.$r"
	grep -q "8 queues" "$tmp/screen.$r" || die "sockeye top did not draw its panels: $(cat "$tmp/screen.$r")"
	hz=$(getconf CLK_TCK)
	s0=$(ticks "$s_pid")
	i0=$(ticks "$i_pid")
	t0=$(date +%s.%N)
	sleep "$secs"
	s1=$(ticks "$s_pid")
	i1=$(ticks "$i_pid")
	t1=$(date +%s.%N)
	awk -v r="$r" -v d=$((s1 - s0)) -v hz="$hz" -v t0="$t0" -v t1="$t1" \
		-v rss="$(kib "$s_pid" VmRSS)" -v hwm="$(kib "$s_pid" VmHWM)" \
		'BEGIN { printf "| `sockeye -N NS top -d %s` (8 panels) | %.2f%% | %.1f MiB | %.1f MiB |\n",
			 r, d / hz / (t1 - t0) * 100, rss / 1024, hwm / 1024 }'
	awk -v r="$r" -v d=$((i1 - i0)) -v hz="$hz" -v t0="$t0" -v t1="$t1" \
		-v rss="$(kib "$i_pid" VmRSS)" -v hwm="$(kib "$i_pid" VmHWM)" -v ms="$ms" \
		'BEGIN { printf "| `ifpps -d vb -t %s` (one interface) | %.2f%% | %.1f MiB | %.1f MiB |\n",
			 ms, d / hz / (t1 - t0) * 100, rss / 1024, hwm / 1024 }'
	tmux -L "$sock" kill-session -t =skytop
	tmux -L "$sock" kill-session -t =skyifpps
}

{
	echo "| what (same run, side by side) | CPU (% of one core) | RSS | peak RSS |"
	echo "| --- | ---: | ---: | ---: |"
	run 1
	run 0.1
} >"$tmp/table"

btf_mb=$(stat -c %s /sys/kernel/btf/vmlinux 2>/dev/null | awk '{ printf "%.1f", $1 / 1e6 }')
{
	echo "## top"
	echo
	echo "\`bench/top.sh $secs\` ($(date +%F), kernel $(uname -r), $(nproc) CPUs," \
		"$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
		"sockeye $("$SOCKEYE" -V | sed 's/^sockeye //')).  A veth between two"
	echo "namespaces carries iperf3 UDP at 160 Mbit/s (20,000 datagrams/s); \`sockeye top\`"
	echo "(every panel shown, BPF ones attached) and ifpps run side by side in tmux panes;"
	echo "CPU is utime + stime over ${secs} s after a ${warmup} s warm-up, RSS from"
	echo "/proc/PID/status at the end.  Targets: under 1% of a core at 1 s, under 5% at"
	echo "0.1 s, under 20 MiB."
	echo
	cat "$tmp/table"
	echo
	echo "The peak is the start: libbpf parses the kernel's BTF ($btf_mb MB here, held"
	echo "twice while it parses) for each BPF object it loads.  Those blocks are mapped"
	echo "apart from the heap and go back when freed (loader_init); the drop reasons and"
	echo "the kprobe target come from one streaming pass over the BTF file"
	echo "(src/bpf/btf_scan.c), not a parse of their own; top trims the heap before the"
	echo "first frame.  So the parses no longer pile up (the peak was 26 MiB when they"
	echo "did); tests/netns/top_memory.sh keeps it under 20 MiB."
	echo "The BPF programs of the NAPI and drops panels run in the kernel, per poll and"
	echo "per drop: that time is the softirqs', not sockeye's (see the drops section for"
	echo "its cost per drop)."
} >"$tmp/section"
cat "$tmp/section"

# Replace the section (up to the next "## ") or append it.
if [[ -f $results ]]; then
	awk -v f="$tmp/section" '
		/^## / { if (skip) skip = 0; if ($0 == "## top") { skip = 1; while ((getline l < f) > 0) print l; print ""; next } }
		!skip { print }
		END { }' "$results" >"$tmp/results"
	grep -q '^## top$' "$tmp/results" || { echo; cat "$tmp/section"; } >>"$tmp/results"
	cp "$tmp/results" "$results"
else
	{
		echo "# Benchmark results"
		echo
		cat "$tmp/section"
	} >"$results"
fi
