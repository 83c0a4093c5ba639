#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# inject_workers.sh: with --cpus 2 the workers send exactly the requested total between them.
#
# Two workers, each with its own ring and socket, share one stream of 20000
# packets whose source port walks 1-10000: vb must receive exactly 20000
# packets, each port exactly twice, and inject must report two workers and
# 20000 sent.  The same again at --topspeed, counted at vb.
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/inject_lib.sh"

[[ $(nproc) -ge 2 ]] || skip "needs 2 CPUs"
inject_setup
tmpl=(udp src 10.99.0.1 dst 10.99.0.2:9 sport 1-10000)

capture_start 20000
before=$(rx_packets)
ns_exec "$ns1" "$SOCKEYE" --json inject -i va --dst-mac "$INJECT_DST_MAC" --cpus 2 \
	--pps 100000 -c 20000 "${tmpl[@]}" >"$tmp/out" 2>"$tmp/err" ||
	fail "inject --cpus 2 failed: $(cat "$tmp/err")"
capture_wait
sleep 0.2
[[ $(($(rx_packets) - before)) -eq 20000 ]] ||
	fail "vb received $(($(rx_packets) - before)) packets, not 20000"
[[ $(json_stats "$tmp/out" sent) -eq 20000 && $(json_stats "$tmp/out" workers) -eq 2 ]] ||
	fail "want 20000 sent by 2 workers: $(cat "$tmp/out")"
counts=$(tcpdump -r "$tmp/tcpdump.pcap" -n -t -q 2>/dev/null |
	awk '{split($2, a, "."); print a[5]}' | sort -n | uniq -c)
[[ $(wc -l <<<"$counts") -eq 10000 ]] || fail "$(wc -l <<<"$counts") ports, not 10000"
[[ $(awk '$1 != 2' <<<"$counts" | wc -l) -eq 0 ]] ||
	fail "ports not twice each: $(awk '$1 != 2' <<<"$counts" | head -5)"

before=$(rx_packets)
ns_exec "$ns1" "$SOCKEYE" --json inject -i va --dst-mac 02:00:00:00:00:99 --cpus 2 --topspeed \
	-c 300001 "${tmpl[@]}" >"$tmp/out" 2>"$tmp/err" ||
	fail "inject --cpus 2 --topspeed failed: $(cat "$tmp/err")"
sleep 0.2
[[ $(($(rx_packets) - before)) -eq 300001 && $(json_stats "$tmp/out" sent) -eq 300001 ]] ||
	fail "topspeed: vb received $(($(rx_packets) - before)), inject says" \
		"$(json_stats "$tmp/out" sent), not 300001"
echo "PASS: $NETNS_TEST: 2 workers sent exactly 20000 (each port twice) and 300001 at top speed"
