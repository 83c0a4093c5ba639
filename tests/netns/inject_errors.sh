#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# inject_errors.sh: inject's bad input: one line on stderr naming the problem, exit 2 or 1.
#
# Usage errors (a template that does not parse, with the word; mixed address
# families; missing -i; options that do not go together) exit 2; what the
# system refuses (no such interface, one that is down or not Ethernet, an
# unreadable file, frames over the MTU, no CAP_NET_RAW) exits 1.  Nothing is sent.
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/inject_lib.sh"

inject_setup
echo "not a capture" >"$tmp/junk"

# expect STATUS PATTERN ARGS...: the exit status, and stderr is one line matching PATTERN.
expect()
{
	local want=$1 pattern=$2 rc

	shift 2
	ns_exec "$ns1" "$SOCKEYE" inject "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[[ $rc -eq $want ]] || fail "inject $*: exit $rc, want $want ($(cat "$tmp/err"))"
	[[ $(wc -l <"$tmp/err") -eq 1 ]] || fail "inject $*: not one line: $(cat "$tmp/err")"
	grep -qE -- "^sockeye: inject: $pattern" "$tmp/err" ||
		fail "inject $*: \"$(cat "$tmp/err")\" does not match \"$pattern\""
}

expect 1 'nosuch0: no such interface$' -i nosuch0 udp dst 10.0.0.1
ip -n "$ns1" link set va down
expect 1 'va: interface is down$' -i va udp dst 10.0.0.1
link_up "$ns1" va
expect 2 'template: "10\.0\.0\.300:9": not an IPv4 or IPv6 address$' \
	-i va udp dst 10.0.0.300:9
expect 2 'template: "bogus": unknown word' -i va udp dst 10.0.0.1 bogus
expect 2 'template: "2001:db8::1": address family mismatch' \
	-i va udp dst 10.0.0.1 src 2001:db8::1
expect 2 'template: "syn": syn does not apply to udp$' --dump udp syn dst 10.0.0.1
expect 2 'template: no destination' --dump udp src 10.0.0.1
expect 2 'template: "random": random follows a range' --dump udp dst 1.2.3.4 random
expect 2 '-i IFACE is needed' udp dst 10.0.0.1
expect 2 '--speed needs -r FILE' -i va --speed 2 udp dst 10.0.0.1
expect 2 '--pps: only one of' -i va --topspeed --pps 5 udp dst 10.0.0.1
expect 2 '--pps 0: packets per second' -i va --pps 0 udp dst 10.0.0.1
expect 2 '--vlan 4096: a VLAN id' -i va --vlan 4096 udp dst 10.0.0.1
expect 2 '--cpus 9999: workers from 1' -i va --cpus 9999 udp dst 10.0.0.1
expect 2 '-x needs --dump' -i va -x udp dst 10.0.0.1
expect 2 'filter: ' -i va -r "$tmp/junk" 'port port'
expect 1 "$tmp/nonexistent: No such file" -i va -r "$tmp/nonexistent"
expect 1 "$tmp/junk: not a pcap or pcapng file" -i va -r "$tmp/junk"
expect 1 'va: 2000-byte frames do not fit its MTU \(1500' -i va udp dst 10.0.0.1 len 2000
if ip -n "$ns1" tuntap add tun0 mode tun 2>/dev/null; then
	link_up "$ns1" tun0
	expect 1 'tun0: not an Ethernet device' -i tun0 udp dst 10.0.0.1
fi
if command -v setpriv >/dev/null; then
	rc=0
	ns_exec "$ns1" setpriv --bounding-set -net_raw -- "$SOCKEYE" inject -i va -c 1 \
		udp dst 10.0.0.1 >"$tmp/out" 2>"$tmp/err" || rc=$?
	[[ $rc -eq 1 && $(wc -l <"$tmp/err") -eq 1 ]] &&
		grep -q 'sending needs CAP_NET_RAW' "$tmp/err" ||
		fail "without CAP_NET_RAW: exit $rc, $(cat "$tmp/err")"
fi
# A file that takes nothing (/dev/full): said, exit 1, and WRITTEN counts what reached it, 0.
rc=0
ns_exec "$ns1" "$SOCKEYE" -j inject -w /dev/full -c 1000 udp dst 10.0.0.2 >"$tmp/out" 2>"$tmp/err" ||
	rc=$?
[[ $rc -eq 1 && $(wc -l <"$tmp/err") -eq 1 ]] &&
	grep -q '^sockeye: inject: -w /dev/full: No space left on device$' "$tmp/err" ||
	fail "inject -w /dev/full: exit $rc, $(cat "$tmp/err")"
written=$(jq 'select(.type == "stats") | .inject.written' "$tmp/out")
[[ $written == 0 ]] || fail "inject -w /dev/full: WRITTEN $written, not 0"
# --help is the one exit 0 here: the parser says "help" apart from its error statuses.
for h in --help -h; do
	rc=0
	ns_exec "$ns1" "$SOCKEYE" inject $h >"$tmp/out" 2>"$tmp/err" || rc=$?
	[[ $rc -eq 0 && ! -s $tmp/err ]] && grep -q '^usage: sockeye .*inject' "$tmp/out" ||
		fail "inject $h: exit $rc, stderr '$(cat "$tmp/err")'"
done
[[ $(ns_exec "$ns1" cat /sys/class/net/va/statistics/tx_packets) -eq 0 ]] ||
	fail "something was sent"
echo "PASS: $NETNS_TEST: every bad input got one line and the right exit status"
