#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets.sh: `sockeye sockets` against `ss` on N TCP sockets in a test namespace, for each N
# given: wall, user and system time of -tan, -tani and -tanp side by side (hyperfine, one run
# per N), peak RSS, and the --watch view's memory and CPU.
#
#   sudo SOCKEYE=build/sockeye [OLD=old/sockeye] [SECTION=NAME] bench/sockets.sh [N]...
#
# N defaults to 100000.  The sockets are loopback connections between processes of
# tests/tools/sockfarm (several, to stay under the per-process descriptor limit) in a
# namespace of their own, removed at the end whatever happens.  With OLD, that build runs in
# the same hyperfine runs of -tan and -tani, and its output is compared with SOCKEYE's on the
# same sockets (they must be byte-identical).  The figures go to stdout and replace the
# section "## SECTION" of bench/RESULTS.md (default "sockets"; a new name goes at the end).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
: "${SOCKEYE:=$top/build/sockeye}"
: "${SECTION:=sockets}"
sizes=("$@")
((${#sizes[@]})) || sizes=(100000)
runs=${RUNS:-10}
runs_p=${RUNS_P:-3}
results=$here/RESULTS.md

die()
{
	echo "sockets.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, many sockets)"
for c in hyperfine ss ip cc jq tmux; do
	command -v "$c" >/dev/null || die "$c not found (apt-get install hyperfine iproute2 gcc jq tmux)"
done
[[ -x $SOCKEYE ]] || die "$SOCKEYE: not built (make, or set SOCKEYE)"
SOCKEYE=$(readlink -f "$SOCKEYE")
if [[ -n ${OLD:-} ]]; then
	[[ -x $OLD ]] || die "$OLD: not executable"
	OLD=$(readlink -f "$OLD")
fi

ns=
tmp=$(mktemp -d)
farm=
tmx=sky-bench-$$
stop_farm()
{
	[[ -n $farm ]] && kill "$farm" 2>/dev/null && wait "$farm" 2>/dev/null
	farm=
	[[ -n $ns ]] && ip netns del "$ns" 2>/dev/null
	ns=
	return 0
}
cleanup()
{
	tmux -L "$tmx" kill-server 2>/dev/null || true
	stop_farm
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The farm is built from the source: the bench needs no configured test tree.
: >"$tmp/config.h"
cc -O2 -I"$tmp" -o "$tmp/sockfarm" "$top/tests/tools/sockfarm.c"

# Each farm process holds 2 * connections + 1 descriptors: stay under the hard limit.
hard=$(ulimit -Hn)
[[ $hard == unlimited ]] && hard=1048576
per=$(((hard - 64) / 2 * 2))

# A namespace with about $1 TCP sockets; sets ns, farm, have.
start_farm()
{
	local nsock=$1 nproc i

	nproc=$(((nsock + per - 1) / per))
	((nproc >= 4)) || nproc=4
	ns=sky-bench-$$-$nsock
	ip netns add "$ns"
	ip -n "$ns" link set lo up
	# Enough ephemeral ports for the clients, none of them on the listeners' ports (5000+).
	ip netns exec "$ns" sysctl -qw net.ipv4.ip_local_port_range="10000 65000"
	ip netns exec "$ns" sysctl -qw net.core.somaxconn=4096
	echo "creating $nsock TCP sockets in $nproc processes in $ns ..." >&2
	ip netns exec "$ns" "$tmp/sockfarm" farm 127.0.0.1 5000 "$nsock" "$nproc" >"$tmp/farm" 2>&1 &
	farm=$!
	for ((i = 0; i < 600; i++)); do
		grep -q '^ready' "$tmp/farm" && break
		kill -0 "$farm" 2>/dev/null || die "sockfarm failed: $(cat "$tmp/farm")"
		sleep 0.5
	done
	grep -q '^ready' "$tmp/farm" || die "sockfarm not ready after 300 s"
	have=$(ip netns exec "$ns" ss -Htan | wc -l)
	echo "$have TCP sockets in $ns" >&2
}

# Peak RSS (kB) of one run, output discarded as hyperfine does.
rss()
{
	/usr/bin/time -f %M ip netns exec "$ns" "$@" 2>&1 >/dev/null | tail -n 1
}

# jq field of command $2 in hyperfine export $1.
field()
{
	jq -r --arg n "$2" --arg f "$3" '.results[] | select(.command == $n) | .[$f]' "$1"
}
ratio()
{
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", b / a }'
}
ms()
{
	awk -v a="$1" 'BEGIN { printf "%.0f ms", a * 1000 }'
}
# row FILE OPT TARGET [NAME]: ss against NAME (default sockeye) on one option set.
row()
{
	local f=$1 opt=$2 target=$3 name=${4:-sockeye} cols=() k a b

	for k in mean user system; do
		a=$(field "$f" "ss $opt" "$k")
		b=$(field "$f" "$name sockets $opt" "$k")
		cols+=("$(ms "$a") / $(ms "$b") = $(ratio "$a" "$b")")
	done
	printf '| `%s` | %s | %s | %s | %s | %s |\n' "$opt" "$name" "${cols[0]}" "${cols[1]}" \
		"${cols[2]}" "$target"
}

section=$tmp/section.md
{
	echo "## $SECTION"
	echo
	echo '```'
	echo "sudo SOCKEYE=build/sockeye${OLD:+ OLD=OLD/sockeye} SECTION='$SECTION' bench/sockets.sh ${sizes[*]}"
	echo '```'
	echo
	echo "$(date -u +%Y-%m-%d), kernel $(uname -r), $(nproc) CPUs," \
		"$(free -g | awk '/^Mem:/ { print $2 }') GiB, iproute2 $(ss -V | sed 's/.*iproute2-//')."
	echo "TCP loopback connections of sockfarm processes in a namespace of their own; each"
	echo "command runs as \`ip netns exec NS COMMAND >/dev/null\`, timed by"
	echo "\`hyperfine -N --warmup 2 --runs $runs\` (\`--warmup 1 --runs $runs_p\` for \`-tanp\`);"
	echo "peak RSS from \`/usr/bin/time -f %M\`.  Each cell is ss / sockeye = ratio, means of"
	echo "the runs; user and system are the CPU times hyperfine reads from rusage.  Other jobs"
	echo "share the machine (load average at each size below): compare within a row."
	[[ -n ${OLD:-} ]] && echo "\`old\` is $OLD, the build before this change, in the same runs."
	echo
} >"$section"

for nsock in "${sizes[@]}"; do
	start_farm "$nsock"
	run="ip netns exec $ns"
	load_before=$(cut -d' ' -f1 /proc/loadavg)
	old_cmds=()
	if [[ -n ${OLD:-} ]]; then
		old_cmds=(-n "old sockets -tan" "$run $OLD sockets -tan"
			-n "old sockets -tani" "$run $OLD sockets -tani")
		# The same sockets, the same output, byte for byte.
		for opt in -tan -tane -a -tanp; do
			$run "$OLD" sockets $opt >"$tmp/old.out"
			$run "$SOCKEYE" sockets $opt >"$tmp/new.out"
			cmp -s "$tmp/old.out" "$tmp/new.out" ||
				die "sockets $opt: the output differs from $OLD's"
		done
		identical="byte-identical to old's for -tan, -tane, -a and -tanp"
	fi
	hyperfine -N --warmup 2 --runs "$runs" --export-json "$tmp/tan.json" \
		-n "ss -tan" "$run ss -tan" -n "sockeye sockets -tan" "$run $SOCKEYE sockets -tan" \
		-n "ss -tani" "$run ss -tani" -n "sockeye sockets -tani" "$run $SOCKEYE sockets -tani" \
		"${old_cmds[@]}" >&2
	hyperfine -N --warmup 1 --runs "$runs_p" --export-json "$tmp/tanp.json" \
		-n "ss -tanp" "$run ss -tanp" -n "sockeye sockets -tanp" "$run $SOCKEYE sockets -tanp" >&2
	load_after=$(cut -d' ' -f1 /proc/loadavg)

	# --watch: the live view in a tmux pane (three frames, one a second) and batch snapshots;
	# peak RSS and CPU (user + system) of the whole run.
	rm -f "$tmp/live"
	tmux -L "$tmx" new-session -d -x 200 -y 50 \
		"/usr/bin/time -o $tmp/live -f '%M %U %S' $run $SOCKEYE sockets -tan --watch --count 3"
	for ((i = 0; i < 600; i++)); do
		[[ -s $tmp/live ]] && break
		sleep 0.5
	done
	tmux -L "$tmx" kill-server 2>/dev/null || true
	read -r live_rss live_user live_sys <"$tmp/live" || die "--watch: no figures: $(cat "$tmp/live")"
	/usr/bin/time -o "$tmp/batch" -f '%M %U %S' $run "$SOCKEYE" sockets -tan --watch -b --count 3 \
		>/dev/null
	read -r batch_rss batch_user batch_sys <"$tmp/batch" ||
		die "--watch -b: no figures: $(cat "$tmp/batch")"

	{
		echo "### $have TCP sockets"
		echo
		echo "Load average $load_before before, $load_after after the timed runs."
		echo
		echo "| options | build | wall | user | system | target (wall) |"
		echo "| --- | --- | --- | --- | --- | --- |"
		row "$tmp/tan.json" -tan 0.5x
		[[ -n ${OLD:-} ]] && row "$tmp/tan.json" -tan - old
		row "$tmp/tan.json" -tani 0.5x
		[[ -n ${OLD:-} ]] && row "$tmp/tan.json" -tani - old
		row "$tmp/tanp.json" -tanp 0.1x
		echo
		echo "Peak RSS: \`-tan\` ss $(rss ss -tan) kB, sockeye $(rss "$SOCKEYE" sockets -tan) kB;"
		echo "\`-tanp\` ss $(rss ss -tanp) kB, sockeye $(rss "$SOCKEYE" sockets -tanp) kB."
		echo "\`sockets -tan --watch --count 3\` (live view, three frames a second apart):"
		echo "peak RSS $live_rss kB, CPU ${live_user} s user + ${live_sys} s system;"
		echo "with \`-b\` (three sorted text snapshots): peak RSS $batch_rss kB, CPU"
		echo "${batch_user} s user + ${batch_sys} s system."
		[[ -n ${identical:-} ]] && echo "Output $identical."
		echo
	} >>"$section"
	stop_farm
done
cat "$section"

# Replace this bench's section of RESULTS.md (others keep theirs); a new one goes at the end.
if [[ ! -f $results ]]; then
	printf '# Benchmark results\n\nFigures from the scripts in bench/, each in its own section,\nwith the exact command and machine.\n\n' >"$results"
fi
awk -v sec="$section" -v head="## $SECTION" '
	/^## / { skip = ($0 == head) }
	/^## / && skip && !done { while ((getline l < sec) > 0) print l; done = 1 }
	!skip { print }
	END { if (!done) while ((getline l < sec) > 0) print l }
' "$results" >"$tmp/results" && cat "$tmp/results" >"$results"
echo "updated $results"
