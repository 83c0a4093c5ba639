# SPDX-License-Identifier: GPL-2.0-or-later
# attrib_lib.sh: what the process attribution tests share (source it after lib.sh and
# sniff_lib.sh; it is not a test).
#
# attrib_setup: ns1 (va: 10.99.0.1, fd00:99::1) - ns2 (vb: 10.99.0.2, fd00:99::2), a sink in
# ns2 taking TCP 7001 and UDP 7002, and two cgroups under the v2 mount, $cg/alpha and
# $cg/beta ($cgrel: their parent's path as sockeye names it), removed at exit.

FLOWS=$top_srcdir/tests/netns/attrib_flows.py
SINK=$top_srcdir/tests/netns/attrib_sink.py
CHECK=$top_srcdir/tests/netns/attrib_check.py

# Processes first (lib.sh's cleanup), then the cgroups they were in.
attrib_cleanup()
{
	local rc=$? d

	cleanup
	for d in "$cg"/*/ "$cg"; do
		[[ -d $d ]] || continue
		xargs -r kill -9 <"$d/cgroup.procs" 2>/dev/null
	done
	wait_until 5 cgroups_empty
	for d in "$cg"/*/ "$cg"; do
		[[ -d $d ]] && rmdir "$d"
	done
	exit "$rc"
}

cgroups_empty()
{
	! cat "$cg"/*/cgroup.procs "$cg/cgroup.procs" 2>/dev/null | grep -q .
}

attrib_setup()
{
	local mnt

	need_root
	need_cmd "${PYTHON:-python3}" jq timeout
	mnt=$(awk '$0 ~ / - cgroup2 / { print $5; exit }' /proc/self/mountinfo)
	[[ -n $mnt ]] || skip "no cgroup v2 mount"
	cgrel=/sockeye-test.$$
	cg=$mnt$cgrel
	mkdir "$cg" "$cg/alpha" "$cg/beta" || skip "cannot make cgroups under $mnt"
	trap attrib_cleanup EXIT
	NETNS_KEEP_IPV6=1
	netns_new ns1
	netns_new ns2
	veth_pair "$ns1" va "$ns2" vb
	addr_add "$ns1" va 10.99.0.1/24
	addr_add "$ns2" vb 10.99.0.2/24
	ip -n "$ns1" addr add fd00:99::1/64 dev va nodad || fail "cannot add fd00:99::1"
	ip -n "$ns2" addr add fd00:99::2/64 dev vb nodad || fail "cannot add fd00:99::2"
	sniff_tmpdir
	ns_exec "$ns2" "$PYTHON" "$SINK" "$tmp/sink.ready" &
	register_pid $!
	wait_until 10 test -e "$tmp/sink.ready" || fail "the sink did not start"
	# Neighbours resolved before any capture: the flows' first packets are theirs alone.
	ns_exec "$ns1" ping -c1 -W2 10.99.0.2 >/dev/null || fail "no IPv4 path"
	ns_exec "$ns1" ping -6 -c1 -W2 fd00:99::2 >/dev/null || fail "no IPv6 path"
}

# flows_bg NAME CGROUP GO COUNT [STATUS]: attrib_flows.py as NAME in cgroup $cg/CGROUP in ns1,
# its ports in $tmp/NAME.ports once connected; its pid in flows_pid.
flows_bg()
{
	local name=$1 group=$2 go=$3 count=$4 status=${5:-0}

	sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' sh "$cg/$group" \
		ip netns exec "$ns1" "$PYTHON" "$FLOWS" "$name" "$tmp/$name.ports" "$go" \
		10.99.0.2 fd00:99::2 "$count" "$status" 2>>"$tmp/$name.err" &
	flows_pid=$!
	register_pid "$flows_pid"
	wait_until 10 test -e "$tmp/$name.ports" || fail "$name did not connect"
}

# attrib_ready N: until N packet sockets run in ns1.  sniff binds its rings after the socket
# scan, which takes seconds on a host of 100,000 sockets: a longer wait than wait_sniffing's.
attrib_ready()
{
	wait_until 60 sockets_at_least "$ns1" "$1" ||
		fail "sniff did not start capturing in $ns1 within 60 s"
}

# attrib_sniff OUT ERR ARGS...: sockeye -N ns1 ARGS in the background (-N: setns alone, so
# the cgroup mount stays in view, where ip netns exec remounts /sys); pid in sniff_pid.
attrib_sniff()
{
	local out=$1 err=$2

	shift 2
	timeout -s INT 60 "$SOCKEYE" -N "$ns1" "$@" >"$out" 2>"$err" &
	sniff_pid=$!
	register_pid "$sniff_pid"
}
