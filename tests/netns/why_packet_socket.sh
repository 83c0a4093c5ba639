#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why_packet_socket.sh: a capture that never reads its tiny receive queue: why names the packet
# socket first with as many drops as the socket's own PACKET_STATISTICS.  (A TPACKET ring's
# drops are seen by no one but the owner: packet_diag has no tp_drops and kfree_skb's
# tracepoint does not fire for the shared skb; why says so, see sockeye-why(8).)
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/why_lib.sh"

need_root
need_cmd jq python3
send=$top_srcdir/tests/netns/drops_send.py
N=50

why_veth 10.96.6

tmp=$(mktemp -d)
register_file "$tmp"
# The datagrams end in a socket with room: the ring is the one place they are lost.
ip netns exec "$B" python3 "$send" hold 10.96.6.2 8888 4194304 >"$tmp/hold" &
register_pid $!
wait_until 10 grep -qs ready "$tmp/hold" || fail "the receiving socket did not start"
# The smallest receive buffer, never read; on SIGUSR1 it prints the socket's
# PACKET_STATISTICS (tp_packets, tp_drops) and exits.
ip netns exec "$B" python3 -c '
import mmap, signal, socket, struct, sys
SOL_PACKET, PACKET_VERSION, PACKET_RX_RING, PACKET_STATISTICS, TPACKET_V2 = 263, 10, 5, 6, 1
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1)
s.bind(("vb", 0))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print("ready", flush=True)
signal.sigwait([signal.SIGUSR1])
packets, drops = struct.unpack("II", s.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8))
print("drops", drops, flush=True)' >"$tmp/cap" &
cap_pid=$!
register_pid "$cap_pid"
wait_until 10 grep -qs ready "$tmp/cap" || fail "the capture did not start"

start_why "$tmp/out" "$tmp/err" -N "$B"
ns_exec "$A" python3 "$send" udp 10.96.6.2 8888 "$N" || fail "cannot send"
sleep 0.3
stop_why "$tmp/out" "$tmp/err"
kill -USR1 "$cap_pid"
wait_until 10 grep -qs drops "$tmp/cap" || fail "the capture did not report its drops"

want=$(awk '$1 == "drops" { print $2 }' "$tmp/cap")
[[ $want -gt 0 && $want -lt $N ]] || fail "the capture dropped $want of $N"
[[ $(first_cause "$tmp/out") == packet_socket ]] ||
	fail "verdict $(first_cause "$tmp/out"), want packet_socket: $(jq -c .causes "$tmp/out")"
got=$(cause_drops "$tmp/out" packet_socket)
[[ $got -eq $want ]] || fail "why counted $got ring drops, the socket $want"
[[ $(jq -r '.layers[] | select(.layer == "packet") | .share_pct' "$tmp/out") == 100 ]] ||
	fail "the packet layer is not all of the loss: $(jq -c .causes "$tmp/out")"
jq -e '.verdicts[0].advice[] | select(.setting | test("^receive buffer of packet socket"))' \
	"$tmp/out" >/dev/null || fail "the advice does not name the socket: $(jq -c .verdicts "$tmp/out")"
exit 0
