#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_fanout.sh: --fanout 2 loses nothing: with --fanout-files the two worker threads' files
# hold exactly the N frames sent over N flows between them (both used), -c counts across the
# workers, SIGTERM leaves every file complete, -C rotates each worker's file; the merged stream
# gets exactly N too.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/sniff_lib.sh"

sniff_setup
need_cmd tcpdump pgrep
sniff_tmpdir
out=$tmp/out err=$tmp/err
mac_vb=$(ip -n "$ns2" -br link show vb | awk '{ print $3 }')
N=2000

# sports FILE...: the distinct UDP source ports in the files.
sports()
{
	local f

	for f; do
		tcpdump -nn -r "$f" 2>/dev/null
	done | awk '/^[0-9]/ { n = split($3, a, "."); print a[n] }' | sort -u | wc -l
}

# send_n SPORT [COUNT]: COUNT (N) frames to vb from SPORT on, each a flow of its own, paced.
send_n()
{
	send "$ns1" va --count "${2:-$N}" --dst-mac "$mac_vb" --sport "$1" --gap 0.0001
}

# stats_ok JSONFILE CAPTURED WRITTEN: the exit stats object says so, and no drop.
stats_ok()
{
	jq -e --argjson c "$2" --argjson w "$3" 'select(.type == "stats") | .interfaces[0] |
		.iface == "vb" and .captured == $c and .written == $w and .matched == $w and
		.kernel_received == $c and .kernel_drops == 0' "$1" >/dev/null ||
		fail "stats: $(grep '"stats"' "$1")"
}

# ---- --fanout-files -c N: exactly N frames over the two files, each file used ---------------
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb --fanout 2 --fanout-files -w "$tmp/w.pcap" -c $N udp
wait_sniffing "$ns2" 2
send_n 1000
sniff_wait
# The worker's number goes before the extension.
[[ $(cd "$tmp" && echo w*) == "w.0.pcap w.1.pcap" ]] || fail "files: $(ls "$tmp")"
n0=$(packets_in "$tmp/w.0.pcap") || exit 1
n1=$(packets_in "$tmp/w.1.pcap") || exit 1
((n0 > 0 && n1 > 0)) || fail "hash over $N flows left a worker's file empty: $n0 + $n1"
((n0 + n1 == N)) || fail "--fanout-files: $n0 + $n1 packets in the files, not $N"
[[ $(sports "$tmp/w.0.pcap" "$tmp/w.1.pcap") -eq $N ]] ||
	fail "--fanout-files: not the $N distinct frames"
stats_ok "$out" $N $N

# ---- -c counts across the workers: exactly 500 of the 2000 frames ----------------------------
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb --fanout 2 --fanout-files -w "$tmp/c.pcap" -c 500 udp
wait_sniffing "$ns2" 2
send_n 3000
sniff_wait
n0=$(packets_in "$tmp/c.0.pcap") || exit 1
n1=$(packets_in "$tmp/c.1.pcap") || exit 1
((n0 + n1 == 500)) || fail "-c 500 with two workers: $n0 + $n1 packets written"
jq -e 'select(.type == "stats") | .interfaces[0] | .matched == 500 and .written == 500' \
	"$out" >/dev/null || fail "-c 500 stats: $(grep '"stats"' "$out")"

# ---- SIGTERM ends every worker; both pcapng files complete, with all N -----------------------
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb --fanout 2 --fanout-mode lb --fanout-files \
	--pcapng -w "$tmp/t.pcapng" udp
wait_sniffing "$ns2" 2
send_n 5000
sleep 0.3
pid=$(pgrep -P "$(pgrep -P "$sniff_pid")") || fail "no sockeye under pid $sniff_pid"
kill -TERM "$pid"
sniff_wait
n0=$(packets_in "$tmp/t.0.pcapng") || exit 1
n1=$(packets_in "$tmp/t.1.pcapng") || exit 1
((n0 > 0 && n1 > 0)) || fail "lb left a worker's file empty: $n0 + $n1"
((n0 + n1 == N)) || fail "SIGTERM: $n0 + $n1 packets in the files, not $N"
stats_ok "$out" $N $N

# ---- -C rotates each worker's file: r.0.pcap, r.0.pcap1, ...; every packet in one of them -----
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb --fanout 2 --fanout-files -w "$tmp/r.pcap" -C 20K \
	-c $N udp
wait_sniffing "$ns2" 2
send_n 7000
sniff_wait
files=$(cd "$tmp" && echo r.*)
[[ $files =~ ^r\.0\.pcap\ r\.0\.pcap1\ .*r\.1\.pcap\ r\.1\.pcap1\  ]] ||
	fail "-C with --fanout-files: files $files"
got=0
for f in "$tmp"/r.*; do
	n=$(packets_in "$f") || exit 1
	got=$((got + n))
done
((got == N)) || fail "-C with --fanout-files: $got packets over the files, not $N"

# ---- the merged stream: one file with exactly N ---------------------------------------------
sniff_bg "$ns2" "$out" "$err" -j sniff -i vb --fanout 2 -w "$tmp/m.pcap" -c $N udp
wait_sniffing "$ns2" 2
send_n 9000
sniff_wait
n=$(packets_in "$tmp/m.pcap") || exit 1
((n == N)) || fail "merged --fanout 2: $n packets, not $N"
[[ $(sports "$tmp/m.pcap") -eq $N ]] || fail "merged --fanout 2: not the $N distinct frames"
stats_ok "$out" $N $N

echo "ok: --fanout 2 with --fanout-files (-c, SIGTERM, -C) and merged, nothing lost"
