#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_dumps.sh: the sock_diag dumps one top refresh costs, counted exactly (-v): the sockets
# panel's walks once per its period (TCP of both families in one walk), the packet
# sockets panel's every refresh, none for a panel --panels leaves out.
. "${top_srcdir:-.}/tests/netns/lib.sh"

need_root

netns_new A
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

# "N D" per sample: sample number and its dumps (stderr of top -v).
dumps()
{
	ip netns exec "$A" env SOCKEYE_SOCKITER=off timeout 60 "$SOCKEYE" top -b -v "$@" \
		>"$tmp/out" 2>"$tmp/err" || fail "top $*: $(cat "$tmp/err")"
	sed -n 's/^sockeye: top: sample \([0-9]*\): \([0-9]*\) sock_diag dumps$/\1 \2/p' "$tmp/err" |
		tr '\n' ' '
}

# Every panel at 0.25 s: the sockets panel (every 1 s: every 4th refresh) walks TCP once,
# UDP, raw (IPv4, IPv6) and unix: 6; the packet sockets panel one dump each refresh; the loss
# funnel (why's panel) none of its own: it reads top's sample (packet sockets among it) and
# shows no socket rows.
got=$(dumps -n 5 -d 0.25)
want="0 7 1 1 2 1 3 1 4 7 5 1 "
[[ $got == "$want" ]] || fail "every panel at 0.25 s: dumps per sample '$got', want '$want'"
grep -q '^-- sockets: fullest queues (every 1s) --$' "$tmp/out" ||
	fail "the sockets panel's title does not say its period: $(grep fullest "$tmp/out")"

# The sockets panel alone at 1 s: its 6 every refresh, no packet dump.
got=$(dumps -n 2 -d 1 --panels sockets)
want="0 6 1 6 2 6 "
[[ $got == "$want" ]] || fail "--panels sockets: dumps per sample '$got', want '$want'"
grep -q '^-- packet sockets --$' "$tmp/out" && fail "--panels sockets still shows packet sockets"

# The funnel alone: the packet sockets of top's sample, one dump a refresh, and its layers.
got=$(dumps -n 2 -d 0.5 --panels funnel)
want="0 1 1 1 2 1 "
[[ $got == "$want" ]] || fail "--panels funnel: dumps per sample '$got', want '$want'"
grep -q '^-- loss funnel (why): the drops panel has the reasons --$' "$tmp/out" ||
	fail "--panels funnel shows no funnel: $(head -c 600 "$tmp/out")"

# Panels without sockets: no dump at all.
got=$(dumps -n 2 -d 0.1 --panels softirqs,softnet,interfaces)
want="0 0 1 0 2 0 "
[[ $got == "$want" ]] || fail "--panels without sockets: dumps per sample '$got', want '$want'"

# A name that is no panel's is a usage error.
ip netns exec "$A" "$SOCKEYE" top -b --panels sockets,nope >/dev/null 2>"$tmp/err"
[[ $? -eq 2 ]] || fail "--panels nope: exit status not 2"
grep -q "^sockeye: top: --panels sockets,nope: no panel nope (panels: softirqs, " "$tmp/err" ||
	fail "--panels nope: $(cat "$tmp/err")"
exit 0
