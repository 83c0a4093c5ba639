#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# drops_process.sh: drops of sockets with a tiny receive buffer name their owners (pid and
# cgroup) in --events records and the --by process summary; --pid and --cgroup keep one's.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3
need_bpf
send=$top_srcdir/tests/netns/drops_send.py
mnt=$(awk '$0 ~ / - cgroup2 / { print $5; exit }' /proc/self/mountinfo)
[[ -n $mnt ]] || skip "no cgroup v2 mount"
cgrel=/sockeye-test.$$
cg=$mnt$cgrel
mkdir "$cg" "$cg/alpha" "$cg/beta" || skip "cannot make cgroups under $mnt"
cg_cleanup()
{
	local rc=$?

	cleanup
	xargs -r kill -9 <"$cg/alpha/cgroup.procs" 2>/dev/null
	xargs -r kill -9 <"$cg/beta/cgroup.procs" 2>/dev/null
	wait_until 5 test -z "$(cat "$cg/alpha/cgroup.procs" "$cg/beta/cgroup.procs")"
	rmdir "$cg/alpha" "$cg/beta" "$cg"
	exit "$rc"
}
trap cg_cleanup EXIT

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.96.0.1/24
addr_add "$B" vb 10.96.0.2/24
tmp=$(mktemp -d)
register_file "$tmp"

# hold NAME PORT: a socket of 2 KiB that never reads, in cgroup NAME; its pid in hold_pid.
hold()
{
	sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' sh "$cg/$1" \
		ip netns exec "$B" python3 "$send" hold 10.96.0.2 "$2" 2048 >"$tmp/$1.ready" &
	hold_pid=$!
	register_pid "$hold_pid"
	wait_for_text "$tmp/$1.ready" ready 10 || fail "the $1 socket did not open"
}
hold alpha 7100
alpha=$hold_pid
hold beta 7101
beta=$hold_pid

# run_bg NAME [-j] ARGS...: sockeye -N B [-j] drops ARGS, returned once it follows sockets.
declare -A pids
run_bg()
{
	local name=$1 j=

	shift
	[[ $1 == -j ]] && j=-j && shift
	start_sockeye "$tmp/$name" "$tmp/$name.err" -N "$B" $j drops "$@"
	wait_for_text "$tmp/$name.err" "process attribution: following" 10 ||
		fail "drops $* did not start attribution: $(cat "$tmp/$name.err")"
	pids[$name]=$sockeye_pid
}
run_bg events -j --events
run_bg pid -j --events --pid "$alpha"
run_bg cgroup -j --events --cgroup "$cgrel/beta"
run_bg by -j --by process -i 100
run_bg text --events --process udp
ns_exec "$A" python3 "$send" udp 10.96.0.2 7100 60 1000 || fail "send to 7100"
ns_exec "$A" python3 "$send" udp 10.96.0.2 7101 60 1000 || fail "send to 7101"
sleep 1
for name in "${!pids[@]}"; do
	kill -INT "${pids[$name]}"
	wait "${pids[$name]}" || bad "drops ($name) exited with $?: $(cat "$tmp/$name.err")"
done

# rcvbuf drops of each port; every one names the socket's owner, pid and cgroup.
owners()
{
	jq -r --argjson port "$2" 'select(.type == "drop" and .reason == "SOCKET_RCVBUFF" and
		.dst == "10.96.0.2:\($port)") | .processes[0] | "\(.pid) \(.cgroup)"' "$1" | sort |
		uniq -c
}
n_alpha=$(owners "$tmp/events" 7100 | awk '{ print $1 }')
[[ $(owners "$tmp/events" 7100 | wc -l) -eq 1 && $(owners "$tmp/events" 7100) == \
	*" $alpha $cgrel/alpha" && $n_alpha -gt 10 ]] ||
	bad "7100's drops: $(owners "$tmp/events" 7100)"
[[ $(owners "$tmp/events" 7101 | wc -l) -eq 1 && $(owners "$tmp/events" 7101) == \
	*" $beta $cgrel/beta" ]] || bad "7101's drops: $(owners "$tmp/events" 7101)"
# --pid: alpha's drops, each of them; --cgroup beta: beta's.
[[ $(owners "$tmp/pid" 7100) == "$(owners "$tmp/events" 7100)" &&
	-z $(owners "$tmp/pid" 7101) ]] || bad "--pid $alpha: $(owners "$tmp/pid" 7101)"
[[ $(owners "$tmp/cgroup" 7101) == "$(owners "$tmp/events" 7101)" &&
	-z $(owners "$tmp/cgroup" 7100) ]] || bad "--cgroup $cgrel/beta"
jq -e 'select(.type == "drop") | select(.processes | length == 0) | .dst' "$tmp/pid" >/dev/null &&
	bad "--pid let a drop of no process through"
# --by process: a row per owner and reason, counts as the events'.
got=$(jq -r --arg cg "$cgrel/alpha" 'select(.type == "drops") | .by_process[] |
	select(.cgroup == $cg and .reason == "SOCKET_RCVBUFF") | "\(.pid) \(.count)"' "$tmp/by")
[[ $got == "$alpha $n_alpha" ]] || bad "--by process: '$got', not '$alpha $n_alpha'"
# --process: the text column.
grep -q "python3/$alpha" "$tmp/text" || bad "--process: no python3/$alpha in $(head -3 "$tmp/text")"
exit $((nfail > 0))
