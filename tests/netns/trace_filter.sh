#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_filter.sh: sockeye trace's pcap filter, translated to eBPF and run in the kernel at the
# first hop, selects exactly the packets tcpdump's same filter selects on the same traffic, with
# tp_btf and with the raw_tp fallback.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 tcpdump ping taskset
need_bpf
send=$top_srcdir/tests/netns/drops_send.py

netns_new A
netns_new B
veth_pair "$A" fa "$B" fb
addr_add "$A" fa 10.95.0.1/24
addr_add "$B" fb 10.95.0.2/24
mac_a=$(ip -n "$A" -j link show fa | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show fb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.95.0.2 lladdr "$mac_b" dev fa nud permanent
ip -n "$B" neigh replace 10.95.0.1 lladdr "$mac_a" dev fb nud permanent

tmp=$(mktemp -d)
register_file "$tmp"
# Readers on 9000 and 9001 in B: the datagrams are delivered, nothing answers them.
for port in 9000 9001; do
	ip netns exec "$B" python3 -c 'import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("10.95.0.2", int(sys.argv[1])))
print("ready", flush=True)
while True:
	s.recv(4096)' "$port" >"$tmp/sink$port" &
	register_pid $!
	wait_for_text "$tmp/sink$port" ready 10 || fail "the reader on $port did not start"
done

filters=(
	"udp port 9000"
	# Packets B sends too (echo replies, RSTs): each a new packet at net_dev_queue, though
	# its skb may be one a packet just received was freed from untraced (trace_sent.sh).
	"icmp[icmptype] == icmp-echoreply"
	"greater 100 or tcp[tcpflags] & tcp-rst != 0"
	"ip[2:2] - ((ip[0] & 0xf) << 2) - 8 > 100 and udp"
	"not udp"
)
ip netns exec "$B" tcpdump -nn -U --immediate-mode -i fb -w "$tmp/all.pcap" >"$tmp/tcpdump.out" 2>"$tmp/tcpdump.err" &
td_pid=$!
register_pid "$td_pid"
wait_for_text "$tmp/tcpdump.err" "listening on" 10 || fail "tcpdump did not start: $(cat "$tmp/tcpdump.err")"
pids=()
for i in "${!filters[@]}"; do
	# The last one through the raw_tp fallback: the same programs, arguments read with probes.
	attach=tp_btf
	((i + 1 < ${#filters[@]})) || attach=raw_tp
	start_sockeye "$tmp/out$i" "$tmp/err$i" -N "$B" -j trace -i fb --attach "$attach" \
		"${filters[$i]}"
	grep -q "attached with $attach" "$tmp/err$i" || fail "not attached with $attach: $(cat "$tmp/err$i")"
	pids+=("$sockeye_pid")
done

ns_exec "$A" python3 "$send" udp 10.95.0.2 9000 10 32 || fail "cannot send to 9000"
ns_exec "$A" python3 "$send" udp 10.95.0.2 9001 7 200 || fail "cannot send to 9001"
ns_exec "$A" ping -c 4 -i 0.2 -q 10.95.0.2 >/dev/null || fail "ping failed"
# SYNs to a closed port (B answers each with a RST), from one task on one CPU, back to back:
# each RST then gets the skb A freed the last one from, untraced (trace_sent.sh).
ns_exec "$A" taskset -c 0 python3 -c 'import socket
for _ in range(3):
	s = socket.socket()
	s.settimeout(1)
	try:
		s.connect(("10.95.0.2", 80))
	except OSError:
		pass
	s.close()' || fail "cannot connect"
sleep 0.5
for pid in "${pids[@]}"; do
	sockeye_pid=$pid
	stop_sockeye
done
sleep 0.5
kill -INT "$td_pid"
wait "$td_pid"

total=$(tcpdump -nn -r "$tmp/all.pcap" 2>/dev/null | wc -l)
((total >= 25)) || fail "tcpdump captured $total packets, want about 31"
for i in "${!filters[@]}"; do
	f=${filters[$i]}
	want=$(tcpdump -nn -r "$tmp/all.pcap" "$f" 2>/dev/null | wc -l)
	got=$(jq -r 'select(.type == "trace_packet") | 1' "$tmp/out$i" | wc -l)
	((want > 0 && want < total)) || fail "\"$f\": tcpdump selects $want of $total: not a test"
	[[ $got -eq $want ]] || fail "\"$f\": sockeye trace selected $got packets, tcpdump $want: $(head -c 600 "$tmp/out$i")"
	lost=$(jq -r 'select(.type == "trace_stats") | .lost_events' "$tmp/out$i")
	[[ $lost -eq 0 ]] || fail "\"$f\": $lost events lost"
	echo "\"$f\": $got = tcpdump's $want of $total"
done
echo "PASS: $NETNS_TEST: ${#filters[@]} filters select what tcpdump's select"
