#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_csum.sh: checksum verdicts on a live capture (text: -vv for UDP over IPv4, as tcpdump):
# an outgoing packet under checksum offload is "unverified: offload" (the ring's
# TP_STATUS_CSUMNOTREADY), not "incorrect" as tcpdump says; the same packet with offload off,
# and frames sent whole, verify as correct.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/sniff_lib.sh"

sniff_setup
need_cmd ethtool
sniff_tmpdir
out=$tmp/out err=$tmp/err
mac_vb=$(ip -n "$ns2" -br link show vb | awk '{ print $3 }')

# udp_from_stack: one datagram from a UDP socket in ns1 to 10.99.0.2:9999, so the stack
# (not the test) fills in the checksum, or leaves it to the device.
udp_from_stack()
{
	ns_exec "$ns1" "$PYTHON" -c 'import socket
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"offload?", ("10.99.0.2", 9999))' ||
		fail "cannot send from a UDP socket"
}

# capture_one ARGS...: sockeye ARGS on va in ns1 while udp_from_stack sends one datagram.
capture_one()
{
	sniff_bg "$ns1" "$out" "$err" "$@"
	wait_sniffing "$ns1" 1
	udp_from_stack
	sniff_wait
}

# ---- offload on (veth's default): the capture sees the pseudo-header's sum only ------------
ns_exec "$ns1" ethtool -K va tx on >/dev/null 2>&1 || skip "cannot turn on va's tx checksumming"
capture_one -j sniff -v -i va -c 1 udp port 9999
jq -s -e 'map(select(.type == "packet")) | length == 1 and
	(.[0].layers[-1] | .proto == "udp" and .csum_status == "offload" and
	 (has("csum_ok") | not))' "$out" >/dev/null ||
	fail "offloaded UDP: $(head -c 600 "$out")"

capture_one sniff -n -vv -t -i va -c 1 udp port 9999
grep -q ': \[udp sum (unverified: offload)\] UDP, length 8$' "$out" ||
	fail "offloaded UDP text: $(head -c 600 "$out")"

# ---- offload off: the stack computes it before the tap, and it verifies ---------------------
ns_exec "$ns1" ethtool -K va tx off >/dev/null 2>&1 || fail "cannot turn off va's tx checksumming"
capture_one -j sniff -v -i va -c 1 udp port 9999
jq -s -e 'map(select(.type == "packet")) | length == 1 and
	(.[0].layers[-1] | .csum_status == "ok" and .csum_ok == true)' "$out" >/dev/null ||
	fail "UDP without offload: $(head -c 600 "$out")"

# ---- whole frames from a packet socket, received: correct; without -v nothing is said -------
sniff_bg "$ns2" "$out" "$err" sniff -n -vv -t -i vb -c 3 udp port 9
pid_v=$sniff_pid
sniff_bg "$ns2" "$tmp/out2" "$tmp/err2" -j sniff -i vb -c 3 udp port 9
wait_sniffing "$ns2" 2
send "$ns1" va --count 3 --dst-mac "$mac_vb"
sniff_wait
sniff_pid=$pid_v sniff_wait
[[ $(grep -c ': \[udp sum ok\] UDP, length 18$' "$out") -eq 3 ]] ||
	fail "received frames: $(head -c 600 "$out")"
jq -s -e 'map(select(.type == "packet")) | length == 3 and
	all(.layers[-1] | has("csum") and (has("csum_status") | not))' "$tmp/out2" >/dev/null ||
	fail "without -v: $(head -c 600 "$tmp/out2")"
echo "ok: offloaded checksums unverified, the rest verified, nothing said without -v"
