#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_panels.sh: top's summary, rings, queues, drops, sockets and packet sockets panels, checked in
# `top -b -j` against what the test reads itself: /proc, `ip -s -j link`, ss, ethtool.
. "${top_srcdir:-.}/tests/netns/lib.sh"

need_root
need_cmd jq
need_cmd python3
need_cmd ss

N=40		# frames of an unknown ethertype: each one an rx_dropped on vb
K=5		# datagrams left unread in a UDP socket

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.76.0.1/24
addr_add "$B" vb 10.76.0.2/24
mac_a=$(ip -n "$A" -j link show va | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.76.0.2 lladdr "$mac_b" dev va nud permanent
ip -n "$B" neigh replace 10.76.0.1 lladdr "$mac_a" dev vb nud permanent

tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

# A UDP socket in B that never reads: its Recv-Q fills, and python3 owns it.
cat >"$tmp/sink.py" <<'EOF'
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("10.76.0.2", 9999))
open(sys.argv[1], "w").write("ready\n")
time.sleep(3600)
EOF
# Not ns_exec: a function would run in a subshell, and $! would be that shell.
ip netns exec "$B" python3 "$tmp/sink.py" "$tmp/sink.ready" &
register_pid $!
sink_pid=$!
wait_until 10 test -s "$tmp/sink.ready" || fail "the UDP sink did not start"

# A capture in B with a ring of a known size.
# A capture in B with a ring of a known size.  On lo: on vb it would take the
# frames below (a packet socket handles any ethertype) and they would not drop.
ip netns exec "$B" "$SOCKEYE" sniff -i lo -B 2M -w /dev/null "udp port 7" 2>"$tmp/sniff.err" &
sniff_pid=$!
register_pid "$sniff_pid"
sniff_up()
{
	ss -N "$B" -0 -p 2>/dev/null | grep -q "pid=$sniff_pid,"
}
wait_until 10 sniff_up || fail "sockeye sniff did not open its socket: $(cat "$tmp/sniff.err")"

# Raw frames of ethertype 0x88b5 from A: nothing in B takes them, each is one rx_dropped.
# The sender starts before top and waits on a fifo, so the frames and the datagrams
# all leave within the snapshots' interval even when python is slow to start (a
# loaded machine).
cat >"$tmp/send.py" <<'EOF'
import socket, sys
ifname, mac, n, k, go, ready, done = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
raw = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
raw.bind((ifname, 0))
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
frame = bytes.fromhex(mac.replace(":", "")) + bytes(6) + b"\x88\xb5" + b"x" * 46
open(ready, "w").write("ready\n")
open(go).read()
for _ in range(n):
    raw.send(frame)
for _ in range(k):
    udp.sendto(b"datagram\n", ("10.76.0.2", 9999))
open(done, "w").write("sent\n")
EOF
mkfifo "$tmp/go"
ip netns exec "$A" python3 "$tmp/send.py" va "$mac_b" "$N" "$K" "$tmp/go" "$tmp/send.ready" "$tmp/sent" &
register_pid $!
wait_until 10 test -s "$tmp/send.ready" || fail "the sender did not start"

out=$tmp/top.json
"$SOCKEYE" -N "$B" -j top -b -n 2 -d 3 >"$out" 2>"$tmp/top.err" &
top_pid=$!
register_pid "$top_pid"
wait_until 20 test -s "$out" || fail "no first snapshot: $(cat "$tmp/top.err")"
timeout 10 bash -c 'echo go >"$1"' _ "$tmp/go" || fail "the sender did not take the go"
wait_until 3 test -s "$tmp/sent" || fail "the sender did not finish within the interval"
load_before=$(cut -d' ' -f1 /proc/loadavg)
wait "$top_pid" || fail "sockeye top exited with $?: $(cat "$tmp/top.err")"
load_after=$(cut -d' ' -f1 /proc/loadavg)
[ "$(wc -l <"$out")" -eq 2 ] || fail "expected 2 NDJSON lines, got $(wc -l <"$out")"
snap=$(sed -n 2p "$out")
q() { jq -r "$@" <<<"$snap"; }
interval=$(q .interval_ns)

# ---- summary: the host as /proc and uname say -----------------------------------------
[ "$(q .summary.host)" = "$(uname -n)" ] || fail "summary.host $(q .summary.host), uname -n $(uname -n)"
[ "$(q .summary.netns)" = "$B" ] || fail "summary.netns $(q .summary.netns), expected $B"
up=$(cut -d. -f1 /proc/uptime)
awk -v a="$(q .summary.uptime_s)" -v b="$up" 'BEGIN { exit !(a <= b && a >= b - 5) }' ||
	fail "summary.uptime_s $(q .summary.uptime_s), /proc/uptime says $up"
load=$(q .summary.load1)
awk -v l="$load" -v x="$load_before" -v y="$load_after" \
	'BEGIN { exit !((l - x) ^ 2 < 1e-6 || (l - y) ^ 2 < 1e-6) }' ||
	fail "summary.load1 $load, /proc/loadavg said $load_before then $load_after"
awk -v p="$(q .summary.softirq_pct)" 'BEGIN { exit !(p >= 0 && p <= 100) }' ||
	fail "summary.softirq_pct $(q .summary.softirq_pct) is not a share"

# ---- interfaces: the drops, as ip counts them --------------------------------------------
field() { sed -n "${1}p" "$out" | jq -r ".interfaces[] | select(.iface == \"vb\") | .$2"; }
d1=$(field 1 rx_dropped)
d2=$(field 2 rx_dropped)
[ $((d2 - d1)) -eq "$N" ] || fail "vb rx_dropped grew by $((d2 - d1)), sent $N unknown frames"
ip_drop=$(ip -n "$B" -s -j link show vb | jq -r '.[0].stats64.rx.dropped')
[ "$d2" -eq "$ip_drop" ] || fail "vb rx_dropped $d2, ip says $ip_drop"
# The total: with the drops panel, its count (the same skbs) and missed; without, the counters.
if [ "$(q '.drops_error // empty')" = "" ]; then
	expect=$(q '.summary.bpf_drops_per_s + .summary.if_missed_per_s')
	got=$(q '[.drops[] | select(.reason == "UNHANDLED_PROTO" and .iface == "vb") | .count] | add')
	[ "$got" = "$N" ] || fail "drops panel: $got UNHANDLED_PROTO drops on vb, sent $N"
else
	expect=$(q '.summary.softnet_dropped_per_s + .summary.if_dropped_per_s + .summary.if_missed_per_s')
	echo "note: no drops panel: $(q .drops_error)"
fi
awk -v a="$(q .summary.drops_per_s)" -v b="$expect" 'BEGIN { d = a - b; exit !(d * d < 1e-6) }' ||
	fail "summary.drops_per_s $(q .summary.drops_per_s), its parts add up to $expect"
awk -v r="$(q .summary.if_dropped_per_s)" -v n="$N" -v i="$interval" \
	'BEGIN { e = n / (i / 1e9); d = r - e; exit !(d * d < 1e-6) }' ||
	fail "summary.if_dropped_per_s $(q .summary.if_dropped_per_s) is not $N over $interval ns"

# ---- rings and channels, as ethtool -g and -l say ----------------------------------------
if command -v ethtool >/dev/null; then
	ch=$(ns_exec "$B" ethtool -l vb 2>/dev/null | awk '/^Current/ { cur = 1 } cur && /^RX:/ { print $2 }')
	got=$(q '.interfaces[] | select(.iface == "vb") | .rx_channels')
	[ "${ch:-null}" = "$got" ] || fail "vb rx_channels $got, ethtool -l says ${ch:-none}"
	max=$(ns_exec "$B" ethtool -l vb 2>/dev/null | awk '/^Pre-set/ { m = 1 } /^Current/ { m = 0 } m && /^TX:/ { print $2 }')
	got=$(q '.interfaces[] | select(.iface == "vb") | .tx_channels_max')
	[ "${max:-null}" = "$got" ] || fail "vb tx_channels_max $got, ethtool -l says ${max:-none}"
	if ns_exec "$B" ethtool -g vb >/dev/null 2>&1; then
		rx=$(ns_exec "$B" ethtool -g vb | awk '/^Current/ { c = 1 } c && /^RX:/ { print $2; exit }')
		[ "$(q '.interfaces[] | select(.iface == "vb") | .rx_ring')" = "$rx" ] ||
			fail "vb rx_ring, ethtool -g says $rx"
	else
		[ "$(q '.interfaces[] | select(.iface == "vb") | .rx_ring')" = null ] ||
			fail "vb has no ring parameters (ethtool -g fails), top shows one"
	fi
	# Per queue: the veth's rx queue drops as ethtool -S sums them.
	s=$(ns_exec "$B" ethtool -S vb | awk '$1 ~ /^rx_queue_0_.*drop/ { s += $2 } END { print s + 0 }')
	[ "$(q '.queues[] | select(.iface == "vb" and .dir == "rx" and .queue_id == 0) | .drops')" = "$s" ] ||
		fail "vb rx-0 drops, ethtool -S says $s"
else
	echo "note: no ethtool: rings, channels and queues not compared"
fi

# ---- sockets: the unread datagrams, as ss sees them --------------------------------------
row=$(q '.sockets[] | select(.local == "10.76.0.2:9999")')
[ -n "$row" ] || fail "the UDP sink is not among the fullest sockets: $(q .sockets)"
ssq=$(ss -N "$B" -u -a -n -H | awk '$4 == "10.76.0.2:9999" { print $2 }')
[ "$(jq -r .recv_q <<<"$row")" = "$ssq" ] || fail "sink recv_q $(jq -r .recv_q <<<"$row"), ss says $ssq"
[ "$ssq" -gt 0 ] || fail "the sink's Recv-Q is empty"
jq -e --argjson p "$sink_pid" 'any(.processes[]; .pid == $p)' <<<"$row" >/dev/null ||
	fail "sink owners $(jq -c .processes <<<"$row"), expected pid $sink_pid"

# ---- packet sockets: the capture, its ring and its owner -------------------------------
row=$(q ".packet_sockets[] | select(.processes[0].pid == $sniff_pid)")
[ -n "$row" ] || fail "sockeye sniff (pid $sniff_pid) is not among the packet sockets: $(q .packet_sockets)"
[ "$(jq -r '.processes[0].comm' <<<"$row")" = sockeye ] ||
	fail "capture comm $(jq -r '.processes[0].comm' <<<"$row")"
[ "$(jq -r .iface <<<"$row")" = lo ] || fail "capture iface $(jq -r .iface <<<"$row")"
[ "$(jq -r .rx_ring_bytes <<<"$row")" -eq $((2 << 20)) ] ||
	fail "capture ring $(jq -r .rx_ring_bytes <<<"$row") bytes, -B 2M asked for $((2 << 20))"
[ "$(jq -r .tpacket_version <<<"$row")" -eq 3 ] || fail "capture is not TPACKET_V3"
[ "$(jq -r .filter_insns <<<"$row")" -gt 0 ] || fail "the capture's filter is not seen"
ino=$(ss -N "$B" -0 -e -p | awk -v p="pid=$sniff_pid," 'index($0, p) { for (i = 1; i <= NF; i++) if ($i ~ /^ino:/) { sub("ino:", "", $i); print $i } }')
[ "$(jq -r .inode <<<"$row")" = "$ino" ] || fail "capture inode $(jq -r .inode <<<"$row"), ss says $ino"

# ---- text: every panel has its title -------------------------------------------------
text=$("$SOCKEYE" -N "$B" top -b -n 1 -d 0.2) || fail "text snapshot failed"
for t in summary softirqs softnet interfaces "NAPI" drops "sockets: fullest queues" \
	"packet sockets" queues; do
	grep -q -- "^-- $t" <<<"$text" || fail "text snapshot lacks the $t panel"
done
echo "PASS: top panels match /proc, ip, ss and ethtool ($N drops, capture pid $sniff_pid)"
