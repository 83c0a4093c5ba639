#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why_xdp.sh: an XDP program dropping in the driver: rx_dropped and kfree_skb see nothing, the
# driver's per-queue statistics do (veth: rx_queue_0_xdp_drops).  why names xdp_drop first with
# exactly the datagrams sent, the queue that dropped them in its queues table, and the command
# that shows the program.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/why_lib.sh"

need_root
need_cmd jq python3 clang ethtool
send=$top_srcdir/tests/netns/drops_send.py
N=30

tmp=$(mktemp -d)
register_file "$tmp"
# The smallest XDP program: every packet XDP_DROP (1); no headers needed.
cat >"$tmp/drop.c" <<'PROG'
__attribute__((section("xdp"), used)) int drop_all(void *ctx) { return 1; }
char _license[] __attribute__((section("license"), used)) = "GPL";
PROG
clang -O2 -target bpf -c "$tmp/drop.c" -o "$tmp/drop.o" 2>"$tmp/clang.err" ||
	skip "clang cannot build a BPF object: $(head -1 "$tmp/clang.err")"

why_veth 10.96.9
ip -n "$B" link set dev vb xdpdrv obj "$tmp/drop.o" sec xdp 2>"$tmp/xdp.err" ||
	skip "this kernel cannot attach XDP to a veth: $(head -1 "$tmp/xdp.err")"
xdp_drops()
{
	ns_exec "$B" ethtool -S vb | awk '$1 == "rx_queue_0_xdp_drops:" { print $2 }'
}
before=$(xdp_drops)
[[ -n $before ]] || fail "vb has no rx_queue_0_xdp_drops: $(ns_exec "$B" ethtool -S vb)"
start_why "$tmp/out" "$tmp/err" -N "$B" -i vb
ns_exec "$A" python3 "$send" udp 10.96.9.2 9 "$N" || fail "cannot send the datagrams"
sleep 0.3
stop_why "$tmp/out" "$tmp/err"
after=$(xdp_drops)

want=$((after - before))
[[ $want -eq $N ]] || fail "the driver counted $want XDP drops of $N"
# The device's own rx_dropped stays 0: the loss is seen per queue only.
jq -e '.devices[0].rx_dropped == 0' "$tmp/out" >/dev/null ||
	fail "vb's rx_dropped moved: $(jq -c .devices "$tmp/out")"
[[ $(first_cause "$tmp/out") == xdp_drop ]] ||
	fail "verdict $(first_cause "$tmp/out"), want xdp_drop: $(jq -c .causes "$tmp/out")"
got=$(cause_drops "$tmp/out" xdp_drop)
[[ $got -eq $want ]] || fail "why counted $got XDP drops, the driver $want"
jq -e --argjson n "$N" '.queues == [{"iface": "vb", "queue": 0, "drops": $n,
	"drops_per_s": .queues[0].drops_per_s, "xdp_drops": $n, "pps": .queues[0].pps,
	"packets": .queues[0].packets}]' "$tmp/out" >/dev/null ||
	fail "queues table: $(jq -c .queues "$tmp/out")"
jq -e --argjson n "$N" '.devices[0].xdp_drops == $n and .devices[0].rx_queue_drops == 0' \
	"$tmp/out" >/dev/null || fail "devices: $(jq -c .devices "$tmp/out")"
jq -e '.verdicts[0].advice[0].command | test("bpftool net show dev vb")' "$tmp/out" \
	>/dev/null || fail "advice: $(jq -c '.verdicts[0]' "$tmp/out")"
# No ring overrun is claimed for drops the program chose.
[[ $(cause_drops "$tmp/out" ring_dropped) -eq 0 ]] ||
	fail "ring_dropped claimed: $(jq -c .causes "$tmp/out")"
exit 0
