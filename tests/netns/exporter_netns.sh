#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# exporter_netns.sh: sockeye exporter --all-netns: netdev, snmp, sockets and packet run in every
# namespace (named ones, "root", one only a process holds), each series labelled netns with the
# namespace's own counters; the host-wide families carry no netns; each family's HELP and TYPE
# once (promtool accepts it) and a real Prometheus stores the namespaces apart; a namespace that
# goes away between scrapes costs nothing; -N with --all-netns and --all-netns without
# CAP_SYS_ADMIN are errors in one line.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/exporter_lib.sh"

need_root
need_cmd curl jq python3 prometheus promtool unshare
send=$top_srcdir/tests/netns/drops_send.py

N_NOSOCK=7	# UDP datagrams from A to a closed port in B: B's Udp NoPorts, not A's
N_FILL=30	# 1000-byte datagrams from B to A's never-reading socket: A's full socket

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.97.0.1/24
addr_add "$B" vb 10.97.0.2/24
mac_a=$(ip -n "$A" -j link show va | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.97.0.2 lladdr "$mac_b" dev va nud permanent
ip -n "$B" neigh replace 10.97.0.1 lladdr "$mac_a" dev vb nud permanent

tmp=$(mktemp -d)
register_file "$tmp"
# A namespace no name holds, only a process: named net:[INODE].
unshare -n sleep 60 &
holder=$!
register_pid "$holder"
# Whether the holder is in a namespace of its own yet (unshare runs after the fork).
unshared()
{
	local ino

	ino=$(stat -Lc %i "/proc/$holder/ns/net") && [[ $ino != "$(stat -Lc %i /proc/self/ns/net)" ]]
}
wait_until 30 unshared || fail "unshare -n did not make a namespace"
ino=$(stat -Lc %i "/proc/$holder/ns/net")
# In A: a UDP socket that never reads (full after the fill) and a packet socket bound to va.
ip netns exec "$A" python3 "$send" hold 10.97.0.1 8888 1024 >"$tmp/hold" &
register_pid $!
ip netns exec "$A" python3 -c 'import socket, time
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3)); s.bind(("va", 0))
print("ready", flush=True); time.sleep(60)' >"$tmp/packet" &
register_pid $!
wait_until 10 grep -qs ready "$tmp/hold" || fail "the never-reading socket did not start"
wait_until 10 grep -qs ready "$tmp/packet" || fail "the packet socket did not start"

# Started in B, listening there, looking into every namespace (--cache 0: each GET collects).
ip netns exec "$B" "$SOCKEYE" -v exporter --all-netns --listen 127.0.0.1:9555 --cache 0 \
	--collectors softnet,netdev,snmp,sockets,packet 2>"$tmp/err" &
exporter_pid=$!
register_pid "$exporter_pid"
wait_until 15 ns_exec "$B" curl -sf -o /dev/null http://127.0.0.1:9555/-/healthy ||
	fail "the exporter did not answer within 15 s: $(cat "$tmp/err")"

ns_exec "$A" python3 "$send" udp 10.97.0.2 9 "$N_NOSOCK" || fail "cannot send to the closed port"
ns_exec "$B" python3 "$send" udp 10.97.0.1 8888 "$N_FILL" 1000 || fail "cannot fill A's socket"
ns_exec "$B" curl -sf http://127.0.0.1:9555/metrics >"$tmp/m" || fail "GET /metrics failed"

# value SERIES: the sample's value ("" when absent).
value()
{
	awk -v s="$1" '$1 == s { print $2 }' "$tmp/m"
}
# expect SERIES VALUE
expect()
{
	local got

	got=$(value "$1")
	[[ $got == "$2" ]] || bad "$1 is '${got}', not $2"
}
rx_b=$(ip -n "$B" -j -s link show vb | jq '.[0].stats64.rx.packets')
tx_a=$(ip -n "$A" -j -s link show va | jq '.[0].stats64.tx.packets')
expect "sockeye_udp_no_ports_total{ip=\"4\",netns=\"$B\"}" "$N_NOSOCK"
expect "sockeye_udp_no_ports_total{ip=\"4\",netns=\"$A\"}" 0
expect "sockeye_network_receive_packets_total{device=\"vb\",netns=\"$B\"}" "$rx_b"
expect "sockeye_network_transmit_packets_total{device=\"va\",netns=\"$A\"}" "$tx_a"
expect "sockeye_sockets_receive_queue_full{protocol=\"udp\",netns=\"$A\"}" 1
expect "sockeye_sockets_receive_queue_full{protocol=\"udp\",netns=\"$B\"}" 0
expect "sockeye_sockets{protocol=\"udp\",netns=\"$A\"}" 1
expect "sockeye_packet_sockets{device=\"va\",netns=\"$A\"}" 1
expect "sockeye_network_up{device=\"lo\",netns=\"net:[$ino]\"}" 0
[[ -n $(value 'sockeye_udp_no_ports_total{ip="4",netns="root"}') ]] || bad "no series for the root namespace"
grep -q "device=\"va\",netns=\"$B\"\|device=\"vb\",netns=\"$A\"" "$tmp/m" &&
	bad "a device served under the other namespace's label"
for c in softnet netdev snmp sockets packet; do
	expect "sockeye_collector_up{collector=\"$c\"}" 1
done
# Host-wide families carry no netns; the per-namespace ones always do.
grep -E '^sockeye_(softnet|collector|scrape|exporter)[a-z_]*\{[^}]*netns=' "$tmp/m" &&
	bad "a host-wide family labelled netns"
grep -E '^sockeye_(network|udp|tcp|sockets|listen|packet)_' "$tmp/m" | grep -v 'netns="' &&
	bad "a per-namespace series without netns"
# Each family's HELP once, its samples together: promtool says so.
dups=$(grep '^# HELP ' "$tmp/m" | sort | uniq -d)
[[ -z $dups ]] || bad "families written more than once: $dups"
promtool check metrics <"$tmp/m" >"$tmp/lint" 2>&1 || bad "promtool check metrics: $(cat "$tmp/lint")"
ns_exec "$B" curl -sf -H 'Accept: application/openmetrics-text;version=1.0.0' \
	http://127.0.0.1:9555/metrics >"$tmp/om" || bad "GET /metrics (OpenMetrics) failed"
[[ $(grep -c '^# TYPE sockeye_network_receive_packets counter$' "$tmp/om") == 1 &&
	$(tail -n1 "$tmp/om") == "# EOF" ]] || bad "OpenMetrics with --all-netns is not one family each"

# A real Prometheus stores the namespaces apart.
cat >"$tmp/prometheus.yml" <<CONF
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: sockeye
    static_configs:
      - targets: ['127.0.0.1:9555']
CONF
start_prometheus "$B" "$tmp/prometheus.yml" "$tmp"
wait_until 30 prometheus_is "$B" "sockeye_udp_no_ports_total{ip=\"4\",netns=\"$B\"}" "$N_NOSOCK" ||
	bad "Prometheus has no $N_NOSOCK NoPorts for $B: $(tail -n3 "$tmp/prometheus.log")"
prometheus_is "$B" "sockeye_udp_no_ports_total{ip=\"4\",netns=\"$A\"}" 0 ||
	bad "Prometheus has NoPorts for $A"
kill "$prometheus_pid"
wait "$prometheus_pid" 2>/dev/null

# The process exits: its namespace is gone at the next scrape, and no collector goes down.
kill "$holder"
wait "$holder" 2>/dev/null
ns_exec "$B" curl -sf http://127.0.0.1:9555/metrics >"$tmp/m" || bad "GET /metrics after the exit failed"
grep -q "netns=\"net:\[$ino\]\"" "$tmp/m" && bad "the exited process's namespace is still served"
for c in netdev snmp sockets packet; do
	expect "sockeye_collector_up{collector=\"$c\"}" 1
done
expect "sockeye_udp_no_ports_total{ip=\"4\",netns=\"$B\"}" "$N_NOSOCK"
stop_exporter

# Errors, in one line each.
err=$("$SOCKEYE" -N "$B" exporter --all-netns 2>&1)
rc=$?
[[ $rc == 2 && $err == "sockeye: exporter: --all-netns and --netns exclude each other" ]] ||
	bad "-N with --all-netns: status $rc, '$err'"
if command -v setpriv >/dev/null; then
	err=$(ip netns exec "$B" setpriv --inh-caps=-all --bounding-set=-sys_admin \
		"$SOCKEYE" exporter --all-netns --listen 127.0.0.1:9556 2>&1)
	rc=$?
	[[ $rc == 1 && $err == "sockeye: exporter: --all-netns: entering network namespaces needs CAP_SYS_ADMIN" ]] ||
		bad "--all-netns without CAP_SYS_ADMIN: status $rc, '$err'"
fi

((nfail == 0)) || exit 1
