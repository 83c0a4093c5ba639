#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_files.sh: live captures written with -w (pcap, pcapng) read back in tcpdump and tshark
# with the same count and bytes; a tcpdump capture reads back in sniff the same; -C/-G/-W
# rotation names and counts; SIGINT leaves a complete file and prints the statistics.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/sniff_lib.sh"

sniff_setup
need_cmd tcpdump tshark pgrep
dump=$top_builddir/tests/tools/savefile_dump
[[ -x $dump ]] || skip "$dump not built (make check builds it)"
sniff_tmpdir
out=$tmp/out err=$tmp/err
N=40

# Records as "caplen wirelen hex", and the frames pktsend.py sends, as "len len hex".
records()
{
	"$dump" "$1" | awk '{ print $5, $6, $7 }'
}

frames()
{
	"$PYTHON" "$PKTSEND" - --hex "$@" | awk '{ print length($0) / 2, length($0) / 2, $0 }'
}

# same WHAT EXPECTED ACTUAL
same()
{
	diff -u "$2" "$3" >"$tmp/diff" || fail "$1: $(head -20 "$tmp/diff")"
}

# ---- -w pcap and --pcapng: tcpdump and tshark read the same packets, byte for byte ---------
for fmt in pcap pcapng; do
	f=$tmp/cap.$fmt
	opt=()
	[[ $fmt == pcapng ]] && opt=(--pcapng)
	sniff_bg "$ns2" "$out" "$err" sniff -i vb -c $N -w "$f" "${opt[@]}" udp
	wait_sniffing "$ns2" 1
	send "$ns1" va --count $((N / 2)) --size 300 --sport 1000
	send "$ns1" va --count $((N / 2)) --size 10 --sport 2000
	sniff_wait
	frames --count $((N / 2)) --size 300 --sport 1000 >"$tmp/want"
	frames --count $((N / 2)) --size 10 --sport 2000 >>"$tmp/want"
	records "$f" >"$tmp/ours"
	same "$fmt: sniff's file holds other bytes than were sent" "$tmp/want" "$tmp/ours"

	n=$(tcpdump -nn -r "$f" 2>/dev/null | wc -l)
	[[ $n -eq $N ]] || fail "$fmt: tcpdump reads $n packets, not $N"
	tcpdump -r "$f" -w "$tmp/td.pcap" 2>/dev/null || fail "$fmt: tcpdump -r | -w failed"
	records "$tmp/td.pcap" >"$tmp/theirs"
	same "$fmt: bytes through tcpdump differ" "$tmp/ours" "$tmp/theirs"

	n=$(tshark -r "$f" 2>/dev/null | wc -l)
	[[ $n -eq $N ]] || fail "$fmt: tshark reads $n packets, not $N"
	tshark -r "$f" -F pcap -w "$tmp/ts.pcap" 2>/dev/null || fail "$fmt: tshark -w failed"
	records "$tmp/ts.pcap" >"$tmp/theirs"
	same "$fmt: bytes through tshark differ" "$tmp/ours" "$tmp/theirs"
done
# pcapng names the interface; each packet came in.
got=$(tshark -r "$tmp/cap.pcapng" -T fields -e frame.interface_name \
	-e frame.packet_flags_direction 2>/dev/null | sort | uniq -c | awk '{ print $1, $2, $3 }')
[[ $got == "$N vb 0x00000001" ]] || fail "pcapng interface and direction per tshark: $got"

# ---- a capture tcpdump wrote reads back in sniff the same ----------------------------------
ns_exec "$ns2" timeout 30 tcpdump -i vb -U -c $N -w "$tmp/tcpdump.pcap" udp 2>"$err" &
td=$!
register_pid $td
wait_sniffing "$ns2" 1
send "$ns1" va --count $N --size 64 --sport 3000
wait $td || fail "tcpdump -w failed: $(cat "$err")"
"$SOCKEYE" sniff -r "$tmp/tcpdump.pcap" -w "$tmp/back.pcap" 2>"$err" || fail "sniff -r -w failed"
records "$tmp/tcpdump.pcap" >"$tmp/theirs"
records "$tmp/back.pcap" >"$tmp/ours"
same "a tcpdump capture rewritten by sniff" "$tmp/theirs" "$tmp/ours"
frames --count $N --size 64 --sport 3000 >"$tmp/want"
same "tcpdump's capture holds other bytes than were sent" "$tmp/want" "$tmp/theirs"
# The same decode where the formats agree (UDP and IPv4 here), timestamps included.
TZ=UTC tcpdump -n -r "$tmp/tcpdump.pcap" >"$tmp/theirs" 2>/dev/null
"$SOCKEYE" sniff --utc -r "$tmp/tcpdump.pcap" >"$tmp/ours" 2>/dev/null
same "sniff's decode of tcpdump's capture" "$tmp/theirs" "$tmp/ours"
TZ=UTC tcpdump -n -e -x -r "$tmp/tcpdump.pcap" >"$tmp/theirs" 2>/dev/null
"$SOCKEYE" sniff --utc -e -x -r "$tmp/tcpdump.pcap" >"$tmp/ours" 2>/dev/null
same "sniff -e -x of tcpdump's capture" "$tmp/theirs" "$tmp/ours"

# ---- -C SIZE -W COUNT: a ring of COUNT files; without -W, FILE FILE1 FILE2 ... --------------
# A 300-byte payload makes 358-byte records: five fit in 2 KiB after the file header.
sniff_bg "$ns2" "$out" "$err" sniff -i vb -c 30 -w "$tmp/ring.pcap" -C 2K -W 3 udp
wait_sniffing "$ns2" 1
send "$ns1" va --count 30 --size 300 --sport 5000
sniff_wait
names=$(cd "$tmp" && echo ring.pcap*)
[[ $names == "ring.pcap0 ring.pcap1 ring.pcap2" ]] || fail "-C -W 3 made $names"
# 30 packets, 5 a file: files 0 1 2 0 1 2, so each holds the last round's packets.
for i in 0 1 2; do
	[[ $(stat -c %s "$tmp/ring.pcap$i") -le 2048 ]] || fail "ring.pcap$i is over 2 KiB"
	ports=$(tcpdump -nn -r "$tmp/ring.pcap$i" 2>/dev/null | awk '{ sub(/.*\./, "", $3); print $3 }' |
		tr '\n' ' ')
	want=$(seq -s ' ' $((5015 + 5 * i)) $((5019 + 5 * i)))
	[[ $ports == "$want " ]] || fail "ring.pcap$i holds source ports $ports, not $want"
done
sniff_bg "$ns2" "$out" "$err" sniff -i vb -c 12 -w "$tmp/seq.pcap" -C 2K udp
wait_sniffing "$ns2" 1
send "$ns1" va --count 12 --size 300 --sport 6000
sniff_wait
names=$(cd "$tmp" && echo seq.pcap*)
[[ $names == "seq.pcap seq.pcap1 seq.pcap2" ]] || fail "-C without -W made $names"

# -G 1 -W 2: a file per second of packet time, named by strftime, and a stop after two.
sniff_bg "$ns2" "$out" "$err" sniff -i vb -w "$tmp/g-%s.pcap" -G 1 -W 2 udp
wait_sniffing "$ns2" 1
send "$ns1" va --count 12 --gap 0.25 --sport 7000
sniff_wait
names=$(cd "$tmp" && echo g-*.pcap)
[[ $names =~ ^g-([0-9]+)\.pcap\ g-([0-9]+)\.pcap$ ]] || fail "-G 1 -W 2 made $names"
((BASH_REMATCH[2] - BASH_REMATCH[1] == 1)) || fail "-G 1 files are not a second apart: $names"

# ---- SIGINT mid-capture: a complete file and the statistics ---------------------------------
for fmt in pcap pcapng; do
	f=$tmp/int.$fmt
	opt=()
	[[ $fmt == pcapng ]] && opt=(--pcapng)
	sniff_bg "$ns2" "$out" "$err" sniff -i vb -w "$f" "${opt[@]}" udp
	wait_sniffing "$ns2" 1
	send "$ns1" va --count 25 --sport 8000
	sleep 0.3
	# To sockeye itself: a background job's timeout may ignore SIGINT rather than pass it on.
	kill -INT "$(pgrep -P "$sniff_pid")" || fail "no sockeye under pid $sniff_pid"
	sniff_wait
	n=$(tcpdump -nn -r "$f" 2>/dev/null | wc -l)
	[[ $n -eq 25 ]] || fail "$fmt after SIGINT: tcpdump reads $n packets, not 25"
	grep -Eq '^vb +25 +25 +25 +25 +0 +0$' "$err" ||
		fail "$fmt: no statistics line after SIGINT: $(cat "$err")"
done

echo "ok: pcap/pcapng interop, tcpdump's capture read back, rotation, SIGINT"
