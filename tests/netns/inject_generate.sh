#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# inject_generate.sh: generated packets cross a veth exactly as built; varied fields take every value.
#
# Three templates (UDP with varying ports and lengths, TCP SYN over IPv6 behind a
# VLAN tag, ICMP echo) go out of va; sockeye sniff and tcpdump on vb must see
# exactly those frames, byte for byte the same as `inject -w` writes for the same
# templates, and vb must receive nothing else.  Then ranges, incrementing and
# random, must take every value they hold.
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/inject_lib.sh"

inject_setup

t1=(udp src 10.99.0.1 dst 10.99.0.2:9 sport 1000-1099 len 64-163 fill 0xa55a)
t2=(tcp syn src 2001:db8::1 dst '[2001:db8::2]:80' sport 30000-30049 seq 7 payload 3)
t3=(icmp echo src 10.99.0.1 dst 10.99.0.2 id 99 seq 1-50)
gen()	# gen ARGS...: inject from va, to vb's MAC
{
	ns_exec "$ns1" "$SOCKEYE" inject -i va --dst-mac "$INJECT_DST_MAC" "$@"
}

# What the templates make, written instead of sent, one file for the three.
gen -w "$tmp/a.pcap" -c 100 "${t1[@]}" 2>/dev/null || fail "inject -w (udp) failed"
gen -w "$tmp/b.pcap" -c 50 --vlan 7 "${t2[@]}" 2>/dev/null || fail "inject -w (tcp) failed"
gen -w "$tmp/c.pcap" -c 50 "${t3[@]}" 2>/dev/null || fail "inject -w (icmp) failed"
ns_exec "$ns1" "$SOCKEYE" inject -r "$tmp/a.pcap" -w "$tmp/want.pcap" 2>/dev/null
python3 - "$tmp/want.pcap" "$tmp/b.pcap" "$tmp/c.pcap" <<'PY' || fail "cannot join the files"
import sys
out = open(sys.argv[1], "ab")
for p in sys.argv[2:]:
    out.write(open(p, "rb").read()[24:])	# same pcap header: append the records
PY
[[ $(tcpdump -r "$tmp/want.pcap" 2>/dev/null | wc -l) -eq 200 ]] || fail "want.pcap is not 200 packets"

capture_start 200
before=$(rx_packets)
gen -c 100 --pps 20000 "${t1[@]}" 2>"$tmp/err1" || fail "inject (udp) failed: $(cat "$tmp/err1")"
gen -c 50 --pps 20000 --vlan 7 "${t2[@]}" 2>"$tmp/err2" ||
	fail "inject (tcp) failed: $(cat "$tmp/err2")"
gen -c 50 --pps 20000 --json "${t3[@]}" >"$tmp/out3" 2>"$tmp/err3" ||
	fail "inject (icmp) failed: $(cat "$tmp/err3")"
capture_wait
[[ $(json_stats "$tmp/out3" sent) -eq 50 ]] || fail "inject -j says $(json_stats "$tmp/out3" sent) sent, not 50"
[[ $(json_stats "$tmp/out3" failed) -eq 0 ]] || fail "inject -j reports failures"
same_packets "$tmp/want.pcap" "$tmp/sockeye.pcap"
same_packets "$tmp/want.pcap" "$tmp/tcpdump.pcap"
sleep 0.2
after=$(rx_packets)
[[ $((after - before)) -eq 200 ]] || fail "vb received $((after - before)) packets, not 200"

# Ranges: incrementing ports cycle through all 100, random addresses hit all 16.
capture_start 1600
gen -c 1600 --pps 50000 udp src 10.99.0.1 dst 10.99.0.16/28 random sport 2000-2099 \
	dport 1-4 random 2>"$tmp/err4" || fail "inject (ranges) failed: $(cat "$tmp/err4")"
capture_wait
tcpdump -r "$tmp/tcpdump.pcap" -n -t -q 2>/dev/null >"$tmp/ranges"
sports=$(awk '{split($2, a, "."); print a[5]}' "$tmp/ranges" | sort -n | uniq -c)
[[ $(wc -l <<<"$sports") -eq 100 ]] || fail "$(wc -l <<<"$sports") source ports, not 100"
# Increments: each port exactly 16 times, 2000 to 2099.
[[ $(awk '$1 != 16' <<<"$sports" | wc -l) -eq 0 ]] || fail "ports not 16 times each: $sports"
[[ $(head -1 <<<"$sports" | awk '{print $2}') -eq 2000 &&
	$(tail -1 <<<"$sports" | awk '{print $2}') -eq 2099 ]] || fail "ports not 2000-2099"
dsts=$(awk '{sub(/\.[0-9]+:$/, "", $4); print $4}' "$tmp/ranges" | sort -u)
[[ $(wc -l <<<"$dsts") -eq 16 ]] || fail "$(wc -l <<<"$dsts") destinations, not 16: $dsts"
[[ $(grep -cE '^10\.99\.0\.(1[6-9]|2[0-9]|3[01])$' <<<"$dsts") -eq 16 ]] ||
	fail "destinations outside 10.99.0.16/28: $dsts"
dports=$(awk '{n = split($4, a, "."); sub(/:$/, "", a[n]); print a[n]}' "$tmp/ranges" | sort -u)
[[ $dports == $'1\n2\n3\n4' ]] || fail "destination ports $dports, not 1-4"

# --dump prints what -w writes as sniff prints it (the same decoder); --stats reports
# while sending.
gen --dump -c 3 "${t1[@]}" >"$tmp/dump" 2>"$tmp/err" || fail "--dump failed: $(cat "$tmp/err")"
ns_exec "$ns1" "$SOCKEYE" sniff -n -r "$tmp/a.pcap" -c 3 -e -t >"$tmp/sniffed" 2>/dev/null
diff -u "$tmp/sniffed" "$tmp/dump" >"$tmp/diff" || fail "--dump differs from sniff: $(cat "$tmp/diff")"
gen --json --stats 0.3 --pps 1000 --duration 1.1 "${t3[@]}" >"$tmp/stats" 2>"$tmp/err" ||
	fail "--stats run failed: $(cat "$tmp/err")"
intervals=$(jq -r 'select(.type == "stats" and .when == "interval") | .inject.rate_pps' \
	"$tmp/stats")
[[ $(wc -l <<<"$intervals") -ge 3 ]] || fail "fewer than 3 --stats intervals: $(cat "$tmp/stats")"
awk '$1 < 900 || $1 > 1100 {bad = 1} END {exit bad}' <<<"$intervals" ||
	fail "interval rates are not about 1000/s: $intervals"
sent=$(json_stats "$tmp/stats" sent)
((sent >= 1000 && sent <= 1101)) || fail "--duration 1.1 at 1000/s sent $sent"
echo "PASS: $NETNS_TEST: 200 generated frames seen byte for byte by sniff and tcpdump; ranges complete"
