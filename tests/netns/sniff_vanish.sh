#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_vanish.sh: the captured interface is deleted (or taken down) under a running sniff -w:
# sniff exits 1 at once, without spinning, naming the interface, with a complete file and its
# stats; -i any keeps going; a stop (SIGINT) still takes the packets of a partly filled block.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/sniff_lib.sh"

sniff_setup
need_cmd tcpdump pgrep
sniff_tmpdir
out=$tmp/out err=$tmp/err cpu=$tmp/cpu
N=100

# timed_sniff ARGS...: sockeye ARGS in ns2 in the background, its user + system CPU seconds
# written to $cpu when it ends (bash's time keyword); pid in sniff_pid.
timed_sniff()
{
	(
		TIMEFORMAT='%3U %3S'
		time ns_exec "$ns2" timeout -s INT 30 "$SOCKEYE" "$@" >"$out" 2>"$err"
		exit "${PIPESTATUS[0]}"
	) 2>"$cpu" &
	sniff_pid=$!
	register_pid "$sniff_pid"
}

# sockeye_pid: the sockeye process under timed_sniff's subshell (the shell, timeout, sockeye).
sockeye_pid()
{
	local p=$sniff_pid

	while [[ -n $p && $(ps -o comm= -p "$p") != sockeye ]]; do
		p=$(pgrep -P "$p" | head -1)
	done
	[[ -n $p ]] || fail "no sockeye under $sniff_pid"
	echo "$p"
}

# cpu_ticks PID: user + system CPU time of PID so far, in clock ticks.
cpu_ticks()
{
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# cpu_ms: the CPU time of the last timed_sniff, in milliseconds.
cpu_ms()
{
	awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$cpu"
}

# exits_within SECONDS: sniff_pid ends within SECONDS; its exit status in rc.
exits_within()
{
	local deadline=$(($(date +%s%N) + $1 * 1000000000))

	while kill -0 "$sniff_pid" 2>/dev/null; do
		(($(date +%s%N) < deadline)) || fail "sniff still running $1 s after the device went"
		sleep 0.05
	done
	wait "$sniff_pid"
	rc=$?
}

# ends_as WHAT STATUS LINE: sniff ends within 2 s with STATUS, LINE last on stderr, and it used
# little CPU (a busy loop after the device went would).
ends_as()
{
	local ms

	exits_within 2
	[[ $rc -eq $2 ]] || fail "$1: exit status $rc, not $2: $(cat "$err")"
	[[ $(tail -1 "$err") == "$3" ]] || fail "$1: last stderr line: $(cat "$err")"
	ms=$(cpu_ms)
	((ms < 400)) || fail "$1: sniff used $ms ms of CPU: it spun after the device went"
}

# ---- the veth deleted under sniff -w: exit 1 within 2 s, file complete, no busy loop ----------
timed_sniff -j sniff -i vb -w "$tmp/cap.pcap" udp
wait_sniffing "$ns2" 1
send "$ns1" va --count $N --sport 1000
sleep 0.3
ip -n "$ns1" link del va || fail "cannot delete va"
ends_as "device deleted" 1 "sockeye: sniff: vb: interface went away"
[[ $(grep -c . "$err") -eq 1 ]] || fail "more than the one error line: $(cat "$err")"
jq -e --argjson n $N 'select(.type == "stats") | .interfaces[0] | .iface == "vb" and
	.captured == $n and .written == $n and .kernel_received == $n and .kernel_drops == 0' \
	"$out" >/dev/null || fail "stats after the interface went: $(cat "$out")"
got=$(packets_in "$tmp/cap.pcap") || exit 1
[[ $got -eq $N ]] || fail "device deleted: tcpdump reads $got packets of $N"

# ---- the same with --fanout 2 --fanout-files: every worker stops, both files complete ----------
veth_pair "$ns1" va "$ns2" vb
timed_sniff sniff -i vb --fanout 2 --fanout-files -w "$tmp/fan.pcap" udp
wait_sniffing "$ns2" 2
send "$ns1" va --count $N --sport 2000
sleep 0.3
ip -n "$ns2" link del vb || fail "cannot delete vb"
ends_as "--fanout-files, device deleted" 1 "sockeye: sniff: vb: interface went away"
grep -Eq "^vb +$N +$N +$N +$N +0 +0\$" "$err" || fail "--fanout-files stats: $(cat "$err")"
got=$(packets_in "$tmp/fan.0.pcap" "$tmp/fan.1.pcap") || exit 1
[[ $got -eq $N ]] || fail "--fanout-files: the files hold $got packets of $N"

# ---- taken down: the same exit, "went down" ---------------------------------------------------
veth_pair "$ns1" va "$ns2" vb
timed_sniff sniff -i vb -w "$tmp/down.pcap"
wait_sniffing "$ns2" 1
ip -n "$ns2" link set vb down || fail "cannot take vb down"
ends_as "device down" 1 "sockeye: sniff: vb: interface went down"
packets_in "$tmp/down.pcap" >/dev/null
link_up "$ns2" vb

# ---- -i any is not tied to one device: it keeps going, idle, and ends cleanly on SIGINT -------
veth_pair "$ns1" vc "$ns2" vd
timed_sniff -j sniff -i any -w "$tmp/any.pcap" udp
wait_sniffing "$ns2" 1
pid=$(sockeye_pid) || exit 1
ip -n "$ns2" link del vd || fail "cannot delete vd"
sleep 0.2
t0=$(cpu_ticks "$pid")
sleep 1
kill -0 "$sniff_pid" 2>/dev/null || fail "-i any ended when one device went: $(cat "$err")"
t1=$(cpu_ticks "$pid")
kill -INT "$pid"
exits_within 2
[[ $rc -eq 0 ]] || fail "-i any: exit status $rc after SIGINT: $(cat "$err")"
(((t1 - t0) * 100 / $(getconf CLK_TCK) < 10)) ||
	fail "-i any used $((t1 - t0)) CPU ticks in 1 s idle: it spun after a device went"

# ---- SIGINT while the kernel still holds packets in an open block: none is lost ---------------
# With --latency 800 the 10 frames wait in the block; the stop waits for its timeout.
timed_sniff -j sniff -i vb --latency 800 -w "$tmp/int.pcap" udp
wait_sniffing "$ns2" 1
pid=$(sockeye_pid) || exit 1
send "$ns1" va --count 10 --sport 3000
kill -INT "$pid"
exits_within 2
[[ $rc -eq 0 ]] || fail "SIGINT: exit status $rc: $(cat "$err")"
got=$(packets_in "$tmp/int.pcap") || exit 1
[[ $got -eq 10 ]] || fail "SIGINT with an open block: the file holds $got of 10: $(cat "$out")"

echo "ok: device deleted or down under sniff (merged and --fanout-files), -i any, SIGINT"
