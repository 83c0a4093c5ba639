#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why_netfilter.sh: an nftables rule drops UDP to one port: why names netfilter first with as
# many drops as the rule's own counter, at its kernel location (drop reasons need BPF).
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/why_lib.sh"

need_root
need_cmd jq python3 nft
send=$top_srcdir/tests/netns/drops_send.py
N=30

why_veth 10.96.4
ns_exec "$B" nft -f - <<'NFT' || fail "cannot add the nftables rule"
table inet why_test {
	chain input {
		type filter hook input priority 0; policy accept;
		udp dport 7777 counter drop
	}
}
NFT

tmp=$(mktemp -d)
register_file "$tmp"
start_why "$tmp/out" "$tmp/err" -N "$B"
has_bpf "$tmp/out" 2>/dev/null
ns_exec "$A" python3 "$send" udp 10.96.4.2 7777 "$N" || fail "cannot send to the nft port"
sleep 0.3
stop_why "$tmp/out" "$tmp/err"
has_bpf "$tmp/out" || skip "no drop reasons here: $(jq -r '.layers[] |
	select(.layer == "kernel") | .absent' "$tmp/out")"

want=$(ns_exec "$B" nft -j list ruleset | jq '[.nftables[] | .rule? // empty | .expr[] |
	.counter? // empty | .packets] | add')
[[ $want -eq $N ]] || fail "the rule counted $want of $N"
[[ $(first_cause "$tmp/out") == netfilter ]] ||
	fail "verdict $(first_cause "$tmp/out"), want netfilter: $(jq -c .causes "$tmp/out")"
got=$(cause_drops "$tmp/out" netfilter)
[[ $got -eq $want ]] || fail "why counted $got, the rule $want"
jq -e '.causes[] | select(.cause == "netfilter" and .layer == "kernel" and
	(.location | length > 0))' "$tmp/out" >/dev/null ||
	fail "no location for the netfilter drops: $(jq -c .causes "$tmp/out")"
jq -e '.verdicts[0].advice[0].command | test("nft")' "$tmp/out" >/dev/null ||
	fail "no nft command: $(jq -c .verdicts "$tmp/out")"
exit 0
