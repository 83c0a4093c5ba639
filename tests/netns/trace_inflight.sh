#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_inflight.sh: packets still followed when sockeye trace stops, and packets pushed out of
# a full table, are shown with every hop the kernel kept for them (their slots' batches are
# read at the end, or sent at the eviction), unfinished, none lost.  Datagrams queued to a
# socket that is not read yet have no fate: netif_rx, net_dev_xmit (veth's, after it),
# netif_receive_skb and sk_data_ready only.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3
need_bpf
send=$top_srcdir/tests/netns/drops_send.py

N=40		# datagrams queued, none read while sockeye runs
MAX=16		# --max-packets: 4 sets of 4 ways, fewer than N

netns_new A
netns_new B
veth_pair "$A" ta "$B" tb
addr_add "$A" ta 10.97.0.1/24
addr_add "$B" tb 10.97.0.2/24
mac_a=$(ip -n "$A" -j link show ta | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show tb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.97.0.2 lladdr "$mac_b" dev ta nud permanent
ip -n "$B" neigh replace 10.97.0.1 lladdr "$mac_a" dev tb nud permanent

tmp=$(mktemp -d)
register_file "$tmp"
# Reads nothing for 10 minutes after the first datagram: the others wait in its queue.
ip netns exec "$B" python3 "$top_srcdir/tests/netns/trace_reader.py" 10.97.0.2 9000 "$N" 600000 \
	>"$tmp/reader" &
register_pid $!
wait_for_text "$tmp/reader" ready 10 || fail "the reader did not start"

# Followed from B's receive (netif_rx on tb): the packets' hops are kept in their slots.
start_sockeye "$tmp/out" "$tmp/err" -N "$B" -j trace udp and dst port 9000
out_pid=$sockeye_pid
start_sockeye "$tmp/small" "$tmp/small.err" -N "$B" -j trace --max-packets "$MAX" \
	udp and dst port 9000
small_pid=$sockeye_pid
ns_exec "$A" python3 "$send" udp 10.97.0.2 9000 "$N" || fail "cannot send"
sleep 0.5
stop_sockeye
sockeye_pid=$out_pid
stop_sockeye

path='[.hops[] | .hop + "@" + (.iface // "-")] | join(" ")'
want="netif_rx@tb net_dev_xmit@ta netif_receive_skb@tb sk_data_ready@-"
for f in out small; do
	pk=$tmp/$f.pk
	jq -c 'select(.type == "trace_packet")' "$tmp/$f" >"$pk"
	[[ $(wc -l <"$pk") -eq $N ]] || fail "$f: $(wc -l <"$pk") packets, want $N: $(cat "$tmp/$f.err")"
	n=$(jq -r "select(.fate == \"unfinished\") | $path" "$pk" | grep -cx "$want")
	[[ $n -eq $N ]] || fail "$f: $n unfinished packets with the hops $want, want $N: $(jq -r "$path" "$pk" | sort | uniq -c)"
	stats=$(jq -c 'select(.type == "trace_stats")' "$tmp/$f")
	[[ $(jq -r .packets <<<"$stats") -eq $N && $(jq -r .unfinished <<<"$stats") -eq $N &&
		$(jq -r .lost_events <<<"$stats") -eq 0 && $(jq -r .orphan_events <<<"$stats") -eq 0 ]] ||
		fail "$f: totals $stats"
done
# All N followed at the end in the default table; the small one evicted some, and said so.
stats=$(jq -c 'select(.type == "trace_stats")' "$tmp/out")
[[ $(jq -r .live <<<"$stats") -eq $N && $(jq -r .evicted <<<"$stats") -eq 0 ]] ||
	fail "the default table: $stats, want $N live, none evicted"
stats=$(jq -c 'select(.type == "trace_stats")' "$tmp/small")
ev=$(jq -r .evicted <<<"$stats")
live=$(jq -r .live <<<"$stats")
((ev > 0 && live <= MAX && ev + live == N)) || fail "--max-packets $MAX: $stats, want evictions"
grep -q "followed packets evicted: more than --max-packets $MAX" "$tmp/small.err" ||
	fail "--max-packets $MAX: no word of the evictions: $(cat "$tmp/small.err")"

echo "PASS: $NETNS_TEST: $N in flight shown with their hops, --max-packets $MAX: $ev evicted, $live live"
