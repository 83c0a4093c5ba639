#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# cli_errors.sh: exit status and the one stderr line of usage and runtime errors (no root needed).
. "$top_srcdir/tests/netns/lib.sh"
need_cmd jq

tmp=$(mktemp -d) || exit 99
register_file "$tmp"
nfail=0

# Records a failure and goes on, so one run shows every broken case.
bad()
{
	echo "FAIL: $NETNS_TEST: $*" >&2
	nfail=$((nfail + 1))
}

# run ARGS...: runs sockeye; sets rc, out (stdout), err (stderr) and nerr (its lines).
run()
{
	timeout 20 "$SOCKEYE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(<"$tmp/out")
	err=$(<"$tmp/err")
	nerr=$(wc -l <"$tmp/err")
}

# expect_error STATUS WORD ARGS...: exit STATUS, nothing on stdout, one stderr
# line that starts with "sockeye: " and contains WORD.
expect_error()
{
	local want=$1 word=$2

	shift 2
	run "$@"
	if [[ $rc -ne $want ]]; then
		bad "sockeye $*: exit status $rc, want $want (stderr: $err)"
	elif [[ $nerr -ne 1 ]]; then
		bad "sockeye $*: $nerr lines on stderr, want 1: $err"
	elif [[ $err != "sockeye: "*"$word"* ]]; then
		bad "sockeye $*: stderr does not name '$word': $err"
	elif [[ -n $out ]]; then
		bad "sockeye $*: unexpected stdout: $out"
	fi
}

# Unknown command, options and values: usage errors (2) that name the culprit.
expect_error 2 nosuch nosuch
expect_error 2 nosuch help nosuch
expect_error 2 --bogus --bogus help
expect_error 2 -Z -Z help
expect_error 2 -N -N
expect_error 2 abc top -d abc
expect_error 2 -d top -d
expect_error 2 0 top -n 0
expect_error 2 --bogus top --bogus

# No command: the usage text, and the usage status.
run
[[ $rc -eq 2 ]] || bad "sockeye without a command: exit status $rc, want 2"

# Commands and whether any prefix is shared by two of them.
run -j help
if [[ $rc -ne 0 || -z $out ]] || ! jq -e . "$tmp/out" >/dev/null 2>&1; then
	bad "sockeye -j help: exit status $rc or output not JSON: $out"
	cmds=()
else
	mapfile -t cmds < <(jq -r '.. | objects | select(has("name") and has("summary")) | .name' \
		"$tmp/out")
	for c in help top; do
		[[ " ${cmds[*]} " == *" $c "* ]] || bad "sockeye -j help does not list $c"
	done
fi
ambiguous=
for a in "${cmds[@]}"; do
	for b in "${cmds[@]}"; do
		[[ $a < $b ]] || continue
		p=
		while [[ ${a:${#p}:1} == "${b:${#p}:1}" && ${#p} -lt ${#a} ]]; do
			p+=${a:${#p}:1}
		done
		# A prefix that is also a full name selects that command, not an error.
		[[ -n $p && " ${cmds[*]} " != *" $p "* ]] && ambiguous=$p
	done
done
if [[ -n $ambiguous ]]; then
	expect_error 2 "$ambiguous" "$ambiguous"
else
	echo "no two commands share a prefix: ambiguous prefix not tested"
fi

# A namespace that does not exist: runtime error (1) naming it.
expect_error 1 "sky-nosuch-$$" -N "sky-nosuch-$$" top -b -n 1

# Every command has --help, the same text as `sockeye help COMMAND`.
for c in "${cmds[@]}"; do
	run help "$c"
	usage=$out
	[[ $rc -eq 0 && $usage == "usage: sockeye "*"$c"* ]] ||
		bad "sockeye help $c: exit status $rc, output: $usage"
	run "$c" --help
	[[ $rc -eq 0 && $out == "$usage" ]] ||
		bad "sockeye $c --help: exit status $rc, not the text of sockeye help $c: $out$err"
done

version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h" 2>/dev/null)
for v in -V --version; do
	run "$v"
	[[ $rc -eq 0 && $out == "sockeye ${version:-[0-9]}"* && $out != *$'\n'* ]] ||
		bad "sockeye $v: exit status $rc, output '$out', want 'sockeye ${version:-VERSION}'"
done

# A unique prefix selects the command.
run to -b -n 1 -d 0.1
[[ $rc -eq 0 && -n $out ]] || bad "sockeye to -b -n 1 -d 0.1: exit status $rc, stderr: $err"

# The command line as tcpdump and the global options have it (issue 12).
pcap=$top_srcdir/tests/golden/input/sniff_icmp.pcap
rec=$top_srcdir/tests/golden/input/sockets.rec
topdir=$top_srcdir/tests/golden/input/top_veth
has_bpf=$(grep -c '^#define HAVE_BPF 1' "$top_builddir/config.h" 2>/dev/null)

# Options anywhere before "--", the filter's words around them; after "--" all is filter.
run sniff -r "$pcap" icmp -c 1
[[ $rc -eq 0 && $(wc -l <"$tmp/out") -eq 1 && $out == *"ICMP echo request"* ]] ||
	bad "sniff -r FILE icmp -c 1: exit status $rc, want one packet: $out$err"
expect_error 2 "syntax error" sniff -r "$pcap" -- icmp -c 1
if [[ $has_bpf -eq 1 ]]; then
	expect_error 2 "-c: needs a value" drops port 9 -c
fi

# The global letters after the command, where it gives them no meaning of its own.
run sniff -r "$pcap" -j -c 1
[[ $rc -eq 0 ]] && jq -se 'map(select(.type == "packet")) | length == 1' "$tmp/out" >/dev/null ||
	bad "sniff -r FILE -j -c 1: exit status $rc, not a JSON packet: $out$err"
run top --replay "$topdir" -p -n 1
[[ $rc -eq 0 && $(wc -l <"$tmp/out") -gt 1 ]] && jq -e '.type == "top"' "$tmp/out" >/dev/null ||
	bad "top --replay DIR -p: exit status $rc, not indented JSON: $out$err"
run top -b -j -n 1 -d 0.1
[[ $rc -eq 0 ]] && jq -e '.type == "top"' "$tmp/out" >/dev/null ||
	bad "top -b -j: exit status $rc, not JSON: $out$err"
run sockets --replay "$rec" -j -v
[[ $rc -eq 0 ]] && jq -e '.type == "sockets"' "$tmp/out" >/dev/null ||
	bad "sockets --replay FILE -j -v: exit status $rc, not JSON: $out$err"

# A missing value: one message for every command, naming the option.
expect_error 2 "inject: -i: needs a value" inject -i
expect_error 2 "top: -d: needs a value" top -d
expect_error 2 "top: --delay: needs a value" top --delay
expect_error 2 "sockets: -A: needs a value" sockets -A
expect_error 2 "sniff: -c: needs a value" sniff -c
expect_error 2 "sniff: -N: needs a value" sniff -N
if [[ $has_bpf -eq 1 ]]; then
	expect_error 2 "drops: -c: needs a value" drops -c
	expect_error 2 "napi: -i: needs a value" napi -i
fi

# -N naming no namespace fails on files and replays as it does live.
nons=sky-nosuch-$$
expect_error 1 "$nons: no such network namespace" -N "$nons" sniff -r "$pcap"
expect_error 1 "$nons: no such network namespace" sniff -r "$pcap" -N "$nons"
expect_error 1 "$nons: no such network namespace" -N "$nons" sockets --replay "$rec"
expect_error 1 "$nons: no such network namespace" -N "$nons" top --replay "$topdir"

# stdout on a full disk: every command and option that prints fails with one line, status 1.
full_write()
{
	local err

	err=$(timeout 20 "$SOCKEYE" "$@" 2>&1 >/dev/full)
	rc=$?
	[[ $rc -eq 1 && $err == "sockeye: "*"write error: No space left on device" &&
	   $err != *$'\n'* ]] ||
		bad "sockeye $* >/dev/full: exit status $rc, want 1 and one write error line: $err"
}
pcap=$top_srcdir/tests/golden/input/sniff_ip.pcap
full_write -V
full_write help
full_write -j help
full_write help --schema
full_write help --schema packet
full_write sniff --help
full_write sniff -r "$pcap" -d tcp
full_write help sniff
# A closed pipe is no error: the reader chose to stop (tcpdump and coreutils are quiet too).
rc=$( ( "$SOCKEYE" help --schema packet; echo $? >"$tmp/rc" ) | head -c 1 >/dev/null
	cat "$tmp/rc")
[[ $rc -eq 0 ]] || bad "sockeye help --schema packet | head -c 1: exit status $rc, want 0"

[[ $nfail -eq 0 ]] || fail "$nfail checks failed"
echo "PASS: $NETNS_TEST"
