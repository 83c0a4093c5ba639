#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why_qdisc.sh: a veth with a tiny TX queue and a tbf qdisc of a tiny limit, sent a burst: why
# names the qdisc first with as many drops as tc counts, and the limit read from the qdisc.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/why_lib.sh"

need_root
need_cmd jq python3 tc
send=$top_srcdir/tests/netns/drops_send.py
N=100

why_veth 10.96.5
ip -n "$A" link set va txqueuelen 2 || fail "cannot set va's txqueuelen"
# 1 Mbit/s with room for three 1000-byte datagrams: a burst of N overflows it.
tc -n "$A" qdisc replace dev va root tbf rate 1mbit burst 1600 limit 3000 ||
	fail "cannot add the tbf qdisc"
# B holds what arrives in a socket that never reads but has room: no loss there.
tmp=$(mktemp -d)
register_file "$tmp"
ip netns exec "$B" python3 "$send" hold 10.96.5.2 8888 4194304 >"$tmp/hold" &
register_pid $!
wait_until 10 grep -qs ready "$tmp/hold" || fail "the receiving socket did not start"

qdisc_drops()
{
	tc -n "$A" -s -j qdisc show dev va | jq '.[] | select(.root) | .drops'
}

before=$(qdisc_drops)
start_why "$tmp/out" "$tmp/err" -N "$A" -i va
ns_exec "$A" python3 "$send" udp 10.96.5.2 8888 "$N" 1000 || fail "cannot send the burst"
# What the qdisc holds drains at 1 Mbit/s: 3000 bytes in 24 ms.
sleep 0.5
stop_why "$tmp/out" "$tmp/err"
after=$(qdisc_drops)

want=$((after - before))
[[ $want -gt 0 && $want -lt $N ]] || fail "tc counted $want drops of $N"
[[ $(first_cause "$tmp/out") == qdisc ]] ||
	fail "verdict $(first_cause "$tmp/out"), want qdisc: $(jq -c .causes "$tmp/out")"
got=$(cause_drops "$tmp/out" qdisc)
[[ $got -eq $want ]] || fail "why counted $got qdisc drops, tc $want"
jq -e --argjson n "$want" '.devices[] | select(.iface == "va" and .qdisc == "tbf" and
	.qdisc_drops == $n and .qdisc_limit == 3000)' "$tmp/out" >/dev/null ||
	fail "va's tbf is not shown with $want drops: $(jq -c .devices "$tmp/out")"
[[ $(advice_value "$tmp/out" "tbf limit on va") == "3000 bytes" ]] ||
	fail "the advice does not read tbf's limit: $(jq -c .verdicts "$tmp/out")"
exit 0
