#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_bpf.sh: top -b -j's BPF panels between two snapshots: the drops panel counts the N
# datagrams to a closed port as NO_SOCKET on vb (Udp NoPorts agrees), the NAPI panel the N
# packets vb's GRO polled (its rx_packets agrees), and the interfaces panel the same packets.
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/bpf_lib.sh"
N=60

need_root
. "$top_srcdir/tests/kernels/guest/veth_setup.sh"
ns_exec "$B" ethtool -K vb gro on rx-udp-gro-forwarding on >/dev/null ||
	fail "ethtool cannot turn GRO on for vb"

out=$tmp/top.json
"$SOCKEYE" -N "$B" -j top -b -n 2 -d 8 >"$out" 2>"$tmp/top.err" &
top_pid=$!
register_pid "$top_pid"
wait_until 60 test -s "$out" || fail "no first snapshot: $(cat "$tmp/top.err")"
nop_before=$(udp_noports)
rx_before=$(link_stat "$B" vb rx packets)
send_udp "$N" 9
nop_after=$(udp_noports)
rx_after=$(link_stat "$B" vb rx packets)
wait "$top_pid" || fail "sockeye top exited with $?: $(cat "$tmp/top.err")"
[[ $(wc -l <"$out") -eq 2 ]] || fail "expected 2 NDJSON lines, got $(wc -l <"$out")"
[[ $((nop_after - nop_before)) -eq $N && $((rx_after - rx_before)) -eq $N ]] ||
	fail "the kernel counted $((nop_after - nop_before)) NoPorts and $((rx_after - rx_before)) packets, want $N"
snap=$(sed -n 2p "$out")
q() { jq -r "$@" <<<"$snap"; }

[[ -z $(q '.drops_error // empty') && -z $(q '.napi_error // empty') ]] ||
	fail "a BPF panel failed: $(q -c '{drops_error, napi_error}')"
got=$(q '[.drops[] | select(.reason == "NO_SOCKET" and .iface == "vb") | .count] | add // 0')
[[ $got -eq $N ]] || fail "drops panel: $got NO_SOCKET drops on vb, sent $N: $(q -c .drops)"
napi=$(q '[.napi[] | select(.iface == "vb") | .packets] | add // 0')
[[ $napi -eq $N ]] || fail "NAPI panel: vb polled $napi packets, sent $N: $(q -c .napi)"
d1=$(sed -n 1p "$out" | jq -r '.interfaces[] | select(.iface == "vb") | .rx_packets')
d2=$(q '.interfaces[] | select(.iface == "vb") | .rx_packets')
[[ $((d2 - d1)) -eq $N ]] || fail "interfaces panel: vb rx_packets grew by $((d2 - d1)), sent $N"
echo "top -b: drops panel NO_SOCKET $got, NAPI panel $napi packets, interfaces +$((d2 - d1))"
