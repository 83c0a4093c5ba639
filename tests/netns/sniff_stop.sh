#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_stop.sh: a stop signal ends sniff and inject at once wherever they wait: in a long
# filter compile (whose memory is bounded too), on a FIFO without a writer, on a slow pipe
# (inject's worker thread included); and a reader that leaves (| head) ends the run early,
# quietly, with counters that say what was really read.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
. "$top_srcdir/tests/netns/lib.sh"

need_root
need_cmd timeout head
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"
netns_new ns
nfail=0

# Records a failure and goes on, so one run shows every broken case.
bad()
{
	echo "FAIL: $NETNS_TEST: $*" >&2
	nfail=$((nfail + 1))
}

now_ms()
{
	echo $(($(date +%s%N) / 1000000))
}

# stop_quickly SIG INPUT ARGS...: sockeye ARGS (in the namespace, stdin from INPUT) gets SIG
# after 0.5 s and must be gone within 1 s of it, with status 0 and no error line.  A watchdog
# kills it after 10 s so a hang fails instead of blocking the suite.
stop_quickly()
{
	local sig=$1 input=$2 pid t0 rc waited=0 what

	shift 2
	what=${*:1:3}	# the long filter would bury the message
	ip netns exec "$ns" "$SOCKEYE" "$@" <"$input" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	register_pid "$pid"
	sleep 0.5
	kill -"$sig" "$pid"
	t0=$(now_ms)
	while kill -0 "$pid" 2>/dev/null && ((waited < 100)); do
		sleep 0.05
		waited=$((waited + 1))
	done
	kill -KILL "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	if (($(now_ms) - t0 > 1000)); then
		bad "sockeye $what (SIG$sig): still running 1 s after the signal"
	elif ((rc != 0)); then
		bad "sockeye $what (SIG$sig): exit status $rc, want 0: $(head -c 300 "$tmp/err")"
	elif grep -q '^sockeye:' "$tmp/err"; then
		bad "sockeye $what (SIG$sig): $(grep '^sockeye:' "$tmp/err")"
	fi
}

# slow_writer FIFO: writes 50 bytes of a capture (the header and part of a record) into
# FIFO, then holds it open for 8 s; in the background.
slow_writer()
{
	{ head -c 50 "$pcap"; sleep 8; } >"$1" &
	register_pid $!
}

pcap=$top_srcdir/tests/golden/input/sniff_ip.pcap
mkfifo "$tmp/nowriter" "$tmp/slow" || fail "mkfifo failed"

# ---- a filter whose compile takes seconds: a stop kills the compiler ---------------------
# 400 "host" terms take libpcap seconds and tens of MiB.
expr="host 10.9.9.9"
for ((i = 0; i < 400; i++)); do
	expr+=" or host 10.0.$((i / 250)).$((i % 250 + 1))"
done
stop_quickly TERM /dev/null sniff -r "$pcap" "$expr"
stop_quickly INT /dev/null sniff -i lo "$expr"
stop_quickly TERM /dev/null inject -r "$pcap" --dump "$expr"
# Its memory is bounded: under a small bound it fails cleanly, saying so.  AddressSanitizer's
# builds compile unbounded (it hangs when its own mmap fails: filter_sandbox.h).
if ! grep -qa __asan_init "$SOCKEYE"; then
	err=$(SOCKEYE_FILTER_MEMORY_MIB=4 timeout 20 "$SOCKEYE" sniff -r "$pcap" "$expr" 2>&1 >/dev/null)
	rc=$?
	[[ $rc -eq 1 && $err == "sockeye: sniff: filter needs more than 4 MiB to compile" ]] ||
		bad "filter over a 4 MiB bound: exit status $rc: $err"
fi
# A small filter still compiles under the default bound.
out=$(timeout 20 "$SOCKEYE" sniff -r "$pcap" -t "udp and host 10.0.0.1" 2>/dev/null | wc -l)
[[ $out -gt 0 ]] || bad "sniff -r with a small filter printed nothing"

# ---- a FIFO without a writer, a slow pipe: a stop ends the wait --------------------------
stop_quickly TERM /dev/null sniff -r "$tmp/nowriter"
stop_quickly TERM /dev/null inject -r "$tmp/nowriter" --dump
for sig in TERM INT HUP; do
	slow_writer "$tmp/slow"
	stop_quickly "$sig" "$tmp/slow" sniff -r -
done
slow_writer "$tmp/slow"
stop_quickly TERM /dev/null sniff -r "$tmp/slow"
slow_writer "$tmp/slow"
stop_quickly TERM "$tmp/slow" inject -r - --dump
# inject on a device reads the file in its worker thread, where signals are blocked.
slow_writer "$tmp/slow"
stop_quickly TERM "$tmp/slow" inject -i lo -r -
slow_writer "$tmp/slow"
stop_quickly INT "$tmp/slow" inject -i lo -r "$tmp/slow"

# ---- | head -1: the run ends at the closed pipe, the stats count only what was read -----
N=50000
timeout 20 "$SOCKEYE" inject -w "$tmp/big.pcap" -c $N udp dst 10.99.0.2 dport 9 2>/dev/null ||
	fail "inject -w of $N packets failed"
t0=$(now_ms)
timeout 20 "$SOCKEYE" sniff -r "$tmp/big.pcap" 2>"$tmp/err" | head -1 >/dev/null
rc=${PIPESTATUS[0]}
ms=$(($(now_ms) - t0))
# The stats table on stderr: IFACE CAPTURED MATCHED WRITTEN.
captured=$(awk '$1 ~ /big\.pcap$/ { print $2 }' "$tmp/err")
if ((rc != 0 || ms > 1000)); then
	bad "sniff -r ($N packets) | head -1: exit status $rc after $ms ms"
elif grep -q '^sockeye:' "$tmp/err"; then
	bad "sniff -r | head -1: $(grep '^sockeye:' "$tmp/err")"
elif [[ -z $captured ]] || ((captured >= N / 2)); then
	bad "sniff -r | head -1: the stats say ${captured:-nothing} packets were read: $(cat "$tmp/err")"
fi
# The same for -w - and for inject --dump: quiet, status 0.
for args in "sniff -r $tmp/big.pcap -w -" "inject -r $tmp/big.pcap --dump" \
	"inject -r $tmp/big.pcap -w -"; do
	# shellcheck disable=SC2086 # the words are the arguments
	timeout 20 "$SOCKEYE" $args 2>"$tmp/err" | head -c 100 >/dev/null
	rc=${PIPESTATUS[0]}
	((rc == 0)) && ! grep -q '^sockeye:' "$tmp/err" ||
		bad "sockeye $args | head: exit status $rc: $(grep '^sockeye:' "$tmp/err")"
done

[[ $nfail -eq 0 ]] || fail "$nfail checks failed"
echo "PASS: $NETNS_TEST"
