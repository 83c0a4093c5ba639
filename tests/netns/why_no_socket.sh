#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why_no_socket.sh: UDP to a closed port: why names no_socket first with Udp NoPorts over the
# interval (and, with BPF, as many NO_SOCKET drops); -i narrows the device layers to one device;
# top's funnel panel counts them too.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/why_lib.sh"

need_root
need_cmd jq python3
send=$top_srcdir/tests/netns/drops_send.py
N=25

# Static neighbours: B answers with ICMP port unreachable without ARP, so vb receives the N
# alone.  A second pair, for -i to leave out.
why_veth 10.96.3
veth_pair "$A" va2 "$B" vb2

tmp=$(mktemp -d)
register_file "$tmp"
before=$(snmp_value "$B" snmp Udp NoPorts)
start_why "$tmp/out" "$tmp/err" -N "$B" -i vb
ns_exec "$A" python3 "$send" udp 10.96.3.2 9 "$N" || fail "cannot send to the closed port"
sleep 0.3
stop_why "$tmp/out" "$tmp/err"
after=$(snmp_value "$B" snmp Udp NoPorts)

want=$((after - before))
[[ $want -eq $N ]] || fail "the kernel counted $want NoPorts of $N"
[[ $(first_cause "$tmp/out") == no_socket ]] ||
	fail "verdict $(first_cause "$tmp/out"), want no_socket: $(jq -c .causes "$tmp/out")"
got=$(cause_drops "$tmp/out" no_socket)
[[ $got -eq $want ]] || fail "why counted $got, the kernel $want"
if has_bpf "$tmp/out"; then
	r=$(jq -r '.causes[] | select(.cause == "no_socket") | .reason_drops' "$tmp/out")
	[[ $r -eq $want ]] || fail "NO_SOCKET drops $r, the kernel counted $want"
fi
# -i vb: the device table holds vb alone, with the datagrams it received.
jq -e --argjson n "$N" '[.devices[].iface] == ["vb"] and .devices[0].rx_packets == $n' \
	"$tmp/out" >/dev/null || fail "-i vb: devices $(jq -c .devices "$tmp/out")"
jq -e --argjson n "$N" '.layers[] | select(.layer == "nic") | .packets == $n' "$tmp/out" \
	>/dev/null || fail "the nic layer did not see $N packets: $(jq -c .layers "$tmp/out")"
# top's funnel panel: the same loss between two frames (the first frame is taken well before
# the datagrams: opening the BPF panels takes under a second).
"$SOCKEYE" -N "$B" -j top -b -n 1 -d 6 >"$tmp/top" 2>"$tmp/top.err" &
top_pid=$!
register_pid "$top_pid"
sleep 2.5
ns_exec "$A" python3 "$send" udp 10.96.3.2 9 "$N" || fail "cannot send to the closed port"
wait "$top_pid" || fail "sockeye top failed: $(cat "$tmp/top.err")"
jq -e --argjson n "$N" '.funnel[] | select(.layer == "protocol") | .drops == $n' "$tmp/top" \
	>/dev/null || fail "top's funnel panel: $(jq -c '.funnel, .funnel_error' "$tmp/top")"
# An interface the namespace lacks is an error, said once.
err=$("$SOCKEYE" -N "$B" why -i nosuch0 -d 0.1 2>&1 >/dev/null) && fail "-i nosuch0 succeeded"
[[ $err == "sockeye: why: -i nosuch0: no such interface in $B" ]] || fail "-i nosuch0: $err"
exit 0
