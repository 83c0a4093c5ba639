#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# inject_replay.sh: a replayed capture crosses a veth byte for byte; what is not sent is counted.
#
# 30 varied frames (IPv4 and IPv6, a VLAN tag, a 1514-byte frame) with gaps of
# 0.5 to 20 ms are replayed from va: sockeye sniff and tcpdump on vb must see
# exactly them.  Then a filter expression picks some, --loop repeats, --speed
# shortens the gaps, and frames the device cannot send are counted by reason:
# over the MTU, not Ethernet, refused by the kernel (a 10-byte runt), an empty
# record (nothing captured: caplen 0); a frame the file cut is counted as cut only
# when it goes out.  A looped file goes out exactly N times, byte for byte, held in
# memory (--preload) or read again each pass (--preload 0).  How close
# the gaps stay to the recorded ones is inject_rate.sh's (a quiet machine's) test.
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/inject_lib.sh"

inject_setup
mk=$top_srcdir/tests/netns/inject_mkpcap.py
python3 "$mk" replay "$tmp/replay.pcap" || fail "cannot write the replay capture"
python3 "$mk" mixed "$tmp/mixed.pcap" || fail "cannot write the mixed capture"
python3 "$mk" raw "$tmp/raw.pcap" || fail "cannot write the raw capture"
python3 "$mk" empty "$tmp/empty.pcap" || fail "cannot write the empty capture"
python3 "$mk" emptymix "$tmp/emptymix.pcap" || fail "cannot write the emptymix capture"
python3 "$mk" loop "$tmp/loop1.pcap" 1 || fail "cannot write the 1-frame capture"
python3 "$mk" loop "$tmp/loop7.pcap" 7 || fail "cannot write the 7-frame capture"
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

# Records with nothing captured have no frame to send: skipped, counted, said, and
# none of them is "shorter than recorded" (nothing of them went out).
before=$(rx_packets)
replay -r "$tmp/empty.pcap" --topspeed >"$tmp/out" 2>"$tmp/err" ||
	fail "empty replay failed: $(cat "$tmp/err")"
[[ $(json_stats "$tmp/out" sent) -eq 0 && $(json_stats "$tmp/out" skipped_empty) -eq 5 &&
	$(json_stats "$tmp/out" read) -eq 5 && $(json_stats "$tmp/out" truncated) -eq 0 &&
	$(json_stats "$tmp/out" failed) -eq 0 ]] ||
	fail "empty: want 5 read, 5 skipped empty, nothing sent or cut: $(cat "$tmp/out")"
grep -q "^sockeye: inject: 5 packets skipped: empty records" "$tmp/err" ||
	fail "no word on the empty records: $(cat "$tmp/err")"
! grep -q "shorter than recorded" "$tmp/err" || fail "empty records called cut: $(cat "$tmp/err")"
# 3 whole frames and the one cut to 42 bytes go; the 2 empty records do not.
replay -r "$tmp/emptymix.pcap" --topspeed >"$tmp/out" 2>"$tmp/err" ||
	fail "emptymix replay failed: $(cat "$tmp/err")"
sleep 0.2
[[ $(($(rx_packets) - before)) -eq 4 ]] || fail "vb received $(($(rx_packets) - before)), not 4"
[[ $(json_stats "$tmp/out" sent) -eq 4 && $(json_stats "$tmp/out" bytes) -eq 222 &&
	$(json_stats "$tmp/out" skipped_empty) -eq 2 && $(json_stats "$tmp/out" truncated) -eq 1 &&
	$(json_stats "$tmp/out" read) -eq 6 ]] ||
	fail "emptymix: want 4 sent (222 bytes), 2 empty, 1 cut, 6 read: $(cat "$tmp/out")"
grep -q "2 packets skipped: empty records" "$tmp/err" && grep -q "1 packets went out shorter" \
	"$tmp/err" || fail "emptymix: not said: $(cat "$tmp/err")"
# The text line has the column too.
ns_exec "$ns1" "$SOCKEYE" inject -i va -r "$tmp/empty.pcap" 2>"$tmp/err" >/dev/null
grep -q "SKIP_EMPTY" "$tmp/err" || fail "no SKIP_EMPTY column: $(cat "$tmp/err")"

# loop_check ARGS...: the 7-frame file looped 3 times goes out as 21 frames, byte for
# byte in order (one worker) and counted by vb (rx_packets, rx_bytes: 64 each).
rx_bytes()
{
	ns_exec "$ns2" cat /sys/class/net/vb/statistics/rx_bytes
}
loop_check()
{
	local p0 b0 i

	capture_start 21
	p0=$(rx_packets)
	b0=$(rx_bytes)
	replay -r "$tmp/loop7.pcap" --loop 3 --topspeed "$@" >"$tmp/out" 2>"$tmp/err" ||
		fail "loop $*: $(cat "$tmp/err")"
	capture_wait
	sleep 0.2
	[[ $(($(rx_packets) - p0)) -eq 21 && $(($(rx_bytes) - b0)) -eq $((21 * 64)) ]] ||
		fail "loop $*: vb got $(($(rx_packets) - p0)) frames, $(($(rx_bytes) - b0)) bytes"
	[[ $(json_stats "$tmp/out" sent) -eq 21 && $(json_stats "$tmp/out" read) -eq 7 ]] ||
		fail "loop $*: want 21 sent, 7 read: $(cat "$tmp/out")"
	for i in 1 2 3; do frames_of "$tmp/loop7.pcap"; done >"$tmp/want"
	diff -u "$tmp/want" <(frames_of "$tmp/tcpdump.pcap") >"$tmp/diff" ||
		fail "loop $*: not the file 3 times: $(head -20 "$tmp/diff")"
}
loop_check
loop_check --preload 0
loop_check --preload 1M
# -v says which: held in memory, or read each pass (too big for the limit, or 0).
verbose()
{
	ns_exec "$ns1" "$SOCKEYE" -v inject -i va -r "$tmp/loop7.pcap" --loop 2 "$@" \
		>/dev/null 2>"$tmp/err" || fail "loop -v $*: $(cat "$tmp/err")"
}
verbose
grep -q "7 packets (448 bytes) of .*loop7.pcap held in memory" "$tmp/err" ||
	fail "-v does not say the file was preloaded: $(cat "$tmp/err")"
verbose --preload 100
grep -q "larger than --preload (100 bytes): read again each pass" "$tmp/err" ||
	fail "-v does not say the file streams: $(cat "$tmp/err")"
# Two workers share the passes: 21 frames in all; -c stops a looped stream mid-pass.
p0=$(rx_packets)
replay -r "$tmp/loop7.pcap" --loop 3 --topspeed --cpus 2 >"$tmp/out" 2>"$tmp/err" ||
	fail "loop --cpus 2: $(cat "$tmp/err")"
replay -r "$tmp/loop1.pcap" --loop 0 -c 1000 --topspeed >"$tmp/out2" 2>"$tmp/err" ||
	fail "loop 0 -c 1000: $(cat "$tmp/err")"
sleep 0.2
[[ $(($(rx_packets) - p0)) -eq 1021 && $(json_stats "$tmp/out" sent) -eq 21 &&
	$(json_stats "$tmp/out2" sent) -eq 1000 ]] ||
	fail "--cpus 2 and -c: vb got $(($(rx_packets) - p0)), not 21 + 1000"
echo "PASS: $NETNS_TEST: replay byte for byte; filter, loop, speed and skips counted"
