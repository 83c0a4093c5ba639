#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# savefile_interop.sh: files from sockeye's capture-file writer read the same in tcpdump and tshark,
# and files written by tcpdump, tshark, editcap and mergecap read the same in sockeye's reader.
# Needs no root: tests/tools/savefile_dump makes, copies and prints the captures.
set -u

: "${top_builddir:=$(cd "$(dirname "$0")/../.." && pwd)}"
dump=$top_builddir/tests/tools/savefile_dump
N=700

for c in tcpdump tshark editcap mergecap; do
	if ! command -v "$c" >/dev/null; then
		echo "SKIP: $c not installed (apt-get install tcpdump tshark)"
		exit 77
	fi
done
if [[ ! -x $dump ]]; then
	echo "FAIL: $dump not built (make check builds it)"
	exit 99
fi

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
nfail=0

fail() {
	echo "FAIL: $*"
	nfail=$((nfail + 1))
}

# same NAME EXPECTED ACTUAL: the two files hold the same lines.
same() {
	if ! diff -q "$2" "$3" >/dev/null; then
		fail "$1"
		diff -u "$2" "$3" | head -8 | cut -c1-150
	fi
}

# Our reader's view: "if dir ts linktype caplen wirelen hex" per record.
show() {
	if ! "$dump" "$1" >"$2"; then
		fail "savefile_dump cannot read $1"
	fi
}

# Records without the interface and direction, which classic pcap does not carry.
bare() {
	cut -d' ' -f3- "$1"
}

# Timestamps cut to microseconds.
micro() {
	sed -E 's/^([^ ]+ [^ ]+ [0-9]+\.[0-9]{6})[0-9]{3}/\1000/' "$1"
}

# What tshark's fields should say of FILE, from our reader: interface, direction flags, time,
# lengths, interface name; pcap has no interface or flags.
tshark_want() {
	"$dump" -s "$1" | awk -v ng="$2" '
		/^if / { name[$2] = $10; gsub("\047", "", name[$2]); next }
		{ line[n++] = $0 }
		END {
			for (i = 0; i < n; i++) {
				split(line[i], f, " ")
				dir = f[2] == "in" ? "0x00000001" : f[2] == "out" ? "0x00000002" : ""
				if (ng)
					printf "%s\t%s\t%s\t%s\t%s\t%s\n", f[1], dir, f[3], f[5], f[6], name[f[1]]
				else
					printf "\t\t%s\t%s\t%s\t\n", f[3], f[5], f[6]
			}
		}'
}

tshark_got() {
	tshark -r "$1" -T fields -e frame.interface_id -e frame.packet_flags_direction \
		-e frame.time_epoch -e frame.cap_len -e frame.len -e frame.interface_name 2>/dev/null
}

# ---- our files, their readers ----------------------------------------------------------
"$dump" -g pcap ours.pcap $N || fail "cannot write pcap"
"$dump" -g nano ours-nano.pcap $N || fail "cannot write nanosecond pcap"
"$dump" -g pcapng ours.pcapng $N || fail "cannot write pcapng"

for f in ours.pcap ours-nano.pcap ours.pcapng; do
	show "$f" "$f.txt"
	[[ $(wc -l <"$f.txt") -eq $N ]] || fail "$f: our reader sees $(wc -l <"$f.txt") records, not $N"

	# Counts: one line per packet (hex dump lines of odd frames start with a tab).
	n=$(tcpdump -nn -q -r "$f" 2>/dev/null | grep -vc '^[[:space:]]')
	[[ $n -eq $N ]] || fail "$f: tcpdump reads $n packets, not $N"
	n=$(tshark -r "$f" 2>/dev/null | wc -l)
	[[ $n -eq $N ]] || fail "$f: tshark reads $n packets, not $N"

	# Bytes and times through libpcap's reader (and writer), nanoseconds kept.
	if tcpdump -r "$f" --time-stamp-precision=nano -w "$f.tcpdump" 2>/dev/null; then
		show "$f.tcpdump" "$f.tcpdump.txt"
		same "$f: tcpdump -r | -w differs" <(bare "$f.txt") <(bare "$f.tcpdump.txt")
	else
		fail "$f: tcpdump cannot read it"
	fi
	# The same through wiretap (editcap), and tshark's view of interfaces and directions.
	if editcap -F nsecpcap "$f" "$f.editcap" 2>/dev/null; then
		show "$f.editcap" "$f.editcap.txt"
		same "$f: editcap -F nsecpcap differs" <(bare "$f.txt") <(bare "$f.editcap.txt")
	else
		fail "$f: editcap cannot read it"
	fi
	ng=0
	[[ $f == *.pcapng ]] && ng=1
	same "$f: tshark's fields differ" <(tshark_want "$f" $ng) <(tshark_got "$f")
done

# ---- their files, our reader -----------------------------------------------------------
# tcpdump -w: microseconds, and nanoseconds with --time-stamp-precision=nano.
tcpdump -r ours-nano.pcap -w td.pcap 2>/dev/null || fail "tcpdump -w failed"
show td.pcap td.pcap.txt
same "tcpdump -w file differs" <(micro ours-nano.pcap.txt) td.pcap.txt
tcpdump -r ours-nano.pcap --time-stamp-precision=nano -w td-nano.pcap 2>/dev/null ||
	fail "tcpdump --time-stamp-precision=nano -w failed"
[[ $(od -An -tx1 -N4 td-nano.pcap) == " 4d 3c b2 a1" ]] || fail "tcpdump did not write a nanosecond pcap"
show td-nano.pcap td-nano.pcap.txt
same "tcpdump nanosecond file differs" ours-nano.pcap.txt td-nano.pcap.txt

# editcap -F pcapng: microsecond (no if_tsresol) and nanosecond interfaces.
editcap -F pcapng ours.pcap ed.pcapng 2>/dev/null || fail "editcap -F pcapng failed"
show ed.pcapng ed.pcapng.txt
same "editcap pcapng (us) differs" ours.pcap.txt ed.pcapng.txt
editcap -F pcapng ours-nano.pcap ed-nano.pcapng 2>/dev/null || fail "editcap -F pcapng failed"
show ed-nano.pcapng ed-nano.pcapng.txt
same "editcap pcapng (ns) differs" ours-nano.pcap.txt ed-nano.pcapng.txt

# tshark -w: pcapng with our two interfaces and the direction flags.
tshark -r ours.pcapng -w ts.pcapng 2>/dev/null || fail "tshark -w failed"
show ts.pcapng ts.pcapng.txt
same "tshark -w pcapng differs" ours.pcapng.txt ts.pcapng.txt

# mergecap -I none: one pcapng, an IDB per input, microsecond and nanosecond resolutions.
mergecap -I none -F pcapng -w merged.pcapng ours.pcap ours-nano.pcap 2>/dev/null ||
	fail "mergecap failed"
show merged.pcapng merged.txt
same "mergecap 2-interface pcapng differs" \
	<({ cat ours.pcap.txt; sed 's/^0 /1 /' ours-nano.pcap.txt; } | sort) <(sort merged.txt)

if [[ $nfail -ne 0 ]]; then
	echo "$nfail check(s) failed"
	exit 1
fi
echo "ok: pcap, nanosecond pcap and pcapng agree with tcpdump, tshark, editcap and mergecap"
