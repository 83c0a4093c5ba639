#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# drops_nosock.sh MODE: N UDP datagrams to a closed port across a veth, with the drops program
# attached by MODE (tp_btf, raw_tp or kprobe): sockeye counts N NO_SOCKET drops, the reason named
# from this kernel's BTF, and the kernel's Udp NoPorts counter moved by N too.
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/bpf_lib.sh"
NETNS_TEST=drops_nosock_$1
mode=$1
N=50

need_root
. "$top_srcdir/tests/kernels/guest/veth_setup.sh"

start_sockeye "$tmp/sum" "$tmp/sum.err" -N "$B" -j drops --attach "$mode" -i 1000
grep -q "attached with $mode" "$tmp/sum.err" || fail "not attached with $mode: $(cat "$tmp/sum.err")"
before=$(udp_noports)
send_udp "$N" 9
sleep 1
stop_sockeye
after=$(udp_noports)

[[ $((after - before)) -eq $N ]] || fail "the kernel's Udp NoPorts moved by $((after - before)), want $N"
jq -e . "$tmp/sum" >/dev/null || fail "summary output is not JSON: $(cat "$tmp/sum")"
got=$(jq -r '[.drops[] | select(.reason == "NO_SOCKET") | .count] | add // 0' "$tmp/sum")
total=$(jq -r .total_drops "$tmp/sum")
[[ $got -eq $N && $total -eq $N ]] ||
	fail "--attach $mode: NO_SOCKET $got, total $total, want $N: $(cat "$tmp/sum")"
jq -e '[.drops[] | select(.iface != "vb" or .proto != "udp")] | length == 0' "$tmp/sum" \
	>/dev/null || fail "a row not on vb or not udp: $(cat "$tmp/sum")"
echo "drops --attach $mode: NO_SOCKET $got of $N (code $(jq -r '.drops[0].reason_code' "$tmp/sum")), Udp NoPorts +$((after - before))"
