#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why_socket_buffer.sh: a UDP socket with a tiny SO_RCVBUF flooded: why names the socket buffer
# first, with the drops the kernel counted (Udp RcvbufErrors, the socket's own drops), and reads
# rmem_max in the namespace, not the host.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/why_lib.sh"

need_root
need_cmd jq python3
send=$top_srcdir/tests/netns/drops_send.py
N=200

why_veth 10.96.1

tmp=$(mktemp -d)
register_file "$tmp"
ip netns exec "$B" python3 "$send" hold 10.96.1.2 8888 2048 >"$tmp/hold" &
register_pid $!
wait_until 10 grep -qs ready "$tmp/hold" || fail "the never-reading socket did not start"

before=$(snmp_value "$B" snmp Udp RcvbufErrors)
start_why "$tmp/out" "$tmp/err" -N "$B"
ns_exec "$A" python3 "$send" udp 10.96.1.2 8888 "$N" 1000 || fail "cannot flood the socket"
sleep 0.3
stop_why "$tmp/out" "$tmp/err"
after=$(snmp_value "$B" snmp Udp RcvbufErrors)
sk_drops=$(ns_exec "$B" awk '$2 ~ /:22B8$/ { print $NF }' /proc/net/udp)

want=$((after - before))
[[ $want -gt 0 && $want -lt $N ]] || fail "the kernel counted $want RcvbufErrors of $N"
[[ $sk_drops -eq $want ]] || fail "the socket dropped $sk_drops, Udp RcvbufErrors $want"
[[ $(first_cause "$tmp/out") == socket_buffer ]] ||
	fail "verdict $(first_cause "$tmp/out"), want socket_buffer: $(jq -c .causes "$tmp/out")"
got=$(cause_drops "$tmp/out" socket_buffer)
[[ $got -eq $want ]] || fail "why counted $got socket buffer drops, the kernel $want"
layer=$(jq -r '.layers[] | select(.layer == "socket") | .drops' "$tmp/out")
[[ $layer -eq $want ]] || fail "the socket layer lost $layer, the kernel counted $want"
[[ $(jq -r '.layers[] | select(.layer == "socket") | .share_pct' "$tmp/out") == 100 ]] ||
	fail "the socket layer's share is not all of the loss: $(jq -c .layers "$tmp/out")"
if has_bpf "$tmp/out"; then
	r=$(jq -r '.causes[] | select(.cause == "socket_buffer") | .reason_drops' "$tmp/out")
	[[ $r -eq $want ]] || fail "SOCKET_RCVBUFF drops $r, the kernel counted $want"
fi
# The socket itself, its drops and SO_RCVBUF.
jq -e --argjson n "$want" '.sockets[0] | select(.netid == "udp" and .drops == $n and
	.local == "10.96.1.2:8888")' "$tmp/out" >/dev/null ||
	fail "the socket is not first with $want drops: $(jq -c .sockets "$tmp/out")"
rcvbuf=$(jq -r '.sockets[0].rcvbuf_bytes' "$tmp/out")
[[ $(advice_value "$tmp/out" "SO_RCVBUF of udp port 8888") == "$rcvbuf bytes"* ]] ||
	fail "advice does not name the socket's SO_RCVBUF $rcvbuf: $(jq -c .verdicts "$tmp/out")"
# rmem_max as the namespace shows it; where it is set depends on the kernel (read-only
# outside the host's namespace since 6.x): the scope and the command must say which.
rmem=$(ns_exec "$B" cat /proc/sys/net/core/rmem_max)
if [[ -w /proc/sys/net/core/rmem_max ]] && ns_exec "$B" test -w /proc/sys/net/core/rmem_max; then
	scope=netns cmd="ip netns exec $B sysctl -w"
else
	scope=host cmd="sysctl -w"
fi
[[ $(advice_value "$tmp/out" net.core.rmem_max) == "$rmem"* ]] ||
	fail "rmem_max not read in the namespace ($rmem): $(jq -c .verdicts "$tmp/out")"
want_rmem=$((rmem * 2 > 8388608 ? rmem * 2 : 8388608))
jq -e --arg s "$scope" --arg c "$cmd net.core.rmem_max=$want_rmem" '.verdicts[0].advice[] |
	select(.setting == "net.core.rmem_max" and .scope == $s and .command == $c)' \
	"$tmp/out" >/dev/null || fail "no rmem_max command in scope $scope: $(jq -c .verdicts "$tmp/out")"
exit 0
