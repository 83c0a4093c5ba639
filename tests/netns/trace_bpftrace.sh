#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_bpftrace.sh: the hops sockeye trace reports on a veth pair are the tracepoint hits
# bpftrace counts on the same devices in the same run: UDP both ways and pings.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 bpftrace unshare ping
need_bpf
send=$top_srcdir/tests/netns/drops_send.py

# Names no other namespace has: bpftrace counts by device name over all of them.
ia=tbt$$a
ib=tbt$$b
netns_new A
netns_new B
veth_pair "$A" "$ia" "$B" "$ib"
addr_add "$A" "$ia" 10.94.0.1/24
addr_add "$B" "$ib" 10.94.0.2/24
mac_a=$(ip -n "$A" -j link show "$ia" | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show "$ib" | jq -r '.[0].address')
ip -n "$A" neigh replace 10.94.0.2 lladdr "$mac_b" dev "$ia" nud permanent
ip -n "$B" neigh replace 10.94.0.1 lladdr "$mac_a" dev "$ib" nud permanent

tmp=$(mktemp -d)
register_file "$tmp"
hops="netif_rx netif_receive_skb net_dev_queue net_dev_start_xmit net_dev_xmit"
prog=""
for h in $hops; do
	prog+="tracepoint:net:$h /str(args->name) == \"$ia\" || str(args->name) == \"$ib\"/ {
	@[\"$h\", str(args->name)] = count(); }
"
done
start_bpftrace "$tmp/bt" "$prog"
# Every namespace: the packets start where they are sent, A or B; the filter keeps them ours.
start_sockeye "$tmp/out" "$tmp/err" -j trace net 10.94.0.0/24

ns_exec "$A" python3 "$send" udp 10.94.0.2 9 6 || fail "cannot send A to B"
ns_exec "$B" python3 "$send" udp 10.94.0.1 9 4 || fail "cannot send B to A"
ns_exec "$A" ping -c 3 -i 0.2 -q 10.94.0.2 >/dev/null || fail "ping failed"
sleep 0.5
stop_sockeye
stop_bpftrace

jq -e . "$tmp/out" >/dev/null || fail "output is not NDJSON"
stats=$(jq -c 'select(.type == "trace_stats")' "$tmp/out")
[[ $(jq -r .lost_events <<<"$stats") -eq 0 && $(jq -r .evicted <<<"$stats") -eq 0 ]] ||
	fail "events lost or packets evicted: $stats"
n=0
for h in $hops; do
	for dev in "$ia" "$ib"; do
		bt=$(sed -n "s/^@\[$h, $dev\]: //p" "$tmp/bt")
		got=$(jq -r --arg h "$h" --arg d "$dev" 'select(.type == "trace_packet") | .hops[] |
			select(.hop == $h and .iface == $d) | 1' "$tmp/out" | wc -l)
		[[ $got -eq ${bt:-0} ]] || fail "$h on $dev: sockeye $got hops, bpftrace ${bt:-0}"
		n=$((n + got))
	done
done
((n >= 60)) || fail "only $n hops counted: $(cat "$tmp/bt")"
echo "PASS: $NETNS_TEST: $n hops on $ia/$ib, each as bpftrace counted"
