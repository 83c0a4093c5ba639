#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_errors.sh: sniff's bad-input cases: each is one line on stderr naming the thing, exit 1
# (runtime) or 2 (usage); a corrupt file is printed up to the bad record first.  Also -d per
# interface and the --stats tables' titles.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/netns/lib.sh"

need_root
need_cmd setpriv
netns_new ns
ip -n "$ns" link add x0 type veth peer name x1 || fail "cannot create a veth pair"
link_up "$ns" x1
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"
golden=$top_srcdir/tests/golden/input

# expect STATUS PATTERN ARGS...: sockeye sniff ARGS in the namespace exits with STATUS and
# prints exactly one line on stderr, matching the extended regular expression PATTERN.
expect()
{
	local want=$1 pattern=$2 rc

	shift 2
	ns_exec "$ns" timeout 10 "$SOCKEYE" sniff "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[[ $rc -eq $want ]] || fail "sniff $*: exit $rc, not $want: $(cat "$tmp/err")"
	[[ $(wc -l <"$tmp/err") -eq 1 ]] || fail "sniff $*: not one line on stderr: $(cat "$tmp/err")"
	grep -Eq "^sockeye: sniff: $pattern" "$tmp/err" ||
		fail "sniff $*: '$(cat "$tmp/err")' does not match '$pattern'"
}

expect 1 'eth9: no such interface$' -i eth9 -c 1
expect 1 'x0: interface is down$' -i x0 -c 1
expect 2 "filter: can't parse filter expression: syntax error$" -i x1 -c 1 tcp port
expect 2 '-s 999999: snaplen must be 0 to 262144$' -i x1 -s 999999
expect 2 '-s -1: snaplen' -i x1 -s -1
expect 2 '-B 1: ring size must be 64 KiB to 16 GiB' -i x1 -B 1
expect 2 '-B 99G: ring size' -i x1 -B 99G
expect 2 '-c 0: not a packet count$' -i x1 -c 0
expect 2 '-c ten: not a packet count$' -i x1 -c ten
expect 2 '-Q sideways: direction must be in, out or inout$' -i x1 -Q sideways
expect 2 '--latency 0: milliseconds' -i x1 --latency 0
expect 2 '--fanout 99: workers' -i x1 --fanout 99
expect 2 '--fanout-files needs --fanout N$' -i x1 -w "$tmp/f" --fanout-files
expect 2 '--fanout-files needs -w FILE' -i x1 --fanout 2 --fanout-files
expect 2 '--fanout-files needs -w FILE' -i x1 --fanout 2 --fanout-files -w -
expect 2 '--print needs the merged stream' -i x1 --fanout 2 --fanout-files -w "$tmp/f" --print
# The second worker's file cannot be made: one line, no stats, every other worker stopped.
mkdir "$tmp/fan.1.pcap" || fail "mkdir failed"
expect 1 '-w .*/fan.1.pcap: Is a directory$' -i x1 --fanout 3 --fanout-files -w "$tmp/fan.pcap"
expect 2 '-W needs -C or -G$' -i x1 -w "$tmp/f" -W 2
expect 2 '-r and -i exclude each other$' -i x1 -r "$golden/sniff_link.pcap"
# Without CAP_NET_RAW: the capability is named (lo is down in a new namespace: bring it up).
link_up "$ns" lo
ns_exec "$ns" setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$SOCKEYE" sniff -i lo -c 1 >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc -eq 1 ]] && grep -q '^sockeye: sniff: lo: capture needs CAP_NET_RAW' "$tmp/err" ||
	fail "without CAP_NET_RAW: exit $rc, '$(cat "$tmp/err")'"

# Files.
expect 1 '/nonexistent.pcap: No such file or directory$' -r /nonexistent.pcap
printf 'this is not a capture\n' >"$tmp/text"
expect 1 ".*/text: not a pcap or pcapng file" -r "$tmp/text"
chmod 000 "$tmp/text"
ns_exec "$ns" setpriv --reuid=65534 --regid=65534 --clear-groups "$SOCKEYE" sniff \
	-r "$tmp/text" >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc -eq 1 ]] && grep -q 'text: Permission denied' "$tmp/err" ||
	fail "unreadable file: exit $rc, '$(cat "$tmp/err")'"
expect 2 "filter: can't parse filter expression" -r "$golden/sniff_link.pcap" udp port
# An unreadable -F file is a runtime error (it once exited 0, taken for --help's status).
expect 1 '-F /nonexistent: No such file or directory$' -i x1 -F /nonexistent
# A directory opens, then fails to read: not a capture without a filter.
expect 1 "-F $tmp: Is a directory\$" -i x1 -c 1 -F "$tmp"
# Only -w writes a format: --pcapng alone would be ignored.
expect 2 '--pcapng needs -w FILE$' -i x1 -c 1 --pcapng
expect 2 '--pcapng needs -w FILE$' -r "$golden/sniff_link.pcap" --pcapng
expect 2 '--read: needs a value$' --read
expect 2 '-z: unknown option' -r "$golden/sniff_raw.pcap" -nz

# A file's link type rules its filter: raw IP files (LINKTYPE_RAW 101, DLT_RAW here) and
# SLL2 ones; -d -r compiles for it as tcpdump -d -r does.  -n and -l are tcpdump's no-ops.
ns_exec "$ns" "$SOCKEYE" sniff -nn -l -r "$golden/sniff_raw.pcap" udp >"$tmp/out" 2>"$tmp/err" ||
	fail "raw IP file with a filter: $(cat "$tmp/err")"
[[ $(wc -l <"$tmp/out") -eq 2 ]] || fail "raw IP file, udp: $(wc -l <"$tmp/out") packets, not 2"
[[ $(ns_exec "$ns" "$SOCKEYE" sniff -d -r "$golden/sniff_raw.pcap" ip | head -1) == \
	'(000) ldb      [0]' ]] || fail "-d -r raw IP file: not compiled for raw IP"
[[ $(ns_exec "$ns" "$SOCKEYE" sniff -d -r "$golden/sniff_sll2.pcap" icmp | head -1) == \
	'(000) ldh      [0]' ]] || fail "-d -r SLL2 file: not compiled for SLL2"
# -d with several -i: each interface's program under a "# IFACE (LINKTYPE)" line (once only
# the first was printed); with one -i no such line, as tcpdump -d.
ns_exec "$ns" "$SOCKEYE" sniff -d -i x1 -i any udp >"$tmp/out" 2>"$tmp/err" ||
	fail "-d -i x1 -i any: $(cat "$tmp/err")"
[[ $(grep '^#' "$tmp/out" | tr '\n' ' ') == '# x1 (EN10MB) # any (LINUX_SLL2) ' ]] ||
	fail "-d -i x1 -i any: labels $(grep '^#' "$tmp/out" | tr '\n' ' ')"
[[ $(grep -c '^(000) ldh      \[12\]$' "$tmp/out") -eq 1 &&
	$(grep -c '^(000) ldh      \[0\]$' "$tmp/out") -eq 1 &&
	$(sed -n 2p "$tmp/out") == '(000) ldh      [12]' ]] ||
	fail "-d -i x1 -i any: not an Ethernet then an SLL2 program: $(cat "$tmp/out")"
[[ $(ns_exec "$ns" "$SOCKEYE" sniff -d -i x1 udp | head -1) == '(000) ldh      [12]' ]] ||
	fail "-d -i x1: a label with one interface"

# A capture cut inside its third record: two packets, then the file and the offset, exit 1.
ns_exec "$ns" "$SOCKEYE" sniff --utc -r "$golden/sniff_cut.pcap" >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc -eq 1 ]] || fail "cut file: exit $rc, not 1"
[[ $(wc -l <"$tmp/out") -eq 2 ]] || fail "cut file: $(wc -l <"$tmp/out") packets printed, not 2"
head -1 "$tmp/err" | grep -Eq '^sockeye: sniff: .*/sniff_cut\.pcap: truncated record at offset 176 ' ||
	fail "cut file: first error line '$(head -1 "$tmp/err")'"
grep -c 'sockeye: sniff:' "$tmp/err" | grep -qx 1 || fail "cut file: more than one error line"
# A corrupt record length: the same, at the record's offset.
head -c 184 "$golden/sniff_link.pcap" >"$tmp/bad.pcap"
printf '\xff\xff\xff\x7f\xff\xff\xff\x7f' >>"$tmp/bad.pcap"
tail -c +193 "$golden/sniff_link.pcap" >>"$tmp/bad.pcap"
ns_exec "$ns" "$SOCKEYE" sniff -r "$tmp/bad.pcap" >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc -eq 1 && $(wc -l <"$tmp/out") -eq 2 ]] ||
	fail "corrupt record: exit $rc and $(wc -l <"$tmp/out") packets, not 1 and 2"
head -1 "$tmp/err" | grep -Eq '^sockeye: sniff: .*/bad\.pcap: .*offset 176' ||
	fail "corrupt record: '$(head -1 "$tmp/err")'"

# --stats in text: each periodic table is titled with its number, the last one as at exit.
ns_exec "$ns" timeout -s INT 1.5 "$SOCKEYE" sniff -i lo --stats 0.2 >"$tmp/out" 2>"$tmp/err"
grep '^-- sniff stats' "$tmp/err" >"$tmp/titles"
n=$(($(wc -l <"$tmp/titles") - 1))
[[ $n -ge 2 ]] || fail "--stats 0.2 for 1.5 s: $n interval tables: $(cat "$tmp/err")"
for ((k = 1; k <= n; k++)); do
	echo "-- sniff stats: interval $k, totals so far --"
done >"$tmp/want"
echo "-- sniff stats: totals at exit --" >>"$tmp/want"
diff -u "$tmp/want" "$tmp/titles" >/dev/null || fail "--stats titles: $(cat "$tmp/titles")"

echo "ok: bad interfaces, filters, option values, files, -d per interface, --stats titles"
