#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace.sh: the in-kernel cost per packet of sockeye trace, for a packet its filter selects
# (followed through its hops to its drop) and for one it turns down, against
# an untraced run and against bpftrace doing the same work (bench/trace.bt); and the attach and
# detach times.  Run as root from a build dir: bench/trace.sh [SECONDS] [BUILD_DIR]
#
# "selected" runs --summary (counted in the kernel: no event per packet); "per packet" the same
# filter without it (a record per packet to user space, the NDJSON written and only its last
# line, the totals, kept: hundreds of MB otherwise).
#
# The load is drops.sh's: bench/dropflood.c, pinned to CPU 0, sends UDP frames with a bad IPv4
# header checksum into a veth; the peer drops each (IP_CSUM) on the same CPU in the softirq the
# send raises, so the time the tracepoints cost slows the sender.  Each frame passes
# net_dev_start_xmit, netif_rx (the first hop: the filter), net_dev_xmit, netif_receive_skb and
# kfree_skb.  ns per packet = 1e9/rate(traced) - 1e9/rate(untraced), the untraced runs just
# before and after.  sockeye runs on CPU 1 with --summary (its reading is not the sender's).
# On a busy machine the rates also carry what the tracer's user space takes from the others, so
# the kernel's own account is given too: kernel.bpf_stats_enabled on for the run, the tracer's
# programs' run time over the flood divided by the frames sent ("kernel ns/frame"), and per
# program (per hop) its runs and ns per run.  RING=SIZE sets sockeye's --ring-size (default: its
# own default, 4M): a ring far larger than the caches costs a cache miss per line written.
# ATTACH=raw_tp measures sockeye's fallback (--attach).
set -euo pipefail

secs=${1:-5}
build=${2:-.}
src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
sockeye=$build/sockeye
ns=sky-btrace-$$
peer=sky-btrace-peer-$$
tmp=$(mktemp -d)
stats_was=$(sysctl -n kernel.bpf_stats_enabled)
tracer_pid=
trap '[[ -z $tracer_pid ]] || kill -INT "$tracer_pid" 2>/dev/null
	ip netns del "$ns" 2>/dev/null; ip netns del "$peer" 2>/dev/null; rm -rf "$tmp"
	sysctl -qw kernel.bpf_stats_enabled="$stats_was"' EXIT
# STATS=0 leaves the kernel's BPF run-time counting off (it reads the clock twice around each
# program run, for both tracers): the CPU column without it, the kernel column then empty.
sysctl -qw kernel.bpf_stats_enabled="${STATS:-1}"

[[ $(id -u) -eq 0 ]] || { echo "trace.sh: needs root" >&2; exit 1; }
[[ -x $sockeye ]] || { echo "trace.sh: no $sockeye (give the build dir)" >&2; exit 1; }
cc -O2 -o "$tmp/dropflood" "$src/bench/dropflood.c"
veth_pair "$peer" "$ns" || { echo "trace.sh: cannot make the namespaces" >&2; exit 1; }
ip -n "$ns" addr add 10.94.0.2/24 dev vb
mac=$(ip -n "$ns" -j link show vb | jq -r '.[0].address')

# ksoftirqd_ticks: CPU 0's ksoftirqd's CPU time so far, in clock ticks (the softirq work the
# sender's context left to it is charged there, not to the sender).
ksoftirqd_ticks()
{
	awk '{ print $14 + $15 }' /proc/"$(pgrep -x ksoftirqd/0)"/stat
}

# flood: prints "frames_sent frames_per_s cpu_ns_per_frame" of one run, pinned to CPU 0.  The
# CPU time is the sender's own (the softirq that receives and drops each frame runs in its
# context) plus ksoftirqd/0's over the run: unlike the rate, it does not move with the time
# other processes take from CPU 0.
flood()
{
	local k0 k1 out

	k0=$(ksoftirqd_ticks)
	out=$(ip netns exec "$peer" taskset -c 0 "$tmp/dropflood" va "$mac" "$secs")
	k1=$(ksoftirqd_ticks)
	awk -v k=$((k1 - k0)) -v hz="$(getconf CLK_TCK)" \
		'{ printf "%d %.0f %.1f\n", $1, $1 / $2, ($3 + k / hz) * 1e9 / $1 }' <<<"$out"
}
rate() { cut -d' ' -f2 <<<"$1"; }
cpuns() { cut -d' ' -f3 <<<"$1"; }

# prog_stats IDS...: per program of these, "name run_time_ns run_cnt", one a line.
prog_stats()
{
	bpftool prog show -j | jq -r --arg ids " $* " '.[] | select(.id as $i | $ids | contains(" \($i) "))
		| "\(.name // "-")#\(.id) \(.run_time_ns // 0) \(.run_cnt // 0)"'  | sort
}

# prog_time IDS...: the run time in ns of these BPF programs so far, summed.
prog_time()
{
	bpftool prog show -j | jq --arg ids " $* " '[.[] | select(.id as $i | $ids | contains(" \($i) "))
		| .run_time_ns // 0] | add // 0'
}

# with_tracer NAME CMD...: the flood's rate while CMD runs (started, attached, stopped after),
# and in NAME.kns the run time of the programs it loaded over the flood.  TAIL=1: only the last
# line of its output is kept.
with_tracer()
{
	local name=$1 pid ids t0 t1

	shift
	if [[ -n ${TAIL:-} ]]; then
		taskset -c 1 "$@" > >(tail -n 1 >"$tmp/$name.out") 2>"$tmp/$name.err" &
	else
		taskset -c 1 "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
	fi
	pid=$!
	tracer_pid=$pid
	for _ in $(seq 200); do
		grep -qs -e "attached with" -e "Attaching" "$tmp/$name.err" "$tmp/$name.out" && break
		sleep 0.05
	done
	sleep 0.5
	# The programs the tracer holds (its fds' prog_id), not others loaded meanwhile.
	ids=$(grep -hs '^prog_id:' /proc/"$pid"/fdinfo/* | awk '{ print $2 }' | sort -u | tr '\n' ' ')
	prog_stats $ids >"$tmp/$name.p0"
	t0=$(prog_time $ids)
	flood >"$tmp/$name.rate"
	t1=$(prog_time $ids)
	prog_stats $ids >"$tmp/$name.p1"
	echo $((t1 - t0)) >"$tmp/$name.kns"
	kill -INT "$pid"
	# A tracer that does not stop (bpftrace once hung at load 12) ends the run, not the bench.
	for _ in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" || true
	tracer_pid=
	for _ in $(seq 50); do
		[[ -s $tmp/$name.out ]] && break
		sleep 0.1
	done
}

u1=$(flood); base1=$(rate "$u1")
ring=(${RING:+--ring-size "$RING"} ${ATTACH:+--attach "$ATTACH"})
with_tracer selected "$sockeye" -v -j trace --summary "${ring[@]}" udp and dst host 10.94.0.2 and dst port 9
u2=$(flood); base2=$(rate "$u2")
TAIL=1 with_tracer perpkt "$sockeye" -v -j trace "${ring[@]}" udp and dst host 10.94.0.2 and dst port 9
u2b=$(flood); base2b=$(rate "$u2b")
with_tracer filtered "$sockeye" -v -j trace --summary "${ring[@]}" udp and dst port 10
u3=$(flood); base3=$(rate "$u3")
with_tracer bpftrace unshare -m sh -c 'mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null;
	exec bpftrace "$0"' "$src/bench/trace.bt"
u4=$(flood); base4=$(rate "$u4")
base=$(( (base1 + base2 + base2b + base3 + base4) / 5 ))

# cpu_per NAME BEFORE AFTER: the sender's CPU ns per frame while NAME ran, less the untraced
# runs' just before and after it (the lines flood printed).
cpu_per()
{
	awk -v t="$(cpuns "$(cat "$tmp/$1.rate")")" -v b="$(cpuns "$2")" -v a="$(cpuns "$3")" \
		'BEGIN { printf "%.0f", t - (b + a) / 2 }'
}

# ns_per RATE BEFORE AFTER: against the untraced runs just before and after it.
ns_per()
{
	awk -v r="$1" -v b=$((($2 + $3) / 2)) 'BEGIN { printf "%.0f", 1e9 / r - 1e9 / b }'
}
read -r sel_sent sel_rate _ <"$tmp/selected.rate"
read -r pp_sent pp_rate _ <"$tmp/perpkt.rate"
read -r filt_sent filt_rate _ <"$tmp/filtered.rate"
read -r bt_sent bt_rate _ <"$tmp/bpftrace.rate"
# kns NAME SENT: the tracer's programs' run time per frame sent.
kns() { awk -v t="$(cat "$tmp/$1.kns")" -v n="$2" 'BEGIN { printf "%.0f", t / n }'; }
sel_stats=$(jq -c 'select(.type == "trace_stats") | {packets, lost_events, evicted, unfinished}' \
	"$tmp/selected.out")
sel_pairs=$(jq -c 'select(.type == "trace_summary") | .fates' "$tmp/selected.out")
pp_stats=$(jq -c 'select(.type == "trace_stats") | {packets, lost_events, evicted, unfinished}' \
	"$tmp/perpkt.out")
filt_stats=$(jq -c 'select(.type == "trace_stats") | {packets, filtered_out}' "$tmp/filtered.out")
bt_count=$(sed -n 's/^@done: //p' "$tmp/bpftrace.out")
attach=$(sed -n 's/.*attached with [a-z_]* in \([0-9.]*\) ms/\1/p' "$tmp/selected.err")
attach2=$(sed -n 's/.*attached with [a-z_]* in \([0-9.]*\) ms/\1/p' "$tmp/filtered.err")
detach=$(sed -n 's/.*detached in \([0-9.]*\) ms/\1/p' "$tmp/selected.err")

echo "kernel $(uname -r), $(nproc) CPUs, $secs s per run, sender pinned to CPU 0, tracer to CPU 1"
echo "load: $(uptime | sed 's/.*load average/load average/')"
printf '%-34s %10s %9s %11s %12s %s\n' run "frames/s" "ns/frame" "CPU ns/fr" "kernel ns/fr" notes
printf '%-34s %10s %9s %11s %12s %s\n' "no tracing" "$base" - \
	"$(awk -v a="$(cpuns "$u1")" -v b="$(cpuns "$u4")" 'BEGIN { printf "%.0f", (a + b) / 2 }')" - \
	"between the others: $base1 $base2 $base2b $base3 $base4; CPU ns/frame $(cpuns "$u1")" \
	"$(cpuns "$u2") $(cpuns "$u2b") $(cpuns "$u3") $(cpuns "$u4")"
printf '%-34s %10s %9s %11s %12s %s\n' "sockeye trace, selected" "$sel_rate" \
	"$(ns_per "$sel_rate" "$base1" "$base2")" "$(cpu_per selected "$u1" "$u2")" \
	"$(kns selected "$sel_sent")" "$sel_sent sent; $sel_stats $sel_pairs"
printf '%-34s %10s %9s %11s %12s %s\n' "sockeye trace, selected, per packet" "$pp_rate" \
	"$(ns_per "$pp_rate" "$base2" "$base2b")" "$(cpu_per perpkt "$u2" "$u2b")" \
	"$(kns perpkt "$pp_sent")" "$pp_sent sent; $pp_stats"
printf '%-34s %10s %9s %11s %12s %s\n' "sockeye trace, filtered out" "$filt_rate" \
	"$(ns_per "$filt_rate" "$base2b" "$base3")" "$(cpu_per filtered "$u2b" "$u3")" \
	"$(kns filtered "$filt_sent")" "$filt_stats"
printf '%-34s %10s %9s %11s %12s %s\n' "bpftrace trace.bt (same work)" "$bt_rate" \
	"$(ns_per "$bt_rate" "$base3" "$base4")" "$(cpu_per bpftrace "$u3" "$u4")" \
	"$(kns bpftrace "$bt_sent")" "followed to the fate: ${bt_count:-0}"
echo "sockeye attach ${attach} ms and ${attach2} ms, detach ${detach} ms"
# per_prog NAME SENT: each program that ran over the flood: runs per frame sent, ns per run.
per_prog()
{
	join "$tmp/$1.p0" "$tmp/$1.p1" 2>/dev/null | awk -v n="$2" -v who="$1" '$5 > $3 {
		printf "  %-10s %-34s %5.2f runs/frame %6.0f ns/run\n", who, $1, ($5 - $3) / n,
			($4 - $2) / ($5 - $3) }'
}
echo "per program (the kernel's account):"
per_prog selected "$sel_sent"
per_prog perpkt "$pp_sent"
per_prog filtered "$filt_sent"
per_prog bpftrace "$bt_sent"
