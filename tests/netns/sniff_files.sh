#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_files.sh: live captures written with -w (pcap, pcapng) read back in tcpdump and tshark
# with the same count and bytes; a tcpdump capture reads back in sniff the same; -C/-G/-W
# rotation names and counts; SIGINT leaves a complete file and prints the statistics; -r FILE
# -Z USER opens the file before giving up root, -w FILE -Z USER makes the first file before;
# -w never overwrites the -r file; a full disk leaves whole records; an empty capture still
# gets its header; a pcapng of 20 sections reads whole; pcap refuses times past 2106.
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
"$SOCKEYE" sniff -n --utc -r "$tmp/tcpdump.pcap" >"$tmp/ours" 2>/dev/null
same "sniff's decode of tcpdump's capture" "$tmp/theirs" "$tmp/ours"
TZ=UTC tcpdump -n -e -x -r "$tmp/tcpdump.pcap" >"$tmp/theirs" 2>/dev/null
"$SOCKEYE" sniff -n --utc -e -x -r "$tmp/tcpdump.pcap" >"$tmp/ours" 2>/dev/null
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
# -Q reads the pcapng direction flags: all 25 came in, none went out.
for q in in:25 out:0; do
	n=$("$SOCKEYE" sniff -Q "${q%:*}" -r "$tmp/int.pcapng" 2>"$err" | wc -l)
	[[ $n -eq ${q#*:} ]] || fail "-Q ${q%:*} -r int.pcapng: $n packets, not ${q#*:}"
done

# ---- a full disk: said, exit 1, and WRITTEN counts the records that reached the file ---------
# A 64 KiB tmpfs in a mount namespace of its own: it goes away with the shell.
mkdir "$tmp/full" || fail "mkdir failed"
ns_exec "$ns2" unshare -m --propagation private sh -c '
	mount -t tmpfs -o size=64k none "$1" || exit 99
	timeout -s INT 20 "$2" sniff -i vb -c 400 -w "$1/f.pcap" udp 2>"$3"
	echo "rc=$?"
	tcpdump -r "$1/f.pcap" 2>/dev/null | wc -l' sh "$tmp/full" "$SOCKEYE" "$err" >"$out" &
full_pid=$!
register_pid "$full_pid"
wait_sniffing "$ns2" 1
send "$ns1" va --count 400 --size 1000 --sport 7000
wait "$full_pid" || fail "tmpfs for the full disk test: exit $?"
grep -qx 'rc=1' "$out" || fail "full disk: $(head -1 "$out"), not rc=1: $(cat "$err")"
grep -Eq '^sockeye: sniff: -w .*/f\.pcap: No space left on device$' "$err" ||
	fail "full disk not said: $(cat "$err")"
in_file=$(tail -1 "$out")
written=$(awk '$1 == "vb" { print $4 }' "$err")
((in_file > 0 && written == in_file)) ||
	fail "full disk: WRITTEN says $written, the file holds $in_file packets"

# ---- -r pcapng of two interfaces -w FILE: both reach the file -------------------------------
# ng.py makes "early" (both IDBs before the packets) and "late" (the second IDB after the
# first packet, which a written file's header can no longer name).
cat >"$tmp/ng.py" <<'PY'
import struct, sys
def blk(t, body):
    body += b"\0" * (-len(body) % 4)
    return struct.pack("<II", t, len(body) + 12) + body + struct.pack("<I", len(body) + 12)
shb = blk(0x0a0d0d0a, struct.pack("<IHHq", 0x1a2b3c4d, 1, 0, -1))
idb = blk(1, struct.pack("<HHI", 1, 0, 0))
frame = bytes(12) + b"\x88\xb5" + bytes(46)
epb = lambda i, t: blk(6, struct.pack("<IIIII", i, 0, t, len(frame), len(frame)) + frame)
open(sys.argv[1] + "/early.pcapng", "wb").write(shb + idb + idb + epb(0, 1) + epb(1, 2) + epb(1, 3))
open(sys.argv[1] + "/late.pcapng", "wb").write(shb + idb + epb(0, 1) + idb + epb(1, 2))
PY
"$PYTHON" "$tmp/ng.py" "$tmp" || fail "ng.py failed"
for fmt in pcap pcapng; do
	opt=()
	[[ $fmt == pcapng ]] && opt=(--pcapng)
	"$SOCKEYE" sniff -r "$tmp/early.pcapng" -w "$tmp/early-out.$fmt" "${opt[@]}" 2>"$err" ||
		fail "-r early.pcapng -w $fmt: $(cat "$err")"
	n=$(packets_in "$tmp/early-out.$fmt") || exit 1
	[[ $n -eq 3 ]] || fail "-r early.pcapng -w $fmt: $n packets written, not 3"
done
# -j with -w -: the pcap owns stdout, the stats object goes to stderr.
"$SOCKEYE" -j sniff -r "$tmp/early.pcapng" -w - 2>"$err" >"$tmp/stdout.pcap" ||
	fail "-j -w -: $(cat "$err")"
n=$(packets_in "$tmp/stdout.pcap") || exit 1
[[ $n -eq 3 ]] || fail "-j -w -: $n packets on stdout, not 3"
jq -e 'select(.type == "stats") | .interfaces |
	length == 3 and .[1].written == 2 and .[2].written == 3' "$err" >/dev/null ||
	fail "-j -w -: no stats object on stderr: $(cat "$err")"
"$SOCKEYE" sniff -r "$tmp/late.pcapng" >"$out" 2>"$err" || fail "late.pcapng: $(cat "$err")"
# A packet a line; tcpdump's hex dump of the unknown ethertype follows it, indented.
n=$(grep -vc '^[[:space:]]' "$out")
[[ $n -eq 2 ]] || fail "late.pcapng: $n packets printed, not 2"
"$SOCKEYE" sniff -r "$tmp/late.pcapng" --pcapng -w "$tmp/late.out" 2>"$err"
rc=$?
[[ $rc -eq 1 ]] && grep -q 'late.pcapng: interface 1 is described after the first packet' "$err" ||
	fail "late.pcapng -w: exit $rc, '$(cat "$err")'"

# ---- files made for the tests below -------------------------------------------------------
# big.pcap: 1500 frames of 1000 bytes (1.5 MB: more than the reader's 1 MiB buffer);
# empty.pcap and empty.pcapng: headers, no packet; sections.pcapng: 20 one-interface captures
# end to end (as cat makes them), 3 packets each; y2106.pcapng: 3 packets in 2030, then 2
# in 2108, past 2106-02-07, which pcap's 32-bit seconds cannot hold.
cat >"$tmp/mk.py" <<'PY'
import struct, sys
d = sys.argv[1]
frame = lambda n: bytes.fromhex("020000000002020000000001") + b"\x88\xb5" + bytes(n - 14)
pcap_hdr = struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1)
rec = lambda t, f: struct.pack("<IIII", t, 0, len(f), len(f)) + f
open(d + "/big.pcap", "wb").write(pcap_hdr + b"".join(rec(1700000000 + i, frame(1000))
                                                      for i in range(1500)))
open(d + "/empty.pcap", "wb").write(pcap_hdr)
def blk(t, body):
    body += b"\0" * (-len(body) % 4)
    return struct.pack("<II", t, len(body) + 12) + body + struct.pack("<I", len(body) + 12)
shb = blk(0x0a0d0d0a, struct.pack("<IHHq", 0x1a2b3c4d, 1, 0, -1))
# if_name "eth0", if_tsresol 9 (ns)
idb = blk(1, struct.pack("<HHI", 1, 0, 0) + struct.pack("<HH4s", 2, 4, b"eth0") +
          struct.pack("<HHBxxx", 9, 1, 9) + bytes(4))
def epb(ns, f):
    return blk(6, struct.pack("<IIIII", 0, ns >> 32, ns & 0xffffffff, len(f), len(f)) + f)
open(d + "/empty.pcapng", "wb").write(shb + idb)
open(d + "/sections.pcapng", "wb").write(b"".join(
    shb + idb + b"".join(epb((1700000000 + s) * 10**9 + i, frame(60)) for i in range(3))
    for s in range(20)))
t2030, t2108 = 1893456000 * 10**9, 4354819200 * 10**9
open(d + "/y2106.pcapng", "wb").write(shb + idb + b"".join(
    epb(t + i, frame(60)) for i, t in enumerate([t2030] * 3 + [t2108] * 2)))
PY
"$PYTHON" "$tmp/mk.py" "$tmp" || fail "mk.py failed"

# ---- -w FILE is never the -r FILE: refused before anything is opened for writing ----------
cp "$tmp/big.pcap" "$tmp/in.pcap"
ln -s in.pcap "$tmp/in-link.pcap"
for target in in.pcap in-link.pcap; do
	for cmd in sniff inject; do
		rc=0
		"$SOCKEYE" $cmd -r "$tmp/in.pcap" -w "$tmp/$target" >"$out" 2>"$err" || rc=$?
		[[ $rc -eq 1 ]] && grep -q "^sockeye: $cmd: -w .*/$target: is the input file; refusing to overwrite it$" "$err" ||
			fail "$cmd -r in.pcap -w $target: exit $rc, '$(head -1 "$err")'"
		cmp -s "$tmp/big.pcap" "$tmp/in.pcap" || fail "$cmd -r in.pcap -w $target changed in.pcap"
	done
done
# -C's files too: the ring's second file, in.pcap1, is the input here.
mv "$tmp/in.pcap" "$tmp/in.pcap1"
rc=0
"$SOCKEYE" sniff -r "$tmp/in.pcap1" -w "$tmp/in.pcap" -C 100K -W 2 >"$out" 2>"$err" || rc=$?
[[ $rc -eq 1 ]] && grep -q "^sockeye: sniff: -w .*/in.pcap1: is the input file" "$err" ||
	fail "-r in.pcap1 -w in.pcap -C: exit $rc, '$(head -1 "$err")'"
cmp -s "$tmp/big.pcap" "$tmp/in.pcap1" || fail "-r in.pcap1 -w in.pcap -C changed in.pcap1"
rm -f "$tmp/in.pcap"* "$tmp/in-link.pcap"

# ---- a full disk cuts the file back to its last whole record: tcpdump reads it all ---------
# A 256 KiB tmpfs in a mount namespace of its own (gone with its shell), written from a file.
mkdir "$tmp/small" || fail "mkdir failed"
for fmt in pcap pcapng; do
	opt=
	[[ $fmt == pcapng ]] && opt=--pcapng
	unshare -m --propagation private sh -c '
		mount -t tmpfs -o size=256k none "$1" || exit 99
		"$2" -j sniff -r "$3/big.pcap" -w "$1/out" $4 >"$3/full.json" 2>"$3/full.err"
		echo "rc=$?"
		cp "$1/out" "$3/full.out"' sh "$tmp/small" "$SOCKEYE" "$tmp" "$opt" >"$out" ||
		fail "$fmt: tmpfs for the full disk test: exit $?"
	grep -qx 'rc=1' "$out" || fail "$fmt full disk: $(cat "$out"), not rc=1: $(cat "$tmp/full.err")"
	grep -Eq '^sockeye: sniff: -w .*/out: No space left on device$' "$tmp/full.err" ||
		fail "$fmt full disk not said: $(cat "$tmp/full.err")"
	n=$(packets_in "$tmp/full.out") || exit 1
	written=$(jq 'select(.type == "stats") | .interfaces[0].written' "$tmp/full.json")
	((n > 100 && written == n)) || fail "$fmt full disk: WRITTEN says $written, tcpdump reads $n"
done

# ---- a capture without packets still makes its -w file: the header(s), as tcpdump ---------
"$SOCKEYE" sniff -r "$tmp/empty.pcap" -w "$tmp/e.pcap" 2>"$err" || fail "-r empty.pcap: $(cat "$err")"
[[ $(stat -c %s "$tmp/e.pcap" 2>/dev/null) == 24 ]] || fail "-r empty.pcap -w: not a 24-byte file"
for in in empty.pcap empty.pcapng; do
	"$SOCKEYE" sniff -r "$tmp/$in" -w "$tmp/e.pcapng" --pcapng 2>"$err" ||
		fail "-r $in --pcapng: $(cat "$err")"
	[[ $(packets_in "$tmp/e.pcapng") == 0 ]] || fail "-r $in -w --pcapng: not an empty capture"
	tshark -r "$tmp/e.pcapng" >"$out" 2>"$err" && [[ ! -s $out ]] ||
		fail "tshark -r of $in rewritten: $(cat "$err")"
done

# ---- a pcapng of many sections: every packet, each section's interface in one slot ---------
"$SOCKEYE" sniff -r "$tmp/sections.pcapng" >"$out" 2>"$err" || fail "sections: $(cat "$err")"
n=$(packets_in "$tmp/sections.pcapng") || exit 1
printed=$(grep -vc '^[[:space:]]' "$out")	# hex dumps of unknown ethertypes are indented
[[ $n -eq 60 && $printed -eq 60 ]] ||
	fail "sections.pcapng: sniff prints $printed, tcpdump $n, not 60: $(cat "$err")"
grep -q skipped "$err" && fail "sections.pcapng: $(cat "$err")"
"$SOCKEYE" sniff -r "$tmp/sections.pcapng" -w "$tmp/sections.out" --pcapng 2>"$err" ||
	fail "sections -w: $(cat "$err")"
[[ $(packets_in "$tmp/sections.out") -eq 60 ]] || fail "sections.pcapng -w: not 60 packets"

# ---- pcap cannot hold a time past 2106: said, exit 1, the records before it written -------
rc=0
"$SOCKEYE" -j sniff -r "$tmp/y2106.pcapng" -w "$tmp/y2106.pcap" >"$out" 2>"$err" || rc=$?
[[ $rc -eq 1 ]] && grep -Eq '^sockeye: sniff: -w .*/y2106.pcap: a timestamp past 2106: pcap cannot hold it \(write --pcapng\)$' "$err" ||
	fail "-r y2106.pcapng -w pcap: exit $rc, '$(cat "$err")'"
n=$(packets_in "$tmp/y2106.pcap") || exit 1
written=$(jq 'select(.type == "stats") | .interfaces[0].written' "$out")
[[ $n -eq 3 && $written -eq 3 ]] || fail "y2106 -w pcap: $n packets in the file, WRITTEN $written"
[[ $(tcpdump -tt -r "$tmp/y2106.pcap" 2>/dev/null | grep "^[0-9]" | cut -c1-10 | sort -u) == 1893456000 ]] ||
	fail "y2106 -w pcap: times other than 2030's in the file"
"$SOCKEYE" sniff -r "$tmp/y2106.pcapng" -w "$tmp/y2106.out" --pcapng 2>"$err" ||
	fail "y2106 -w --pcapng: $(cat "$err")"

# ---- -Z USER -w FILE: the first file is made before root is given up, then handed to USER --
# As tcpdump: a directory only root may write still gets the file, owned by the user.
zdir=$(mktemp -d) || fail "mktemp failed"
register_file "$zdir"
chmod 755 "$zdir"
sniff_bg "$ns2" "$out" "$err" sniff -i vb -c 5 -Z nobody -w "$zdir/f" udp
wait_sniffing "$ns2" 1
send "$ns1" va --count 5 --sport 9000
sniff_wait
[[ $(stat -c %U "$zdir/f" 2>/dev/null) == nobody ]] ||
	fail "-Z nobody -w in a root-only directory: $(ls -l "$zdir") $(cat "$err")"
n=$(packets_in "$zdir/f") || exit 1
[[ $n -eq 5 ]] || fail "-Z nobody -w: $n packets in the file, not 5"
# --fanout-files: every worker's first file too (they used to be made after root was given up).
sniff_bg "$ns2" "$out" "$err" sniff -i vb --fanout 2 --fanout-files -c 6 -Z nobody -w "$zdir/g.pcap" udp
wait_sniffing "$ns2" 2
send "$ns1" va --count 6 --sport 9000
sniff_wait
n=0
for f in "$zdir/g.0.pcap" "$zdir/g.1.pcap"; do
	[[ $(stat -c %U "$f" 2>/dev/null) == nobody ]] ||
		fail "-Z nobody --fanout-files: $f: $(ls -l "$zdir") $(cat "$err")"
	n=$((n + $(packets_in "$f"))) || exit 1
done
[[ $n -eq 6 ]] || fail "-Z nobody --fanout-files: $n packets in the files, not 6"

# ---- -r FILE -Z USER: the file is opened as root, then read as USER (as tcpdump) ----------
# A root-only file in a root-only directory: nobody could not open it.  The first -w file is
# made before the drop, and handed to nobody; later ones (-C) are made as nobody, so the same
# directory refuses them, and the error names that file.
cp "$top_srcdir/tests/golden/input/sniff_link.pcap" "$tmp/rootonly.pcap"
chmod 600 "$tmp/rootonly.pcap"
chmod 700 "$tmp"
"$SOCKEYE" sniff -r "$tmp/rootonly.pcap" >"$tmp/want" 2>"$err" || fail "-r as root: $(cat "$err")"
"$SOCKEYE" sniff -r "$tmp/rootonly.pcap" -Z nobody >"$out" 2>"$err" ||
	fail "-r root-only file -Z nobody: $(cat "$err")"
[[ -s $tmp/want ]] || fail "-r root-only file: nothing printed"
same "-r root-only file -Z nobody" "$tmp/want" "$out"
"$SOCKEYE" sniff -r "$tmp/rootonly.pcap" -Z nobody -w "$tmp/asnobody.pcap" 2>"$err" ||
	fail "-r -Z nobody -w in a root-only directory: $(cat "$err")"
[[ $(stat -c %U "$tmp/asnobody.pcap") == nobody && $(packets_in "$tmp/asnobody.pcap") -eq 9 ]] ||
	fail "-r -Z nobody -w: $(ls -l "$tmp/asnobody.pcap")"
chmod 644 "$tmp/big.pcap"
rc=0
"$SOCKEYE" sniff -r "$tmp/big.pcap" -Z nobody -w "$tmp/rot.pcap" -C 100K 2>"$err" || rc=$?
[[ $rc -eq 1 ]] && grep -q 'rot.pcap1: Permission denied' "$err" ||
	fail "-Z nobody -w -C in a root-only directory: exit $rc, '$(cat "$err")'"

echo "ok: pcap/pcapng interop, tcpdump's capture read back, rotation, SIGINT, -r pcapng -w," \
	"-w of the -r file, a full disk, empty captures, pcapng sections, times past 2106, -Z -w"
