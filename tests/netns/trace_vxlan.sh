#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_vxlan.sh: sockeye trace follows datagrams sent over a VXLAN tunnel from the overlay
# device through its encapsulation, across the veth underlay, through the decapsulation to the
# reader: one packet each, every hop in order, delivered to the reader's pid.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3
need_bpf
send=$top_srcdir/tests/netns/drops_send.py
N=4

netns_new A
netns_new B
veth_pair "$A" ua "$B" ub
addr_add "$A" ua 10.92.0.1/24
addr_add "$B" ub 10.92.0.2/24
ip -n "$A" link add vxa type vxlan id 42 remote 10.92.0.2 local 10.92.0.1 dstport 4789 dev ua ||
	skip "no VXLAN in this kernel"
ip -n "$B" link add vxb type vxlan id 42 remote 10.92.0.1 local 10.92.0.2 dstport 4789 dev ub ||
	fail "cannot add the VXLAN device in B"
ipv6_off "$A" vxa
ipv6_off "$B" vxb
link_up "$A" vxa
link_up "$B" vxb
addr_add "$A" vxa 192.168.92.1/24
addr_add "$B" vxb 192.168.92.2/24
# The overlay's neighbour first (ARP over the tunnel), then nothing but the datagrams.
ns_exec "$A" ping -c 1 -W 2 -q 192.168.92.2 >/dev/null || fail "no ping over the tunnel"

tmp=$(mktemp -d)
register_file "$tmp"
ip netns exec "$B" python3 "$top_srcdir/tests/netns/trace_reader.py" 192.168.92.2 9000 "$N" 10 \
	>"$tmp/reader" &
register_pid $!
wait_for_text "$tmp/reader" ready 10 || fail "the reader did not start"
reader_pid=$(awk '/^ready/ { print $2 }' "$tmp/reader")

start_sockeye "$tmp/out" "$tmp/err" -N "$A" -j trace udp port 9000
ns_exec "$A" python3 "$send" udp 192.168.92.2 9000 "$N" || fail "cannot send over the tunnel"
wait_for_text "$tmp/reader" done 10 || fail "the reader did not read its $N datagrams"
sleep 0.3
stop_sockeye

pk=$tmp/packets
jq -c 'select(.type == "trace_packet")' "$tmp/out" >"$pk"
[[ $(wc -l <"$pk") -eq $N ]] || fail "$(wc -l <"$pk") packets, want $N: $(cat "$tmp/out")"
path='[.hops[] | .hop + "@" + (.iface // "-")] | join(" ")'
want="net_dev_queue@vxa net_dev_start_xmit@vxa net_dev_queue@ua net_dev_start_xmit@ua netif_rx@ub *"
want+="netif_receive_skb@ub napi_gro_receive_entry@vxb netif_receive_skb@vxb sk_data_ready@- "
want+="sock_recv_length@-"
jq -r "$path" "$pk" | while read -r p; do
	# shellcheck disable=SC2053
	[[ $p == $want ]] || fail "a datagram's path: $p"
done
n=$(jq -r --argjson pid "$reader_pid" 'select(.fate == "delivered" and .task.pid == $pid) | 1' \
	"$pk" | wc -l)
[[ $n -eq $N ]] || fail "$n datagrams delivered to pid $reader_pid, want $N"
stats=$(jq -c 'select(.type == "trace_stats")' "$tmp/out")
[[ $(jq -r .lost_events <<<"$stats") -eq 0 && $(jq -r .unfinished <<<"$stats") -eq 0 ]] ||
	fail "totals: $stats"
echo "PASS: $NETNS_TEST: $N datagrams followed through vxa, ua, ub, vxb to pid $reader_pid"
