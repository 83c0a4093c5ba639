#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_softirq.sh: the softirqs panel's BPF time per CPU: a UDP flood sent from CPU 0 across a
# veth shows as NET_RX time on CPU 0; shares are shares; SOFTIRQ% (per CPU and the header's)
# is BPF's whole softirq time when BPF loads, /proc/stat's otherwise, and says which; without
# BPF privileges the panel still shows, its time unset and the reason said once.  And the
# header's uptime as text.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 taskset setpriv

# Without privileges (or in a build without BPF): the panel shows its counts, the time
# unset, the reason once.
why="CAP_BPF|no BPF support"
ncpu=$(head -1 /proc/softirqs | wc -w)
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"
q() { jq -r "$@" <<<"$snap"; }
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all "$@"; }
nobody "$SOCKEYE" -j top -b -n 2 -d 0.3 >"$tmp/nobody.json" 2>"$tmp/nobody.err" ||
	fail "top as nobody failed: $(cat "$tmp/nobody.err")"
snap=$(sed -n 2p "$tmp/nobody.json")
[ -s "$tmp/nobody.err" ] && fail "top as nobody wrote to stderr: $(cat "$tmp/nobody.err")"
q '.softirqs_time_error' | grep -Eq "$why" ||
	fail "softirqs_time_error does not say '$why': $(q .softirqs_time_error)"
timed=$(q '[.softirqs[] | select(.net_rx_busy_pct != null or .net_tx_time_ns != null)] | length')
[ "$timed" -eq 0 ] ||
	fail "times shown without BPF: $(q .softirqs)"
[ "$(q '[.softirqs[] | select((.net_rx_per_s | type) == "number")] | length')" -eq "$ncpu" ] ||
	fail "the counts went with the time: $(q .softirqs)"
# SOFTIRQ% is then /proc/stat's, and says so, in the header and in every row.
[ "$(q .summary.softirq_source)" = proc_stat ] ||
	fail "without BPF the header's softirq_source is $(q .summary.softirq_source)"
[ "$(q '[.softirqs[] | select(.softirq_source == "proc_stat" and
	(.softirq_pct | type) == "number" and .softirq_time_ns == null)] | length')" -eq "$ncpu" ] ||
	fail "without BPF the rows' SOFTIRQ% is not /proc/stat's: $(q .softirqs)"
text=$(nobody "$SOCKEYE" top -b -n 1 -d 0.3 2>&1) || fail "text as nobody failed"
grep -Eq -- "^-- softirqs \(SOFTIRQ% from /proc/stat, no time per CPU: .*($why).*\) --$" \
	<<<"$text" ||
	fail "text as nobody: no source and reason in the softirqs title: $(grep -- '^-- softirqs' <<<"$text")"
need_bpf

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.78.0.1/24
addr_add "$B" vb 10.78.0.2/24
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.78.0.2 lladdr "$mac_b" dev va nud permanent

# UDP datagrams for a second, as fast as one CPU sends them.  A veth receives on the
# sender's CPU: the peer's NET_RX softirq runs there, on the way out of the send.
cat >"$tmp/flood.py" <<'EOF'
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
end = time.monotonic() + float(sys.argv[1])
n = 0
while time.monotonic() < end:
    for _ in range(100):
        s.sendto(b"x" * 64, ("10.78.0.2", 9))
    n += 100
print(n)
EOF

out=$tmp/top.json
"$SOCKEYE" -N "$B" -j top -b -n 2 -d 3 >"$out" 2>"$tmp/top.err" &
top_pid=$!
register_pid "$top_pid"
wait_until 20 test -s "$out" || fail "no first snapshot: $(cat "$tmp/top.err")"
sent=$(ip netns exec "$A" taskset -c 0 python3 "$tmp/flood.py" 1) || fail "the flood failed"
wait "$top_pid" || fail "sockeye top exited with $?: $(cat "$tmp/top.err")"
[ "$(wc -l <"$out")" -eq 2 ] || fail "expected 2 NDJSON lines, got $(wc -l <"$out")"
snap=$(sed -n 2p "$out")

[ "$(q '.softirqs_time_error // "none"')" = none ] ||
	fail "the softirq time did not load as root: $(q .softirqs_time_error)"
[ "$(q '.softirqs | length')" -eq "$ncpu" ] || fail "softirqs rows != $ncpu CPUs"
# Every row: the four fields, typed; the shares between 0 and 100, and together too.
bad=$(q '[.softirqs[] | select(
	(.net_rx_busy_pct | type) != "number" or (.net_tx_busy_pct | type) != "number" or
	(.net_rx_time_ns | type) != "number" or (.net_tx_time_ns | type) != "number" or
	(.net_rx_time_ns | floor) != .net_rx_time_ns or
	.net_rx_busy_pct < 0 or .net_tx_busy_pct < 0 or
	.net_rx_busy_pct + .net_tx_busy_pct > 100)] | length')
[ "$bad" -eq 0 ] || fail "rows with missing, untyped or impossible times: $(q .softirqs)"
# A share is the time over the interval (the collector's own, a few microseconds off).
interval=$(q .interval_ns)
bad=$(q --argjson i "$interval" '[.softirqs[] |
	(.net_rx_time_ns / $i * 100 - .net_rx_busy_pct) | select(. * . > 0.01)] | length')
[ "$bad" -eq 0 ] || fail "net_rx_busy_pct is not net_rx_time_ns over $interval ns: $(q .softirqs)"
# SOFTIRQ% is BPF's too: every vector's time over the interval, NET_RX and NET_TX within it,
# and the header's is the CPUs' mean; /proc/stat's ticks would disagree with RX_BUSY%.
[ "$(q .summary.softirq_source)" = bpf ] ||
	fail "with BPF the header's softirq_source is $(q .summary.softirq_source)"
bad=$(q --argjson i "$interval" '[.softirqs[] | select(.softirq_source != "bpf" or
	(.softirq_time_ns | type) != "number" or
	(.softirq_time_ns / $i * 100 - .softirq_pct) * (.softirq_time_ns / $i * 100 -
		.softirq_pct) > 0.01 or
	.softirq_time_ns < .net_rx_time_ns + .net_tx_time_ns or
	.softirq_pct < .net_rx_busy_pct + .net_tx_busy_pct - 0.01 or .softirq_pct > 100)] | length')
[ "$bad" -eq 0 ] || fail "SOFTIRQ% is not the BPF time of every vector: $(q .softirqs)"
q -e '([.softirqs[].softirq_pct] | add / length) - .summary.softirq_pct | . * . < 0.0001' \
	>/dev/null || fail "the header's SOFTIRQ% $(q .summary.softirq_pct) is not the CPUs' mean"
# The flood: NET_RX time on CPU 0, where it was sent: receiving a datagram takes some
# microseconds, 200 ns is far below any machine's (and above a count of runs alone).
rx0=$(q '.softirqs[] | select(.cpu == 0) | .net_rx_time_ns')
[ "$rx0" -ge $((sent * 200)) ] ||
	fail "CPU 0 spent $rx0 ns in NET_RX while sending $sent datagrams to a veth"
rx=$(q '[.softirqs[].net_rx_time_ns] | add')
tx=$(q '[.softirqs[].net_tx_time_ns] | add')
[ "$rx" -gt "$tx" ] ||
	fail "NET_RX time $rx ns is not above NET_TX time $tx ns after a receive flood"

# Text: the columns under the panel's plain title; the uptime as a duration.
text=$("$SOCKEYE" -N "$B" top -b -n 1 -d 0.3) || fail "text snapshot failed"
grep -q -- "^-- softirqs (SOFTIRQ% from BPF) --$" <<<"$text" ||
	fail "text: the softirqs title does not say BPF: $text"
grep -Eq "^HOST .* SOFTIRQ%  SOFTIRQ_SRC " <<<"$text" && sed -n 3p <<<"$text" | grep -q " bpf " ||
	fail "text: the summary does not say bpf: $(sed -n 2,3p <<<"$text")"
grep -Eq "^CPU +NET_RX/s +NET_TX/s +SOFTIRQ% +RX_BUSY% +TX_BUSY%$" <<<"$text" ||
	fail "text: no busy columns in the softirqs panel"
up=$(sed -n 3p <<<"$text" | grep -Eo "([0-9]+d )?[0-9]{2}:[0-9]{2}:[0-9]{2}") ||
	fail "text: the summary's uptime is not a duration: $(sed -n 2,3p <<<"$text")"
secs=$(awk '{ d = 0; t = $1; if (NF == 2) { d = $1; sub("d", "", d); t = $2 }
	split(t, h, ":"); print d * 86400 + h[1] * 3600 + h[2] * 60 + h[3] }' <<<"$up")
s=$(cut -d. -f1 /proc/uptime)
[ "$secs" -le "$s" ] && [ "$secs" -ge $((s - 5)) ] ||
	fail "text: uptime $up ($secs s), /proc/uptime says $s s"

echo "PASS: NET_RX $((rx0 / sent)) ns a datagram on CPU 0 ($sent sent);" \
	"without BPF the panel says why"
