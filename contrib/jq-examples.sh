#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# jq-examples.sh: short examples of scripting against `sockeye -j top -b` with jq.
#
#   contrib/jq-examples.sh [EXAMPLE] [SOCKEYE ARGS...]
#
# EXAMPLE is one of the functions below (default: all of them, one snapshot
# each).  Extra arguments go to sockeye before the command, e.g. -N blue.
# Keys are documented in sockeye-top(8).
set -euo pipefail

SOCKEYE=${SOCKEYE:-sockeye}

# One JSON snapshot, rates over 1 second.
snapshot()
{
	"$SOCKEYE" "$@" -j top -b -n 1 -d 1
}

# Receive rate of every interface that is up: name, packets/s, Mbit/s.
rx_rate()
{
	snapshot "$@" | jq -r '.interfaces[] | select(.state == "up")
		| [.iface, (.rx_pps // 0 | floor), ((.rx_bps // 0) / 1e4 | floor) / 100] | @tsv'
}

# CPUs whose receive softirq ran out of budget (time_squeeze) since boot, worst first.
squeezed_cpus()
{
	snapshot "$@" | jq -r '.softnet | map(select(.time_squeeze > 0))
		| sort_by(-.time_squeeze)[] | "cpu \(.cpu): \(.time_squeeze) squeezes"'
}

# Any drop counter that moved in the last second, per CPU or per interface.
drops_now()
{
	snapshot "$@" | jq -r '
		(.softnet[] | select((.dropped_per_s // 0) > 0)
			| "cpu \(.cpu): backlog drops \(.dropped_per_s)/s"),
		(.interfaces[] | select((.rx_dropped_per_s // 0) > 0)
			| "\(.iface): rx drops \(.rx_dropped_per_s)/s")'
}

# Share of NET_RX softirqs per CPU: is one CPU doing all the receive work?
net_rx_share()
{
	snapshot "$@" | jq -r '(.softirqs | map(.net_rx_per_s // 0) | add) as $all
		| .softirqs[] | "cpu \(.cpu): \(if $all > 0 then (.net_rx_per_s // 0) * 100 / $all
			| floor else 0 end)% of NET_RX"'
}

# The header line: host, load, softirq share, drops per second.
summary()
{
	snapshot "$@" | jq -r '.summary | "\(.host): load \(.load1) softirq \(.softirq_pct // 0)%"
		+ " drops \(.drops_per_s // 0)/s"'
}

# Captures running on the host: who, on what, with how big a ring.
captures()
{
	snapshot "$@" | jq -r '.packet_sockets[] | select(.rx_ring_bytes != null)
		| "\(.processes[0].comm // "?")[\(.processes[0].pid // "?")] on \(.iface // "?"): TPACKET_V\(.tpacket_version),"
		+ " \(.rx_ring_bytes / 1048576) MiB ring, \(.filter_insns // "?") filter insns"'
}

# A CSV time series of one interface's rates, one line a second:
#   jq-examples.sh csv_series eth0 [COUNT]
csv_series()
{
	local iface=${1:?csv_series needs an interface name} count=${2:-10}

	shift $(($# < 2 ? $# : 2))
	echo "ts_ns,iface,rx_pps,rx_bps,tx_pps,tx_bps"
	"$SOCKEYE" "$@" -j top -b -n "$count" -d 1 |
		jq --unbuffered -r --arg name "$iface" '.ts_ns as $ts | .interfaces[]
			| select(.iface == $name) | [$ts, .iface, .rx_pps, .rx_bps, .tx_pps, .tx_bps]
			| @csv'
}

examples=(summary rx_rate squeezed_cpus drops_now net_rx_share captures)
if [[ $# -gt 0 && $(type -t -- "$1") == function ]]; then
	"$@"
	exit
fi
for e in "${examples[@]}"; do
	echo "== $e"
	"$e" "$@"
done
