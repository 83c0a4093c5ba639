#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# inject_replay.sh: a looped capture file against the template, sockeye inject against tcpreplay
# and trafgen, 64-byte UDP frames on one veth pair, one core, in one run: packets per second at
# the far end and the sender's user and system CPU per packet.
#
#   sudo bench/inject_replay.sh [BUILD_DIR] [SECONDS] [ROUNDS]
#
# BUILD_DIR holds the sockeye binary (default: the source tree); each sender runs SECONDS
# (default 5) per round, ROUNDS times (default 3), the senders taking turns (each round
# starting one later) so that load from elsewhere falls on all of them alike; the medians
# are printed as Markdown, with each one's ratio to sockeye's template (the same machine,
# the same minutes: on a shared machine the ratios are the figures to read).
#
# The frames: inject -w writes the template's frame once (the 1-packet file) and 100000
# times (the 100k-packet file, 6.4 MB, the same frame each time); trafgen gets the same bytes.
# Every sender loops until it is stopped: sockeye --loop 0, which holds the file in memory
# (--preload, the default when looping), once with --preload 0 (each pass reads the file
# again, as before --preload), tcpreplay --loop 0 --preload-pcap.  All run pinned to CPU 0;
# their destination MAC is one vb does not have, so vb drops the frames as soon as it reads
# the Ethernet header.  sockeye and trafgen go past the qdisc (--qdisc-bypass; trafgen's
# default), tcpreplay cannot, so sockeye also runs the 1-packet file through the qdisc.
# Rates come from vb's receive counter over the middle of each run (the first second
# skipped); CPU is the utime and stime of the sender's processes over the same window
# (/proc/PID/stat, in USER_HZ ticks), divided by the packets.  "per round": the median of
# each round's rate over the template's rate in the same round.
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
build=$(cd "${1:-$src}" && pwd)
secs=${2:-5}
rounds=${3:-3}
SOCKEYE=$build/sockeye
dir=$(mktemp -d) || exit 1
ns1=sky-bench-$$-1
ns2=sky-bench-$$-2

die()
{
	echo "bench/inject_replay.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, packet sockets)"
for c in tcpreplay trafgen python3 ip taskset setsid; do
	command -v "$c" >/dev/null || die "$c not found"
done
[[ -x $SOCKEYE ]] || die "no sockeye in $build"

cleanup()
{
	ip netns del "$ns1" 2>/dev/null
	ip netns del "$ns2" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT

veth_pair "$ns1" "$ns2" || die "cannot make the namespaces and their veth pair"
dst_mac=02:00:00:00:00:99
tmpl=(udp src 10.99.0.1 dst 10.99.0.2:9 len 64)

for n in 1 100000; do
	ip netns exec "$ns1" "$SOCKEYE" inject -i va --dst-mac "$dst_mac" -w "$dir/f$n.pcap" \
		-c "$n" "${tmpl[@]}" 2>/dev/null || die "inject -w failed"
done
python3 - "$dir/f1.pcap" >"$dir/frame.cfg" <<'PY' || die "cannot convert the frame"
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

# utime and stime ticks of the processes of session SID (a sender and its children).
cpu_ticks()
{
	local f line rest u=0 s=0 fields

	for f in /proc/[0-9]*/stat; do
		read -r line 2>/dev/null <"$f" || continue
		rest=${line##*) }
		read -ra fields <<<"$rest"
		# state ppid pgrp session ... utime (12) stime (13), counting from state as 0
		[[ ${fields[3]} == "$1" ]] || continue
		u=$((u + fields[11]))
		s=$((s + fields[12]))
	done
	echo "$u $s"
}

# run CMD...: the sender in namespace 1; sets run_pps, run_user and run_sys (ns per packet).
run()
{
	local pid rx0 rx1 t0 t1 u0 s0 u1 s1 hz

	hz=$(getconf CLK_TCK)
	# A session of its own: trafgen signals its whole process group when it stops.
	setsid ip netns exec "$ns1" "$@" >/dev/null 2>&1 &
	pid=$!
	sleep 1
	rx0=$(rx)
	t0=$(date +%s%N)
	read -r u0 s0 < <(cpu_ticks "$pid")
	sleep "$secs"
	rx1=$(rx)
	t1=$(date +%s%N)
	read -r u1 s1 < <(cpu_ticks "$pid")
	kill -TERM -- -"$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	read -r run_pps run_user run_sys < <(awk -v n=$((rx1 - rx0)) -v ns=$((t1 - t0)) \
		-v u=$((u1 - u0)) -v s=$((s1 - s0)) -v hz="$hz" 'BEGIN {
		n = n ? n : 1
		printf "%.0f %.1f %.1f\n", n * 1e9 / ns, u * 1e9 / hz / n, s * 1e9 / hz / n }')
}

inject=(taskset -c 0 "$SOCKEYE" inject -i va --topspeed)
senders=(
	"inject template|${inject[*]} --dst-mac $dst_mac --qdisc-bypass ${tmpl[*]}"
	"inject -r 1-pkt --loop 0|${inject[*]} --qdisc-bypass -r $dir/f1.pcap --loop 0"
	"inject -r 100k-pkt --loop 0|${inject[*]} --qdisc-bypass -r $dir/f100000.pcap --loop 0"
	"inject -r 1-pkt --loop 0 --preload 0|${inject[*]} --qdisc-bypass -r $dir/f1.pcap --loop 0 --preload 0"
	"inject -r 1-pkt --loop 0 (qdisc path)|${inject[*]} -r $dir/f1.pcap --loop 0"
	"tcpreplay 1-pkt (qdisc path)|taskset -c 0 tcpreplay -i va --topspeed --loop 0 --preload-pcap -q $dir/f1.pcap"
	"tcpreplay 100k-pkt (qdisc path)|taskset -c 0 tcpreplay -i va --topspeed --loop 0 --preload-pcap -q $dir/f100000.pcap"
	"trafgen|trafgen --dev va --conf $dir/frame.cfg --cpus 1"
)
declare -A pps usr sys round_pps
n=${#senders[@]}
for ((r = 1; r <= rounds; r++)); do
	for ((i = 0; i < n; i++)); do
		s=${senders[(i + r - 1) % n]}
		label=${s%%|*}
		run ${s#*|}
		pps[$label]+="$run_pps "
		round_pps[$label,$r]=$run_pps
		usr[$label]+="$run_user "
		sys[$label]+="$run_sys "
		echo "round $r: $label: $run_pps pkt/s, user $run_user, sys $run_sys ns/pkt" >&2
	done
done

median()
{
	tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END {
		print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio()
{
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b ? a / b : 0 }'
}

# The median over the rounds of each round's rate over the template's in that round.
round_ratio()
{
	local r list=

	for ((r = 1; r <= rounds; r++)); do
		list+="$(ratio "${round_pps[$1,$r]}" "${round_pps[inject template,$r]}") "
	done
	printf '%.2f' "$(median "$list")"
}

base=$(median "${pps[inject template]}")
base_u=$(median "${usr[inject template]}")
base_s=$(median "${sys[inject template]}")
echo "| sender | pkt/s (median of $rounds) | vs template | per round | user ns/pkt |" \
	"vs template | sys ns/pkt | vs template | runs (pkt/s) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for s in "${senders[@]}"; do
	label=${s%%|*}
	m=$(median "${pps[$label]}")
	u=$(median "${usr[$label]}")
	y=$(median "${sys[$label]}")
	printf '| %s | %s | %sx | %sx | %s | %sx | %s | %sx | %s|\n' "$label" "$m" \
		"$(ratio "$m" "$base")" "$(round_ratio "$label")" "$u" "$(ratio "$u" "$base_u")" \
		"$y" "$(ratio "$y" "$base_s")" "${pps[$label]}"
done
echo
echo "Commands (DIR: the frames; f1.pcap and f100000.pcap from inject -w):"
for s in "${senders[@]}"; do
	echo "    ip netns exec NS-1 ${s#*|}" | sed -e "s|$dir|DIR|g" -e "s|$build/sockeye|BUILD/sockeye|"
done
