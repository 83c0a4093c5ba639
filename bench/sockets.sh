#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets.sh: `sockeye sockets` against `ss` on 100,000 TCP sockets in a test namespace:
# wall time of -tan, -tani and -tanp side by side (hyperfine, one run), and peak RSS.
#
#   sudo SOCKEYE=build/sockeye bench/sockets.sh [NSOCKETS]
#
# The sockets are loopback connections between processes of tests/tools/sockfarm (several,
# to stay under the per-process descriptor limit) in a namespace of their own, removed
# at the end whatever happens.  The figures go to stdout and replace the "sockets"
# section of bench/RESULTS.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
: "${SOCKEYE:=$top/build/sockeye}"
nsock=${1:-100000}
runs=${RUNS:-10}
runs_p=${RUNS_P:-3}
results=$here/RESULTS.md

die()
{
	echo "sockets.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, 100,000 sockets)"
for c in hyperfine ss ip cc jq; do
	command -v "$c" >/dev/null || die "$c not found (apt-get install hyperfine iproute2 gcc jq)"
done
[[ -x $SOCKEYE ]] || die "$SOCKEYE: not built (make, or set SOCKEYE)"
SOCKEYE=$(readlink -f "$SOCKEYE")

ns=sky-bench-$$
tmp=$(mktemp -d)
farm=
cleanup()
{
	[[ -n $farm ]] && kill "$farm" 2>/dev/null && wait "$farm" 2>/dev/null
	ip netns del "$ns" 2>/dev/null
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
nproc=$(((nsock + per - 1) / per))
((nproc >= 4)) || nproc=4

ip netns add "$ns"
ip -n "$ns" link set lo up
# Enough ephemeral ports for the clients, none of them on the listeners' ports (5000+).
ip netns exec "$ns" sysctl -qw net.ipv4.ip_local_port_range="10000 65000"
ip netns exec "$ns" sysctl -qw net.core.somaxconn=4096
echo "creating $nsock TCP sockets in $nproc processes in $ns ..."
ip netns exec "$ns" "$tmp/sockfarm" farm 127.0.0.1 5000 "$nsock" "$nproc" >"$tmp/farm" 2>&1 &
farm=$!
for ((i = 0; i < 600; i++)); do
	grep -q '^ready' "$tmp/farm" && break
	kill -0 "$farm" 2>/dev/null || die "sockfarm failed: $(cat "$tmp/farm")"
	sleep 0.5
done
grep -q '^ready' "$tmp/farm" || die "sockfarm not ready after 300 s"
have=$(ip netns exec "$ns" ss -Htan | wc -l)
echo "$have TCP sockets in $ns"

load_before=$(cut -d' ' -f1 /proc/loadavg)
run="ip netns exec $ns"
hyperfine -N --warmup 2 --runs "$runs" --export-json "$tmp/tan.json" \
	-n "ss -tan" "$run ss -tan" -n "sockeye sockets -tan" "$run $SOCKEYE sockets -tan" \
	-n "ss -tani" "$run ss -tani" -n "sockeye sockets -tani" "$run $SOCKEYE sockets -tani"
hyperfine -N --warmup 1 --runs "$runs_p" --export-json "$tmp/tanp.json" \
	-n "ss -tanp" "$run ss -tanp" -n "sockeye sockets -tanp" "$run $SOCKEYE sockets -tanp"

# Peak RSS of one run each (kB), output discarded as hyperfine does.
rss()
{
	/usr/bin/time -f %M $run "$@" 2>&1 >/dev/null | tail -n 1
}
declare -A peak
for opt in -tan -tani -tanp; do
	peak["ss $opt"]=$(rss ss "$opt")
	peak["sockeye $opt"]=$(rss "$SOCKEYE" sockets "$opt")
done
# sockeye's JSON of the same sockets, for the flat-memory claim.
peak["sockeye -j -tan"]=$(rss "$SOCKEYE" -j sockets -tan)
peak["sockeye -tan (1/10 of the sockets)"]=$(rss "$SOCKEYE" sockets -tan 'sport < :5005 or dport < :5005')

mean()
{
	jq -r --arg n "$2" '.results[] | select(.command == $n) | .mean' "$1"
}
row()
{
	local f=$1 opt=$2 target=$3 a b
	a=$(mean "$f" "ss $opt")
	b=$(mean "$f" "sockeye sockets $opt")
	printf '| `%s` | %.3f s | %.3f s | %.2fx | <= %s | %s kB | %s kB |\n' "$opt" "$a" "$b" \
		"$(awk -v a="$a" -v b="$b" 'BEGIN { print b / a }')" "$target" "${peak[ss $opt]}" "${peak[sockeye $opt]}"
}

section=$tmp/section.md
{
	echo "## sockets"
	echo
	echo '```'
	echo "sudo SOCKEYE=build/sockeye bench/sockets.sh $nsock    # from the source dir"
	echo '```'
	echo
	echo "$(date -u +%Y-%m-%d), kernel $(uname -r), $(nproc) CPUs," \
		"$(free -g | awk '/^Mem:/ { print $2 }') GiB, iproute2 $(ss -V | sed 's/.*iproute2-//')."
	echo "$have TCP sockets (loopback connections, $nproc processes) in a namespace of their"
	echo "own; each command runs as \`ip netns exec NS COMMAND >/dev/null\`, timed by"
	echo "\`hyperfine -N --warmup 2 --runs $runs\` (\`--runs $runs_p\` for \`-tanp\`); peak RSS"
	echo "from \`/usr/bin/time -f %M\`.  Load average $load_before before and"
	echo "$(cut -d' ' -f1 /proc/loadavg) after the runs (other jobs share the machine: compare"
	echo "the columns of one row, measured in the same minutes, rather than rows of runs apart)."
	echo
	echo "| options | ss | sockeye | ratio | target | ss peak RSS | sockeye peak RSS |"
	echo "| --- | --- | --- | --- | --- | --- | --- |"
	row "$tmp/tan.json" -tan 0.5x
	row "$tmp/tan.json" -tani 0.5x
	row "$tmp/tanp.json" -tanp 0.1x
	echo
	echo "Peak RSS stays flat in the number of sockets (the dump streams to the output):"
	echo "\`sockeye -j sockets -tan\` ${peak[sockeye -j -tan]} kB, \`sockeye sockets -tan\` on a"
	echo "filter that keeps a tenth of them ${peak[sockeye -tan (1/10 of the sockets)]} kB."
	echo "\`-tanp\` holds the dump (as raw replies) until one pass over /proc has found the"
	echo "owners, hence its larger figure."
	echo
} >"$section"
cat "$section"

# Replace this bench's section of RESULTS.md (others keep theirs).
if [[ ! -f $results ]]; then
	printf '# Benchmark results\n\nFigures from the scripts in bench/, each in its own section,\nwith the exact command and machine.\n\n' >"$results"
fi
awk -v sec="$section" '
	/^## / { skip = ($0 == "## sockets") }
	/^## / && skip && !done { while ((getline l < sec) > 0) print l; done = 1 }
	!skip { print }
	END { if (!done) while ((getline l < sec) > 0) print l }
' "$results" >"$tmp/results" && cat "$tmp/results" >"$results"
echo "updated $results"
