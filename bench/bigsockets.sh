#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bigsockets.sh: the live tools on a host with many sockets (issue 19): top at 1 s with every
# panel, `sockets --watch` at 1 s, one exporter scrape, one `why` sample, next to ss, with the
# idle-host figures in the same run.
#
#   sudo SOCKEYE=build/sockeye bench/bigsockets.sh [SOCKETS] [SECONDS]   (default 100000, 20)
#
# tests/tools/sockfarm (several processes, each under the per-process descriptor limit) opens
# SOCKETS loopback TCP sockets in a namespace of their own.  Each tool runs for SECONDS at a 1 s
# refresh after a warm-up (WARMUP, 4 s), in batch mode to /dev/null (top -b -j with every panel,
# sockets --watch -j); CPU is /proc/PID/task/*/schedstat over the wall time, peak RSS VmHWM.
# top runs for TOP_SECS (60 s, or SECONDS when longer) so that its seldom walks of the TCP and
# UDP tables (every 30 s or more with candidates) fall in the measure; its row says the last
# walk's cost and period (top -vv).  ss,
# one-shot listings and `why -d 1 -j` are timed by /usr/bin/time (each bounded by ONESHOT_MAX,
# 300 s).  The exporter (no cache) is scraped with curl, with the sockets collector alone and
# with every collector; its CPU is the difference of /proc/PID/task/*/schedstat around a scrape:
# the first scrape in a namespace (which walks its tables once) and the next one.  "idle" is the
# same measure in an empty namespace before the farm exists; "other ns" in the empty namespace
# while the farm lives (a walk of the TCP table visits every namespace's sockets).  Past 200,000
# sockets the slowest variants (ss -tanp, --rows 0, top on sock_diag) are left out.  The figures
# go to stdout and replace this socket count's "bigsockets" section of RESULTS.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
: "${SOCKEYE:=$top/build/sockeye}"
nsock=${1:-100000}
secs=${2:-20}
warmup=${WARMUP:-4}
top_secs=${TOP_SECS:-60}
((top_secs >= secs)) || top_secs=$secs
oneshot_max=${ONESHOT_MAX:-300}
big=$((nsock > 200000))
results=$here/RESULTS.md

die()
{
	echo "bigsockets.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, BPF)"
for c in ip ss curl cc awk /usr/bin/time; do
	command -v "$c" >/dev/null || die "$c not found"
done
[[ -x $SOCKEYE ]] || die "$SOCKEYE: not built (make, or set SOCKEYE)"
SOCKEYE=$(readlink -f "$SOCKEYE")

ns=sky-big-$$
idle=sky-big-idle-$$
tmp=$(mktemp -d)
pids=()
cleanup()
{
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	ip netns del "$ns" 2>/dev/null || true
	ip netns del "$idle" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

: >"$tmp/config.h"
cc -O2 -I"$tmp" -o "$tmp/sockfarm" "$top/tests/tools/sockfarm.c"
for n in "$ns" "$idle"; do
	ip netns add "$n"
	ip -n "$n" link set lo up
done

# "CPU% peakKiB" of a refreshing COMMAND...: started in the background, its CPU (schedstat,
# every thread) over $secs after a $warmup s warm-up (the BPF loads at start are not a
# refresh's cost), its peak RSS (VmHWM) at the end.
steady()
{
	local pid c0 c1 t0 t1 hwm

	"$@" >/dev/null 2>"$tmp/err" &
	pid=$!
	pids+=("$pid")
	sleep "$warmup"
	kill -0 "$pid" 2>/dev/null || die "$*: $(tail -n 3 "$tmp/err")"
	c0=$(cpu_ns "$pid")
	t0=$(date +%s%N)
	sleep "$secs"
	c1=$(cpu_ns "$pid")
	t1=$(date +%s%N)
	hwm=$(awk '$1 == "VmHWM:" { print $2 }' /proc/"$pid"/status)
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	awk -v c=$((c1 - c0)) -v t=$((t1 - t0)) -v h="$hwm" 'BEGIN { printf "%.2f%% | %d", c / t * 100, h }'
}

# top's "CPU% | peakKiB" over top_secs, with -vv; then its last walk from the log, for walk_said.
top_steady()
{
	secs=$top_secs steady "$@" -vv
}

# "; walk N ms every P s" from the last top_steady's log (nothing when it said none).
walk_said()
{
	grep -o 'walk and owners [0-9]* us of CPU: every [0-9]* s' "$tmp/err" | tail -n 1 |
		awk '{ printf "; walk %.1f ms every %d s", $4 / 1000, $9 }'
}

# "seconds peakKiB" of a one-shot COMMAND.
oneshot()
{
	if ! /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" timeout "$oneshot_max" "$@" \
		>/dev/null 2>"$tmp/err"; then
		echo "failed or over ${oneshot_max} s: $(tail -n 1 "$tmp/err" | tr '|' '/') | -"
		return
	fi
	awk '{ printf "%.0f ms (%.0f ms CPU) | %d\n", $1 * 1000, ($2 + $3) * 1000, $4 }' "$tmp/time"
}

# CPU ns of every thread of pid.
cpu_ns()
{
	cat /proc/"$1"/task/*/schedstat | awk '{ s += $1 } END { printf "%.0f\n", s }'
}

# Scrapes of an exporter on NS with COLLECTORS (a list, or "" for every one): the CPU in ms of
# the first scrape and of the second, and the TCP sockets it counted.
scrape()
{
	local n=$1 port=$2 pid c0 c1 c2 args=(--cache 0)

	[[ -n $3 ]] && args+=(--collectors "$3")
	ip netns exec "$n" "$SOCKEYE" exporter --listen "127.0.0.1:$port" "${args[@]}" \
		2>"$tmp/exp.err" &
	pid=$!
	pids+=("$pid")
	for _ in $(seq 100); do
		ip netns exec "$n" curl -sf "http://127.0.0.1:$port/-/healthy" >/dev/null && break
		sleep 0.1
	done
	c0=$(cpu_ns "$pid")
	ip netns exec "$n" curl -sf "http://127.0.0.1:$port/metrics" >/dev/null || die "scrape failed"
	c1=$(cpu_ns "$pid")
	ip netns exec "$n" curl -sf "http://127.0.0.1:$port/metrics" >"$tmp/metrics"
	c2=$(cpu_ns "$pid")
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	awk -v a=$((c1 - c0)) -v b=$((c2 - c1)) \
		-v s="$(awk '/^sockeye_sockets\{protocol="tcp"\}/ { print $2 }' "$tmp/metrics")" \
		'BEGIN { printf "first %.1f ms, then %.1f ms CPU (tcp sockets counted: %s) | -\n", a / 1e6, b / 1e6, s }'
}

# Every measure in namespace N; label L.
measure()
{
	local n=$1 l=$2

	local r

	r=$(top_steady "$SOCKEYE" -N "$n" -j top -b -n 100000 -d 1)
	echo "| $l | top -d 1 (every panel, ${top_secs} s$(walk_said)) | $r |"
	if ! ((big)); then
		r=$(SOCKEYE_SOCKITER=off top_steady "$SOCKEYE" -N "$n" -j top -b -n 100000 -d 1)
		echo "| $l | top -d 1, sock_diag only (SOCKEYE_SOCKITER=off, ${top_secs} s$(walk_said)) | $r |"
	fi
	echo "| $l | sockets -tan --watch=1 (--rows 1000) |" \
		"$(steady "$SOCKEYE" -N "$n" -j sockets -tan --watch=1) |"
	((big)) ||
		echo "| $l | sockets -tan --watch=1 --rows 0 (every socket, as before) |" \
			"$(steady "$SOCKEYE" -N "$n" -j sockets -tan --watch=1 --rows 0) |"
	echo "| $l | exporter scrape (sockets collector) |" \
		"$(scrape "$n" $((9600 + RANDOM % 300)) sockets) |"
	echo "| $l | exporter scrape (every collector) | $(scrape "$n" $((9600 + RANDOM % 300)) "") |"
	echo "| $l | exporter scrape, sock_diag only (SOCKEYE_SOCKITER=off) |" \
		"$(SOCKEYE_SOCKITER=off scrape "$n" $((9600 + RANDOM % 300)) sockets) |"
	echo "| $l | why -d 1 -j (one sample) | $(oneshot "$SOCKEYE" -N "$n" -j why -d 1) |"
	echo "| $l | ss -tan | $(oneshot ip netns exec "$n" ss -tan) |"
	((big)) || echo "| $l | ss -tanp | $(oneshot ip netns exec "$n" ss -tanp) |"
	echo "| $l | sockeye sockets -tan | $(oneshot "$SOCKEYE" -N "$n" sockets -tan) |"
}

{
	echo "| where | what | CPU (% of a core), or time | peak RSS (KiB) |"
	echo "| --- | --- | --- | --- |"
	measure "$idle" "idle host"
} >"$tmp/table"

# The farm: each process raises its soft limit to the hard one (raising the hard one past it
# needs CAP_SYS_RESOURCE, which containers often drop) and holds that many sockets less a few.
# About 4 KiB of kernel memory a socket (tcp_sock, file, inode) and sockfarm's own: refuse
# when the host has not twice that free.
need_kib=$((nsock * 8))
avail_kib=$(awk '/MemAvailable/ { print $2 }' /proc/meminfo)
((avail_kib > need_kib)) ||
	die "$nsock sockets want some $((need_kib / 1024)) MiB free, the host has $((avail_kib / 1024)) MiB"
hard=$(ulimit -Hn)
[[ $hard == unlimited ]] && hard=1048576
per=$(((hard - 64) / 2 * 2))
nproc=$(((nsock + per - 1) / per))
((nproc >= 4)) || nproc=4
ip netns exec "$ns" sysctl -qw net.ipv4.ip_local_port_range="10000 65000"
ip netns exec "$ns" sysctl -qw net.core.somaxconn=4096
echo "creating $nsock TCP sockets in $nproc processes in $ns ..." >&2
ip netns exec "$ns" bash -c "ulimit -n $hard && exec \"\$0\" farm 127.0.0.1 5000 $nsock $nproc" \
	"$tmp/sockfarm" >"$tmp/farm" 2>&1 &
pids+=($!)
t_farm=$(date +%s)
for ((i = 0; i < 1200; i++)); do
	grep -q '^ready' "$tmp/farm" && break
	kill -0 "${pids[-1]}" 2>/dev/null || die "sockfarm failed: $(cat "$tmp/farm")"
	sleep 0.5
done
grep -q '^ready' "$tmp/farm" || die "sockfarm not ready after 600 s"
have=$(ip netns exec "$ns" awk '/^TCP6?:/ { n += $3 } END { print n }' /proc/net/sockstat \
	/proc/net/sockstat6)
farm_s=$(($(date +%s) - t_farm))
slab_kib=$(awk '/^Slab:/ { print $2 }' /proc/meminfo)
echo "$have TCP sockets in $ns (sockstat) after $farm_s s; kernel slab $((slab_kib / 1024)) MiB" >&2

{
	measure "$idle" "other ns ($have sockets)"
	measure "$ns" "$have sockets"
} >>"$tmp/table"

title="## bigsockets: the live tools with many sockets (bench/bigsockets.sh, issue 19)"
((nsock == 100000)) || title="## bigsockets at $nsock sockets (bench/bigsockets.sh, issue 19)"
{
	echo "$title"
	echo
	echo '```'
	echo "sudo SOCKEYE=build/sockeye bench/bigsockets.sh $nsock $secs"
	echo '```'
	echo
	echo "$(date +%F), kernel $(uname -r), $(nproc) CPUs," \
		"$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average" \
		"$(cut -d' ' -f1-3 /proc/loadavg) at the end; $have loopback TCP sockets of sockfarm"
	echo "processes in a namespace (sockstat's count; the farm took $farm_s s, kernel slab"
	echo "$((slab_kib / 1024)) MiB with it).  top and sockets --watch refresh every 1 s in batch mode"
	echo "(JSON to /dev/null); CPU is their schedstat time over $secs s (top: $top_secs s, its walks"
	echo "in it) after a ${warmup} s warm-up (start-up BPF loads left out), peak RSS VmHWM.  Goals at"
	echo "100k: top < 1% of a core, --watch < 25% of a core and < 64 MiB, a scrape < 10 ms CPU."
	echo
	cat "$tmp/table"
} >"$tmp/section"
cat "$tmp/section"

if [[ -f $results ]] && grep -qF "$title" "$results"; then
	awk -v f="$tmp/section" -v t="$title" '
		/^## / { if (skip) skip = 0; if ($0 == t) { skip = 1; while ((getline l < f) > 0) print l; print ""; next } }
		!skip { print }' "$results" >"$tmp/results"
	cp "$tmp/results" "$results"
else
	{ echo; cat "$tmp/section"; } >>"$results"
fi
