#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets_queues.sh: Recv-Q and Send-Q of sockets whose queues the test knows, checked exactly
# and against ss in the same run: a listener's accept queue and backlog, unread TCP bytes,
# a sender blocked on a full window, queued UDP datagrams, unread bytes on a UNIX pair.
. "$top_srcdir/tests/netns/lib.sh"
need_root
need_cmd ss jq
SOCKFARM=$top_builddir/tests/tools/sockfarm
[[ -x $SOCKFARM ]] || skip "tests/tools/sockfarm is not built"

tmp=$(mktemp -d) || exit 99
register_file "$tmp"
netns_new ns

# start NAME MODE ARGS...: a sockfarm in ns, its "ROLE FD" lines in $tmp/NAME.
start()
{
	local name=$1

	shift
	: >"$tmp/$name"
	# ip netns exec itself (not the ns_exec function) so that $! is sockfarm, killed at cleanup.
	ip netns exec "$ns" "$SOCKFARM" "$@" >"$tmp/$name" 2>&1 &
	register_pid $!
	wait_until 10 grep -q '^ready' "$tmp/$name" || fail "sockfarm $*: $(cat "$tmp/$name")"
}

# ours ARGS... -- JQ: a value from sockeye's JSON (one socket selected by ARGS).
ours()
{
	local jqexpr=${*: -1}

	"$SOCKEYE" -N "$ns" -j sockets "${@:1:$#-1}" | jq -r ".sockets[] | $jqexpr"
}

# theirs ARGS...: "Recv-Q Send-Q" of the sockets ss lists with ARGS (one table, no header).
theirs()
{
	ns_exec "$ns" ss -Hn "$@" | awk '{ print $2, $3 }'
}

# same LABEL OURS THEIRS: equal, or fail showing both.
same()
{
	[[ $2 == "$3" ]] || fail "$1: sockeye says '$2', ss says '$3'"
}

start backlog backlog 127.0.0.1 8080 16 5
start recvq recvq 127.0.0.1 9000 3000
start sendq sendq 127.0.0.1 9100
start udp udp 127.0.0.1 5353 4 200
start unix unix "$tmp/test.sock" 777

# A listener: Recv-Q is the accept queue (5 connections), Send-Q the backlog (16).
got=$(ours -tl 'select(.local_port == 8080) | "\(.recv_q) \(.send_q)"')
[[ $got == "5 16" ]] || fail "listener 127.0.0.1:8080: want '5 16' (accept queue, backlog), got '$got'"
same "listener" "$got" "$(theirs -tl sport = :8080)"

# A receiver that does not read: exactly the 3000 bytes sent.
got=$(ours -t 'select(.local_port == 9000) | "\(.recv_q) \(.send_q)"')
[[ $got == "3000 0" ]] || fail "receiver 127.0.0.1:9000: want '3000 0', got '$got'"
same "receiver" "$got" "$(theirs -t sport = :9000)"

# A sender blocked on a full window: bytes waiting for their ACK; its peer's queue is full.
got=$(ours -t 'select(.peer_port == 9100) | .send_q')
[[ $got =~ ^[0-9]+$ && $got -gt 0 ]] || fail "blocked sender: Send-Q '$got', want > 0"
same "blocked sender" "$(ours -t 'select(.peer_port == 9100) | "\(.recv_q) \(.send_q)"')" \
	"$(theirs -t dport = :9100)"
got=$(ours -t 'select(.local_port == 9100) | .recv_q')
[[ $got -gt 0 ]] || fail "blocked sender's peer: Recv-Q '$got', want > 0"
same "blocked sender's peer" "$(ours -t 'select(.local_port == 9100) | "\(.recv_q) \(.send_q)"')" \
	"$(theirs -t sport = :9100)"

# UDP: 4 datagrams queued; the queue counts their buffers, as /proc/net/udp does.
got=$(ours -ul 'select(.local_port == 5353) | .recv_q')
proc=$(ns_exec "$ns" awk '$2 ~ /:14E9$/ { split($5, q, ":"); print q[2] }' /proc/net/udp)
proc=$((16#${proc:-x}))
[[ $got -ge 800 ]] || fail "UDP receiver: Recv-Q $got, want at least the 4 x 200 bytes"
same "UDP receiver vs /proc/net/udp" "$got" "$proc"
same "UDP receiver" "$(ours -ul 'select(.local_port == 5353) | "\(.recv_q) \(.send_q)"')" \
	"$(theirs -ul sport = :5353)"

# UNIX: 777 unread bytes at the accepted end, which carries the listener's path.
got=$(ours -x "select(.local_addr == \"$tmp/test.sock\" and .state == \"ESTAB\") | .recv_q")
[[ $got == 777 ]] || fail "UNIX receiver: Recv-Q '$got', want 777"
got=$(ours -x "select(.local_addr == \"$tmp/test.sock\" and .state == \"ESTAB\") | \"\(.recv_q) \(.send_q)\"")
same "UNIX receiver" "$got" "$(ns_exec "$ns" ss -Hxn src "$tmp/test.sock" |
	awk '$2 == "ESTAB" { print $3, $4 }')"
got=$(ours -xl "select(.local_addr == \"$tmp/test.sock\") | \"\(.recv_q) \(.send_q)\"")
[[ $got == "0 8" ]] || fail "UNIX listener: want '0 8', got '$got'"

# Text agrees with JSON: the listener's line.
line=$("$SOCKEYE" -N "$ns" ss -tlH sport = :8080)
[[ $line =~ ^LISTEN\ +5\ +16\ +127\.0\.0\.1:8080\ +0\.0\.0\.0:\*$ ]] ||
	fail "text line for the listener: '$line'"

# Every TCP socket of the namespace, as ss lists them (state, queues, addresses).
diff <(ns_exec "$ns" ss -Htan | awk '{ print $1, $2, $3, $4, $5 }' | sort) \
	<("$SOCKEYE" -N "$ns" ss -Htan | awk '{ print $1, $2, $3, $4, $5 }' | sort) >"$tmp/diff" ||
	fail "sockets -tan differs from ss -tan: $(cat "$tmp/diff")"
echo "PASS: $NETNS_TEST"
