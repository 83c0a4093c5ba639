#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# drops_reasons.sh: five drop causes with known counts: the summary and the events report each
# with its reason, interface, protocol and tuple, and bpftrace counts the same in the same run.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 nft bpftrace unshare
need_bpf
send=$top_srcdir/tests/netns/drops_send.py

N_NOSOCK=20	# UDP to a closed port: NO_SOCKET
N_NF=15		# UDP to a port an nftables rule drops: NETFILTER_DROP
N_FILL=40	# 1000-byte datagrams to a socket that never reads: SOCKET_RCVBUFF
N_OTHER=12	# frames to a MAC address that is not the receiver's: OTHERHOST
N_CSUM=9	# frames with a bad IPv4 header checksum: IP_CSUM

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.97.0.1/24
addr_add "$B" vb 10.97.0.2/24
mac_a=$(ip -n "$A" -j link show va | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
# Static neighbours: no ARP packet in the window.
ip -n "$A" neigh replace 10.97.0.2 lladdr "$mac_b" dev va nud permanent
ip -n "$B" neigh replace 10.97.0.1 lladdr "$mac_a" dev vb nud permanent
ns_exec "$B" nft -f - <<'EOF' || fail "cannot add the nftables rule"
table inet sockeye_test {
	chain input {
		type filter hook input priority 0; policy accept;
		udp dport 7777 drop
	}
}
EOF

tmp=$(mktemp -d)
register_file "$tmp"
# ip netns exec, not ns_exec: $! must be the python process itself.
ip netns exec "$B" python3 "$send" hold 10.97.0.2 8888 1024 >"$tmp/hold" &
register_pid $!
wait_for_text "$tmp/hold" ready 10 || fail "the never-reading socket did not start"

ino=$(netns_ino "$B")
start_bpftrace "$tmp/bt" "tracepoint:skb:kfree_skb {
	\$skb = (struct sk_buff *)args->skbaddr;
	\$ns = \$skb->dev != 0 ? \$skb->dev->nd_net.net->ns.inum :
		\$skb->sk->__sk_common.skc_net.net->ns.inum;
	if (\$ns == $ino) { @[args->reason] = count(); }
}"
bt_pid=$bpftrace_pid
start_sockeye "$tmp/events" "$tmp/events.err" -N "$B" -j drops --events
ev_pid=$sockeye_pid
start_sockeye "$tmp/sum" "$tmp/sum.err" -N "$B" -j drops -i 100

ns_exec "$A" python3 "$send" udp 10.97.0.2 9 "$N_NOSOCK" || fail "cannot send to the closed port"
ns_exec "$A" python3 "$send" udp 10.97.0.2 7777 "$N_NF" || fail "cannot send to the nft port"
ns_exec "$A" python3 "$send" udp 10.97.0.2 8888 "$N_FILL" 1000 || fail "cannot fill the socket"
ns_exec "$A" python3 "$send" frame va 02:00:00:00:00:99 10.97.0.1 10.97.0.2 5555 "$N_OTHER" ||
	fail "cannot send frames to another host's MAC"
ns_exec "$A" python3 "$send" frame va "$mac_b" 10.97.0.1 10.97.0.2 5556 "$N_CSUM" badcsum ||
	fail "cannot send frames with a bad checksum"
sleep 0.5

stop_sockeye
sockeye_pid=$ev_pid
stop_sockeye
bpftrace_pid=$bt_pid
stop_bpftrace

# The socket's own drop counter (the last column of /proc/net/udp) is the truth for the fill.
n_fill=$(ns_exec "$B" awk '$2 ~ /:22B8$/ { print $NF }' /proc/net/udp)
sk_ino=$(ns_exec "$B" awk '$2 ~ /:22B8$/ { print $10 }' /proc/net/udp)
[[ $n_fill -gt 0 && $n_fill -lt $N_FILL ]] || fail "the socket dropped $n_fill of $N_FILL"

jq -e . "$tmp/sum" >/dev/null || fail "summary output is not JSON: $(cat "$tmp/sum")"
[[ $(wc -l <"$tmp/sum") -eq 1 ]] || fail "want one summary document, got $(wc -l <"$tmp/sum")"
reason_count() # FILE REASON
{
	jq -r --arg r "$2" '[.drops[] | select(.reason == $r) | .count] | add // 0' "$1"
}
declare -A want=([NO_SOCKET]=$N_NOSOCK [NETFILTER_DROP]=$N_NF [SOCKET_RCVBUFF]=$n_fill
	[OTHERHOST]=$N_OTHER [IP_CSUM]=$N_CSUM)
for r in "${!want[@]}"; do
	got=$(reason_count "$tmp/sum" "$r")
	[[ $got -eq ${want[$r]} ]] || fail "summary: $r counted $got, want ${want[$r]}: $(cat "$tmp/sum")"
done
total=$(jq -r .total_drops "$tmp/sum")
sum_want=$((N_NOSOCK + N_NF + n_fill + N_OTHER + N_CSUM))
[[ $total -eq $sum_want ]] || fail "summary: total_drops $total, want $sum_want: $(cat "$tmp/sum")"
jq -e '[.drops[] | select(.iface != "vb" or .proto != "udp")] | length == 0' "$tmp/sum" \
	>/dev/null || fail "summary: a row not on vb or not udp: $(cat "$tmp/sum")"

# bpftrace, in the same run, counts the same per reason (its keys are the reason numbers).
for r in "${!want[@]}"; do
	code=$(jq -r --arg r "$r" '[.drops[] | select(.reason == $r) | .reason_code][0]' "$tmp/sum")
	bt=$(sed -n "s/^@\[$code\]: //p" "$tmp/bt")
	[[ ${bt:-0} -eq ${want[$r]} ]] || fail "bpftrace counted ${bt:-0} $r (code $code), want ${want[$r]}"
done
bt_total=$(sed -n 's/^@\[[0-9]*\]: //p' "$tmp/bt" | awk '{ s += $1 } END { print s + 0 }')
[[ $bt_total -eq $total ]] || fail "bpftrace counted $bt_total drops in all, sockeye $total"

# Events: one NDJSON record per drop, then the totals.
jq -e . "$tmp/events" >/dev/null || fail "events output is not NDJSON"
drops=$tmp/events.drops
jq -c 'select(.type == "drop")' "$tmp/events" >"$drops"
[[ $(wc -l <"$drops") -eq $total ]] || fail "$(wc -l <"$drops") events, want $total"
stats=$(jq -c 'select(.type == "drop_stats") | .totals' "$tmp/events")
[[ $(jq -r '.events' <<<"$stats") -eq $total && $(jq -r '.lost_events' <<<"$stats") -eq 0 &&
	$(jq -r '.drops' <<<"$stats") -eq $total ]] || fail "event totals: $stats, want $total events"
# expect_events REASON COUNT SRC DST: COUNT events of REASON on vb, udp, with this tuple.
expect_events()
{
	local n

	n=$(jq -r --arg r "$1" --arg s "$3" --arg d "$4" 'select(.reason == $r and .iface == "vb"
		and .proto == "udp" and (.src | test("^" + $s + "$")) and .dst == $d and .cpu >= 0
		and .ts_ns > 0 and .netns_ino == '"$ino"') | 1' "$drops" | wc -l)
	[[ $n -eq $2 ]] || fail "$n $1 events on vb from $3 to $4, want $2: $(grep "$1" "$drops" | head -3)"
}
expect_events NO_SOCKET "$N_NOSOCK" '10\.97\.0\.1:[0-9]+' 10.97.0.2:9
expect_events NETFILTER_DROP "$N_NF" '10\.97\.0\.1:[0-9]+' 10.97.0.2:7777
expect_events SOCKET_RCVBUFF "$n_fill" '10\.97\.0\.1:[0-9]+' 10.97.0.2:8888
expect_events OTHERHOST "$N_OTHER" '10\.97\.0\.1:40000' 10.97.0.2:5555
expect_events IP_CSUM "$N_CSUM" '10\.97\.0\.1:40000' 10.97.0.2:5556
# The receive-buffer drops name the socket that was full.
n=$(jq -r --arg i "$sk_ino" 'select(.reason == "SOCKET_RCVBUFF" and (.sk_ino | tostring) == $i)
	| 1' "$drops" | wc -l)
[[ $n -eq $n_fill ]] || fail "$n SOCKET_RCVBUFF events name socket inode $sk_ino, want $n_fill"
# Locations are symbolized as function+offset.
jq -e -s 'all(.[]; .location | test("^[A-Za-z_][A-Za-z0-9_.]*\\+0x[0-9a-f]+"))' "$drops" \
	>/dev/null || fail "a location is not function+offset: $(jq -r .location "$drops" | sort -u)"
echo "PASS: $NETNS_TEST: NO_SOCKET $N_NOSOCK, NETFILTER_DROP $N_NF, SOCKET_RCVBUFF $n_fill," \
	"OTHERHOST $N_OTHER, IP_CSUM $N_CSUM; bpftrace agrees"
