#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_sockiter.sh: top's sockets panel from the BPF iterators (iter/tcp, iter/udp) and from
# sock_diag (SOCKEYE_SOCKITER=off): the same fullest sockets among many idle ones, -v says
# which path, and -N gets the iterators of the namespace it names.  The exporter's sockets
# collector counts the same with its BPF notes and with sock_diag too.
. "${top_srcdir:-.}/tests/netns/lib.sh"

need_root
need_cmd jq
need_cmd python3

IDLE=2000	# idle TCP connections (4000 sockets)

netns_new A
ip -n "$A" link set lo up
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

ip netns exec "$A" bash -c "ulimit -n 8192 && exec python3 \"\$0\" $IDLE \"\$1\"" \
	"$top_srcdir/tests/netns/top_sockiter_socks.py" "$tmp/ready" &
register_pid $!
wait_until 60 test -s "$tmp/ready" || fail "the sockets did not open"

# The panel's rows (JSON) and top's -v lines, from the path SOCKEYE_SOCKITER says.
panel()
{
	SOCKEYE_SOCKITER=$1 timeout 60 "$SOCKEYE" -N "$A" top -b -j -v --panels sockets \
		>"$tmp/$1.json" 2>"$tmp/$1.err" || fail "top ($1): $(cat "$tmp/$1.err")"
	jq -c '.sockets[] | del(.processes)' "$tmp/$1.json" >"$tmp/$1.rows" ||
		fail "top ($1): not JSON"
}

panel on
if ! grep -q "sockets panel: TCP and UDP from BPF iterators" "$tmp/on.err"; then
	grep -q "sockets panel: every table from sock_diag (BPF iterators: " "$tmp/on.err" ||
		fail "-v does not say where the sockets panel reads: $(cat "$tmp/on.err")"
	skip "the BPF iterators do not load here: $(grep 'sockets panel' "$tmp/on.err")"
fi
panel off
grep -q "sockets panel: every table from sock_diag (BPF iterators: SOCKEYE_SOCKITER=off)" \
	"$tmp/off.err" || fail "SOCKEYE_SOCKITER=off: $(grep 'sockets panel' "$tmp/off.err")"

# 3 TCP Recv-Q, 2 UDP, 1 listener's accept queue: nothing else of the 4000 idle.
n=$(wc -l <"$tmp/on.rows")
[[ $n -eq 6 ]] || fail "iterators: $n rows, want 6: $(cat "$tmp/on.rows")"
diff -u "$tmp/off.rows" "$tmp/on.rows" >&2 || fail "the iterators' rows differ from sock_diag's"
want='3000 2000 1000 3'
got=$(jq -r '[.sockets[] | select(.netid == "tcp") | .recv_q] | join(" ")' "$tmp/on.json")
[[ $got == "$want" ]] || fail "TCP Recv-Q '$got', want '$want' (fullest first)"
# The owners come from /proc in both paths.
[[ $(jq '[.sockets[] | select(.processes[0].comm == "python3")] | length' "$tmp/on.json") \
	-eq 6 ]] || fail "iterators: rows without their process"

# The iterators' walks are no sock_diag dumps: raw (2) and unix (1) only.
grep -q "^sockeye: top: sample 1: 3 sock_diag dumps$" "$tmp/on.err" ||
	fail "iterators: $(grep sample "$tmp/on.err")"
grep -q "^sockeye: top: sample 1: 6 sock_diag dumps$" "$tmp/off.err" ||
	fail "sock_diag: $(grep sample "$tmp/off.err")"

# The exporter's counts, summed in the kernel or from the dumps: the same series.
need_cmd curl
scrape()
{
	local port=$2 pid

	ip netns exec "$A" env SOCKEYE_SOCKITER=$1 timeout 60 "$SOCKEYE" -v exporter \
		--listen "127.0.0.1:$port" --collectors sockets --cache 0 2>"$tmp/exp.$1.err" &
	pid=$!
	register_pid "$pid"
	wait_until 10 ip netns exec "$A" curl -sfo /dev/null "http://127.0.0.1:$port/-/healthy" ||
		fail "exporter ($1) did not start: $(cat "$tmp/exp.$1.err")"
	ip netns exec "$A" curl -sf "http://127.0.0.1:$port/metrics" |
		grep -E '^sockeye_(sockets|listen)' >"$tmp/metrics.$1" || fail "no metrics ($1)"
	kill "$pid"
	wait "$pid" 2>/dev/null
}
scrape on 9581
grep -q "sockets collector: full sockets noted as data arrives (BPF)" "$tmp/exp.on.err" ||
	fail "exporter: not the BPF notes: $(cat "$tmp/exp.on.err")"
scrape off 9582
grep -q "sockets collector: receive queues from sock_diag (BPF: SOCKEYE_SOCKITER=off)" \
	"$tmp/exp.off.err" || fail "exporter: SOCKEYE_SOCKITER=off: $(cat "$tmp/exp.off.err")"
diff -u "$tmp/metrics.off" "$tmp/metrics.on" >&2 || fail "the exporter's counts differ"
# TCP: 4000 idle and their 2 listeners, 3 full pairs and their listeners (9), the backlog
# listener with 3 clients and 3 queued children (7), the exporter's listener and the scrape's
# connection (3); UDP: 100 idle, 2 full and their 2 senders.
grep -qx 'sockeye_sockets{protocol="tcp"} 4021' "$tmp/metrics.on" ||
	fail "exporter: $(grep tcp "$tmp/metrics.on")"
grep -qx 'sockeye_sockets{protocol="udp"} 104' "$tmp/metrics.on" ||
	fail "exporter: $(grep udp "$tmp/metrics.on")"
exit 0
