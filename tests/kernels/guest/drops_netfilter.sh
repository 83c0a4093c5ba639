#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# drops_netfilter.sh: N UDP datagrams to a port an nftables rule drops: sockeye drops counts N
# NETFILTER_DROP (the name from this kernel's BTF), as many as the rule's own counter.
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/bpf_lib.sh"
NETNS_TEST=drops_netfilter
N=30

need_root
. "$top_srcdir/tests/kernels/guest/veth_setup.sh"
ns_exec "$B" nft -f - <<'NFT' || fail "cannot add the nftables rule"
table inet sockeye_test {
	chain input {
		type filter hook input priority 0; policy accept;
		udp dport 7777 counter drop
	}
}
NFT

start_sockeye "$tmp/sum" "$tmp/sum.err" -N "$B" -j drops -i 1000
send_udp "$N" 7777
sleep 1
stop_sockeye
rule=$(ns_exec "$B" nft -j list table inet sockeye_test |
	jq '[.nftables[] | .rule? // empty | .expr[] | .counter? // empty | .packets] | add')
[[ $rule -eq $N ]] || fail "the rule's counter says $rule, want $N"
got=$(jq -r '[.drops[] | select(.reason == "NETFILTER_DROP") | .count] | add // 0' "$tmp/sum")
total=$(jq -r .total_drops "$tmp/sum")
[[ $got -eq $N && $total -eq $N ]] ||
	fail "NETFILTER_DROP $got, total $total, want $N: $(cat "$tmp/sum")"
echo "drops: NETFILTER_DROP $got of $N (code $(jq -r '.drops[0].reason_code' "$tmp/sum")), the rule's counter $rule"
