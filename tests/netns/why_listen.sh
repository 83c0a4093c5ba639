#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why_listen.sh: a listener with backlog 1 that never accepts and a burst of connects: why names
# the listen overflow first with TcpExt ListenOverflows over the interval, and reads somaxconn
# in the namespace.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/why_lib.sh"

need_root
need_cmd jq python3
N=20

why_veth 10.96.2
# The namespace's own somaxconn (a per-namespace setting): why must read this one.
ns_exec "$B" sysctl -qw net.core.somaxconn=77 || fail "cannot set somaxconn in $B"
# No SYN cookies: an overflowing listener then drops, as ListenOverflows counts.
ns_exec "$B" sysctl -qw net.ipv4.tcp_syncookies=0 || fail "cannot turn SYN cookies off in $B"

tmp=$(mktemp -d)
register_file "$tmp"
ip netns exec "$B" python3 -c '
import socket, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.96.2.2", 7070))
s.listen(1)
print("ready", flush=True)
time.sleep(3600)' >"$tmp/listen" &
register_pid $!
wait_until 10 grep -qs ready "$tmp/listen" || fail "the listener did not start"

before=$(snmp_value "$B" netstat TcpExt ListenOverflows)
start_why "$tmp/out" "$tmp/err" -N "$B"
# N connects at once; closed after a moment, so no SYN is sent again once why has stopped.
ns_exec "$A" python3 -c '
import socket, sys, time
socks = []
for _ in range(int(sys.argv[1])):
    c = socket.socket()
    c.setblocking(False)
    c.connect_ex(("10.96.2.2", 7070))
    socks.append(c)
time.sleep(0.5)
for c in socks:
    c.close()' "$N" || fail "cannot connect"
sleep 0.3
stop_why "$tmp/out" "$tmp/err"
after=$(snmp_value "$B" netstat TcpExt ListenOverflows)

want=$((after - before))
[[ $want -gt 0 ]] || fail "the kernel counted no listen overflow"
[[ $(first_cause "$tmp/out") == listen_overflow ]] ||
	fail "verdict $(first_cause "$tmp/out"), want listen_overflow: $(jq -c .causes "$tmp/out")"
got=$(cause_drops "$tmp/out" listen_overflow)
[[ $got -eq $want ]] || fail "why counted $got listen overflows, the kernel $want"
[[ $(advice_value "$tmp/out" net.core.somaxconn) == 77 ]] ||
	fail "somaxconn not read in the namespace: $(jq -c .verdicts "$tmp/out")"
jq -e --arg c "ip netns exec $B sysctl -w net.core.somaxconn=4096" '.verdicts[0].advice[] |
	select(.setting == "net.core.somaxconn" and .scope == "netns" and .command == $c)' \
	"$tmp/out" >/dev/null || fail "no somaxconn command for $B: $(jq -c .verdicts "$tmp/out")"
# The listener: its backlog as listen(2) set it.
[[ $(advice_value "$tmp/out" "listen backlog of tcp port 7070") == "1 "* ]] ||
	fail "the listener's backlog is not 1: $(jq -c .verdicts "$tmp/out")"
exit 0
