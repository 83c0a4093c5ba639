#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_sent.sh: every packet the traced namespace sends is reported once, starting at
# net_dev_queue: B answers N SYNs to a closed port with N RSTs and N pings with N echo replies,
# while a UDP flow to B (also traced) keeps the tracker's tables busy; sockeye trace's count of
# each equals tcpdump's.  A sent skb is freed and reused at once (its peer frees a RST with
# __kfree_skb, where no tracepoint is): a new packet must never be joined to a stale entry.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 tcpdump ping taskset
need_bpf

N=20

netns_new A
netns_new B
veth_pair "$A" sa "$B" sb
addr_add "$A" sa 10.93.0.1/24
addr_add "$B" sb 10.93.0.2/24
mac_a=$(ip -n "$A" -j link show sa | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show sb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.93.0.2 lladdr "$mac_b" dev sa nud permanent
ip -n "$B" neigh replace 10.93.0.1 lladdr "$mac_a" dev sb nud permanent

tmp=$(mktemp -d)
register_file "$tmp"
filters=(
	"tcp[tcpflags] & tcp-rst != 0"
	"icmp[icmptype] == icmp-echoreply"
	"src host 10.93.0.2"
)
ip netns exec "$B" tcpdump -nn -U --immediate-mode -B 16384 -i sb -w "$tmp/all.pcap" >"$tmp/tcpdump.out" 2>"$tmp/tcpdump.err" &
td_pid=$!
register_pid "$td_pid"
wait_for_text "$tmp/tcpdump.err" "listening on" 10 || fail "tcpdump did not start: $(cat "$tmp/tcpdump.err")"
pids=()
for i in "${!filters[@]}"; do
	start_sockeye "$tmp/out$i" "$tmp/err$i" -N "$B" -j trace -i sb "${filters[$i]}"
	pids+=("$sockeye_pid")
done

# The background, paced (tcpdump must keep up): datagrams to a closed port of B, which drops
# them.
ns_exec "$A" python3 -c 'import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(400):
	s.sendto(b"x" * 64, ("10.93.0.2", 9))
	time.sleep(0.002)' &
bg_pid=$!
register_pid "$bg_pid"
# The SYNs from one task on one CPU, back to back: each RST B sends then gets the skb A freed
# the last one from (TCP frees a RST it takes with __kfree_skb, where no tracepoint is).
ns_exec "$A" taskset -c 0 python3 -c 'import socket, sys
for _ in range(int(sys.argv[1])):
	s = socket.socket()
	s.settimeout(1)
	try:
		s.connect(("10.93.0.2", 80))
	except OSError:
		pass
	s.close()' "$N" || fail "cannot connect"
ns_exec "$A" taskset -c 0 ping -c "$N" -i 0.02 -q 10.93.0.2 >/dev/null || fail "ping failed"
wait "$bg_pid"
sleep 0.5
for pid in "${pids[@]}"; do
	sockeye_pid=$pid
	stop_sockeye
done
sleep 0.5
kill -INT "$td_pid"
wait "$td_pid"
grep -q "^0 packets dropped by kernel" "$tmp/tcpdump.err" ||
	fail "tcpdump lost packets, no count to compare with: $(cat "$tmp/tcpdump.err")"

for i in "${!filters[@]}"; do
	f=${filters[$i]}
	want=$(tcpdump -nn -r "$tmp/all.pcap" "$f" 2>/dev/null | wc -l)
	((want >= N / 2)) || fail "\"$f\": tcpdump saw $want packets, want about $N"
	got=$(jq -r 'select(.type == "trace_packet") | 1' "$tmp/out$i" | wc -l)
	[[ $got -eq $want ]] || fail "\"$f\": sockeye trace reported $got packets, tcpdump $want: $(jq -c 'select(.type == "trace_stats")' "$tmp/out$i")"
	# Each starts where B queues it to the device, and passes there once.
	bad=$(jq -r 'select(.type == "trace_packet") |
		select(.hops[0].hop != "net_dev_queue" or
		       ([.hops[] | select(.hop == "net_dev_queue")] | length) != 1) |
		.summary + ": " + ([.hops[] | .hop + "@" + (.iface // "-")] | join(" "))' "$tmp/out$i")
	[[ -z $bad ]] || fail "\"$f\": packets not started at one net_dev_queue: $(head -3 <<<"$bad")"
	# Followed across the veth only: a hop elsewhere is another packet's.
	bad=$(jq -r 'select(.type == "trace_packet") | .hops[] | select(.iface != null and
		.iface != "sa" and .iface != "sb") | .hop + "@" + .iface' "$tmp/out$i")
	[[ -z $bad ]] || fail "\"$f\": hops of other packets joined: $(head -3 <<<"$bad")"
	echo "\"$f\": $got = tcpdump's $want"
done
echo "PASS: $NETNS_TEST: every packet B sent reported once"
