#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why_tcp_pid.sh: --pid and FILTER narrow the TCP queue cause to the selected connections' own
# drops.  A receiver's connection loses segments sent far outside its window (dropped in
# tcp_validate_incoming: sk_drops counts them, no TcpExt queue counter does); why --pid of the
# receiver, and why with a filter on its port, name tcp_connection first with exactly
# those drops and the connection where they happened.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/why_lib.sh"

need_root
need_cmd jq python3 ss
conn=$top_srcdir/tests/netns/why_tcp_conn.py
PORT=7781
N=20

tmp=$(mktemp -d)
register_file "$tmp"
netns_new A
# Segments without timestamps: no PAWS check decides before the window does.
ns_exec "$A" sysctl -qw net.ipv4.tcp_timestamps=0 || fail "cannot turn TCP timestamps off"
ns_exec "$A" python3 "$conn" hold "$PORT" >"$tmp/hold" &
register_pid $!
wait_until 10 grep -qs listening "$tmp/hold" || fail "the receiver did not listen"
ns_exec "$A" python3 "$conn" connect "$PORT" >"$tmp/client" &
register_pid $!
wait_until 10 grep -qs ready "$tmp/hold" || fail "the receiver accepted no connection"
wait_until 10 test -s "$tmp/client" || fail "the client did not connect"
receiver=$(awk '/^ready/ { print $2 }' "$tmp/hold")
cport=$(cat "$tmp/client")

# conn_drops: the receiving connection's sk_drops, as ss shows them (skmem d).
conn_drops()
{
	ns_exec "$A" ss -tmnH state established "( sport = :$PORT )" |
		sed -n 's/.*skmem:([^)]*,d\([0-9]*\)).*/\1/p'
}

# round ARGS...: why ARGS over N out-of-window segments; checks its TCP queue cause.
round()
{
	local before after want

	before=$(conn_drops)
	start_why "$tmp/out" "$tmp/err" -N "$A" "$@"
	ns_exec "$A" python3 "$conn" oow "$cport" "$PORT" "$N" || fail "cannot send the segments"
	sleep 0.3
	stop_why "$tmp/out" "$tmp/err"
	after=$(conn_drops)
	want=$((after - before))
	[[ $want -eq $N ]] || fail "the connection dropped $want of $N segments"
	[[ $(first_cause "$tmp/out") == tcp_connection ]] ||
		fail "why $*: verdict $(first_cause "$tmp/out"): $(jq -c .causes "$tmp/out")"
	[[ $(cause_drops "$tmp/out" tcp_connection) -eq $want ]] ||
		fail "why $*: $(cause_drops "$tmp/out" tcp_connection) drops, ss $want"
	jq -e --argjson p "$PORT" '.causes[0].where | test("^tcp port \($p) inode [0-9]+$")' \
		"$tmp/out" >/dev/null || fail "why $*: where $(jq -c '.causes[0]' "$tmp/out")"
	jq -e --argjson n "$want" --argjson p "$PORT" \
		'[.sockets[] | select(.netid == "tcp" and (.local | endswith(":\($p)")))] |
		 length == 1 and .[0].drops == $n' "$tmp/out" >/dev/null ||
		fail "why $*: sockets $(jq -c .sockets "$tmp/out")"
	# The namespace's TcpExt counters saw none of it: narrowing is what finds the loss.
	jq -e '.causes[0].evidence | test("selected TCP connections")' "$tmp/out" >/dev/null ||
		fail "why $*: evidence $(jq -c '.causes[0]' "$tmp/out")"
}

round --pid "$receiver"
round sport = ":$PORT"
exit 0
