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
netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.97.0.1/24
addr_add "$B" vb 10.97.0.2/24
mac_a=$(ip -n "$A" -j link show va | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.97.0.2 lladdr "$mac_b" dev va nud permanent
ip -n "$B" neigh replace 10.97.0.1 lladdr "$mac_a" dev vb nud permanent

tmp=$(mktemp -d)
register_file "$tmp"
noports()
{
	ns_exec "$B" awk '$1 == "Udp:" && $2 != "InDatagrams" { print $3 }' /proc/net/snmp
}

start_sockeye "$tmp/sum" "$tmp/sum.err" -N "$B" -j drops --attach "$mode" -i 1000
grep -q "attached with $mode" "$tmp/sum.err" || fail "not attached with $mode: $(cat "$tmp/sum.err")"
before=$(noports)
ns_exec "$A" bash -c 'for ((i = 0; i < '"$N"'; i++)); do echo x >/dev/udp/10.97.0.2/9; done' ||
	fail "cannot send to the closed port"
sleep 1
stop_sockeye
after=$(noports)

[[ $((after - before)) -eq $N ]] || fail "the kernel's Udp NoPorts moved by $((after - before)), want $N"
jq -e . "$tmp/sum" >/dev/null || fail "summary output is not JSON: $(cat "$tmp/sum")"
got=$(jq -r '[.drops[] | select(.reason == "NO_SOCKET") | .count] | add // 0' "$tmp/sum")
total=$(jq -r .total_drops "$tmp/sum")
[[ $got -eq $N && $total -eq $N ]] ||
	fail "--attach $mode: NO_SOCKET $got, total $total, want $N: $(cat "$tmp/sum")"
echo "drops --attach $mode: NO_SOCKET $got of $N, Udp NoPorts +$((after - before))"
