#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_owners.sh: top's sockets panel names each full socket's process and cgroup (issue 14):
# two processes of different names in different v2 cgroups, one a container's (a
# docker-ID.scope), each holding a TCP receiver with bytes queued; top -b -j shows each row
# with its pid, comm, cgroup and container id, and the text the cgroup or the short id.  Drops by
# process: beta's full UDP socket drops exactly 37 datagrams between two of top's dumps, counted
# for beta alone.
. "${top_srcdir:-.}/tests/netns/lib.sh"

need_root
need_cmd jq python3 timeout

ID=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
mnt=$(awk '$0 ~ / - cgroup2 / { print $5; exit }' /proc/self/mountinfo)
[[ -n $mnt ]] || skip "no cgroup v2 mount"
cgrel=/sockeye-top.$$
cg=$mnt$cgrel
mkdir "$cg" "$cg/alpha" "$cg/docker-$ID.scope" || skip "cannot make cgroups under $mnt"

# The processes first (lib.sh's cleanup), then the cgroups they were in.
owners_cleanup()
{
	local rc=$? d

	cleanup
	for d in "$cg"/*/; do
		xargs -r kill -9 <"$d/cgroup.procs" 2>/dev/null
	done
	wait_until 5 sh -c "! cat '$cg'/*/cgroup.procs | grep -q ."
	rmdir "$cg"/*/ "$cg"
	exit "$rc"
}
trap owners_cleanup EXIT

netns_new A
ip -n "$A" link set lo up
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

# holder NAME CGROUP BYTES [GO COUNT]: top_owners_sock.py as NAME in $cg/CGROUP, in A.
holder()
{
	sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' sh "$cg/$2" \
		ip netns exec "$A" python3 "$top_srcdir/tests/netns/top_owners_sock.py" "$1" "$3" \
		"$tmp/$1.pid" "${@:4}" &
	register_pid $!
	wait_until 10 test -s "$tmp/$1.pid" || fail "$1 did not start"
}
holder skyalpha alpha 3000
holder skybeta "docker-$ID.scope" 2000 "$tmp/go" 37
pa=$(cat "$tmp/skyalpha.pid")
pb=$(cat "$tmp/skybeta.pid")

timeout 60 "$SOCKEYE" -N "$A" top -b -j --panels sockets >"$tmp/top.json" 2>"$tmp/top.err" ||
	fail "top: $(cat "$tmp/top.err")"
# The two TCP receivers, fullest first, each with its one owner (beta's UDP socket is full too).
got=$(jq -c '[.sockets[] | select(.netid == "tcp" and .recv_q > 0) | [.recv_q, .processes]]' "$tmp/top.json") ||
	fail "top: not JSON: $(head -c 300 "$tmp/top.json")"
want=$(jq -nc --argjson pa "$pa" --argjson pb "$pb" --arg a "$cgrel/alpha" \
	--arg b "$cgrel/docker-$ID.scope" --arg id "$ID" '[
	[3000, [{pid: $pa, comm: "skyalpha", cgroup: $a, container_id: null}]],
	[2000, [{pid: $pb, comm: "skybeta", cgroup: $b, container_id: $id}]]]')
[[ $(jq -c '[.[] | [.[0], [.[1][] | del(.fd)]]]' <<<"$got") == "$want" ]] ||
	fail "sockets panel owners: $got, want $want"

# Text: the cgroup, or the container's short id where the cgroup names one.
timeout 60 "$SOCKEYE" -N "$A" top -b --panels sockets >"$tmp/top.txt" 2>"$tmp/top.err" ||
	fail "top (text): $(cat "$tmp/top.err")"
grep -q "skyalpha.*$cgrel/alpha" "$tmp/top.txt" || fail "text: no alpha cgroup: $(cat "$tmp/top.txt")"
grep -q "skybeta.*${ID:0:12}\( \|$\)" "$tmp/top.txt" ||
	fail "text: no container id for beta: $(cat "$tmp/top.txt")"

# Drops by process: the 37 drops fall between the first dump (sample 0) and the second.
timeout 60 "$SOCKEYE" -v -N "$A" top -b -j -d 2 --panels sockets >"$tmp/drops.json" \
	2>"$tmp/drops.err" &
tp=$!
register_pid "$tp"
wait_until 20 grep -q "sample 0:" "$tmp/drops.err" || fail "top did not sample: $(cat "$tmp/drops.err")"
touch "$tmp/go"
wait "$tp" || fail "top (drops): $(cat "$tmp/drops.err")"
got=$(jq -c '[.drops_by_process[] | [.count, .sockets, .pid, .comm, .cgroup, .container_id]]' \
	"$tmp/drops.json") || fail "top (drops): not JSON: $(head -c 300 "$tmp/drops.json")"
want="[[37,1,$pb,\"skybeta\",\"$cgrel/docker-$ID.scope\",\"$ID\"]]"
[[ $got == "$want" ]] || fail "drops by process: $got, want $want"
exit 0
