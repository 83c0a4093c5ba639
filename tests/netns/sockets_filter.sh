#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets_filter.sh: filters select exactly the expected sockets, the same ones ss selects,
# and for inet sockets the kernel applies them (a recording of the dump holds only matches).
. "$top_srcdir/tests/netns/lib.sh"
need_root
need_cmd ss jq
SOCKFARM=$top_builddir/tests/tools/sockfarm
[[ -x $SOCKFARM ]] || skip "tests/tools/sockfarm is not built"

tmp=$(mktemp -d) || exit 99
register_file "$tmp"
NETNS_KEEP_IPV6=1
netns_new ns
ns_exec "$ns" ip link add va type veth peer name vb || fail "cannot create veth in $ns"
link_up "$ns" va
link_up "$ns" vb
addr_add "$ns" va 10.88.0.1/24
addr_add "$ns" vb 10.88.0.2/24
ns_exec "$ns" ip addr add fd00:88::1/64 dev va nodad || fail "cannot add fd00:88::1 to va"

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

# Listeners on 8080 (3 waiting connections), 9000 (one connection), 7000 bound to vb,
# UDP on [fd00:88::1]:5353, and a UNIX pair at $tmp/f.sock.
start l8080 backlog 10.88.0.1 8080 16 3
start l9000 recvq 127.0.0.1 9000 10
start l7000 bound 10.88.0.2 7000 vb
start udp6 udp fd00:88::1 5353 2 10
start unix unix "$tmp/f.sock" 1

# ENDPOINTS ARGS...: "netid local peer" of each socket sockeye lists, sorted.
ours()
{
	"$SOCKEYE" -N "$ns" -j sockets "$@" | jq -r '.sockets[] | "\(.netid) \(.local) \(.peer)"' |
		sort
}

# check NAME WANT_COUNT ARGS...: sockeye and ss agree on ARGS and list WANT_COUNT sockets.
check()
{
	local name=$1 want=$2 a b

	shift 2
	a=$(ours -A inet "$@")
	# ss leaves the State column out when one state is asked for: count from the end.
	b=$(ns_exec "$ns" ss -Hn -A inet "$@" 2>/dev/null | awk '{ print $1, $(NF - 1), $NF }' | sort)
	# ss prints its netid; with -A inet both list tcp/udp/raw rows.
	[[ $a == "$b" ]] || fail "$name: sockeye and ss differ for '$*':
--- sockeye
$a
--- ss
$b"
	[[ $(grep -c . <<<"$a") -eq $want ]] ||
		fail "$name: $(grep -c . <<<"$a") sockets for '$*', want $want:
$a"
}

check "one port"          1  -a sport = :7000
check "port either side"  7  -a '( sport = :8080 or dport = :8080 )'
check "not and"           3  -a 'dport = :8080 and not src 127.0.0.0/8'
check "range"             3  -a 'sport >= :7000 and sport < :9001 and not dport > :0'
check "prefix"            1  -a dst 127.0.0.0/8 and sport = :9000
check "ipv6"              1  -a 'src [fd00:88::1]:5353'
check "v6 prefix"         2  -a src fd00:88::/64
check "device"            1  -a dev = vb
check "not device"        1  -l not dev vb and sport = :8080
check "state words"       3  state listening
check "states and expr"   2  state established exclude listening '( sport = :9000 or dport = :9000 )'
check "bucket"            0  state bucket
check "fwmark"            0  -a fwmark = 0x1234
# autobound as ss has it: the kernel chose the port (no bind) and it is an ephemeral one.
# Of the connection to 9000 that is the client alone: the accepted socket has no port lock
# either (the kernel's test passes it) but a fixed port; the listener was bound.
check "autobound"         1  -a 'autobound and ( sport = :9000 or dport = :9000 )'
check "not autobound"     1  -a 'not autobound and ( sport = :9000 or dport = :9000 )'
check "autobound, all"    5  -a autobound

# UNIX: a path pattern selects the pair's named end and its listener.
got=$(ours -x -a src "$tmp/*.sock" | wc -l)
[[ $got -eq 2 ]] || fail "src $tmp/*.sock: $got UNIX sockets, want 2"

# The kernel filtered the inet dump: a recording made with the filter holds only the
# matching socket, so replaying it without a filter still lists only that one.
"$SOCKEYE" -N "$ns" sockets -ta --dump-raw "$tmp/rec" sport = :7000 >/dev/null ||
	fail "sockets --dump-raw failed"
got=$("$SOCKEYE" sockets -ta -H --replay "$tmp/rec" | awk '{ print $4 }')
[[ $got == "10.88.0.2%vb:7000" ]] || fail "the recorded dump was not filtered by the kernel: '$got'"
# The recorded namespace's names came along: dev vb resolves in the replay.
got=$("$SOCKEYE" sockets -ta -H --replay "$tmp/rec" dev vb | wc -l)
[[ $got -eq 1 ]] || fail "dev vb in the replay: $got sockets, want 1"

# Unknown device: a usage error naming it; a bad expression likewise.
"$SOCKEYE" -N "$ns" sockets -t dev nosuch0 >/dev/null 2>"$tmp/err"
rc=$?
[[ $rc -eq 2 && $(<"$tmp/err") == *"dev nosuch0: no such interface"* ]] ||
	fail "dev nosuch0: exit $rc, stderr: $(<"$tmp/err")"
echo "PASS: $NETNS_TEST"
