#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# drops.sh: the in-kernel cost of one drop under sockeye drops (summary and events) and under
# bpftrace counting the same, from a drop-heavy load's rate with and without them; and the
# attach and detach times.  Run as root from a build dir: bench/drops.sh [SECONDS] [BUILD_DIR]
#
# The load: one process pinned to a CPU sends Ethernet frames with a bad IPv4 header checksum
# from a packet socket (qdisc bypassed, sendmmsg) into a veth; the peer, in another network
# namespace, drops each (IP_CSUM) on the same CPU, in the softirq the send raises, so every
# nanosecond a drop costs slows the sender.  ns per drop = 1e9/rate(traced) - 1e9/rate(untraced).
# Each traced run alternates with an untraced one, to average out the machine's drift.
set -euo pipefail

secs=${1:-5}
build=${2:-.}
src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
sockeye=$build/sockeye
ns=sky-bench-$$
peer=sky-bench-peer-$$
tmp=$(mktemp -d)
trap 'ip netns del "$ns" 2>/dev/null; ip netns del "$peer" 2>/dev/null; rm -rf "$tmp"' EXIT

[[ $(id -u) -eq 0 ]] || { echo "drops.sh: needs root" >&2; exit 1; }
[[ -x $sockeye ]] || { echo "drops.sh: no $sockeye (give the build dir)" >&2; exit 1; }
cc -O2 -o "$tmp/dropflood" "$src/bench/dropflood.c"
veth_pair "$peer" "$ns" || { echo "drops.sh: cannot make the namespaces" >&2; exit 1; }
ip -n "$ns" addr add 10.94.0.2/24 dev vb
mac=$(ip -n "$ns" -j link show vb | jq -r '.[0].address')

# flood: prints "frames_sent drops_per_s" of one run, pinned to CPU 0.
flood()
{
	ip netns exec "$peer" taskset -c 0 "$tmp/dropflood" va "$mac" "$secs" |
		awk '{ printf "%d %.0f\n", $1, $1 / $2 }'
}
rate() { cut -d' ' -f2 <<<"$1"; }

# with_tracer NAME CMD...: the flood's rate while CMD runs (started, attached, stopped after).
with_tracer()
{
	local name=$1 pid

	shift
	"$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
	pid=$!
	for _ in $(seq 200); do
		grep -qs -e "attached with" -e "Attaching" "$tmp/$name.err" "$tmp/$name.out" && break
		sleep 0.05
	done
	sleep 0.5
	flood >"$tmp/$name.rate"
	kill -INT "$pid"
	wait "$pid" || true
}

base1=$(rate "$(flood)")
with_tracer summary "$sockeye" -v -j drops -i 3600
base2=$(rate "$(flood)")
with_tracer events "$sockeye" -v -j drops --events
base3=$(rate "$(flood)")
with_tracer bpftrace unshare -m sh -c 'mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null;
	exec bpftrace -e "tracepoint:skb:kfree_skb { @[args->reason] = count(); }"'
base4=$(rate "$(flood)")
base=$(( (base1 + base2 + base3 + base4) / 4 ))

# ns_per RATE BEFORE AFTER: against the untraced runs just before and after it.
ns_per()
{
	awk -v r="$1" -v b=$((($2 + $3) / 2)) 'BEGIN { printf "%.0f", 1e9 / r - 1e9 / b }'
}
read -r sum_sent sum_rate <"$tmp/summary.rate"
read -r _ ev_rate <"$tmp/events.rate"
read -r _ bt_rate <"$tmp/bpftrace.rate"
# Every machine-wide drop is counted; the flood's own are those of its namespace.
ino=$(stat -L -c %i "/run/netns/$ns")
sum_count=$(jq -s --argjson i "$ino" '[.[].drops[] | select(.netns_ino == $i and
	.reason == "IP_CSUM") | .count] | add // 0' "$tmp/summary.out")
ev_totals=$(jq -c 'select(.type == "drop_stats") | .totals' "$tmp/events.out")
attach=$(sed -n 's/.*attached with [a-z_]* in \([0-9.]*\) ms/\1/p' "$tmp/summary.err")
detach=$(sed -n 's/.*detached in \([0-9.]*\) ms/\1/p' "$tmp/summary.err")
bt_count=$(sed -n 's/^@\[[0-9]*\]: //p' "$tmp/bpftrace.out" | awk '{ s += $1 } END { print s + 0 }')

echo "kernel $(uname -r), $(nproc) CPUs, $secs s per run, sender pinned to CPU 0"
printf '%-28s %12s %10s %s\n' run "drops/s" "ns/drop" notes
printf '%-28s %12s %10s %s\n' "no tracing" "$base" - "between the others: $base1 $base2 $base3 $base4"
printf '%-28s %12s %10s %s\n' "sockeye drops (summary)" "$sum_rate" \
	"$(ns_per "$sum_rate" "$base1" "$base2")" \
	"counted $sum_count IP_CSUM drops of the $sum_sent frames sent"
printf '%-28s %12s %10s %s\n' "sockeye drops --events" "$ev_rate" \
	"$(ns_per "$ev_rate" "$base2" "$base3")" "totals $ev_totals"
printf '%-28s %12s %10s %s\n' "bpftrace count by reason" "$bt_rate" \
	"$(ns_per "$bt_rate" "$base3" "$base4")" "counted $bt_count drops (machine-wide)"
echo "sockeye attach ${attach} ms, detach ${detach} ms"
