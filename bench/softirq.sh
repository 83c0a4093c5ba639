#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# softirq.sh: what the softirqs panel's BPF time probe costs the receive path: per packet
# (bench/dropflood.c's frames, alone), and the throughput of iperf3 TCP across a veth with
# and without a whole `sockeye top` (every panel) running.
#
#   sudo bench/softirq.sh [SECONDS] [BUILD_DIR]       (5 s per run; from the source dir)
#
# Per packet: dropflood, pinned to CPU 0, sends frames a veth peer drops on the same CPU in
# the NET_RX softirq the send raises, so the probe's time (softirq_entry and _exit, on every
# vector) slows the sender: ns/frame = 1e9/rate(probed) - 1e9/rate(unprobed), against the
# unprobed runs just before and after.  bench/softirq_hold.c holds the probe alone and
# counts the softirqs it saw, for the cost per softirq.  TCP: iperf3 between two namespaces,
# runs alternating without and with `sockeye -N NS top -b -d 1`.
set -euo pipefail

secs=${1:-5}
build=${2:-.}
src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
sockeye=$build/sockeye
a=sky-bsirq-a-$$
b=sky-bsirq-b-$$
tmp=$(mktemp -d)
trap 'ip netns del "$a" 2>/dev/null; ip netns del "$b" 2>/dev/null; rm -rf "$tmp"' EXIT

die()
{
	echo "softirq.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root"
[[ -x $sockeye && -f $build/libsockeye.a && -f $build/config.h ]] ||
	die "no $sockeye or $build/libsockeye.a (give the build dir)"
command -v iperf3 >/dev/null || die "iperf3 not found (apt-get install iperf3)"
cc -O2 -o "$tmp/dropflood" "$src/bench/dropflood.c"
# shellcheck disable=SC2046
cc -O2 -I"$build" -I"$src/src" -o "$tmp/softirq_hold" "$src/bench/softirq_hold.c" \
	"$build/libsockeye.a" $(pkg-config --libs libbpf) -lm
veth_pair "$a" "$b" || { echo "softirq.sh: cannot make the namespaces" >&2; exit 1; }
ip -n "$a" addr add 10.93.0.1/24 dev va
ip -n "$b" addr add 10.93.0.2/24 dev vb
mac=$(ip -n "$b" -j link show vb | jq -r '.[0].address')

# flood: "frames frames_per_s" of one run, pinned to CPU 0.
flood()
{
	ip netns exec "$a" taskset -c 0 "$tmp/dropflood" va "$mac" "$secs" |
		awk '{ printf "%d %.0f\n", $1, $1 / $2 }'
}

# probed [stats]: a flood with the probe alone attached;
# "frames frames_per_s softirqs rx_runs rx_ns prog_ns prog_runs".
probed()
{
	local pid f

	"$tmp/softirq_hold" "$@" >"$tmp/hold" 2>"$tmp/hold.err" &
	pid=$!
	for _ in $(seq 200); do
		grep -qs attached "$tmp/hold" && break
		sleep 0.05
	done
	grep -qs attached "$tmp/hold" || die "the probe did not attach: $(cat "$tmp/hold.err")"
	f=$(flood)
	kill -INT "$pid"
	wait "$pid" || die "softirq_hold failed: $(cat "$tmp/hold.err")"
	echo "$f $(sed -n 's/^softirqs //p' "$tmp/hold")"
}

# tcp: iperf3's received bits per second over one run.
tcp()
{
	ip netns exec "$b" iperf3 -s -1 -D -p 5301 -I "$tmp/iperf3.pid"
	sleep 0.3
	ip netns exec "$a" iperf3 -c 10.93.0.2 -p 5301 -t "$secs" -J |
		jq '.end.sum_received.bits_per_second | floor'
}

# with_top CMD...: CMD while `sockeye -N B top -b -d 1` (every panel) runs.
with_top()
{
	local pid

	"$sockeye" -N "$b" top -b -d 1 -n 100000 >/dev/null 2>"$tmp/top.err" &
	pid=$!
	sleep 2	# its programs attached and its first sample taken
	"$@"
	kill -INT "$pid"
	wait "$pid" || die "sockeye top failed: $(cat "$tmp/top.err")"
}

mean() { awk '{ s += $1 } END { printf "%.0f", s / NR }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

base=() probe=() stats=()
base+=("$(flood | cut -d' ' -f2)")
for i in 1 2 3 4 5; do
	p=$(probed)
	probe+=("$(cut -d' ' -f2 <<<"$p")")
	stats+=("$p")
	base+=("$(flood | cut -d' ' -f2)")
done
ns=()
for i in 0 1 2 3 4; do
	n=$(awk -v r="${probe[i]}" -v b1="${base[i]}" -v b2="${base[i + 1]}" \
		'BEGIN { printf "%.1f", 1e9 / r - 2e9 / (b1 + b2) }')
	ns+=("$n")
done
read -r frames _ sirqs rx_runs rx_ns _ <<<"${stats[4]}"
# Once more with the kernel's run-time statistics on: the time inside the programs.
read -r _ _ _ _ _ prog_ns prog_runs <<<"$(probed stats)"

tb=() tt=()
tb+=("$(tcp)")
for i in 1 2 3; do
	tt+=("$(with_top tcp)")
	tb+=("$(tcp)")
done
tcp_base=$(printf '%s\n' "${tb[@]}" | mean)
tcp_top=$(printf '%s\n' "${tt[@]}" | mean)

echo "kernel $(uname -r), $(nproc) CPUs, $secs s per run, senders pinned to CPU 0 (flood)"
echo "flood frames/s without the probe: ${base[*]}"
echo "flood frames/s with the probe:    ${probe[*]}"
echo "probe cost, ns per frame:         ${ns[*]}  (median $(printf '%s\n' "${ns[@]}" | median))"
echo "softirq runs the probe saw:       $sirqs for $frames frames (last run), $rx_runs of them" \
	"NET_RX, $((rx_ns / (rx_runs ? rx_runs : 1))) ns each"
per_run=$((prog_ns / (prog_runs ? prog_runs : 1)))
echo "inside the programs (BPF_ENABLE_STATS): $prog_runs runs, $per_run ns each," \
	"$((2 * per_run)) ns a softirq (entry + exit)"
echo "iperf3 TCP bit/s without top:     ${tb[*]}  (mean $tcp_base)"
echo "iperf3 TCP bit/s with top -d 1:   ${tt[*]}  (mean $tcp_top)"
awk -v t="$tcp_top" -v b="$tcp_base" 'BEGIN { printf "ratio with/without top: %.3f\n", t / b }'
