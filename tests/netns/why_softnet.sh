#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why_softnet.sh: a tiny net.core.netdev_max_backlog and RPS steering a veth to one CPU, flooded
# from a TX ring: why names the softnet backlog first with the drops /proc/net/softnet_stat
# counted, and the host's netdev_max_backlog as it read it.  The sysctl is the host's: the test
# runs alone while it is changed (lib.sh's host_exclusive) and puts it back.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/why_lib.sh"

need_root
need_cmd jq python3 taskset
[[ $(nproc) -ge 2 ]] || skip "RPS to another CPU needs two CPUs"
[[ -e /proc/sys/net/core/netdev_max_backlog ]] || skip "no net.core.netdev_max_backlog"

why_veth 10.96.7
# Every packet vb receives goes to CPU 1's backlog (ip netns exec mounts B's sysfs).
ns_exec "$B" sh -c 'echo 2 >/sys/class/net/vb/queues/rx-0/rps_cpus' ||
	skip "no RPS in this kernel (CONFIG_RPS)"

softnet_dropped()
{
	local s=0 h

	for h in $(awk '{ print $2 }' /proc/net/softnet_stat); do
		s=$((s + 16#$h))
	done
	echo "$s"
}

tmp=$(mktemp -d)
register_file "$tmp"
# What passes the backlog ends in a socket with room for it all: no loss past softnet.
ip netns exec "$B" python3 "$top_srcdir/tests/netns/drops_send.py" hold 10.96.7.2 8888 4194304 \
	>"$tmp/hold" &
register_pid $!
wait_until 10 grep -qs ready "$tmp/hold" || fail "the receiving socket did not start"
# A backlog of 2 is the whole host's: no other test may send while it is set.
host_exclusive 180 || skip "other tests kept the host busy for 180 s"
old=$(cat /proc/sys/net/core/netdev_max_backlog)
restore() { echo "$old" >/proc/sys/net/core/netdev_max_backlog; }
# Put back on every way out, keeping the test's status for lib.sh's cleanup.
restore_cleanup()
{
	local rc=$?

	restore
	(exit "$rc")
	cleanup
}
trap restore_cleanup EXIT
echo 2 >/proc/sys/net/core/netdev_max_backlog || fail "cannot set netdev_max_backlog"

before=$(softnet_dropped)
start_why "$tmp/out" "$tmp/err" -N "$B"
# The veth refuses what the backlog drops, and inject says so (status 1): expected here.
ns_exec "$A" taskset -c 0 "$SOCKEYE" inject -i va -c 3000 --topspeed \
	udp dst 10.96.7.2:8888 >/dev/null 2>"$tmp/inject.err"
sleep 0.3
stop_why "$tmp/out" "$tmp/err"
after=$(softnet_dropped)
restore

want=$((after - before))
[[ $want -gt 0 ]] || skip "the backlog never overflowed here (CPU 1 kept up)"
[[ $(first_cause "$tmp/out") == softnet_backlog ]] ||
	fail "verdict $(first_cause "$tmp/out"), want softnet_backlog: $(jq -c .causes "$tmp/out")"
got=$(cause_drops "$tmp/out" softnet_backlog)
[[ $got -eq $want ]] || fail "why counted $got backlog drops, softnet_stat $want"
# The host's value, read before entering B (B's /proc/sys has none).
[[ $(advice_value "$tmp/out" net.core.netdev_max_backlog) == 2 ]] ||
	fail "netdev_max_backlog not read from the host: $(jq -c .verdicts "$tmp/out")"
jq -e '.verdicts[0].advice[] | select(.setting == "net.core.netdev_max_backlog" and
	.scope == "host" and .command == "sysctl -w net.core.netdev_max_backlog=2000")' \
	"$tmp/out" >/dev/null || fail "no netdev_max_backlog command: $(jq -c .verdicts "$tmp/out")"
exit 0
