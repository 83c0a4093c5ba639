#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets_parallel.sh: the one-shot listing receives its dumps on threads (and IPv6 beside
# IPv4) when a second CPU is there; on one CPU it reads them in turn.  Both list the same
# sockets in the same order as ss: IPv4 first, then IPv6, the kernel's order within each,
# with more datagrams than the receiver queues ahead (its back-pressure runs).
. "$top_srcdir/tests/netns/lib.sh"
need_root
need_cmd ss taskset python3

[[ $(nproc) -gt 1 ]] || skip "one CPU: the threaded dumps are not used here"
tmp=$(mktemp -d) || exit 99
register_file "$tmp"
netns_new ns
ip -n "$ns" link set lo up

# 3000 IPv4 and 300 IPv6 loopback connections (both ends) and their listeners, held open.
ip netns exec "$ns" python3 -c '
import socket, time
held = []
for fam, addr, port, n in ((socket.AF_INET, "127.0.0.1", 7000, 3000),
                           (socket.AF_INET6, "::1", 7100, 300)):
    l = socket.socket(fam)
    l.bind((addr, port))
    l.listen(4096)
    held.append(l)
    for i in range(n):
        c = socket.socket(fam)
        c.connect((addr, port))
        held += [c, l.accept()[0]]
print("ready", flush=True)
time.sleep(120)
' >"$tmp/holder" 2>&1 &
register_pid $!
wait_until 30 grep -q '^ready' "$tmp/holder" || fail "socket holder: $(cat "$tmp/holder")"

# The same selection from ss, from sockeye on both CPUs and from sockeye on one.
for args in "-tan" "-tan sport = :7000" "-ta state established"; do
	# shellcheck disable=SC2086
	ns_exec "$ns" ss -Hn $args | awk '{ print $(NF - 1), $NF }' >"$tmp/ss"
	# shellcheck disable=SC2086
	"$SOCKEYE" -N "$ns" sockets -Hn $args >"$tmp/two" || fail "sockets $args failed"
	# shellcheck disable=SC2086
	taskset -c 0 "$SOCKEYE" -N "$ns" sockets -Hn $args >"$tmp/one" ||
		fail "taskset -c 0 sockets $args failed"
	cmp -s "$tmp/one" "$tmp/two" || fail "sockets $args: threaded and one-CPU listings differ:
$(diff "$tmp/one" "$tmp/two" | head -5)"
	awk '{ print $(NF - 1), $NF }' "$tmp/two" >"$tmp/addrs"
	cmp -s "$tmp/ss" "$tmp/addrs" || fail "sockets $args: not ss's sockets in ss's order:
$(diff "$tmp/ss" "$tmp/addrs" | head -5)"
done
n=$(wc -l <"$tmp/ss")
[[ $n -eq 6600 ]] || fail "ss -ta state established lists $n sockets, want 6600 (the holder's)"
echo "PASS: $NETNS_TEST"
