#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_pid.sh: trace --pid and --comm follow only the packets of the given processes' sockets,
# sent and received: two clients in C (tpalpha and tpbeta), each with a UDP socket bound before
# sockeye starts and a TCP connection made after, exchange echoed datagrams and messages with a
# server in S.  trace -N C --pid ALPHA reports exactly the packets tcpdump sees on alpha's ports
# (none of beta's), --comm tpbeta exactly beta's; -w names alpha's pid in each packet's comment.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 tcpdump tshark
need_bpf
peer=$top_srcdir/tests/netns/trace_pid_peer.py

N=6	# datagrams and messages per client, each echoed

netns_new C
netns_new S
veth_pair "$C" pc "$S" ps
addr_add "$C" pc 10.88.0.1/24
addr_add "$S" ps 10.88.0.2/24
mac_c=$(ip -n "$C" -j link show pc | jq -r '.[0].address')
mac_s=$(ip -n "$S" -j link show ps | jq -r '.[0].address')
ip -n "$C" neigh replace 10.88.0.2 lladdr "$mac_s" dev pc nud permanent
ip -n "$S" neigh replace 10.88.0.1 lladdr "$mac_c" dev ps nud permanent

tmp=$(mktemp -d)
register_file "$tmp"
ip netns exec "$S" python3 "$peer" server 10.88.0.2 9100 9200 >"$tmp/server" &
register_pid $!
wait_for_text "$tmp/server" ready 10 || fail "the server did not start"
for name in tpalpha tpbeta; do
	ip netns exec "$C" python3 "$peer" client "$name" 10.88.0.2 9100 9200 "$N" "$tmp/go" \
		>"$tmp/$name" &
	register_pid $!
	wait_for_text "$tmp/$name" ready 10 || fail "$name did not start"
done
read -r _ alpha alpha_udp <"$tmp/tpalpha"
read -r _ beta beta_udp <"$tmp/tpbeta"

ip netns exec "$C" tcpdump -nn -U --immediate-mode -B 16384 -i pc -w "$tmp/all.pcap" \
	>"$tmp/tcpdump.out" 2>"$tmp/tcpdump.err" &
td_pid=$!
register_pid "$td_pid"
wait_for_text "$tmp/tcpdump.err" "listening on" 10 || fail "tcpdump did not start: $(cat "$tmp/tcpdump.err")"
start_sockeye "$tmp/alpha" "$tmp/alpha.err" -N "$C" -j trace --pid "$alpha" -w "$tmp/alpha.pcapng"
alpha_sk=$sockeye_pid
start_sockeye "$tmp/beta" "$tmp/beta.err" -N "$C" -j trace --comm tpbeta
# The scan of every namespace's sockets takes a while on a loaded host.
for f in alpha beta; do
	wait_for_text "$tmp/$f.err" "process attribution: following" 60 ||
		fail "trace ($f) did not start attribution: $(cat "$tmp/$f.err")"
done

touch "$tmp/go"
for name in tpalpha tpbeta; do
	wait_for_text "$tmp/$name" done 20 || fail "$name did not finish: $(cat "$tmp/$name")"
done
alpha_tcp=$(awk '/^done/ { print $2 }' "$tmp/tpalpha")
beta_tcp=$(awk '/^done/ { print $2 }' "$tmp/tpbeta")
sleep 0.5
stop_sockeye
sockeye_pid=$alpha_sk
stop_sockeye
sleep 0.3
kill -INT "$td_pid"
wait "$td_pid"
grep -q "^0 packets dropped by kernel" "$tmp/tcpdump.err" ||
	fail "tcpdump lost packets, no count to compare with: $(cat "$tmp/tcpdump.err")"

# check NAME OUT UDP TCP OTHER_UDP OTHER_TCP: OUT has exactly tcpdump's packets of ports UDP and
# TCP (C's side), sent and received, and none of the other client's.
check()
{
	local name=$1 out=$2 udp=$3 tcp=$4 oudp=$5 otcp=$6 want got sent recvd

	want=$(tcpdump -nn -r "$tmp/all.pcap" "(udp and port $udp) or (tcp and port $tcp)" 2>/dev/null |
		wc -l)
	# Each datagram and its echo, the handshake, each message and its echo, the close.
	((want >= 4 * N + 3)) || fail "$name: tcpdump saw $want packets, want $((4 * N + 3)) or more"
	got=$(jq -r 'select(.type == "trace_packet") | 1' "$out" | wc -l)
	[[ $got -eq $want ]] || fail "$name: trace reported $got packets, tcpdump $want: $(jq -r 'select(.type == "trace_packet") | .summary' "$out" | head -50)"
	jq -r 'select(.type == "trace_packet") | .summary' "$out" |
		grep -E "10\.88\.0\.1\.($oudp|$otcp)[ :]" && fail "$name: the other client's packets"
	sent=$(jq -r 'select(.type == "trace_packet") | select(.summary |
		test("^IP 10\\.88\\.0\\.1\\.")) | 1' "$out" | wc -l)
	recvd=$(jq -r 'select(.type == "trace_packet") | select(.summary |
		test("> 10\\.88\\.0\\.1\\.")) | 1' "$out" | wc -l)
	((sent >= 2 * N && recvd >= 2 * N && sent + recvd == got)) ||
		fail "$name: $sent sent and $recvd received of $got"
	jq -e --argjson pid "$7" 'select(.type == "trace_packet") |
		select([.processes[] | .pid] | index($pid) | not)' "$out" >/dev/null &&
		fail "$name: a packet without pid $7 in its processes"
	echo "$name: $got packets = tcpdump's, $sent sent, $recvd received"
}
check alpha "$tmp/alpha" "$alpha_udp" "$alpha_tcp" "$beta_udp" "$beta_tcp" "$alpha"
check beta "$tmp/beta" "$beta_udp" "$beta_tcp" "$alpha_udp" "$alpha_tcp" "$beta"
unsel=$(jq -r 'select(.type == "trace_stats") | .unselected' "$tmp/alpha")
((unsel > 0)) || fail "alpha: beta's packets not counted as unselected: $unsel"

# -w: each of alpha's packets, the owner in its comment.
n=$(jq -r 'select(.type == "trace_packet") | 1' "$tmp/alpha" | wc -l)
c=$(tshark -r "$tmp/alpha.pcapng" -T fields -e frame.comment 2>/dev/null)
[[ $(grep -c "pid=$alpha comm=tpalpha " <<<"$c") -eq $n ]] ||
	fail "-w: $(grep -c "pid=$alpha comm=tpalpha " <<<"$c") of $n comments name pid $alpha: $c"
echo "PASS: $NETNS_TEST: --pid and --comm select exactly their processes' packets"
