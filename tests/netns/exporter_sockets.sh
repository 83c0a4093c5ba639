#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# exporter_sockets.sh: the sockets collector's counts without walking the TCP table at each
# scrape (issues 15 and 19).  Full receive queues (UDP and TCP) from before the exporter started,
# filled after it started and drained again are counted exactly as ss sees them, the same with
# the BPF notes and with the sock_diag dumps (SOCKEYE_SOCKITER=off); the counts are sockstat's;
# and over five scrapes the exporter's BPF iterators visit the namespace's sockets once (the
# seeding walk), not at each scrape.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/exporter_lib.sh"

need_root
need_cmd curl
need_cmd python3
need_cmd ss

netns_new A
ip -n "$A" link set lo up
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

ip netns exec "$A" python3 "$top_srcdir/tests/netns/exporter_sockets_socks.py" "$tmp" &
register_pid $!
phase()
{
	wait_until 60 grep -sqx "$1" "$tmp/ready" || fail "the sockets did not reach step $1"
}
phase start

python3 "$top_srcdir/tests/netns/bpf_stats_hold.py" "$tmp/stats" &
register_pid $!
wait_until 30 test -s "$tmp/stats" || fail "BPF statistics did not turn on"

# truth PROTO: the sockets ss sees with receive memory at 80% of the buffer or more.
truth()
{
	ns_exec "$A" ss -"$1"amnH | grep -o 'skmem:(r[0-9]*,rb[0-9]*' |
		awk -F'[(r,b]+' '5 * $2 >= 4 * $3 { n++ } END { print n + 0 }'
}

# scrape PORT: the collector's series, one "name{labels} value" a line.
scrape()
{
	ns_exec "$A" curl -sf "http://127.0.0.1:$1/metrics" |
		grep -E '^sockeye_(sockets|listen_queue_full)' || fail "scrape on $1 failed"
}

start_exporter "$A" 9571 "$tmp/on.err" --collectors sockets --cache 0
on_pid=$exporter_pid
SOCKEYE_SOCKITER=off start_exporter "$A" 9572 "$tmp/off.err" --collectors sockets --cache 0
off_pid=$exporter_pid
grep -q "sockets collector: full sockets noted as data arrives (BPF)" "$tmp/on.err" ||
	skip "BPF notes unavailable here: $(grep 'sockets collector' "$tmp/on.err")"
grep -q "sockets collector: receive queues from sock_diag (BPF: SOCKEYE_SOCKITER=off)" \
	"$tmp/off.err" || fail "SOCKEYE_SOCKITER=off: $(cat "$tmp/off.err")"

# check STEP TCP UDP: both exporters serve TCP and UDP full sockets, as many as ss sees.
check()
{
	local t u

	t=$(truth t)
	u=$(truth u)
	[[ $t == "$2" && $u == "$3" ]] || fail "$1: ss sees $t TCP and $u UDP full sockets, want $2 $3"
	scrape 9571 >"$tmp/$1.on"
	scrape 9572 >"$tmp/$1.off"
	diff -u "$tmp/$1.off" "$tmp/$1.on" >&2 || bad "$1: the BPF notes and the dumps differ"
	grep -qx "sockeye_sockets_receive_queue_full{protocol=\"tcp\"} $2" "$tmp/$1.on" ||
		bad "$1: $(grep receive_queue_full "$tmp/$1.on" | tr '\n' ' '), want tcp $2"
	grep -qx "sockeye_sockets_receive_queue_full{protocol=\"udp\"} $3" "$tmp/$1.on" ||
		bad "$1: $(grep receive_queue_full "$tmp/$1.on" | tr '\n' ' '), want udp $3"
	grep -qx 'sockeye_listen_queue_full 1' "$tmp/$1.on" ||
		bad "$1: $(grep listen_queue_full "$tmp/$1.on"), want 1"
}

check start 1 1
# sockstat's counts: TCP, the full pair and its listener (3), the listener with its 3 clients and
# 3 queued (7), the two exporters' listeners and the scrape's connection (4); UDP, the full one
# and its sender, 50 idle.
grep -qx 'sockeye_sockets{protocol="tcp"} 14' "$tmp/start.on" ||
	bad "$(grep 'sockets{protocol="tcp"' "$tmp/start.on"), want 14"
grep -qx 'sockeye_sockets{protocol="udp"} 52' "$tmp/start.on" ||
	bad "$(grep 'sockets{protocol="udp"' "$tmp/start.on"), want 52"

touch "$tmp/fill"
phase fill
check fill 2 2
touch "$tmp/drain"
phase drain
check drain 1 1
scrape 9571 >/dev/null
scrape 9571 >/dev/null

# The iterators' runs in the BPF exporter: one per socket of the seeding walk (a few dozen
# here), then none; a walk at each scrape would be five times that.
runs=0
for f in /proc/"$on_pid"/fdinfo/*; do
	id=$(awk '$1 == "prog_id:" { print $2 }' "$f")
	[[ -n $id ]] || continue
	name=$(bpftool prog show id "$id" 2>/dev/null | awk 'NR == 1 { print $4 }')
	# The tracepoint runs as data arrives, not per scrape.
	[[ $name == *ready* ]] && continue
	n=$(awk '$1 == "run_cnt:" { print $2 }' "$f")
	runs=$((runs + ${n:-0}))
done
socks=$(ns_exec "$A" ss -tuanH | wc -l)
echo "BPF program runs over 5 scrapes: $runs, sockets: $socks" >&2
((runs > 0 && runs < 2 * socks)) ||
	bad "the exporter's BPF programs ran $runs times over 5 scrapes of $socks sockets"
((nfail == 0)) || fail "$nfail checks failed"
exit 0
