#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# compare.sh: two builds of sockeye side by side in one run, to show that a change keeps the
# bench/ figures: sniff file decode (text, -j), capture user CPU, sockets -tan, inject
# --topspeed.  Every measurement alternates the two binaries (A B A B ..., the order flipped
# each round) so that load from elsewhere on a shared machine falls on both alike; tcpdump
# and ss run beside them for reference.  Root; traffic stays inside network namespaces and
# a veth pair that the script makes and removes.
#
#   sudo bench/compare.sh OLD_BUILD NEW_BUILD [quick]
#
# OLD_BUILD and NEW_BUILD each hold a sockeye binary.  A third argument ("quick") makes it
# all smaller: a 200,000-packet file, bursts of 300,000 frames, 5000 sockets, fewer and
# shorter rounds.  The generated capture is kept in $SNIFF_BENCH_DIR (default
# /tmp/sockeye-sniff-bench) as bench/sniff.sh does.  Prints Markdown: each figure for OLD,
# NEW and NEW/OLD, then the exact command lines.
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
PYTHON=$(command -v /usr/bin/python3 || command -v python3)

die()
{
	echo "bench/compare.sh: $*" >&2
	exit 1
}

(($# >= 2)) || die "usage: bench/compare.sh OLD_BUILD NEW_BUILD [quick]"
OLD=$(readlink -f "$1/sockeye")
NEW=$(readlink -f "$2/sockeye")
[[ -x $OLD && -x $NEW ]] || die "no sockeye binary in $1 or $2"
if (($# >= 3)); then
	npkt=200000 burst=300000 nsock=5000 rounds=3 secs=2
else
	npkt=1000000 burst=2000000 nsock=20000 rounds=5 secs=5
fi
[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, packet sockets)"
for c in tcpdump trafgen hyperfine jq ip ss cc taskset setsid timeout "$PYTHON"; do
	command -v "$c" >/dev/null || die "$c not found"
done
dir=${SNIFF_BENCH_DIR:-/tmp/sockeye-sniff-bench}
mkdir -p "$dir" || die "cannot make $dir"
tmp=$(mktemp -d) || die "mktemp failed"
ns1=sky-cmp-$$-1 ns2=sky-cmp-$$-2 ns3=sky-cmp-$$-3
declare -A bin=([old]=$OLD [new]=$NEW)
pids=()

cleanup()
{
	local p

	for p in "${pids[@]}"; do kill -KILL -- "$p" 2>/dev/null; done
	for p in "$ns1" "$ns2" "$ns3"; do ip netns del "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.3f", b / a; else print "-" }'; }
median() { tr ' ' '\n' <<<"$*" | grep . | sort -n | awk '{ v[NR] = $1 }
	END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# section TITLE TEXT BESIDE, then row FIGURE OLD NEW [BESIDE]...: a table with NEW/OLD.
section()
{
	printf '### %s\n\n' "$1"
	fmt -w 92 <<<"$2"
	echo
	printf '| figure | OLD | NEW | NEW/OLD | %s |\n|---|---:|---:|---:|---:|\n' "$3"
}
row() { echo "| $1 | $2 | $3 | $(ratio "$2" "$3") | ${4:--} |"; }
# order ROUND: old new, or new old every other round.
order() { (($1 % 2)) && echo old new || echo new old; }

# hf TAG ROUNDS RUNS CMD...: hyperfine -N, a warmup round, then ROUNDS rounds of RUNS runs of
# each CMD, the order reversed every other round; $tmp/TAG.json: mean and user s per CMD.
hf()
{
	local tag=$1 rounds=$2 runs=$3 r i cmds

	shift 3
	printf '%s\n' "$@" >"$tmp/$tag.cmds"
	for ((r = 0; r <= rounds; r++)); do
		cmds=("$@")
		((r % 2)) && for ((i = $#; i > 0; i--)); do cmds[$# - i]=${!i}; done
		timeout 900 hyperfine -N -r "$runs" --export-json "$tmp/$tag.$r.json" "${cmds[@]}" \
			>/dev/null 2>&1 || die "hyperfine ($tag) failed: ${cmds[*]}"
	done
	rm "$tmp/$tag.0.json"
	jq -s '[.[].results[]] | group_by(.command) | map({ key: .[0].command, value:
		{ mean: (map(.mean) | add / length), user: (map(.user) | add / length) } }) |
		from_entries' "$tmp/$tag".*.json >"$tmp/$tag.json"
}
# fig TAG CMD mean|user: a figure of hf's, in seconds; code LINE...: a code block.
fig() { printf '%.3f' "$(jq -r --arg c "$2" ".[\$c].$3" "$tmp/$1.json")"; }
code() { printf '\n```\n'; printf '%s\n' "$@"; printf '```\n\n'; }

printf '## bench/compare.sh: OLD = %s, NEW = %s\n\n' "$OLD" "$NEW"
echo "$(date -u '+%Y-%m-%d %H:%M') UTC, kernel $(uname -r), $(nproc) CPUs, load average" \
	"$(cut -d' ' -f1-3 /proc/loadavg) at the start.  NEW/OLD above 1: NEW takes longer" \
	"or more CPU (for packets captured and pkt/s: does better)." | fmt -w 92
echo

# ---- 1. decoding a file -----------------------------------------------------------------------
mix=$dir/mix-$npkt.pcap
[[ -s $mix ]] || "$PYTHON" "$src/bench/sniff_gen.py" mix "$mix" "$npkt" || die "sniff_gen mix"
td="tcpdump -nS -r $mix"
hf mix "$rounds" 1 "$OLD sniff -r $mix" "$NEW sniff -r $mix" "$OLD -j sniff -r $mix" \
	"$NEW -j sniff -r $mix" "$td"
section "1. sniff decoding $npkt packets from a file to /dev/null" "hyperfine -N, one run of\
 each command per round, $rounds rounds after a warmup round; mean of the rounds." "tcpdump -nS"
for j in "" "-j "; do
	label=${j:-text }
	for s in mean user; do
		row "sniff ${label% }, $s s" "$(fig mix "$OLD ${j}sniff -r $mix" $s)" \
			"$(fig mix "$NEW ${j}sniff -r $mix" $s)" "$(fig mix "$td" $s)"
	done
done
code "$(cat "$tmp/mix.cmds")"

# ---- namespaces and the veth for 2. and 4. ----------------------------------------------------
veth_pair "$ns1" "$ns2" || die "cannot make the namespaces and their veth pair"
mac_vb=$(ip -n "$ns2" -br link show vb | awk '{ print $3 }')
cat >"$tmp/udp.trafgen" <<EOF
{ eth(da=$mac_vb, sa=02:00:00:00:00:01, type=0x0800),
  ipv4(saddr=10.99.0.1, daddr=10.99.0.2, proto=17),
  udp(sport=dinc(10000, 60000), dport=9), fill(0x41, 18) }
EOF

# ---- 2. capture user CPU ----------------------------------------------------------------------
ticks=$(getconf CLK_TCK)
alive() { local s; s=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null); [[ -n $s && $s != Z ]]; }
# nsper TICKS N: CPU time in ns per packet of N (N = 1e9: in seconds).
nsper() { awk -v t="$1" -v n="$2" -v hz="$ticks" 'BEGIN { f = n == 1e9 ? "%.2f" : "%.0f"
	printf f, t / hz / n * 1e9 }'; }
# stats FILE COLUMN: a column of sniff's exit table (IFACE CAPTURED ... KERNEL_DROPS ...) for vb.
stats() { awk -v c="$2" '$1 == "IFACE" { for (i = 1; i <= NF; i++) if ($i == c) k = i }
	$1 == "vb" && k { print $k }' "$1"; }
declare -A cap pid ut pps v tt=([old]=0 [new]=0) tg=([old]=0 [new]=0)
sniff_args=(sniff -i vb -w /dev/null)
gen=(taskset -c 0 trafgen -o va -i "$tmp/udp.trafgen" -n "$burst" -P 1)
for ((r = 1; r <= rounds; r++)); do
	for b in $(order $r); do
		ip netns exec "$ns2" "${bin[$b]}" "${sniff_args[@]}" >/dev/null 2>"$tmp/$b.err" &
		pid[$b]=$!
		pids+=($!)
	done
	# Both rings bound: two running packet sockets in ns2.
	for _ in $(seq 100); do
		[[ $(ip netns exec "$ns2" awk 'NR > 1 && $4 != "0000" && $6 == 1' /proc/net/packet |
			wc -l) -ge 2 ]] && break
		sleep 0.1
	done
	sleep 0.5
	ip netns exec "$ns1" timeout 300 "${gen[@]}" >/dev/null 2>&1 || die "trafgen failed"
	sleep 1
	for b in old new; do ut[$b]=$(awk '{ print $14 }' "/proc/${pid[$b]}/stat"); done
	# Stop both (sniff prints its table at exit), ten seconds at most.
	kill -INT "${pid[@]}"
	for _ in $(seq 100); do alive "${pid[old]}" || alive "${pid[new]}" || break; sleep 0.1; done
	kill -KILL "${pid[@]}" 2>/dev/null
	wait "${pid[@]}"
	pids=()
	for b in old new; do
		got=$(stats "$tmp/$b.err" CAPTURED)
		[[ ${got:-0} -gt 0 ]] || die "$b sniff captured nothing: $(cat "$tmp/$b.err")"
		cap[$b.s]+="$(nsper "${ut[$b]}" 1e9) " cap[$b.ns]+="$(nsper "${ut[$b]}" "$got") "
		cap[$b.got]+="$got " cap[$b.drop]+="$(stats "$tmp/$b.err" KERNEL_DROPS) "
		((tt[$b] += ut[$b], tg[$b] += got))
	done
	echo "capture round $r: user s old ${cap[old.s]}/ new ${cap[new.s]}" >&2
done
section "2. capture user CPU: both capture the same trafgen burst of $burst frames at once" \
	"Median of $rounds rounds (start order flipped each round); user time is utime from\
 /proc/PID/stat ($((1000 / ticks)) ms ticks) once the burst is over, packets and drops from\
 sniff's table at exit.  The last row: all utime over all packets of all rounds." "runs OLD / NEW"
for f in "s:user CPU s" "ns:user ns/packet" "got:packets captured" "drop:kernel drops"; do
	k=${f%%:*}
	row "${f#*:}" "$(median "${cap[old.$k]}")" "$(median "${cap[new.$k]}")" \
		"${cap[old.$k]}/ ${cap[new.$k]% }"
done
row "user ns/packet, all rounds" "$(nsper "${tt[old]}" "${tg[old]}")" \
	"$(nsper "${tt[new]}" "${tg[new]}")"
code "ip netns exec $ns2 $OLD ${sniff_args[*]}" "ip netns exec $ns2 $NEW ${sniff_args[*]}" \
	"ip netns exec $ns1 ${gen[*]}" "# $tmp/udp.trafgen:" "$(cat "$tmp/udp.trafgen")"

# ---- 3. sockets -------------------------------------------------------------------------------
: >"$tmp/config.h"
cc -O2 -I"$tmp" -o "$tmp/sockfarm" "$src/tests/tools/sockfarm.c" || die "cannot build sockfarm"
# Each farm process holds 2 * connections + 1 descriptors: stay under the hard limit, 4 at least.
hard=$(ulimit -Hn)
[[ $hard == unlimited ]] && hard=1048576
nfarm=$((nsock / (hard - 64) + 4))
ip netns add "$ns3" || die "cannot make a namespace"
ip -n "$ns3" link set lo up
ip netns exec "$ns3" sysctl -qw net.ipv4.ip_local_port_range="10000 65000"
ip netns exec "$ns3" sysctl -qw net.core.somaxconn=4096
ip netns exec "$ns3" "$tmp/sockfarm" farm 127.0.0.1 5000 "$nsock" "$nfarm" >"$tmp/farm" 2>&1 &
pids=($!)
for ((i = 0; i < 240; i++)); do
	grep -qs '^ready' "$tmp/farm" && break
	kill -0 "${pids[0]}" 2>/dev/null || die "sockfarm failed: $(cat "$tmp/farm")"
	sleep 0.5
done
grep -q '^ready' "$tmp/farm" || die "sockfarm not ready after 120 s"
have=$(ip netns exec "$ns3" ss -Htan | wc -l)
run="ip netns exec $ns3"
hf sockets $((rounds * 2)) 3 "$run $OLD sockets -tan" "$run $NEW sockets -tan" "$run ss -tan"
kill "${pids[0]}" && wait "${pids[0]}"
pids=()
section "3. sockets -tan on $have TCP sockets (sockfarm, loopback, a namespace of their own)" \
	"hyperfine -N, 3 runs of each command per round, $((rounds * 2)) rounds after a warmup\
 round; mean of the rounds." "ss -tan"
for s in mean user; do
	row "sockets -tan, $s s" "$(fig sockets "$run $OLD sockets -tan" $s)" \
		"$(fig sockets "$run $NEW sockets -tan" $s)" "$(fig sockets "$run ss -tan" $s)"
done
code "$(cat "$tmp/sockets.cmds")"

# ---- 4. inject --------------------------------------------------------------------------------
rx() { ip netns exec "$ns2" cat /sys/class/net/vb/statistics/rx_packets; }
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }   # utime + stime, ticks
inj=(inject -i va --dst-mac 02:00:00:00:00:99 --topspeed --qdisc-bypass udp src 10.99.0.1
	dst 10.99.0.2:9 len 64)
for ((r = 1; r <= rounds; r++)); do
	for b in $(order $r); do
		# A session of its own, stopped as a group (as bench/inject.sh does).
		setsid ip netns exec "$ns1" taskset -c 0 "${bin[$b]}" "${inj[@]}" >/dev/null 2>&1 &
		p=$!
		pids=(-"$p")
		sleep 1
		rx0=$(rx) t0=$(date +%s%N) c0=$(cpu "$p")
		sleep "$secs"
		rx1=$(rx) t1=$(date +%s%N) c1=$(cpu "$p")
		kill -TERM -- -"$p" 2>/dev/null
		wait "$p" 2>/dev/null
		pids=()
		v[$b]=$(awk -v n=$((rx1 - rx0)) -v ns=$((t1 - t0)) \
			'BEGIN { printf "%.0f", n * 1e9 / ns }')
		pps[$b]+="${v[$b]} " pps[$b.ns]+="$(nsper $((c1 - c0)) $((rx1 - rx0))) "
	done
	pps[ratio]+="$(ratio "${v[old]}" "${v[new]}") "
	echo "inject round $r: pkt/s old ${pps[old]}/ new ${pps[new]}" >&2
done
section "4. inject --topspeed, 64-byte UDP on a veth, CPU 0" "Frames counted at vb over $secs s\
 of each run (the first second skipped), $rounds rounds; the sender's CPU per packet is its\
 utime + stime over the same window." "runs OLD / NEW"
row "pkt/s (median)" "$(median "${pps[old]}")" "$(median "${pps[new]}")" \
	"${pps[old]}/ ${pps[new]% }"
row "sender CPU ns/packet (median)" "$(median "${pps[old.ns]}")" "$(median "${pps[new.ns]}")" \
	"${pps[old.ns]}/ ${pps[new.ns]% }"
printf '\nNEW/OLD of each round (the two ran seconds apart): %s, median %s.\n' \
	"${pps[ratio]% }" "$(median "${pps[ratio]}")"
code "ip netns exec $ns1 taskset -c 0 $OLD ${inj[*]}" \
	"ip netns exec $ns1 taskset -c 0 $NEW ${inj[*]}"
echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
