#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_qstats.sh: top's per-queue packet counts from netdev netlink (NETDEV_CMD_QSTATS_GET),
# bracketed by an independent reader (qstats_probe.py) before and after the snapshot.
# veth has no queue statistics, so this reads the host's devices that do (virtio_net,
# mlx5, bnxt...): it only reads their counters and sends nothing; it skips when none has them.
. "${top_srcdir:-.}/tests/netns/lib.sh"

need_root
need_cmd jq
need_cmd python3

probe="${top_srcdir:-.}/tests/netns/qstats_probe.py"
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

python3 "$probe" >"$tmp/before" || fail "qstats_probe.py failed"
[ -s "$tmp/before" ] || skip "no device here has netdev queue statistics"
"$SOCKEYE" -j top -b -n 1 >"$tmp/top.json" 2>"$tmp/top.err" || fail "top failed: $(cat "$tmp/top.err")"
python3 "$probe" >"$tmp/after" || fail "qstats_probe.py failed"

checked=0
while read -r ifindex dir queue lo; do
	hi=$(awk -v i="$ifindex" -v d="$dir" -v q="$queue" '$1 == i && $2 == d && $3 == q { print $4 }' "$tmp/after")
	[ -n "$hi" ] || continue	# the queue went away meanwhile
	name=$(ip -j link show | jq -r ".[] | select(.ifindex == $ifindex) | .ifname")
	[ -n "$name" ] || continue
	got=$(jq -r ".queues[] | select(.iface == \"$name\" and .dir == \"$dir\" and .queue_id == $queue) | .packets" "$tmp/top.json")
	[ -n "$got" ] && [ "$got" != null ] || fail "$name $dir-$queue: no packet count in top's queues panel"
	[ "$got" -ge "$lo" ] && [ "$got" -le "$hi" ] ||
		fail "$name $dir-$queue: top says $got packets, netlink said $lo then $hi"
	checked=$((checked + 1))
done <"$tmp/before"
[ "$checked" -gt 0 ] || skip "the devices with queue statistics went away"
echo "PASS: top's per-queue packets match netdev qstats on $checked queues"
