#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# napi_veth.sh MODE: a veth with GRO polls its peer's datagrams with NAPI: sockeye napi, attached
# by MODE (tp_btf or kprobe), counts the N packets that vb's own rx_packets counter counts.
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/bpf_lib.sh"
NETNS_TEST=napi_veth_$1
mode=$1
N=100

need_root
. "$top_srcdir/tests/kernels/guest/veth_setup.sh"
# GRO on (turned on while up) gives vb a NAPI instance that takes the peer's socket packets.
ns_exec "$B" ethtool -K vb gro on rx-udp-gro-forwarding on >/dev/null ||
	fail "ethtool cannot turn GRO on for vb"

start_sockeye "$tmp/napi" "$tmp/napi.err" -N "$B" -j napi --iface vb --attach "$mode" -i 1000
grep -q "attached with $mode" "$tmp/napi.err" || fail "not attached with $mode: $(cat "$tmp/napi.err")"
before=$(link_stat "$B" vb rx packets)
send_udp "$N" 9
sleep 1
stop_sockeye
after=$(link_stat "$B" vb rx packets)

[[ $((after - before)) -eq $N ]] || fail "vb's rx_packets moved by $((after - before)), want $N"
jq -e . "$tmp/napi" >/dev/null || fail "output is not JSON: $(cat "$tmp/napi")"
packets=$(jq '[.napi[] | select(.iface == "vb") | .packets] | add // 0' "$tmp/napi")
polls=$(jq '[.napi[] | select(.iface == "vb") | .polls] | add // 0' "$tmp/napi")
[[ $packets -eq $N ]] || fail "NAPI of vb handled $packets packets, $N were sent: $(cat "$tmp/napi")"
[[ $polls -ge 1 && $polls -le $N ]] || fail "$polls polls for $N packets"
jq -e '.napi[] | select(.iface == "vb") | (.polls_idle + .polls_le_25pct + .polls_le_50pct +
	.polls_le_75pct + .polls_lt_100pct + .polls_full) == .polls and .napi_id > 0' \
	"$tmp/napi" >/dev/null || fail "histogram or napi_id wrong: $(jq -c .napi "$tmp/napi")"
echo "napi --attach $mode: $packets packets in $polls polls, vb rx_packets +$((after - before))"
