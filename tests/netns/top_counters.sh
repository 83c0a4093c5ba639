#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_counters.sh: a known burst across a veth shows up exactly in `top -b -j` counters and rates,
# and the counters agree with the kernel's own (`ip -s -j link`).
. "${top_srcdir:-.}/tests/netns/lib.sh"

need_root
need_cmd jq
need_cmd ping

N=200
netns_new A
netns_new B
veth_pair "$A" va "$B" vb
ip -n "$A" addr add 10.77.0.1/24 dev va
ip -n "$B" addr add 10.77.0.2/24 dev vb
ip -n "$A" link set va up
ip -n "$B" link set vb up
# Permanent neighbour entries: no ARP ever, so the pings are the only traffic on the link.
mac_a=$(ip -n "$A" -j link show va | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.77.0.2 lladdr "$mac_b" dev va nud permanent
ip -n "$B" neigh replace 10.77.0.1 lladdr "$mac_a" dev vb nud permanent
ip netns exec "$A" ping -c 1 -W 2 -q 10.77.0.2 >/dev/null || fail "veth pair does not pass traffic"

out=$(mktemp)
register_file "$out"
# Two snapshots 2 s apart; the burst goes between the first and the second.
"$SOCKEYE" -N "$B" -j top -b -n 2 -d 2 >"$out" &
top_pid=$!
register_pid "$top_pid"
for _ in $(seq 100); do
	[ "$(wc -l <"$out")" -ge 1 ] && break
	sleep 0.05
done
[ "$(wc -l <"$out")" -ge 1 ] || fail "no first snapshot within 5 s"
ip netns exec "$A" ping -c "$N" -i 0.002 -W 1 -q 10.77.0.2 >/dev/null || fail "ping burst failed"
wait "$top_pid" || fail "sockeye top exited with $?"
[ "$(wc -l <"$out")" -eq 2 ] || fail "expected 2 NDJSON lines, got $(wc -l <"$out")"
jq -e . "$out" >/dev/null || fail "output is not valid NDJSON"

field() { # line field
	sed -n "${1}p" "$out" | jq -r ".interfaces[] | select(.iface == \"vb\") | .$2"
}
rx1=$(field 1 rx_packets); rx2=$(field 2 rx_packets)
tx1=$(field 1 tx_packets); tx2=$(field 2 tx_packets)
[ $((rx2 - rx1)) -eq "$N" ] || fail "rx_packets grew by $((rx2 - rx1)), sent $N"
[ $((tx2 - tx1)) -eq "$N" ] || fail "tx_packets grew by $((tx2 - tx1)), replied $N"

# The rate is the delta over the reported interval.
interval=$(sed -n 2p "$out" | jq -r .interval_ns)
pps=$(field 2 rx_pps)
awk -v p="$pps" -v n="$N" -v i="$interval" 'BEGIN { e = n / (i / 1e9); d = p - e; if (d < 0) d = -d; exit !(d <= 0.001 + e * 1e-6) }' ||
	fail "rx_pps $pps is not $N packets over ${interval} ns"
[ "$(sed -n 2p "$out" | jq -r .type)" = top ] || fail "document type is not top"

# Absolute counters equal the kernel's own view, read the same way ip does.
ip_rx=$(ip -n "$B" -s -j link show vb | jq -r '.[0].stats64.rx.packets')
ip_tx=$(ip -n "$B" -s -j link show vb | jq -r '.[0].stats64.tx.packets')
ip_rxb=$(ip -n "$B" -s -j link show vb | jq -r '.[0].stats64.rx.bytes')
[ "$rx2" -eq "$ip_rx" ] || fail "rx_packets $rx2, ip says $ip_rx"
[ "$tx2" -eq "$ip_tx" ] || fail "tx_packets $tx2, ip says $ip_tx"
[ "$(field 2 rx_bytes)" -eq "$ip_rxb" ] || fail "rx_bytes $(field 2 rx_bytes), ip says $ip_rxb"

# Only B's interfaces are seen from inside B, and every CPU has a softirqs and a softnet row.
ifaces=$(sed -n 2p "$out" | jq -r '[.interfaces[].iface] | sort | join(",")')
[ "$ifaces" = "lo,vb" ] || fail "interfaces in $B: $ifaces, expected lo,vb"
ncpu=$(head -1 /proc/softirqs | wc -w)
[ "$(sed -n 2p "$out" | jq '.softirqs | length')" -eq "$ncpu" ] || fail "softirqs rows != $ncpu CPUs"
[ "$(sed -n 2p "$out" | jq '.softnet | length')" -ge 1 ] || fail "no softnet rows"

# Text output names the interface and has the panel titles (softirqs' says why it has no
# time per CPU in a build without BPF).
text=$("$SOCKEYE" -N "$B" top -b -n 1 -d 0.1) || fail "text snapshot failed"
for want in "^-- softirqs \(SOFTIRQ% from (BPF|/proc/stat(, no time per CPU: .*)?)\) --$" "^-- softnet --$" "^-- interfaces --$" "^vb +up "; do
	grep -Eq -- "$want" <<<"$text" || fail "text snapshot lacks a line matching '$want'"
done

# --record DIR is checked before the first sample and its errors name DIR: not "cannot read
# the kernel's counters" for a directory that is a file or that we may not write.
rec=$(mktemp -d)
register_file "$rec"
record_fails() { # WANT ARGS...: sockeye top -b ARGS fails with the one line WANT, no output
	local want=$1 rc=0

	shift
	"$@" >"$rec.out" 2>"$rec.err" || rc=$?
	[ "$rc" -eq 1 ] && [ ! -s "$rec.out" ] && [ "$(cat "$rec.err")" = "$want" ] ||
		fail "$*: exit $rc, stderr '$(cat "$rec.err")', want '$want'"
}
register_file "$rec.out"
register_file "$rec.err"
record_fails "sockeye: top: /etc/passwd: not a directory" "$SOCKEYE" top -b --record /etc/passwd
touch "$rec/file"
record_fails "sockeye: top: $rec/file/sub: not a directory" \
	"$SOCKEYE" top -b --record "$rec/file/sub"
if command -v setpriv >/dev/null; then
	chmod 755 "$rec"
	record_fails "sockeye: top: $rec: cannot record there: Permission denied" \
		setpriv --reuid=65534 --regid=65534 --clear-groups "$SOCKEYE" top -b --record "$rec"
fi
# A save that fails later says it was the save, and which sample's directory.
"$SOCKEYE" top -b -n 3 -d 1 --record "$rec/run" >"$rec.out" 2>"$rec.err" &
top_pid=$!
register_pid "$top_pid"
wait_until 10 test -e "$rec/run/0/time" || fail "--record wrote no first sample"
touch "$rec/run/1"
rc=0
wait "$top_pid" || rc=$?
[ "$rc" -eq 1 ] && [ "$(cat "$rec.err")" = \
	"sockeye: top: $rec/run/1: cannot save the sample: Not a directory" ] ||
	fail "a failed save: exit $rc, stderr '$(cat "$rec.err")'"
echo "PASS: top counters match the kernel (burst of $N, rx_pps $pps); --record errors name DIR"
