#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets_packet.sh: packet sockets have no state (UNCONN): -0 lists them without -a, as ss -0
# does; the default selection (no table named) leaves them out, as ss's does.
. "$top_srcdir/tests/netns/lib.sh"
need_root
need_cmd ss jq python3

tmp=$(mktemp -d) || exit 99
register_file "$tmp"
netns_new ns

# One raw packet socket (ethertype 0x88b5, no interface) and one datagram socket bound to lo,
# held open until the cleanup kills the holder.
ip netns exec "$ns" python3 -c '
import socket, sys, time
raw = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x88b5))
dgram = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(0x88b6))
dgram.bind(("lo", 0x88b6))
print("ready", flush=True)
time.sleep(60)
' >"$tmp/holder" 2>&1 &
register_pid $!
wait_until 10 grep -q '^ready' "$tmp/holder" || fail "packet socket holder: $(cat "$tmp/holder")"

# ARGS...: "netid state" of each socket sockeye lists, sorted.
ours()
{
	"$SOCKEYE" -N "$ns" -j sockets "$@" | jq -r '.sockets[] | "\(.netid) \(.state)"' | sort
}

want=$(printf '%s\n' "p_dgr UNCONN" "p_raw UNCONN")
got=$(ours -0)
[[ $got == "$want" ]] || fail "sockets -0: want
$want
got
$got"
n=$(ns_exec "$ns" ss -H -0 | wc -l)
[[ $n -eq 2 ]] || fail "ss -0 lists $n sockets here, want 2 (the holder's)"
# Named by -A, likewise; -l lists them (UNCONN counts as listening), state words decide alone.
[[ $(ours -A packet) == "$want" ]] || fail "sockets -A packet: $(ours -A packet)"
[[ $(ours -0 -l) == "$want" ]] || fail "sockets -0 -l: $(ours -0 -l)"
[[ -z $(ours -0 state established) ]] || fail "sockets -0 state established lists sockets"
# Not named: the default selection stays ss's (connected sockets only).
got=$("$SOCKEYE" -N "$ns" -j sockets | jq '[.sockets[] | select(.netid | startswith("p_"))] | length')
[[ $got -eq 0 ]] || fail "sockets with no table named lists $got packet sockets"
echo "PASS: $NETNS_TEST"
