#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# inject.sh: sockeye inject --topspeed against trafgen, 64-byte UDP frames on a veth pair, one
# core each, in one run: packets per second at the far end and CPU per packet; then 2 workers.
#
#   sudo bench/inject.sh [BUILD_DIR] [SECONDS] [ROUNDS] [route]
#
# BUILD_DIR holds the sockeye binary (default: the source tree); each sender runs SECONDS
# (default 5) per round, ROUNDS times (default 7), the senders taking turns (each round
# starting one later) so that load from elsewhere falls on all of them alike; the medians
# are printed as Markdown.
#
# Both send the same frame (inject -w writes it, trafgen gets its bytes) from namespace 1
# to vb.  Its destination MAC is one vb does not have, so vb's stack drops it as soon as
# it reads the Ethernet header and the figures are the senders'; with "route" it is vb's
# MAC, and as vb's namespace has no address the frame is dropped later, in IP routing.
# Either way on the sending CPU, in the softirq the send raises.  Rates come
# from vb's receive counter over the middle of each run (the first second skipped); CPU
# per packet is the busy time of the cores used (/proc/stat) over the same window divided
# by the packets, which counts the receiving softirq as well.  trafgen bypasses the qdisc
# by default, so inject runs with --qdisc-bypass too (and once without, for comparison).
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
build=$(cd "${1:-$src}" && pwd)
secs=${2:-5}
rounds=${3:-7}
rx_mode=${4:-otherhost}
SOCKEYE=$build/sockeye
dir=$(mktemp -d) || exit 1
ns1=sky-bench-$$-1
ns2=sky-bench-$$-2

die()
{
	echo "bench/inject.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, packet sockets)"
for c in trafgen python3 ip taskset setsid; do
	command -v "$c" >/dev/null || die "$c not found"
done
[[ -x $SOCKEYE ]] || die "no sockeye in $build"
[[ $(nproc) -ge 2 ]] || die "needs 2 CPUs (one core each, then 2 workers)"

cleanup()
{
	ip netns del "$ns1" 2>/dev/null
	ip netns del "$ns2" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT

veth_pair "$ns1" "$ns2" || die "cannot make the namespaces and their veth pair"
dst_mac=02:00:00:00:00:99
[[ $rx_mode == route ]] && dst_mac=$(ip -n "$ns2" -br link show vb | awk '{ print $3 }')
tmpl=(udp src 10.99.0.1 dst 10.99.0.2:9 len 64)

# The frame, once: inject writes it, trafgen gets the same bytes.
ip netns exec "$ns1" "$SOCKEYE" inject -i va --dst-mac "$dst_mac" -w "$dir/frame.pcap" -c 1 \
	"${tmpl[@]}" 2>/dev/null || die "inject -w failed"
python3 - "$dir/frame.pcap" >"$dir/frame.cfg" <<'PY' || die "cannot convert the frame"
import struct, sys
data = open(sys.argv[1], "rb").read()
caplen = struct.unpack("<I", data[24 + 8:24 + 12])[0]
frame = data[40:40 + caplen]
print("{ " + ", ".join("0x%02x" % b for b in frame) + " }")
PY

rx()
{
	ip netns exec "$ns2" cat /sys/class/net/vb/statistics/rx_packets
}

# Busy USER_HZ ticks of CPUs 0 and 1 (all but idle and iowait), summed over the list given.
busy_ticks()
{
	awk -v list=" $* " '$1 ~ /^cpu[0-9]+$/ && index(list, " " substr($1, 4) " ") {
		t += $2 + $3 + $4 + $7 + $8 + $9 } END { print t }' /proc/stat
}

# run CPUS CMD...: the sender in namespace 1; sets run_pps and run_ns (CPU ns per packet).
run()
{
	local cpus=$1 pid rx0 rx1 t0 t1 b0 b1 hz

	shift
	hz=$(getconf CLK_TCK)
	# A session of its own: trafgen signals its whole process group when it stops.
	setsid ip netns exec "$ns1" "$@" >/dev/null 2>&1 &
	pid=$!
	sleep 1
	rx0=$(rx)
	t0=$(date +%s%N)
	b0=$(busy_ticks $cpus)
	sleep "$secs"
	rx1=$(rx)
	t1=$(date +%s%N)
	b1=$(busy_ticks $cpus)
	# TERM to the whole group: trafgen's workers ignore the INT a background job gets.
	kill -TERM -- -"$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	read -r run_pps run_ns < <(awk -v n=$((rx1 - rx0)) -v ns=$((t1 - t0)) -v b=$((b1 - b0)) \
		-v hz="$hz" 'BEGIN { printf "%.0f %.0f\n", n * 1e9 / ns, b * 1e9 / hz / n }')
}

inject1=(taskset -c 0 "$SOCKEYE" inject -i va --dst-mac "$dst_mac" --topspeed)
senders=(
	"trafgen|0|trafgen --dev va --conf $dir/frame.cfg --cpus 1"
	"inject --qdisc-bypass|0|${inject1[*]} --qdisc-bypass ${tmpl[*]}"
	"inject --qdisc-bypass --tpacket-version 3|0|${inject1[*]} --qdisc-bypass --tpacket-version 3 ${tmpl[*]}"
	"inject (qdisc path)|0|${inject1[*]} ${tmpl[*]}"
	"trafgen --cpus 2|0 1|trafgen --dev va --conf $dir/frame.cfg --cpus 2"
	"inject --qdisc-bypass --cpus 2|0 1|$SOCKEYE inject -i va --dst-mac $dst_mac --topspeed --qdisc-bypass --cpus 2 ${tmpl[*]}"
)
declare -A pps cpu
n=${#senders[@]}
for ((r = 1; r <= rounds; r++)); do
	# Each round starts one sender later: no sender always runs after the same one.
	for ((i = 0; i < n; i++)); do
		s=${senders[(i + r - 1) % n]}
		IFS='|' read -r label cpus cmd <<<"$s"
		run "$cpus" $cmd
		pps[$label]+="$run_pps "
		cpu[$label]+="$run_ns "
		echo "round $r: $label: $run_pps pkt/s, $run_ns ns/pkt" >&2
	done
done

median()
{
	tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END {
		print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

base=$(median "${pps[trafgen]}")
base2=$(median "${pps[trafgen --cpus 2]}")
one=$(median "${pps[inject --qdisc-bypass]}")
echo "| sender | cores | pkt/s (median of $rounds) | vs trafgen | CPU ns/pkt | runs (pkt/s) |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
for s in "${senders[@]}"; do
	IFS='|' read -r label cpus _ <<<"$s"
	m=$(median "${pps[$label]}")
	ref=$base
	[[ $cpus == "0 1" ]] && ref=$base2
	printf '| %s | %d | %s | %.2fx | %s | %s|\n' "$label" "$(wc -w <<<"$cpus")" "$m" \
		"$(awk -v a="$m" -v b="$ref" 'BEGIN { print a / b }')" \
		"$(median "${cpu[$label]}")" "${pps[$label]}"
done
two=$(median "${pps[inject --qdisc-bypass --cpus 2]}")
echo
echo "inject scaling, 1 -> 2 workers: $(awk -v a="$two" -v b="$one" 'BEGIN { printf "%.2fx", a / b }')"
