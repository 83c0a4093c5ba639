#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# attrib.sh: the cost of process attribution: sockeye sniff -w with and without --process
# beside tcpdump -w, the three capturing the same traffic at once on one veth: a trafgen
# burst (no local socket: every lookup misses, the worst case) and iperf3 UDP between two
# namespaces (every packet has its sockets: lookups hit, and each record gets a comment).
# Root; traffic stays inside two namespaces the script makes and removes.
#
#   sudo bench/attrib.sh [BUILD_DIR] [PACKETS] [SECONDS]
#
# PACKETS: the trafgen burst (default 2000000); SECONDS: the iperf3 run (default 5).
# Prints its figures as Markdown.
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
build=$(cd "${1:-$src}" && pwd)
N=${2:-2000000}
T=${3:-5}
SOCKEYE=$build/sockeye
dir=$(mktemp -d /tmp/sockeye-attrib-bench.XXXXXX)
ticks=$(getconf CLK_TCK)

die()
{
	echo "bench/attrib.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, packet sockets, BPF)"
for c in tcpdump trafgen iperf3 ip; do
	command -v "$c" >/dev/null || die "$c not found"
done
[[ -x $SOCKEYE ]] || die "no sockeye in $build"
ns1=sky-attrib-$$-1
ns2=sky-attrib-$$-2
pids=()

cleanup()
{
	local p

	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null
	done
	ip netns del "$ns1" 2>/dev/null
	ip netns del "$ns2" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT

veth_pair "$ns1" "$ns2" || die "cannot make the namespaces and their veth pair"
ip -n "$ns1" addr add 10.99.0.1/24 dev va || die "address"
ip -n "$ns2" addr add 10.99.0.2/24 dev vb || die "address"
mac_vb=$(ip -n "$ns2" -br link show vb | awk '{ print $3 }')
cat >"$dir/udp.trafgen" <<EOF
{ eth(da=$mac_vb, sa=02:00:00:00:00:01, type=0x0800),
  ipv4(saddr=10.99.0.1, daddr=10.99.0.2, proto=17),
  udp(sport=dinc(10000, 60000), dport=9), fill(0x41, 18) }
EOF

# row WHAT TOOL PID ERRFILE KIND: a table row from the process's utime and its counts.
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
		'BEGIN { printf "| %s | %s | %d | %d | %.0f |\n", w, t, g, d, u / hz / g * 1e9 }'
	per[$tool]=$(awk -v g="$got" -v u="${utime[$pid]}" 'BEGIN { print u / g }')
}

declare -A utime utime0 per

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
	for _ in $(seq 100); do
		[[ $(ip netns exec "$ns2" awk 'NR > 1 && $4 != "0000" && $6 == 1' /proc/net/packet |
			wc -l) -ge 3 ]] && break
		sleep 0.1
	done
	sleep 1
	# The capture's cost, not the start's (the socket scan: seconds on a host of many
	# sockets): user time from just before the load to its end.
	for p in "$ps" "$pa" "$pt"; do
		utime0[$p]=$(awk '{ print $14 }' "/proc/$p/stat")
	done
	"$@"
	sleep 1
	for p in "$ps" "$pa" "$pt"; do
		utime[$p]=$(($(awk '{ print $14 }' "/proc/$p/stat") - ${utime0[$p]}))
	done
	kill -INT "$ps" "$pa" "$pt"
	wait "$ps" "$pa" "$pt"
	row "$what" "sockeye sniff -w" "$ps" "$dir/plain.err" sockeye
	row "$what" "sockeye sniff -w --process" "$pa" "$dir/attrib.err" sockeye
	row "$what" "tcpdump -w" "$pt" "$dir/t.err" tcpdump
	awk -v w="$what" -v p="${per[sockeye sniff -w]}" -v a="${per[sockeye sniff -w --process]}" \
		'BEGIN { printf "| %s | ratio: --process / plain, user CPU per packet | | | %.2f |\n", w, a / p }'
	lookups[$what]=$(grep -A1 LOOKED_UP "$dir/attrib.err" | tail -1)
}
declare -A lookups

trafgen_burst()
{
	ip netns exec "$ns1" taskset -c 0 trafgen -o va -i "$dir/udp.trafgen" -n "$N" -P 1 \
		>/dev/null 2>&1 || die "trafgen failed"
}

iperf_run()
{
	ip netns exec "$ns1" iperf3 -c 10.99.0.2 -u -b 0 -l 64 -t "$T" >/dev/null 2>&1 ||
		die "iperf3 failed"
}

echo "## sniff: the cost of process attribution (bench/attrib.sh)"
echo
echo "Machine: $(nproc) CPUs, kernel $(uname -r), $(tcpdump --version 2>&1 | head -1)."
echo
echo "| load | tool | captured | kernel drops | user ns/packet |"
echo "| --- | --- | ---: | ---: | ---: |"
three "trafgen $N UDP (no local socket)" trafgen_burst
ip netns exec "$ns2" iperf3 -s -D -1 >/dev/null 2>&1 || die "iperf3 -s failed"
sleep 0.5
three "iperf3 -u -l 64 ${T}s (local sockets)" iperf_run
echo
echo "The attribution table at the end (LOOKED_UP ATTRIBUTED ENTRIES CAPACITY EVICTED"
echo "REPLACED SCANNED EVENTS EVENTS_LOST CGROUP_UNKNOWN):"
echo
for w in "${!lookups[@]}"; do
	echo "- $w: \`${lookups[$w]}\`"
done
