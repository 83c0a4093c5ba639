#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# inject_replay.sh: a replayed capture crosses a veth byte for byte; what is not sent is counted.
#
# 30 varied frames (IPv4 and IPv6, a VLAN tag, a 1514-byte frame) with gaps of
# 0.5 to 20 ms are replayed from va: sockeye sniff and tcpdump on vb must see
# exactly them.  Then a filter expression picks some, --loop repeats, --speed
# shortens the gaps, and frames the device cannot send are counted by reason:
# over the MTU, not Ethernet, refused by the kernel (a 10-byte runt).  How close
# the gaps stay to the recorded ones is inject_rate.sh's (a quiet machine's) test.
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/inject_lib.sh"

inject_setup
mk=$top_srcdir/tests/netns/inject_mkpcap.py
python3 "$mk" replay "$tmp/replay.pcap" || fail "cannot write the replay capture"
python3 "$mk" mixed "$tmp/mixed.pcap" || fail "cannot write the mixed capture"
python3 "$mk" raw "$tmp/raw.pcap" || fail "cannot write the raw capture"
replay()	# replay ARGS...
{
	ns_exec "$ns1" "$SOCKEYE" --json inject -i va "$@"
}

# Exactly the frames, at the recorded timing (which only orders them here).
capture_start 30
before=$(rx_packets)
replay -r "$tmp/replay.pcap" >"$tmp/out" 2>"$tmp/err" || fail "replay failed: $(cat "$tmp/err")"
capture_wait
same_packets "$tmp/replay.pcap" "$tmp/sockeye.pcap"
same_packets "$tmp/replay.pcap" "$tmp/tcpdump.pcap"
sleep 0.2
[[ $(($(rx_packets) - before)) -eq 30 ]] || fail "vb received $(($(rx_packets) - before)) packets, not 30"
[[ $(json_stats "$tmp/out" sent) -eq 30 && $(json_stats "$tmp/out" bytes) -eq \
	$(($(stat -c %s "$tmp/replay.pcap") - 24 - 30 * 16)) ]] ||
	fail "stats do not say 30 packets and their bytes: $(cat "$tmp/out")"

# A filter expression selects; --loop repeats; --speed 10 makes 10 ms of gaps 1 ms.
capture_start 30
start=$(date +%s%N)
replay -r "$tmp/replay.pcap" --loop 2 --speed 10 'udp and not vlan' >"$tmp/out" 2>"$tmp/err" ||
	fail "filtered replay failed: $(cat "$tmp/err")"
took=$((($(date +%s%N) - start) / 1000000))
capture_wait
# 15 of the 30 frames are UDP without a tag (counted once, not per pass), sent twice.
[[ $(json_stats "$tmp/out" sent) -eq 30 && $(json_stats "$tmp/out" filtered) -eq 15 &&
	$(json_stats "$tmp/out" read) -eq 30 ]] ||
	fail "filter and loop: want 30 sent, 15 filtered, 30 read: $(cat "$tmp/out")"
[[ $(tcpdump -r "$tmp/tcpdump.pcap" -n 'udp and not vlan' 2>/dev/null | wc -l) -eq 30 ]] ||
	fail "vb did not see the 30 UDP frames"
# Two passes of 0.19 s of recorded time at ten times the speed: about 38 ms, not 0.38 s.
((took < 300)) || fail "--speed 10 took ${took} ms"

# What cannot be sent is counted by reason, nothing silently.
replay -r "$tmp/mixed.pcap" --topspeed >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc -eq 1 ]] || fail "a refused frame should make the exit status 1, not $rc"
[[ $(json_stats "$tmp/out" sent) -eq 4 && $(json_stats "$tmp/out" skipped_mtu) -eq 1 &&
	$(json_stats "$tmp/out" failed) -eq 1 ]] ||
	fail "mixed: want 4 sent, 1 over the MTU, 1 failed: $(cat "$tmp/out")"
grep -q "1 packets skipped: longer than the MTU of va (1500)" "$tmp/err" ||
	fail "no word on the skipped frame: $(cat "$tmp/err")"
grep -q "1 packets failed" "$tmp/err" || fail "no word on the failed frame: $(cat "$tmp/err")"
replay -r "$tmp/raw.pcap" >"$tmp/out" 2>"$tmp/err" || fail "raw replay failed: $(cat "$tmp/err")"
[[ $(json_stats "$tmp/out" sent) -eq 0 && $(json_stats "$tmp/out" skipped_linktype) -eq 3 ]] ||
	fail "raw: want 3 skipped for their link type: $(cat "$tmp/out")"
grep -q "3 packets skipped: not Ethernet" "$tmp/err" || fail "no word on the raw frames"
echo "PASS: $NETNS_TEST: replay byte for byte; filter, loop, speed and skips counted"
