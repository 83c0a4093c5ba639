#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_capture.sh: sniff -c N captures exactly the N frames sent across a veth, with their
# fields; a filter selects a known subset; -Q in/out; VLAN and QinQ tags; the latency knob;
# the interface taken without -i.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/sniff_lib.sh"

sniff_setup
need_cmd ping
sniff_tmpdir
out=$tmp/out err=$tmp/err
N=50
SIZE=100

# ---- -c N: every frame, in order, with its addresses, ports and lengths -------------------
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb -c $N
wait_sniffing "$ns2" 1
send "$ns1" va --count $N --size $SIZE --sport 20000 --dport 9
sniff_wait
got=$(jq -c 'select(.type == "packet")' "$out" | wc -l)
[[ $got -eq $N ]] || fail "-c $N: $got packet records"
bad=$(jq -r --argjson size $SIZE 'select(.type == "packet") | [.layers[1], .layers[2], .] as
	[$ip, $udp, $p] | select($ip.proto != "ipv4" or $ip.src != "10.99.0.1" or
	$ip.dst != "10.99.0.2" or $ip.total_len != 28 + $size or $ip.ip_proto != 17 or
	$udp.proto != "udp" or $udp.dport != 9 or $udp.len != 8 + $size or
	$p.caplen != 42 + $size or $p.len != 42 + $size or $p.layers[0].src != "02:00:00:00:00:01" or
	$p.payload_len != $size or $p.truncated or $p.invalid) | .ts_ns' "$out" | wc -l)
[[ $bad -eq 0 ]] || fail "-c $N: $bad records with wrong fields: $(head -c 600 "$out")"
ports=$(jq -r 'select(.type == "packet") | .layers[2].sport' "$out" | tr '\n' ' ')
[[ $ports == "$(seq -s ' ' 20000 $((20000 + N - 1))) " ]] || fail "source ports out of order: $ports"
jq -e --argjson n $N 'select(.type == "stats") | .interfaces[0] |
	.iface == "vb" and .captured == $n and .matched == $n and .kernel_drops == 0' "$out" \
	>/dev/null || fail "stats object: $(tail -1 "$out")"

# ---- a filter: only the odd frames go to port 10 ------------------------------------------
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb -c $((N / 2)) udp dst port 10
wait_sniffing "$ns2" 1
send "$ns1" va --count $N --sport 30000 --dport 9 --dport-alt 10
sniff_wait
ports=$(jq -r 'select(.type == "packet") | "\(.layers[2].sport):\(.layers[2].dport)"' "$out" |
	tr '\n' ' ')
want=$(for ((i = 1; i < N; i += 2)); do printf '%d:10 ' $((30000 + i)); done)
[[ $ports == "$want" ]] || fail "filter: got $ports, not $want"
# The kernel ran the filter: the even frames never reached the ring.
jq -e --argjson n $((N / 2)) 'select(.type == "stats") | .interfaces[0] |
	.kernel_received == $n and .captured == $n' "$out" >/dev/null ||
	fail "filter stats: $(tail -1 "$out")"

# ---- -Q in and -Q out: ns2 receives echo requests and sends the replies --------------------
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb -Q in -c 3 icmp
pid_in=$sniff_pid
sniff_bg "$ns2" "$tmp/out2" "$tmp/err2" -j sniff -i vb -Q out -c 3 icmp
wait_sniffing "$ns2" 2
ns_exec "$ns1" ping -c 3 -i 0.2 -W 1 10.99.0.2 >/dev/null || fail "no ping reply"
sniff_wait
sniff_pid=$pid_in err=$err sniff_wait
types=$(jq -r 'select(.type == "packet") | .layers[2].icmp_type' "$out" | tr '\n' ' ')
[[ $types == "8 8 8 " ]] || fail "-Q in saw ICMP types $types"
types=$(jq -r 'select(.type == "packet") | .layers[2].icmp_type' "$tmp/out2" | tr '\n' ' ')
[[ $types == "0 0 0 " ]] || fail "-Q out saw ICMP types $types"

# ---- 802.1Q and QinQ: the kernel takes the outer tag off, sniff puts it back ----------------
# Not ARP: the ping's neighbour entry is probed again some seconds later, which a -j capture
# (its process attribution starts first) may live to see.
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb -c 4 not arp
pid_json=$sniff_pid
sniff_bg "$ns2" "$tmp/out2" "$tmp/err2" sniff -n -i vb -e -t -c 4 not arp
wait_sniffing "$ns2" 2
send "$ns1" va --count 2 --vlan 100 --sport 40000
send "$ns1" va --count 2 --vlan 200 --vlan 300 --sport 40010
sniff_wait
sniff_pid=$pid_json err=$err sniff_wait
tags=$(jq -r 'select(.type == "packet") | [.layers[] | select(.proto == "vlan") |
	"\(.tpid)/\(.id)"] | join(",")' "$out" | tr '\n' ' ')
[[ $tags == "33024/100 33024/100 34984/200,33024/300 34984/200,33024/300 " ]] ||
	fail "VLAN tags in JSON: $tags"
jq -s -e 'map(select(.type == "packet")) | all(.layers[-1].proto == "udp")' "$out" >/dev/null ||
	fail "tagged frames not decoded to UDP: $(head -c 600 "$out")"
want='ethertype 802.1Q (0x8100), length 64: vlan 100, p 0, ethertype IPv4 (0x0800), '
want+='10.99.0.1.40000 > 10.99.0.2.9: UDP, length 18'
grep -qF "$want" "$tmp/out2" || fail "-e text for 802.1Q: $(cat "$tmp/out2")"
want='ethertype 802.1Q-QinQ (0x88a8), length 68: vlan 200, p 0, ethertype 802.1Q (0x8100), '
want+='vlan 300, p 0, ethertype IPv4'
grep -qF "$want" "$tmp/out2" || fail "-e text for QinQ: $(cat "$tmp/out2")"

# ---- latency: one packet shows at once by default, a big --latency holds it back ------------
# The ring's block timer starts when the ring is set up, so a packet sent right after
# sniff starts waits about one whole --latency.
shown_after_ms()
{
	local t0 t1

	sniff_bg "$ns2" "$out" "$err" sniff -n -i vb -c 1 "$@"
	wait_sniffing "$ns2" 1
	send "$ns1" va --count 1
	t0=$(date +%s%N)
	until [[ -s $out ]] || ! kill -0 "$sniff_pid" 2>/dev/null; do
		sleep 0.01
	done
	t1=$(date +%s%N)
	sniff_wait
	echo $(((t1 - t0) / 1000000))
}
ms=$(shown_after_ms)
[[ $ms -lt 500 ]] || fail "a single packet took $ms ms to show with the default latency"
ms=$(shown_after_ms --latency 3000)
((ms >= 1500 && ms < 6000)) || fail "with --latency 3000 a single packet showed after $ms ms"

# ---- no -i: the first running interface (else any), as tcpdump picks -----------------------
# c0 is up but its peer is down (no carrier) and has the lower index: tcpdump skips it.
netns_new ns3
ip -n "$ns3" link add c0 type veth peer name c1 || fail "cannot create c0"
ip -n "$ns3" link add d0 type veth peer name d1 || fail "cannot create d0"
link_up "$ns3" c0
link_up "$ns3" d0
link_up "$ns3" d1
# tcpdump -D lists d0 and d1 (both running) in index order, then any, then c0.
want=$(ns_exec "$ns3" ip -o link show up |
	awk -F': ' '$2 ~ /^d[01]@/ { print substr($2, 1, 2); exit }')
ns_exec "$ns3" timeout -s INT 0.5 "$SOCKEYE" sniff >"$out" 2>"$err"
got=$(awk 'f { print $1; exit } /^IFACE/ { f = 1 }' "$err")
[[ -n $want && $got == "$want" ]] || fail "no -i: sniff took '$got', tcpdump takes '$want'"
# Nothing running but the loopback: "any", as tcpdump falls back to.
ip -n "$ns3" link set d0 down || fail "cannot set d0 down"
ns_exec "$ns3" timeout -s INT 0.5 "$SOCKEYE" sniff >"$out" 2>"$err"
got=$(awk 'f { print $1; exit } /^IFACE/ { f = 1 }' "$err")
[[ $got == any ]] || fail "no -i, nothing running: sniff took '$got', not any"

echo "ok: -c, fields, filter, -Q in/out, VLAN/QinQ, latency and the default interface"
