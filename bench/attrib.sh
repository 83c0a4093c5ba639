#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# attrib.sh: the cost of process attribution: sockeye sniff -w with and without --process
# beside tcpdump -w, the three capturing the same traffic at once on one veth: a trafgen
# burst (no local socket: every lookup misses, the worst case) and a UDP flood between two
# local sockets in two namespaces (bench/udpflood.c: every packet has its sockets, lookups
# hit, and each record gets a comment).  Each load runs REPS times, fresh captures each
# time; the ratio reported is the median of the runs'.
# Root; traffic stays inside two namespaces the script makes and removes.
#
#   sudo bench/attrib.sh [BUILD_DIR] [PACKETS] [DATAGRAMS] [REPS]
#
# PACKETS: the trafgen burst (default 2000000); DATAGRAMS: the UDP flood (default 3000000);
# REPS: runs of each load (default 3).  Prints its figures as Markdown.
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
build=$(cd "${1:-$src}" && pwd)
N=${2:-2000000}
D=${3:-3000000}
REPS=${4:-3}
SOCKEYE=$build/sockeye
dir=$(mktemp -d /tmp/sockeye-attrib-bench.XXXXXX)
ticks=$(getconf CLK_TCK)

die()
{
	echo "bench/attrib.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, packet sockets, BPF)"
for c in tcpdump trafgen ip cc; do
	command -v "$c" >/dev/null || die "$c not found"
done
[[ -x $SOCKEYE ]] || die "no sockeye in $build"
cc -O2 -o "$dir/udpflood" "$src/bench/udpflood.c" || die "cannot build bench/udpflood.c"
ns1=sky-attrib-$$-1
ns2=sky-attrib-$$-2
pids=()

trap 'pair_cleanup "$dir" "$ns1" "$ns2"' EXIT

veth_pair "$ns1" "$ns2" || die "cannot make the namespaces and their veth pair"
ip -n "$ns1" addr add 10.99.0.1/24 dev va || die "address"
ip -n "$ns2" addr add 10.99.0.2/24 dev vb || die "address"
mac_vb=$(ip -n "$ns2" -br link show vb | awk '{ print $3 }')
cat >"$dir/udp.trafgen" <<EOF
{ eth(da=$mac_vb, sa=02:00:00:00:00:01, type=0x0800),
  ipv4(saddr=10.99.0.1, daddr=10.99.0.2, proto=17),
  udp(sport=dinc(10000, 60000), dport=9), fill(0x41, 18) }
EOF

# cpu_ns PID: the process's CPU time in ns, user and system, every thread (schedstat's
# run time is exact; /proc/PID/stat's utime is that time split by which mode the 4 ms
# ticks found the process in, a sample: few ticks, a wide spread).
cpu_ns()
{
	cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%d", s }'
}

# row WHAT TOOL PID ERRFILE KIND: a table row from the process's times and its counts; the
# sums over the runs (pooled) in sum_user, sum_cpu, sum_got.
row()
{
	local what=$1 tool=$2 pid=$3 err=$4 kind=$5 got drop

	if [[ $kind == sockeye ]]; then
		got=$(awk '$1 == "vb" { print $3 }' "$err")
		drop=$(awk '$1 == "vb" { print $6 }' "$err")
	else
		got=$(awk '/packets captured/ { print $1 }' "$err")
		drop=$(awk '/dropped by kernel/ { print $1 }' "$err")
	fi
	awk -v w="$what" -v t="$tool" -v g="$got" -v d="$drop" -v u="${utime[$pid]}" -v hz="$ticks" \
		-v c="${cpu[$pid]}" \
		'BEGIN { printf "| %s | %s | %d | %d | %.0f | %.0f |\n", w, t, g, d, u / hz / g * 1e9, c / g }'
	per[$tool]=$(awk -v g="$got" -v u="${utime[$pid]}" 'BEGIN { print u / g }')
	sum_user[$what/$tool]=$((${sum_user[$what/$tool]:-0} + ${utime[$pid]}))
	sum_cpu[$what/$tool]=$((${sum_cpu[$what/$tool]:-0} + ${cpu[$pid]}))
	sum_got[$what/$tool]=$((${sum_got[$what/$tool]:-0} + got))
}

declare -A utime utime0 cpu cpu0 per sum_user sum_cpu sum_got

# three WHAT LOAD...: plain sniff -w, sniff -w --process, tcpdump -w, on vb at once, while
# LOAD runs; a row each and the ratio of the first two.
three()
{
	local what=$1 ps pa pt p

	shift
	"$SOCKEYE" -N "$ns2" sniff -i vb --pcapng -w "$dir/plain.pcapng" >/dev/null 2>"$dir/plain.err" &
	ps=$!
	"$SOCKEYE" -N "$ns2" sniff -i vb --pcapng -w "$dir/attrib.pcapng" --process \
		>/dev/null 2>"$dir/attrib.err" &
	pa=$!
	ip netns exec "$ns2" tcpdump -i vb -w "$dir/t.pcap" >/dev/null 2>"$dir/t.err" &
	pt=$!
	pids+=("$ps" "$pa" "$pt")
	# --process binds its ring after the socket scan: seconds on a busy host.  A run that
	# started a capture late would compare different packets: none starts before all three.
	for ((i = 0; ; i++)); do
		[[ $(ip netns exec "$ns2" awk 'NR > 1 && $4 != "0000" && $6 == 1' /proc/net/packet |
			wc -l) -ge 3 ]] && break
		((i < 600)) || die "the three captures did not start within a minute"
		sleep 0.1
	done
	sleep 1
	# The capture's cost, not the start's (the socket scan: seconds on a host of many
	# sockets): user time from just before the load to its end.
	for p in "$ps" "$pa" "$pt"; do
		utime0[$p]=$(awk '{ print $14 }' "/proc/$p/stat")
		cpu0[$p]=$(cpu_ns "$p")
	done
	"$@"
	sleep 1
	for p in "$ps" "$pa" "$pt"; do
		utime[$p]=$(($(awk '{ print $14 }' "/proc/$p/stat") - ${utime0[$p]}))
		cpu[$p]=$(($(cpu_ns "$p") - ${cpu0[$p]}))
	done
	kill -INT "$ps" "$pa" "$pt"
	wait "$ps" "$pa" "$pt"
	row "$what" "sockeye sniff -w" "$ps" "$dir/plain.err" sockeye
	row "$what" "sockeye sniff -w --process" "$pa" "$dir/attrib.err" sockeye
	row "$what" "tcpdump -w" "$pt" "$dir/t.err" tcpdump
	ratio=$(awk -v p="${per[sockeye sniff -w]}" -v a="${per[sockeye sniff -w --process]}" \
		'BEGIN { printf "%.2f", a / p }')
	echo "| $what | ratio: --process / plain, user CPU per packet | | | $ratio | |"
	ratios[$what]+=" $ratio"
	lookups[$what]=$(grep -A1 LOOKED_UP "$dir/attrib.err" | tail -1)
}
declare -A lookups ratios

trafgen_burst()
{
	ip netns exec "$ns1" taskset -c 0 trafgen -o va -i "$dir/udp.trafgen" -n "$N" -P 1 \
		>/dev/null 2>&1 || die "trafgen failed"
}

udp_flood()
{
	ip netns exec "$ns1" taskset -c 0 "$dir/udpflood" send 10.99.0.2 9000 "$D" >/dev/null ||
		die "udpflood failed"
}

echo "## sniff: the cost of process attribution (bench/attrib.sh)"
echo
echo "Machine: $(nproc) CPUs, kernel $(uname -r), $(tcpdump --version 2>&1 | head -1)."
echo
echo "Each run: user ns/packet from utime (ticks), CPU ns/packet (user + system) from schedstat."
echo
echo "| load | tool | captured | kernel drops | user ns/packet | CPU ns/packet |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
ip netns exec "$ns2" "$dir/udpflood" recv 9000 &
pids+=($!)
sleep 0.5
# Alternating the loads, so a change in the machine's load falls on both.
for _ in $(seq "$REPS"); do
	three "trafgen $N UDP (no local socket)" trafgen_burst
	three "udpflood $D UDP (local sockets)" udp_flood
done
echo
echo "Pooled over the $REPS runs (the sums of times over the sums of packets), and the"
echo "median of the runs' own user ratios:"
echo
echo "| load | tool | user ns/packet | CPU ns/packet |"
echo "| --- | --- | ---: | ---: |"
for w in "${!ratios[@]}"; do
	for t in "sockeye sniff -w" "sockeye sniff -w --process" "tcpdump -w"; do
		awk -v w="$w" -v t="$t" -v u="${sum_user[$w/$t]}" -v c="${sum_cpu[$w/$t]}" \
			-v g="${sum_got[$w/$t]}" -v hz="$ticks" \
			'BEGIN { printf "| %s | %s | %.1f | %.1f |\n", w, t, u / hz / g * 1e9, c / g }'
	done
	p="$w/sockeye sniff -w"
	a="$w/sockeye sniff -w --process"
	awk -v w="$w" -v pu="${sum_user[$p]}" -v pc="${sum_cpu[$p]}" -v pg="${sum_got[$p]}" \
		-v au="${sum_user[$a]}" -v ac="${sum_cpu[$a]}" -v ag="${sum_got[$a]}" \
		'BEGIN { printf "| %s | ratio --process / plain | %.2f | %.2f |\n", w,
			 (au / ag) / (pu / pg), (ac / ag) / (pc / pg) }'
	# shellcheck disable=SC2086
	echo "| $w | median of the runs' user ratios ($(echo ${ratios[$w]})) |" \
		"$(printf '%s\n' ${ratios[$w]} | sort -n |
		awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }') | |"
done
echo
echo "The attribution table at the end (LOOKED_UP ATTRIBUTED ENTRIES CAPACITY EVICTED"
echo "REPLACED SCANNED EVENTS EVENTS_LOST CGROUP_UNKNOWN):"
echo
for w in "${!lookups[@]}"; do
	echo "- $w: \`${lookups[$w]}\`"
done
