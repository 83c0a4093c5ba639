#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_qdisc.sh: with a qdisc on the sending veth, sockeye trace shows each datagram entering
# it (qdisc:qdisc_enqueue) and leaving it (qdisc:qdisc_dequeue) between net_dev_queue and the
# driver, in that order, on that device; with raw_tp too.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 tc
need_bpf
send=$top_srcdir/tests/netns/drops_send.py

N=6

netns_new A
netns_new B
veth_pair "$A" qa "$B" qb
addr_add "$A" qa 10.91.0.1/24
addr_add "$B" qb 10.91.0.2/24
mac_b=$(ip -n "$B" -j link show qb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.91.0.2 lladdr "$mac_b" dev qa nud permanent
# A veth has no qdisc of its own (noqueue): give it one that never lets a packet bypass it
# (pfifo sends straight on when empty, without enqueueing; tbf always enqueues).
ns_exec "$A" tc qdisc replace dev qa root tbf rate 1gbit burst 100k latency 10ms || fail "cannot add the qdisc"

tmp=$(mktemp -d)
register_file "$tmp"
pids=()
for attach in tp_btf raw_tp; do
	start_sockeye "$tmp/out.$attach" "$tmp/err.$attach" -N "$A" -j trace --attach "$attach" \
		udp and dst port 9
	pids+=("$sockeye_pid")
done
ns_exec "$A" python3 "$send" udp 10.91.0.2 9 "$N" || fail "cannot send"
sleep 0.5
for pid in "${pids[@]}"; do
	sockeye_pid=$pid
	stop_sockeye
done

path='[.hops[] | .hop + "@" + (.iface // "-")] | join(" ")'
for attach in tp_btf raw_tp; do
	out=$tmp/out.$attach
	n=$(jq -r 'select(.type == "trace_packet") | 1' "$out" | wc -l)
	[[ $n -eq $N ]] || fail "$attach: $n packets, want $N: $(cat "$tmp/err.$attach")"
	jq -r "select(.type == \"trace_packet\") | $path" "$out" | while read -r p; do
		[[ $p == "net_dev_queue@qa qdisc_enqueue@qa qdisc_dequeue@qa net_dev_start_xmit@qa "* ]] ||
			fail "$attach: a datagram's path: $p"
	done
	groups=$(jq -r 'select(.type == "trace_packet") | .hops[] | select(.hop | startswith("qdisc_")) |
		.group' "$out" | sort -u)
	[[ $groups == qdisc ]] || fail "$attach: the qdisc hops' group: $groups"
done
echo "PASS: $NETNS_TEST: $N datagrams through the qdisc on qa, enqueued then dequeued"
