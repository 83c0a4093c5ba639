#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets_errors.sh: sockets' usage and runtime errors: exit status, one stderr line naming
# the culprit, nothing on stdout (no root needed).
. "$top_srcdir/tests/netns/lib.sh"
need_cmd jq

tmp=$(mktemp -d) || exit 99
register_file "$tmp"
nfail=0
rec=$top_srcdir/tests/golden/input/sockets.rec

bad()
{
	echo "FAIL: $NETNS_TEST: $*" >&2
	nfail=$((nfail + 1))
}

# expect_error STATUS WORDS ARGS...: exit STATUS, nothing on stdout, one stderr line
# "sockeye: sockets: ..." containing WORDS.
expect_error()
{
	local want=$1 word=$2 rc out err

	shift 2
	timeout 20 "$SOCKEYE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(<"$tmp/out")
	err=$(<"$tmp/err")
	if [[ $rc -ne $want ]]; then
		bad "sockeye $*: exit status $rc, want $want (stderr: $err)"
	elif [[ $(wc -l <"$tmp/err") -ne 1 ]]; then
		bad "sockeye $*: not one line on stderr: $err"
	elif [[ $err != "sockeye: sockets: "*"$word"* ]]; then
		bad "sockeye $*: stderr does not say '$word': $err"
	elif [[ -n $out ]]; then
		bad "sockeye $*: unexpected stdout: $out"
	fi
}

# Usage errors (2): options, tables, filter words, states, addresses, combinations.
expect_error 2 "--bogus: unknown option" sockets --bogus
expect_error 2 "-A nosuch: unknown socket table" ss -A tcp,nosuch
expect_error 2 "foo: unknown filter word" sockets foo
expect_error 2 "bogus: unknown state" sockets state bogus
expect_error 2 "src 10.0.0.256: not an address" sockets src 10.0.0.256
expect_error 2 "src 10.0.0.0/40: not an address" sockets src 10.0.0.0/40
expect_error 2 "dport :70000: not an address" sockets dport = :70000
expect_error 2 "no closing parenthesis" sockets '( sport = :1'
expect_error 2 "): unexpected here" sockets sport = :1 ')'
expect_error 2 "--watch=0: not an interval" sockets --watch=0
expect_error 2 "--count goes with --watch" sockets --count 2
expect_error 2 "--count 0: not a count" sockets --watch --count 0
expect_error 2 "-p: a recording holds no processes" sockets -p --replay "$rec"
expect_error 2 "--watch: a recording is one snapshot" sockets --watch --replay "$rec"
expect_error 2 "--dump-raw and --replay exclude each other" sockets --dump-raw "$tmp/x" --replay "$rec"
expect_error 2 "--dump-raw records one snapshot" sockets --watch --dump-raw "$tmp/x"
expect_error 2 "--all-netns and --netns exclude each other" -N x sockets --all-netns
# A device the filter names must exist (checked in the namespace that is listed).
expect_error 2 "dev nosuch0: no such interface" sockets -t dev nosuch0

# Runtime errors (1): recordings that are not, namespaces that do not exist.
printf 'not a recording at all' >"$tmp/junk"
expect_error 1 "$tmp/junk: not a sockeye recording" sockets --replay "$tmp/junk"
expect_error 1 "$tmp/none: No such file or directory" sockets --replay "$tmp/none"
head -c 100 "$rec" >"$tmp/cut"
expect_error 1 "$tmp/cut: not a sockeye recording, or cut short" sockets -a --replay "$tmp/cut"
expect_error 1 "no such network namespace" sockets -N sky-nosuch-ns-$$

# A table the kernel lacks, named explicitly: say which.  SCTP is the usual one.
if ! grep -qw sctp_diag_dump /proc/kallsyms 2>/dev/null; then
	expect_error 1 "sctp: not supported by this kernel" sockets -A sctp
	expect_error 1 "sctp: not supported by this kernel" -j sockets -A tcp,sctp
fi
# The recording lacks SCTP too (its kernel refused): asked for by name, the same error.
expect_error 1 "sctp: not supported by this kernel" sockets -A sctp --replay "$rec"

# --help and the alias.
"$SOCKEYE" ss --help | grep -q '^usage: sockeye \[global options\] sockets ' ||
	bad "ss --help does not print sockets' usage"
"$SOCKEYE" help ss | grep -q -- '--all-netns' || bad "help ss does not print sockets' usage"

if [[ $nfail -ne 0 ]]; then
	echo "$nfail checks failed"
	exit 1
fi
echo "PASS: $NETNS_TEST"
