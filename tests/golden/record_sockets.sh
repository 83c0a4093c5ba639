#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# record_sockets.sh: how tests/golden/input/sockets.rec was made (root; not part of make check).
# One namespace holds sockets whose numbers are known (tests/tools/sockfarm): a listener
# with 3 connections waiting to be accepted, a connection with 1000 unread bytes, UDP
# datagrams queued over IPv6, a UNIX pair with 500 unread bytes, a TCP socket bound to a
# veth (scoped), and tcpdump's packet socket; `sockets -aeomi --dump-raw` records them.
set -eu
SOCKEYE=${SOCKEYE:-./build/sockeye}
SOCKFARM=${SOCKFARM:-./build/tests/tools/sockfarm}
out=${1:-tests/golden/input/sockets.rec}
ns=sky-rec-sockets
# A fixed path: it shows in the recording (and so in the expected outputs).
dir=/tmp/sky-golden
pids=()
cleanup()
{
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	ip netns del $ns 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
rm -rf "$dir"
mkdir "$dir"
ip netns add $ns
ip -n $ns link set lo up
ip -n $ns link add va type veth peer name vb
ip -n $ns addr add 10.77.0.1/24 dev va
ip -n $ns addr add 10.77.0.2/24 dev vb
ip -n $ns link set va up
ip -n $ns link set vb up
start()
{
	: >"$dir/$#.$1"
	ip netns exec $ns "$SOCKFARM" "$@" >"$dir/$#.$1" &
	pids+=($!)
	until grep -q ready "$dir/$#.$1"; do sleep 0.1; done
}
start backlog 10.77.0.1 8080 16 3
start recvq 127.0.0.1 9000 1000
start udp ::1 5353 3 100
start unix "$dir/golden.sock" 500
ip netns exec $ns tcpdump -i va -w /dev/null 2>/dev/null &
pids+=($!)
# A listener bound to vb: its local address shows the device.
start bound 10.77.0.2 7000 vb
sleep 1
"$SOCKEYE" -N $ns sockets -aeomi --dump-raw "$out" >/dev/null
