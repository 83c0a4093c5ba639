#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# exporter.sh: what `sockeye exporter` costs against node_exporter with its default collectors,
# side by side in one run, at Prometheus's usual 15 s scrape interval.
#
#   sudo SOCKEYE=build/sockeye bench/exporter.sh [SECONDS]        (default 120)
#
# Two namespaces joined by a veth carry a steady UDP stream (iperf3, 2,000 datagrams/s) so the
# counters move, and the receiving one holds 400 TCP sockets (tests/tools/sockfarm).  In that
# namespace sockeye exporter (every collector, its BPF ones attached) and node_exporter (the
# Debian package prometheus-node-exporter, installed here when missing, default collectors) are
# scraped by curl every 15 s, one after the other, for SECONDS: no Prometheus, so the scrapes
# come at a fixed interval.  Each scrape's CPU is the process's on-CPU time over it (the
# schedstat of every thread, in ns); the run's CPU is the same over SECONDS, idle included; RSS
# and its peak come from /proc/PID/status at the end.  The BPF programs run in the kernel on
# whatever task they interrupt, so their time is counted apart: kernel.bpf_stats_enabled is set
# for the run (and restored after) and the run_time_ns of the exporter's programs read at the
# start and the end.  The figures go to stdout and replace the "exporter" section of
# bench/RESULTS.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
: "${SOCKEYE:=$top/build/sockeye}"
: "${SOCKFARM:=$(dirname "$SOCKEYE")/tests/tools/sockfarm}"
secs=${1:-120}
interval=15
results=$here/RESULTS.md

die()
{
	echo "exporter.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, BPF, kernel.bpf_stats_enabled)"
if ! command -v prometheus-node-exporter >/dev/null; then
	apt-get install -y -q prometheus-node-exporter >/dev/null ||
		die "cannot install prometheus-node-exporter"
fi
for c in curl iperf3 bpftool jq ip awk; do
	command -v "$c" >/dev/null || die "$c not found (apt-get install curl iperf3 bpftool jq iproute2)"
done
[[ -x $SOCKEYE ]] || die "$SOCKEYE: not built (make, or set SOCKEYE)"
[[ -x $SOCKFARM ]] || die "$SOCKFARM: not built (make check builds tests/tools, or set SOCKFARM)"
SOCKEYE=$(readlink -f "$SOCKEYE")

a=sky-bexp-a-$$
b=sky-bexp-b-$$
tmp=$(mktemp -d)
pids=()
stats_was=$(sysctl -n kernel.bpf_stats_enabled)
cleanup()
{
	sysctl -qw kernel.bpf_stats_enabled="$stats_was" || true
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	ip netns del "$a" 2>/dev/null || true
	ip netns del "$b" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

veth_pair "$a" "$b" || die "cannot make the namespaces"
ip -n "$a" addr add 10.76.0.1/24 dev va
ip -n "$b" addr add 10.76.0.2/24 dev vb
ip netns exec "$b" iperf3 -s -1 -D -p 5299 --logfile "$tmp/iperf3-s.log"
sleep 0.5
ip netns exec "$a" iperf3 -c 10.76.0.2 -p 5299 -u -l 1000 -b 16M -t $((secs + 60)) \
	>"$tmp/iperf3-c.log" 2>&1 &
pids+=($!)
ip netns exec "$b" "$SOCKFARM" farm 127.0.0.1 5000 400 1 >"$tmp/farm" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
	grep -q '^ready' "$tmp/farm" && break
	sleep 0.1
done
grep -q '^ready' "$tmp/farm" || die "sockfarm not ready: $(cat "$tmp/farm")"

sysctl -qw kernel.bpf_stats_enabled=1
"$SOCKEYE" -N "$b" exporter --listen 127.0.0.1:9555 2>"$tmp/sockeye.err" &
sockeye_pid=$!
pids+=($sockeye_pid)
# The same without the sockets collector: its sock_diag dumps make most of a scrape's cost.
others=softnet,softirqs,netdev,snmp,packet,drops,napi
"$SOCKEYE" -N "$b" exporter --listen 127.0.0.1:9556 --collectors "$others" 2>"$tmp/others.err" &
others_pid=$!
pids+=($others_pid)
ip netns exec "$b" prometheus-node-exporter --web.listen-address=127.0.0.1:9100 \
	>"$tmp/node.log" 2>&1 &
node_pid=$!
pids+=($node_pid)
url_sockeye=http://127.0.0.1:9555/metrics
url_node=http://127.0.0.1:9100/metrics
url_others=http://127.0.0.1:9556/metrics
up()
{
	ip netns exec "$b" curl -sf -o /dev/null "$1"
}
for _ in $(seq 150); do
	up "$url_sockeye" && up "$url_node" && up "$url_others" && break
	sleep 0.1
done
up "$url_sockeye" || die "sockeye exporter did not answer: $(cat "$tmp/sockeye.err")"
up "$url_node" || die "node_exporter did not answer: $(tail -n3 "$tmp/node.log")"
up "$url_others" || die "sockeye exporter --collectors $others did not answer: $(cat "$tmp/others.err")"

# On-CPU ns of every thread of pid (schedstat's first field).
cpu_ns()
{
	cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%d\n", s }'
}
kib()
{
	awk -v k="$2" '$1 == k ":" { print $2 }' "/proc/$1/status"
}
# The run time (ns), runs and count of the BPF programs pid holds (by their fds and links:
# fdinfo's prog_id; this bpftool lists no pids).
bpf_ns()
{
	local ids

	ids=$(awk '$1 == "prog_id:" { print $2 }' /proc/"$1"/fdinfo/* 2>/dev/null | sort -un |
		jq -sc .)
	bpftool prog show -j | jq -r --argjson ids "$ids" \
		'[.[] | select(.id as $i | $ids | index($i))] | "\(map(.run_time_ns // 0) | add // 0) \(map(.run_cnt // 0) | add // 0) \(length)"'
}
# scrape PID URL: one GET; prints the process's CPU over it in ns and the body's series.
scrape()
{
	local c0 c1 n

	c0=$(cpu_ns "$1")
	ip netns exec "$b" curl -sf "$2" >"$tmp/body" || die "GET $2 failed"
	c1=$(cpu_ns "$1")
	n=$(grep -vc '^#' "$tmp/body")
	echo "$((c1 - c0)) $n"
}

# A first scrape each (lazy setup: the drop reasons' names, Go's first allocations), then the run.
scrape "$sockeye_pid" "$url_sockeye" >/dev/null
scrape "$node_pid" "$url_node" >/dev/null
scrape "$others_pid" "$url_others" >/dev/null
s0=$(cpu_ns "$sockeye_pid")
o0=$(cpu_ns "$others_pid")
n0=$(cpu_ns "$node_pid")
read -r bpf0 runs0 nprogs < <(bpf_ns "$sockeye_pid")
t0=$(date +%s%N)
nscrapes=$((secs / interval))
: >"$tmp/sockeye.scrapes"
: >"$tmp/node.scrapes"
: >"$tmp/others.scrapes"
for ((i = 0; i < nscrapes; i++)); do
	next=$((t0 + (i + 1) * interval * 1000000000))
	now=$(date +%s%N)
	((next > now)) && sleep "$(awk -v d=$((next - now)) 'BEGIN { printf "%.3f", d / 1e9 }')"
	scrape "$sockeye_pid" "$url_sockeye" >>"$tmp/sockeye.scrapes"
	scrape "$node_pid" "$url_node" >>"$tmp/node.scrapes"
	scrape "$others_pid" "$url_others" >>"$tmp/others.scrapes"
done
t1=$(date +%s%N)
s1=$(cpu_ns "$sockeye_pid")
n1=$(cpu_ns "$node_pid")
o1=$(cpu_ns "$others_pid")
read -r bpf1 runs1 _ < <(bpf_ns "$sockeye_pid")
sockets=$(ip netns exec "$b" ss -tanH | wc -l)

# stats FILE: min, median and max of the first column in ms, the series of the last line.
stats()
{
	sort -n "$1" | awk '{ v[NR] = $1 / 1e6; n = $2 } END {
		printf "%.2f %.2f %.2f %d\n", v[1], v[int((NR + 1) / 2)], v[NR], n }'
}
read -r smin smed smax sseries < <(stats "$tmp/sockeye.scrapes")
read -r nmin nmed nmax nseries < <(stats "$tmp/node.scrapes")
read -r omin omed omax oseries < <(stats "$tmp/others.scrapes")
wall=$(((t1 - t0) / 1000))	# µs
pct()
{
	awk -v ns="$1" -v us="$wall" 'BEGIN { printf "%.3f%%", ns / 1e3 / us * 100 }'
}
bpf_pct=$(pct $((bpf1 - bpf0)))
bpf_per_run=$(awk -v ns=$((bpf1 - bpf0)) -v n=$((runs1 - runs0)) 'BEGIN { printf "%.0f", n ? ns / n : 0 }')
mib()
{
	awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'
}
kernel=$(uname -r)
ncpu=$(nproc)
day=$(date +%F)
section=$(cat <<EOF
## exporter: against node_exporter, at a 15 s scrape interval (bench/exporter.sh)

\`bench/exporter.sh $secs\` ($day, kernel $kernel, $ncpu CPUs, sockeye 0.1.0, node_exporter
$(prometheus-node-exporter --version 2>&1 | awk 'NR == 1 { print $3 }') with its default collectors).
A veth between two namespaces carries iperf3 UDP at 2,000 datagrams/s and the
receiving namespace holds $sockets TCP sockets (sockfarm); \`sockeye -N NS exporter\`
(every collector, the BPF ones attached) and node_exporter run in that namespace
and are scraped by curl every 15 s, one after the other, with a second sockeye
exporter without the sockets collector ($nscrapes scrapes each after
one to warm up; no Prometheus, so the interval is exact).  A scrape's CPU is the
process's on-CPU time over it (schedstat of every thread); the run's CPU is the
same over the whole ${secs} s, idle included; RSS from /proc/PID/status at the end.
Targets (issue 15): a scrape with every collector under 5 ms of CPU; less CPU and
memory than node_exporter.

| what (same run, side by side) | CPU per scrape: min / median / max | series | CPU over the run (% of one core) | RSS | peak RSS |
| --- | ---: | ---: | ---: | ---: | ---: |
| sockeye exporter (8 collectors) | $smin / $smed / $smax ms | $sseries | $(pct $((s1 - s0))) | $(mib "$(kib "$sockeye_pid" VmRSS)") | $(mib "$(kib "$sockeye_pid" VmHWM)") |
| sockeye exporter without sockets (7 collectors) | $omin / $omed / $omax ms | $oseries | $(pct $((o1 - o0))) | $(mib "$(kib "$others_pid" VmRSS)") | $(mib "$(kib "$others_pid" VmHWM)") |
| node_exporter (default collectors) | $nmin / $nmed / $nmax ms | $nseries | $(pct $((n1 - n0))) | $(mib "$(kib "$node_pid" VmRSS)") | $(mib "$(kib "$node_pid" VmHWM)") |
| sockeye's $nprogs BPF programs, in the kernel | | | $bpf_pct ($((runs1 - runs0)) runs, $bpf_per_run ns each) | | |

The BPF programs' time (run_time_ns with kernel.bpf_stats_enabled, set for the
run and restored after; the first exporter's programs, the second attaches its
own) is charged to whatever task a packet or a poll interrupted, not to the
exporter: it is the cost of counting drops and NAPI polls between scrapes, and
it grows with the traffic, not with the scrapes.

The sockets collector walks no socket table at a scrape (sockstat's counts, a
dump of the listening hash, the full sockets its BPF program noted as data
arrived): with or without it a scrape costs about the same.  Its BPF program
(socktrack_ready) runs once per packet queued to any socket of the host, the
traffic of every namespace, other jobs' included; the BPF row counts it.  Machine load
average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores shared with other jobs: the
times are upper bounds).
EOF
)
echo "$section"
# Replace the section in RESULTS.md (or append it).
awk -v new="$section" '
	/^## exporter: / { skip = 1; print new; done = 1; next }
	skip && /^## / { skip = 0 }
	!skip { print }
	END { if (!done) print "\n" new }' "$results" >"$tmp/results"
cp "$tmp/results" "$results"
