#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff.sh: sockeye sniff side by side with tcpdump: live capture to a file and live decode
# (kernel drops, user CPU per packet), decoding a big file, a capture of ~500k TCP flows
# (relative sequence numbers), and memory while reading.  Root; traffic stays inside two
# network namespaces joined by a veth pair that the script makes and removes.
#
#   sudo bench/sniff.sh [BUILD_DIR] [PACKETS]
#
# BUILD_DIR holds the sockeye binary (default: the source tree); PACKETS is the live burst
# (default 10000000).  Generated captures are kept in $SNIFF_BENCH_DIR (default
# /tmp/sockeye-sniff-bench) for reruns.  Prints its figures as Markdown.
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
build=$(cd "${1:-$src}" && pwd)
N=${2:-10000000}
SOCKEYE=$build/sockeye
dir=${SNIFF_BENCH_DIR:-/tmp/sockeye-sniff-bench}
PYTHON=$(command -v /usr/bin/python3 || command -v python3)
export TZ=UTC

die()
{
	echo "bench/sniff.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, packet sockets)"
for c in tcpdump trafgen hyperfine jq ip "$PYTHON"; do
	command -v "$c" >/dev/null || die "$c not found"
done
[[ -x $SOCKEYE ]] || die "no sockeye in $build"
mkdir -p "$dir" || die "cannot make $dir"
ns1=sky-bench-$$-1
ns2=sky-bench-$$-2
pids=()

# the capture files in $dir stay for a look after the run
trap 'pair_cleanup "" "$ns1" "$ns2"' EXIT

veth_pair "$ns1" "$ns2" || die "cannot make the namespaces and their veth pair"
mac_vb=$(ip -n "$ns2" -br link show vb | awk '{ print $3 }')
cat >"$dir/udp.trafgen" <<EOF
{ eth(da=$mac_vb, sa=02:00:00:00:00:01, type=0x0800),
  ipv4(saddr=10.99.0.1, daddr=10.99.0.2, proto=17),
  udp(sport=dinc(10000, 60000), dport=9), fill(0x41, 18) }
EOF

# utime of a process in seconds, from /proc (clock ticks).
ticks=$(getconf CLK_TCK)

# capture_pair WHAT SOCKEYE_ARGS -- TCPDUMP_ARGS: both capture the same trafgen burst of N
# packets on vb at once; prints a Markdown table row for each.
capture_pair()
{
	local what=$1 sk=() td=() p pid_s pid_t t0 t1 us ut got_s got_t drop_s drop_t

	shift
	while [[ $1 != -- ]]; do sk+=("$1"); shift; done
	shift
	td=("$@")
	ip netns exec "$ns2" "$SOCKEYE" sniff -n -i vb "${sk[@]}" >/dev/null 2>"$dir/s.err" &
	pid_s=$!
	pids+=("$pid_s")
	ip netns exec "$ns2" tcpdump -i vb "${td[@]}" >/dev/null 2>"$dir/t.err" &
	pid_t=$!
	pids+=("$pid_t")
	# Both rings bound: two running packet sockets in ns2.
	for _ in $(seq 100); do
		[[ $(ip netns exec "$ns2" awk 'NR > 1 && $4 != "0000" && $6 == 1' /proc/net/packet |
			wc -l) -ge 2 ]] && break
		sleep 0.1
	done
	sleep 0.5
	t0=$(date +%s%N)
	ip netns exec "$ns1" taskset -c 0 trafgen -o va -i "$dir/udp.trafgen" -n "$N" -P 1 \
		>/dev/null 2>&1 || die "trafgen failed"
	t1=$(date +%s%N)
	sleep 1
	us=$(awk '{ print $14 }' "/proc/$pid_s/stat")
	ut=$(awk '{ print $14 }' "/proc/$pid_t/stat")
	kill -INT "$pid_s" "$pid_t"
	wait "$pid_s" "$pid_t"
	# sniff's stats table: IFACE CAPTURED MATCHED WRITTEN KERNEL_RECEIVED KERNEL_DROPS FREEZE_Q
	got_s=$(awk '$1 == "vb" { print $3 }' "$dir/s.err")
	drop_s=$(awk '$1 == "vb" { print $6 }' "$dir/s.err")
	got_t=$(awk '/packets captured/ { print $1 }' "$dir/t.err")
	drop_t=$(awk '/dropped by kernel/ { print $1 }' "$dir/t.err")
	rate=$((N * 1000 / ((t1 - t0) / 1000000)))
	awk -v w="$what" -v r="$rate" -v gs="$got_s" -v ds="$drop_s" -v us="$us" -v gt="$got_t" \
		-v dt="$drop_t" -v ut="$ut" -v hz="$ticks" 'BEGIN {
		printf "| %s | sockeye | %d | %d | %d | %.0f |\n", w, r, gs, ds, us / hz / gs * 1e9
		printf "| %s | tcpdump | %d | %d | %d | %.0f |\n", w, r, gt, dt, ut / hz / gt * 1e9
		printf "| %s | ratio sockeye/tcpdump | | | | %.2f |\n", w, (us / gs) / (ut / gt)
	}'
	cat "$dir/s.err" "$dir/t.err" >>"$dir/capture.log"
}

echo "## sniff (bench/sniff.sh)"
echo
echo "Machine: $(nproc) CPUs, kernel $(uname -r), $(tcpdump --version 2>&1 | head -1)."
echo
echo "### live capture, $N packets from trafgen on CPU 0 across a veth"
echo
echo "| run | tool | sent pps | captured | kernel drops | user ns/packet |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
capture_pair "-w file" -w "$dir/s.pcap" -- -w "$dir/t.pcap"
capture_pair "decode to /dev/null" -- -n
echo
echo "User time is utime from /proc/PID/stat (clock ticks of $((1000 / ticks)) ms) over the run,"
echo "divided by the packets each captured; both capture the same burst at once."
echo

# ---- decoding a big file ----------------------------------------------------------------------
mix=$dir/mix-1000000.pcap
flows=$dir/flows-500000.pcap
[[ -s $mix ]] || "$PYTHON" "$src/bench/sniff_gen.py" mix "$mix" 1000000 || die "sniff_gen mix"
[[ -s $flows ]] || "$PYTHON" "$src/bench/sniff_gen.py" flows "$flows" 500000 || die "sniff_gen flows"

echo "### decoding files to /dev/null (hyperfine, mean of 3 runs after a warmup)"
echo
hyperfine -N -w 1 -r 3 --export-json "$dir/mix.json" \
	-n "tcpdump -nS" "tcpdump -nS -r $mix" \
	-n "sockeye text" "$SOCKEYE sniff -n -r $mix" \
	-n "sockeye -j" "$SOCKEYE -j sniff -r $mix" \
	-n "sockeye -S" "$SOCKEYE sniff -n -S -r $mix" >/dev/null 2>&1 || die "hyperfine (mix) failed"
hyperfine -N -w 1 -r 3 --export-json "$dir/flows.json" \
	-n "tcpdump (relative)" "tcpdump -n -r $flows" \
	-n "tcpdump -S" "tcpdump -nS -r $flows" \
	-n "sockeye (relative)" "$SOCKEYE sniff -n -r $flows" \
	-n "sockeye -S" "$SOCKEYE sniff -n -S -r $flows" >/dev/null 2>&1 ||
	die "hyperfine (flows) failed"
for j in mix flows; do
	n=$([[ $j == mix ]] && echo 1000000 || echo 1500000)
	echo "$j: $n packets"
	echo
	echo "| command | mean s | user s | packets/s |"
	echo "| --- | ---: | ---: | ---: |"
	jq -r --argjson n $n '.results[] | "| \(.command) | \(.mean * 1000 | round / 1000) | " +
		"\(.user * 1000 | round / 1000) | \($n / .mean | round) |"' "$dir/$j.json"
	echo
done
jq -r '.results as $r | ($r[0].mean / $r[1].mean) as $text | ($r[0].mean / $r[2].mean) as $json |
	"mix: sockeye text is \($text * 100 | round / 100)x tcpdump -nS, sockeye -j " +
	"\($json * 100 | round / 100)x"' "$dir/mix.json"
jq -r '.results as $r | "flows: relative/absolute time: tcpdump " +
	"\($r[0].mean / $r[1].mean * 100 | round / 100)x, sockeye " +
	"\($r[2].mean / $r[3].mean * 100 | round / 100)x"' "$dir/flows.json"
echo

# ---- memory while reading ---------------------------------------------------------------------
echo "### peak RSS reading files (KiB)"
echo
"$SOCKEYE" sniff -r "$mix" -c 100000 -w "$dir/mix-100000.pcap" 2>/dev/null
echo "| file | packets | sockeye text | sockeye -j | tcpdump -n |"
echo "| --- | ---: | ---: | ---: | ---: |"
for f in "$dir/mix-100000.pcap:100000" "$mix:1000000" "$flows:1500000"; do
	file=${f%:*}
	rss()
	{
		/usr/bin/time -f %M "$@" >/dev/null 2>"$dir/rss" </dev/null
		tail -1 "$dir/rss"
	}
	echo "| $(basename "$file") | ${f##*:} | $(rss "$SOCKEYE" sniff -r "$file") |" \
		"$(rss "$SOCKEYE" -j sniff -r "$file") | $(rss tcpdump -n -r "$file") |"
done
