#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_paths.sh: sockeye trace follows packets across a veth to their end: UDP datagrams to a
# reader that sleeps 50 ms before each read wait 50 ms or more in the socket queue and are
# delivered to the reader's pid; datagrams to a closed port end in NO_SOCKET, those an nftables
# rule drops in NETFILTER_DROP; the totals count every packet, none lost.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 nft tshark
need_bpf
send=$top_srcdir/tests/netns/drops_send.py

N_READ=5	# to the sleeping reader
N_NOSOCK=4	# to a closed port
N_NF=3		# to a port nftables drops

netns_new A
netns_new B
veth_pair "$A" ta "$B" tb
addr_add "$A" ta 10.96.0.1/24
addr_add "$B" tb 10.96.0.2/24
mac_a=$(ip -n "$A" -j link show ta | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show tb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.96.0.2 lladdr "$mac_b" dev ta nud permanent
ip -n "$B" neigh replace 10.96.0.1 lladdr "$mac_a" dev tb nud permanent
ns_exec "$B" nft -f - <<'NFT' || fail "cannot add the nftables rule"
table inet sockeye_trace_test {
	chain input {
		type filter hook input priority 0; policy accept;
		udp dport 7777 drop
	}
}
NFT

tmp=$(mktemp -d)
register_file "$tmp"
ip netns exec "$B" python3 "$top_srcdir/tests/netns/trace_reader.py" 10.96.0.2 9000 "$N_READ" 50 \
	>"$tmp/reader" &
register_pid $!
wait_for_text "$tmp/reader" ready 10 || fail "the reader did not start"
reader_pid=$(awk '/^ready/ { print $2 }' "$tmp/reader")

# Selected in A's namespace where they start (net_dev_queue on ta), followed into B.
start_sockeye "$tmp/out" "$tmp/err" -N "$A" -j trace udp and dst net 10.96.0.0/24
out_pid=$sockeye_pid
# --summary alone is counted in the kernel (no event per packet): the same as the one with -w.
start_sockeye "$tmp/ksum" "$tmp/ksum.err" -N "$A" -j trace --summary udp and dst net 10.96.0.0/24
ksum_pid=$sockeye_pid
# The same packets as hop-pair histograms, and into a pcapng file with hops and fate as comments.
start_sockeye "$tmp/sum" "$tmp/sum.err" -N "$A" -j trace --summary -w "$tmp/t.pcapng" \
	udp and dst net 10.96.0.0/24
ns_exec "$A" python3 "$send" udp 10.96.0.2 9000 "$N_READ" || fail "cannot send to the reader"
ns_exec "$A" python3 "$send" udp 10.96.0.2 9 "$N_NOSOCK" || fail "cannot send to the closed port"
ns_exec "$A" python3 "$send" udp 10.96.0.2 7777 "$N_NF" || fail "cannot send to the nft port"
wait_for_text "$tmp/reader" done 10 || fail "the reader did not read its $N_READ datagrams"
sleep 0.3
stop_sockeye
sockeye_pid=$ksum_pid
stop_sockeye
sockeye_pid=$out_pid
stop_sockeye

jq -e . "$tmp/out" >/dev/null || fail "output is not NDJSON: $(head -3 "$tmp/out")"
pk=$tmp/packets
jq -c 'select(.type == "trace_packet")' "$tmp/out" >"$pk"
total=$((N_READ + N_NOSOCK + N_NF))
[[ $(wc -l <"$pk") -eq $total ]] ||
	fail "$(wc -l <"$pk") packets, want $total: $(jq -r .summary "$pk"; cat "$tmp/err")"

# The reader's datagrams: across the veth, queued, then read by the reader after 50 ms or more.
read_pk=$tmp/read
jq -c 'select(.summary | test("> 10\\.96\\.0\\.2\\.9000:"))' "$pk" >"$read_pk"
[[ $(wc -l <"$read_pk") -eq $N_READ ]] || fail "$(wc -l <"$read_pk") datagrams to the reader, want $N_READ"
n=$(jq -r --argjson pid "$reader_pid" 'select(.fate == "delivered" and .task.pid == $pid) | 1' \
	"$read_pk" | wc -l)
[[ $n -eq $N_READ ]] || fail "$n datagrams delivered to pid $reader_pid, want $N_READ: $(head -2 "$read_pk")"
# The path: queued on ta in A, handed to the driver, received on tb in B, the socket woken, read.
path='[.hops[] | .hop + "@" + (.iface // "-")] | join(" ")'
jq -r "$path" "$read_pk" | while read -r p; do
	[[ $p == "net_dev_queue@ta net_dev_start_xmit@ta netif_rx@tb "*"netif_receive_skb@tb"*"sk_data_ready@-"*"sock_recv_length@-" ]] ||
		fail "a datagram's path: $p"
done
# Queue wait: from the hop before the read to the read, 50 ms at least, each datagram.
waits=$(jq -r '.hops as $h | ($h | length) as $n | ($h[$n - 1].t_ns - $h[$n - 2].t_ns)' "$read_pk")
for w in $waits; do
	((w >= 50000000)) || fail "a datagram waited $w ns in the socket queue, want >= 50 ms: $waits"
done

expect_drop() # PORT REASON COUNT
{
	local n

	n=$(jq -r --arg p "> 10.96.0.2.$1:" --arg r "$2" 'select((.summary | contains($p)) and
		.fate == "dropped" and .reason == $r and (.location | test("^[a-z_0-9.]+\\+0x")) and
		.hops[-1].hop == "kfree_skb" and .hops[-1].iface == "tb") | 1' "$pk" | wc -l)
	[[ $n -eq $3 ]] || fail "$n packets to port $1 dropped with $2 on tb, want $3: $(grep "\.$1:" "$pk" | head -2)"
}
expect_drop 9 NO_SOCKET "$N_NOSOCK"
expect_drop 7777 NETFILTER_DROP "$N_NF"

stats=$(jq -c 'select(.type == "trace_stats")' "$tmp/out")
[[ $(jq -r '.packets' <<<"$stats") -eq $total && $(jq -r '.lost_events' <<<"$stats") -eq 0 &&
	$(jq -r '.unfinished' <<<"$stats") -eq 0 && $(jq -r '.evicted' <<<"$stats") -eq 0 ]] ||
	fail "totals: $stats, want $total packets, none lost, unfinished or evicted"
/usr/bin/python3 "$top_srcdir/tests/tools/json_validate.py" "$top_srcdir/schema" "$tmp/out" \
	"$tmp/sum" "$tmp/ksum" || fail "a record does not match its schema"

# --summary: the socket queue wait of each datagram read is in the 2^26 ns bucket or above.
sum=$(jq -c 'select(.type == "trace_summary")' "$tmp/sum")
[[ $(jq -r .packets <<<"$sum") -eq $total && $(jq -r .fates.delivered <<<"$sum") -eq $N_READ &&
	$(jq -r .fates.dropped <<<"$sum") -eq $((N_NOSOCK + N_NF)) ]] || fail "summary: $sum"
q=$(jq -c '.pairs[] | select(.from == "sk_data_ready" and .to == "sock_recv_length")' <<<"$sum")
[[ $(jq -r .count <<<"$q") -eq $N_READ && $(jq -r .min_ns <<<"$q") -ge 50000000 &&
	$(jq -r '[.buckets[] | select(.ge_ns >= 33554432) | .count] | add' <<<"$q") -eq $N_READ ]] ||
	fail "summary: the queue wait pair: $q"
# The kernel's --summary: the same packets, fates, pairs and counts; the queue wait as well.
ksum=$(jq -c 'select(.type == "trace_summary")' "$tmp/ksum")
shape='{packets, fates, pairs: [.pairs[] | {from, to, count}]}'
[[ $(jq -c "$shape" <<<"$ksum") == "$(jq -c "$shape" <<<"$sum")" ]] ||
	fail "the kernel's summary: $(jq -c "$shape" <<<"$ksum"), with -w: $(jq -c "$shape" <<<"$sum")"
q=$(jq -c '.pairs[] | select(.from == "sk_data_ready" and .to == "sock_recv_length")' <<<"$ksum")
[[ $(jq -r .min_ns <<<"$q") -ge 50000000 &&
	$(jq -r '[.buckets[] | select(.ge_ns >= 33554432) | .count] | add' <<<"$q") -eq $N_READ ]] ||
	fail "the kernel's summary: the queue wait pair: $q"
kstats=$(jq -c 'select(.type == "trace_stats")' "$tmp/ksum")
[[ $(jq -r '.packets' <<<"$kstats") -eq $total && $(jq -r '.unfinished' <<<"$kstats") -eq 0 &&
	$(jq -r '.lost_events' <<<"$kstats") -eq 0 ]] || fail "the kernel's summary: totals: $kstats"
# -w: every packet, its fate and hops in the comment tshark shows.
comments=$(tshark -r "$tmp/t.pcapng" -T fields -e frame.comment 2>/dev/null)
[[ $(grep -c . <<<"$comments") -eq $total ]] || fail "-w: $(grep -c . <<<"$comments") packets with comments, want $total"
[[ $(grep -c "^delivered to pid $reader_pid (python3); net_dev_queue@ta" <<<"$comments") -eq $N_READ &&
	$(grep -c "^dropped: NO_SOCKET at " <<<"$comments") -eq $N_NOSOCK &&
	$(grep -c "^dropped: NETFILTER_DROP at .*kfree_skb@tb" <<<"$comments") -eq $N_NF ]] ||
	fail "-w: the comments: $comments"
[[ $(tshark -r "$tmp/t.pcapng" -Y "udp.dstport == 9000" 2>/dev/null | wc -l) -eq $N_READ ]] ||
	fail "-w: the packets' bytes do not decode as the UDP datagrams sent"

echo "PASS: $NETNS_TEST: $N_READ delivered to pid $reader_pid after >= 50 ms queued ($(echo $waits)" \
	"ns), NO_SOCKET $N_NOSOCK, NETFILTER_DROP $N_NF"
