#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_live.sh: -i any (cooked SLL2) with filters that need the cooked rewrite, two -i
# interfaces with names and directions, --fanout 2 losing nothing, kernel drops of a
# tiny ring reported and accounted for, a stop mid-flood accounting for every packet, and
# loopback packets shown once.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/sniff_lib.sh"

sniff_setup
need_cmd ping pgrep
veth_pair "$ns1" va2 "$ns2" vb2
addr_add "$ns1" va2 10.98.0.1/24
addr_add "$ns2" vb2 10.98.0.2/24
sniff_tmpdir
out=$tmp/out err=$tmp/err
mac_vb=$(ip -n "$ns2" -br link show vb | awk '{ print $3 }')
mac_vb2=$(ip -n "$ns2" -br link show vb2 | awk '{ print $3 }')
N=20

# ---- -i any: each packet names its interface and direction; "udp port 9" on SLL2 ------------
sniff_bg "$ns2" "$out" "$err" sniff -n -i any -t -c $N udp port 9
pid_text=$sniff_pid
sniff_bg "$ns2" "$tmp/out2" "$tmp/err2" -j sniff -i any -c $N udp port 9
wait_sniffing "$ns2" 2
send "$ns1" va --count $((N / 2)) --dst-mac "$mac_vb" --dport 8 --sport 100
send "$ns1" va --count $N --dst-mac "$mac_vb" --sport 200
sniff_wait
sniff_pid=$pid_text sniff_wait
want=$(for ((i = 0; i < N; i++)); do
	echo "vb    In  IP 10.99.0.1.$((200 + i)) > 10.99.0.2.9: UDP, length 18"
done)
[[ $(cat "$out") == "$want" ]] || fail "-i any text: $(head -3 "$out")"
jq -s -e --argjson n $N 'map(select(.type == "packet")) | length == $n and
	all(.iface == "vb" and .dir == "in" and .layers[0].proto == "sll2" and
	    .layers[0].ethertype == 2048 and .layers[-1].dport == 9)' "$tmp/out2" >/dev/null ||
	fail "-i any JSON: $(head -c 600 "$tmp/out2")"

# "inbound" and "outbound" load the SLL2 packet type: the kernel sees them rewritten.
sniff_bg "$ns2" "$out" "$err" -j sniff -i any -c 3 inbound and icmp
pid_in=$sniff_pid
sniff_bg "$ns2" "$tmp/out2" "$tmp/err2" -j sniff -i any -c 3 outbound and icmp
wait_sniffing "$ns2" 2
ns_exec "$ns1" ping -c 3 -i 0.2 -W 1 10.99.0.2 >/dev/null || fail "no ping reply"
sniff_wait
sniff_pid=$pid_in sniff_wait
got=$(jq -r 'select(.type == "packet") | "\(.dir)/\(.layers[-1].icmp_type)"' "$out" | tr '\n' ' ')
[[ $got == "in/8 in/8 in/8 " ]] || fail "-i any inbound: $got"
got=$(jq -r 'select(.type == "packet") | "\(.dir)/\(.layers[-1].icmp_type)"' "$tmp/out2" |
	tr '\n' ' ')
[[ $got == "out/0 out/0 out/0 " ]] || fail "-i any outbound: $got"

# ---- two interfaces: one stream, each line says where the packet was seen -------------------
sniff_bg "$ns2" "$out" "$err" sniff -n -i vb -i vb2 -t -c 4 udp
pid_text=$sniff_pid
sniff_bg "$ns2" "$tmp/out2" "$tmp/err2" -j sniff -i vb -i vb2 -c 4 udp
wait_sniffing "$ns2" 4
send "$ns1" va --count 2 --dst-mac "$mac_vb" --sport 300
send "$ns1" va2 --count 2 --dst-mac "$mac_vb2" --src 10.98.0.1 --dst 10.98.0.2 --sport 400
sniff_wait
sniff_pid=$pid_text sniff_wait
want="vb    In  IP 10.99.0.1.300 > 10.99.0.2.9: UDP, length 18
vb    In  IP 10.99.0.1.301 > 10.99.0.2.9: UDP, length 18
vb2   In  IP 10.98.0.1.400 > 10.98.0.2.9: UDP, length 18
vb2   In  IP 10.98.0.1.401 > 10.98.0.2.9: UDP, length 18"
[[ $(cat "$out") == "$want" ]] || fail "two interfaces: $(cat "$out")"
got=$(jq -r 'select(.type == "packet") | "\(.iface)/\(.dir)"' "$tmp/out2" | tr '\n' ' ')
[[ $got == "vb/in vb/in vb2/in vb2/in " ]] || fail "two interfaces in JSON: $got"
got=$(jq -r 'select(.type == "stats") | .interfaces[] | "\(.iface)=\(.captured)"' "$tmp/out2" |
	tr '\n' ' ')
[[ $got == "vb=2 vb2=2 total=4 " ]] || fail "two interfaces' stats: $got"

# ---- --fanout 2: the group shares the packets, the merged stream has every one ---------------
F=2000
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb --fanout 2 -c $F udp
wait_sniffing "$ns2" 2
send "$ns1" va --count $F --dst-mac "$mac_vb" --sport 1000
sniff_wait
got=$(jq -r 'select(.type == "packet") | .layers[] | select(.proto == "udp") | .sport' "$out" |
	sort -u | wc -l)
[[ $got -eq $F ]] || fail "--fanout 2: $got distinct packets of $F"
jq -e --argjson n $F 'select(.type == "stats") | .interfaces[0] |
	.captured == $n and .kernel_received == $n and .kernel_drops == 0' "$out" >/dev/null ||
	fail "--fanout 2 stats: $(tail -1 "$out")"

# ---- a tiny ring overflows while sniff is stopped: the drops are reported and add up --------
# Big frames fill the 1 MiB ring after ~700; a paced burst keeps the backlog queue
# (1000 packets) from dropping them before they reach the socket on a loaded machine.
B=3000
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb -B 64 udp
wait_sniffing "$ns2" 1
# sniff_bg runs `timeout ... sockeye` in a subshell: stop sockeye itself, not timeout.
pid=$(pgrep -P "$(pgrep -P "$sniff_pid")") || fail "no sockeye under pid $sniff_pid"
kill -STOP "$pid"
send "$ns1" va --count $B --dst-mac "$mac_vb" --sport 0 --size 1400 --gap 0.0002
kill -CONT "$pid"
sleep 0.5
kill -INT "$pid"
sniff_wait
grep -q "sockeye: sniff: vb: the kernel dropped [0-9]* packets" "$err" ||
	fail "no drop line on stderr: $(cat "$err"); stats: $(tail -1 "$out")"
jq -e --argjson b $B 'select(.type == "stats") | .interfaces[0] | .kernel_drops > 0 and
	.captured + .kernel_drops == .kernel_received and .kernel_received <= $b' "$out" >/dev/null ||
	fail "drops do not account for the burst of $B: $(tail -1 "$out")"
n=$(jq -c 'select(.type == "packet")' "$out" | wc -l)
jq -e --argjson n "$n" 'select(.type == "stats") | .interfaces[0].captured == $n' "$out" \
	>/dev/null || fail "$n packets printed, stats say otherwise: $(tail -1 "$out")"

# ---- a stop mid-flood: every packet the kernel counted is captured, dropped or left in the ring
# inject floods vb (paced, 100k packets/s); SIGINT comes mid-flow.  Printing JSON is the slow
# consumer that leaves blocks behind; --fanout-files stops its workers one after the other.
identity_after_stop()
{
	local k left

	for ((k = 0; k < $1; k++)); do
		sniff_bg "$ns2" "$out" "$err" -j sniff -i vb "${@:2}" udp
		wait_sniffing "$ns2" 1
		ns_exec "$ns1" "$SOCKEYE" inject -i va --dst-mac "$mac_vb" --pps 100000 -c 60000 \
			udp src 10.99.0.1 dst 10.99.0.2:9 sport 1000-1999 >/dev/null 2>&1 &
		inj=$!
		register_pid "$inj"
		sleep 0.3
		kill -INT "$(pgrep -P "$(pgrep -P "$sniff_pid")")" || fail "no sockeye under $sniff_pid"
		sniff_wait
		wait "$inj"
		left=$(sed -n 's/.* \([0-9]*\) packets were still in the ring .*/\1/p' "$err")
		jq -e --argjson left "${left:-0}" 'select(.type == "stats") | .interfaces[0] |
			.kernel_received > 0 and
			.kernel_received == .captured + .kernel_drops + $left' "$out" >/dev/null ||
			fail "sniff -i vb ${*:2}, stopped mid-flood: received != captured + drops +" \
			     "left (${left:-0}): $(grep '"stats"' "$out") $(cat "$err")"
	done
}
identity_after_stop 5
# Blocks the kernel retires only after 2 s: the open one is still filling at the end, its
# packets are reported as left in the ring.
identity_after_stop 2 --latency 2000
identity_after_stop 2 --fanout 2 --fanout-files -w "$tmp/id.pcap"

# ---- the loopback: each packet once, as tcpdump shows it ------------------------------------
# lo hands packet sockets every packet twice, leaving and arriving: only the arrival counts,
# on -i lo and on -i any; and -i lo -i lo opens lo once.
sniff_bg "$ns2" "$out" "$err" sniff -n -i lo -t icmp
pid_lo=$sniff_pid
sniff_bg "$ns2" "$tmp/out2" "$tmp/err2" sniff -n -i any -t icmp
pid_any=$sniff_pid
sniff_bg "$ns2" "$tmp/out3" "$tmp/err3" -j sniff -i lo -i lo icmp
pid_lolo=$sniff_pid
wait_sniffing "$ns2" 3
ns_exec "$ns2" ping -c 3 -i 0.2 -W 1 127.0.0.1 >/dev/null || fail "no ping reply on lo"
sleep 0.3
for p in $pid_lo $pid_any $pid_lolo; do
	kill -INT "$(pgrep -P "$(pgrep -P "$p")")" || fail "no sockeye under pid $p"
done
for sniff_pid in $pid_lo $pid_any $pid_lolo; do
	sniff_wait
done
n=$(wc -l <"$out")
[[ $n -eq 6 ]] || fail "-i lo: $n lines for 3 pings, want 6: $(cat "$out")"
n=$(wc -l <"$tmp/out2")
[[ $n -eq 6 ]] || fail "-i any: $n lines for 3 pings on lo, want 6: $(cat "$tmp/out2")"
grep -qv '^lo    In  IP 127' "$tmp/out2" && fail "-i any: not all lo In: $(cat "$tmp/out2")"
jq -s -e 'map(select(.type == "packet")) | length == 6' "$tmp/out3" >/dev/null ||
	fail "-i lo -i lo: not 6 packets: $(head -c 600 "$tmp/out3")"
jq -s -e 'map(select(.type == "stats"))[0].interfaces | length == 1 and .[0].captured == 6' \
	"$tmp/out3" >/dev/null || fail "-i lo -i lo stats: $(tail -1 "$tmp/out3")"

echo "ok: -i any, inbound/outbound, two interfaces, --fanout 2, drops, a stop mid-flood, loopback once"
