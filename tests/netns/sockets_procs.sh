#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets_procs.sh: -p names the process and descriptor holding each socket (the test's own
# sockfarm and its fds, as ss -p does), every holder of a shared socket, in text and JSON.
. "$top_srcdir/tests/netns/lib.sh"
need_root
need_cmd ss jq
SOCKFARM=$top_builddir/tests/tools/sockfarm
[[ -x $SOCKFARM ]] || skip "tests/tools/sockfarm is not built"

tmp=$(mktemp -d) || exit 99
register_file "$tmp"
netns_new ns

: >"$tmp/farm"
ip netns exec "$ns" "$SOCKFARM" recvq 127.0.0.1 9000 10 >"$tmp/farm" 2>&1 &
register_pid $!
wait_until 10 grep -q '^ready' "$tmp/farm" || fail "sockfarm: $(cat "$tmp/farm")"
pid=$(awk '$1 == "ready" { print $2 }' "$tmp/farm")
lfd=$(awk '$1 == "listener" { print $2 }' "$tmp/farm")
sfd=$(awk '$1 == "server" { print $2 }' "$tmp/farm")

# JSON: pid, fd and comm of the listener and of the accepted socket (processes: one owner).
json=$("$SOCKEYE" -N "$ns" -j sockets -tap) || fail "sockets -tap failed"
got=$(jq -r '.sockets[] | select(.state == "LISTEN" and .local_port == 9000) |
	.processes[] | "\(.pid) \(.fd) \(.comm)"' <<<"$json")
[[ $got == "$pid $lfd sockfarm" ]] || fail "listener: want '$pid $lfd sockfarm', got '$got'"
got=$(jq -r '.sockets[] | select(.state == "ESTAB" and .local_port == 9000) |
	.processes[] | "\(.pid) \(.fd)"' <<<"$json")
[[ $got == "$pid $sfd" ]] || fail "accepted socket: want '$pid $sfd', got '$got'"

# Text agrees with ss -p: the same owners for each socket, ss's users:((...)) unwrapped.
diff <(ns_exec "$ns" ss -Htanp | awk '{ sub(/^users:\(/, "", $6); sub(/\)$/, "", $6)
	print $4, $5, $6 }' | sort) \
	<("$SOCKEYE" -N "$ns" sockets -tanpH | awk '{ print $4, $5, $6 }' | sort) >"$tmp/diff" ||
	fail "sockets -tanp and ss -tanp name other owners: $(cat "$tmp/diff")"

# A socket shared by two processes lists both: sockfarm's forked child keeps the listener.
: >"$tmp/shared"
ip netns exec "$ns" "$SOCKFARM" shared 127.0.0.1 9500 >"$tmp/shared" 2>&1 &
register_pid $!
wait_until 10 grep -q '^ready' "$tmp/shared" || fail "sockfarm shared: $(cat "$tmp/shared")"
parent=$(awk '$1 == "ready" { print $2 }' "$tmp/shared")
child=$(awk '$1 == "child" { print $2 }' "$tmp/shared")
fd=$(awk '$1 == "listener" { print $2 }' "$tmp/shared")
got=$("$SOCKEYE" -N "$ns" sockets -tlpH sport = :9500 | awk '{ print $6 }')
for p in "$parent" "$child"; do
	[[ $got == *"(\"sockfarm\",pid=$p,fd=$fd)"* ]] || fail "shared listener: $p missing from $got"
done
[[ $(grep -o 'pid=' <<<"$got" | wc -l) -eq 2 ]] || fail "shared listener: want 2 owners: $got"
# JSON types every owner, not only the first: processes is [{pid, comm, fd}] of both.
got=$("$SOCKEYE" -N "$ns" -j sockets -tlp sport = :9500 |
	jq -r '.sockets[].processes[] | "\(.pid) \(.comm) \(.fd)"' | sort -n | tr '\n' ' ')
want=$(printf '%s sockfarm %s\n' "$parent" "$fd" "$child" "$fd" | sort -n | tr '\n' ' ')
[[ $got == "$want" ]] || fail "shared listener in JSON: want owners $want, got $got"
echo "PASS: $NETNS_TEST"
