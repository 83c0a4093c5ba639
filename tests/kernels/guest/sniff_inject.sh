#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_inject.sh: sockeye inject sends N UDP packets from va through its TX ring; sockeye sniff
# on vb captures exactly those N to a pcap file (-c N ends it); va's tx_packets and vb's rx_packets
# move by N, and the file read back holds N packets to the port inject addressed.
. "$top_srcdir/tests/netns/lib.sh"
NETNS_TEST=sniff_inject
N=200

need_root
. "$top_srcdir/tests/kernels/guest/veth_setup.sh"

# Capturing: a bound, running packet socket in B (/proc/net/packet's iface and running columns).
capturing()
{
	[[ $(ns_exec "$B" awk 'NR > 1 && $4 != "0000" && $6 == 1' /proc/net/packet | wc -l) -ge 1 ]]
}
ns_exec "$B" timeout -s INT 90 "$SOCKEYE" sniff -i vb -c "$N" -w "$tmp/cap.pcap" \
	"udp dst port 5555" >"$tmp/sniff.out" 2>"$tmp/sniff.err" &
sniff_pid=$!
register_pid "$sniff_pid"
wait_until 30 capturing || fail "sniff did not start capturing: $(cat "$tmp/sniff.err")"

tx_before=$(link_stat "$A" va tx packets)
rx_before=$(link_stat "$B" vb rx packets)
ns_exec "$A" "$SOCKEYE" inject -i va --dst-mac "$mac_b" -c "$N" --pps 2000 \
	udp src 10.97.0.1 dst 10.97.0.2 sport 4444 dport 5555 len 64 >"$tmp/inj.out" 2>"$tmp/inj.err" ||
	fail "inject failed: $(cat "$tmp/inj.err")"
wait "$sniff_pid" || fail "sniff exited with $?: $(cat "$tmp/sniff.err")"
tx_after=$(link_stat "$A" va tx packets)
rx_after=$(link_stat "$B" vb rx packets)

[[ $((tx_after - tx_before)) -eq $N ]] || fail "va's tx_packets moved by $((tx_after - tx_before)), want $N"
[[ $((rx_after - rx_before)) -eq $N ]] || fail "vb's rx_packets moved by $((rx_after - rx_before)), want $N"
n=$("$SOCKEYE" -j sniff -r "$tmp/cap.pcap" 2>"$tmp/read.err" | jq -c 'select(.type == "packet")' |
	tee "$tmp/pkts" | wc -l)
[[ $n -eq $N ]] || fail "the capture holds $n packets, want $N: $(cat "$tmp/read.err")"
grep -q 5555 "$tmp/pkts" || fail "no packet to port 5555 in the capture: $(head -2 "$tmp/pkts")"
echo "inject sent $N, sniff captured $n; va tx +$((tx_after - tx_before)), vb rx +$((rx_after - rx_before))"
cat "$tmp/inj.err" "$tmp/sniff.err"
